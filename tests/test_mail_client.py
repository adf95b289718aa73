"""A draft in a real mail client: neomutt (Debian's package) in a tmux pane shows the format=flowed
reply and quoted original as plain paragraphs, filled to the window whatever its width, with
no continuation marks and ``>`` on every quoted line. Fails instead of skipping under
REPLYDRAFT_REQUIRE_CLIENT=1. (Thunderbird is checked by hand: tests/manual/thunderbird-flowed.sh.)"""

from __future__ import annotations

import email
import email.policy
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from support.flowed import unflow
from support.sample_draft import sofa_draft, write_mbox

pytestmark = [pytest.mark.client, pytest.mark.integration]

NEOMUTT, TMUX = shutil.which("neomutt"), shutil.which("tmux")
MUTTRC = """set reflow_text = yes
set reflow_wrap = 0
set markers = yes
set help = no
set pager_stop = yes
set mail_check = 0
set charset = "utf-8"
unset wait_key
ignore *
unignore subject
"""


@pytest.fixture(scope="module")
def client() -> tuple[str, str]:
    if NEOMUTT is None or TMUX is None:
        if os.environ.get("REPLYDRAFT_REQUIRE_CLIENT") == "1":
            pytest.fail("REPLYDRAFT_REQUIRE_CLIENT=1 but neomutt or tmux is missing: apt-get install neomutt tmux",
                        pytrace=False)
        pytest.skip("neomutt or tmux is not installed (apt-get install neomutt tmux)")
    return NEOMUTT, TMUX


def shown(client: tuple[str, str], tmp_path: Path, width: int) -> list[str]:
    """The screen lines of the draft open in neomutt's pager, ``width`` columns wide (status line left out)."""
    neomutt, tmux = client
    mbox, muttrc = tmp_path / "mbox", tmp_path / "muttrc"
    write_mbox(mbox)
    # its own folder: neomutt asks before it creates ~/Mail, which a new machine doesn't have
    muttrc.write_text(MUTTRC + f'set folder = "{tmp_path}"\n')
    server = ["tmux", "-L", f"replydraft-{os.getpid()}-{width}"]
    # LINES and COLUMNS (set under pytest-xdist) would override the pane's size for neomutt's curses
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "TMUX")}
    env |= {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    subprocess.run([*server, "new-session", "-d", "-x", str(width), "-y", "60",
                    f"{neomutt} -n -F {muttrc} -R -f {mbox}"], check=True, env=env, executable=tmux)
    try:
        wait_for(server, tmux, "Re: ORDER 88213")                  # the index
        subprocess.run([*server, "send-keys", "Enter"], check=True, executable=tmux)
        return wait_for(server, tmux, "Kind regards")[:-2]       # the pager; its status line is last
    finally:
        subprocess.run([*server, "kill-server"], check=False, executable=tmux)


def wait_for(server: list[str], tmux: str, text: str) -> list[str]:
    deadline = time.monotonic() + 20
    while True:
        screen = subprocess.run([*server, "capture-pane", "-p"], capture_output=True, text=True,
                                executable=tmux).stdout
        if text in screen:
            return [line.rstrip() for line in screen.rstrip("\n").split("\n")]
        if time.monotonic() > deadline:
            raise AssertionError(f"neomutt never showed {text!r}; the screen:\n{screen}")
        time.sleep(0.2)


def draft_words() -> list[str]:
    body = email.message_from_bytes(sofa_draft(), policy=email.policy.default).get_body(("plain",))
    return " ".join(paragraph for _, paragraph in unflow(body.get_content())).split()


@pytest.mark.parametrize("width", [120, 60])
def test_neomutt_shows_the_flowed_draft_as_paragraphs_filled_to_its_window(client, tmp_path: Path,
                                                                           width: int) -> None:
    lines = shown(client, tmp_path, width)
    text = lines[lines.index("Hello Gemma,"):]
    quote = text[next(i for i, line in enumerate(text) if line.endswith("wrote:")) + 1:]
    quote = quote[:next((i for i, line in enumerate(quote) if not line), len(quote))]
    # every word in order, and no continuation mark ("+" before a wrapped line's first word, markers=yes)
    assert [w for line in text for w in line.split() if w.strip(">")] == draft_words()
    assert len(quote) >= 4 and all(line.startswith(">") for line in quote)
    assert all(len(line) <= width for line in text)
    if width > 78:        # the 78-column lines the draft was sent in are joined again to fill the window
        assert max(len(line) for line in text) > 78
