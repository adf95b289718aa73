"""`make test`, `make lint` and `make bench` work in a venv of their own and leave the caller's Python alone."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CALLER = "/the/callers/python3"      # what PYTHON (the Python make is run with) is set to


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("target", ["test", "lint", "bench"])
def test_make_installs_and_runs_only_in_its_own_venv(tmp_path: Path, target: str) -> None:
    venv = tmp_path / "venv"
    done = subprocess.run(["make", "-n", target, f"TEST_VENV={venv}", f"PYTHON={CALLER}"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    commands = done.stdout
    installs = re.findall(r"^(\S+) -m pip install", commands, re.MULTILINE)
    assert installs == [f"{venv}/bin/python"]
    assert f"{CALLER} -m venv {venv}" in commands
    assert not re.search(rf"{CALLER} (?!-m venv|-c \"import ensurepip)", commands)   # made the venv, nothing else
    runs = {"test": "-m pytest", "lint": "-m ruff check", "bench": "benchmarks/backlog.py"}[target]
    assert f"{venv}/bin/python {runs}" in commands
