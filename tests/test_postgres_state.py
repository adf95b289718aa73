"""`[state] url`: the whole tool on a real PostgreSQL and a real Dovecot, through the CLI.

A pass drafts exactly once, and every command that reads the state (incidents, report,
status, evaluate --local, teaching list) reads it from the server, with no SQLite file made.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replydraft.cli import main
from support.account_config import PASSWORD_ENV, write_config

pytestmark = [pytest.mark.integration, pytest.mark.postgres]

REVIEW = (b"From: Dana Reyes <dana@client.example>\r\nSubject: Logo files\r\nMessage-ID: <pg1@client.example>\r\n"
          b"Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\n"
          b"If the files aren't here by Friday I will leave a 1-star review on Google.\r\n")
CALM = (b"From: Sam <sam@client.example>\r\nSubject: Thanks\r\nMessage-ID: <pg2@client.example>\r\n"
        b"Date: Mon, 30 Nov 2026 09:05:00 +0000\r\n\r\nThanks, the files look great.\r\n")


def test_every_command_works_on_a_postgresql_state(dovecot_servers, postgres_url: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch, capsys) -> None:
    server = dovecot_servers.get("standard")
    user, password = server.add_user()
    monkeypatch.setenv(PASSWORD_ENV, password)
    config = str(write_config(tmp_path, server.port, user, state_url=postgres_url))
    for raw in (REVIEW, CALM):
        server.append(user, "INBOX", raw)

    assert main(["run", "--once", "-c", config]) == 0
    assert main(["run", "--once", "-c", config]) == 0            # nothing drafted twice
    client = server.client(user)
    client.select_folder("Drafts", readonly=True)
    assert len(client.search(["ALL"])) == 1
    client.logout()
    assert not (tmp_path / "state.db").exists()                  # the state is on the server only
    capsys.readouterr()

    def out(*args: str, code: int = 0) -> str:
        assert main([*args, "-c", config]) == code
        return capsys.readouterr().out

    assert "1 incident(s)." in out("incidents", "list") and "dana@client.example" in out("incidents", "list")
    (row,) = [json.loads(line) for line in out("incidents", "export", "--format", "jsonl").splitlines()]
    assert row["status"] == "drafted" and {s["name"] for s in row["signals"]} == {"review_threat", "ultimatum"}
    assert "1-star review" in out("incidents", "show", row["id"][:10])
    assert "review_threat" in out("incidents", "stats")
    assert "1 incident(s)" in out("incidents", "list", "--signal", "review_threat")
    report = tmp_path / "report.html"
    out("report", "-o", str(report))
    assert "dana@client.example" in report.read_text()
    assert "support" in out("status") and "INBOX" in out("status")
    local = out("evaluate", "--local")
    assert "Weak feedback" in local and "review_threat" in local.split("Weak feedback")[1]
    assert not (tmp_path / "state.db").exists()
