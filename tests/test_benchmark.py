"""The backlog benchmark runs end to end on a small mailbox (a smoke test: nothing is timed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
ROWS = ("1 limit", "2 replydraft first scan", "3 peer", "4 classification alone", "4b detect alone",
        "5 push latency p50", "5 push latency p95", "6 peak RSS of the scan, N = 200", "6 peak RSS of the scan, N = 50",
        "7 start-up")


def test_the_backlog_benchmark_prints_every_row_and_writes_json(dovecot_servers, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "backlog.py"), "--n", "200", "--quick",
                           "--json", str(out)], env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    for row in ROWS:
        assert row in done.stdout, f"{row!r} missing from:\n{done.stdout}"
    result = json.loads(out.read_text())
    assert result["n"] == 200 and result["mailbox"]["messages"] == 200
    by_key = {row["key"]: row for row in result["rows"]}
    assert {"limit", "scan", "peer", "classify", "classify_detect", "push_p50", "push_p95", "rss", "rss_quarter",
            "startup"} <= set(by_key)
    assert all(by_key[k]["value"] is not None for k in ("limit", "scan", "classify", "push_p95", "rss", "startup"))
    assert by_key["scan"]["detail"].count("drafts") == 1
