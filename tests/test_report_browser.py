"""The HTML report in a real headless Chromium (Debian's package): it renders, the chart is
drawn, and the console stays clean. Fails instead of skipping under REPLYDRAFT_REQUIRE_BROWSER=1."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from replydraft.cli import main

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def browser() -> str:
    if CHROMIUM is None:
        if os.environ.get("REPLYDRAFT_REQUIRE_BROWSER") == "1":
            pytest.fail("REPLYDRAFT_REQUIRE_BROWSER=1 but Chromium is not installed: apt-get install chromium",
                        pytrace=False)
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


def chromium(binary: str, tmp_path: Path, *args: str) -> tuple[str, str]:
    done = subprocess.run([binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                           "--v=0", f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=60)
    return done.stdout, done.stderr


def console_messages(stderr: str) -> list[str]:
    return re.findall(r":CONSOLE[^\]]*\] (.*)", stderr)


def test_the_report_renders_with_its_chart_and_no_console_errors(browser: str, tmp_path: Path, capsys) -> None:
    assert main(["demo", str(tmp_path / "d")]) == 0
    config = tmp_path / "rd.toml"
    config.write_text(f'[state]\npath = "{tmp_path / "d" / "replydraft.db"}"\n[policy]\ncompany = "Acme Design Co"\n')
    report = tmp_path / "report.html"
    assert main(["report", "--config", str(config), "--out", str(report)]) == 0
    capsys.readouterr()

    dom, stderr = chromium(browser, tmp_path, "--dump-dom", report.as_uri())
    assert "<h1>Escalations at Acme Design Co</h1>" in dom
    assert len(re.findall(r'<rect class="bar"', dom)) >= 5                     # the chart was laid out
    assert "Martin Keller" in dom and "I will leave a 1-star review" in dom
    assert console_messages(stderr) == [], console_messages(stderr)

    shot = tmp_path / "report.png"
    chromium(browser, tmp_path, "--window-size=1200,1800", f"--screenshot={shot}", report.as_uri())
    assert shot.stat().st_size > 30_000                                          # a page, not a blank

    # The console check itself works: a page with a script error is caught.
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><script>missing();</script></body></html>")
    assert any("Uncaught ReferenceError" in m for m in console_messages(chromium(browser, tmp_path, "--dump-dom",
                                                                                  bad.as_uri())[1]))
