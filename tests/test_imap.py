"""End to end against real servers on loopback: drafts land threaded, once, and customer mail is untouched.

Tests taking the ``imap`` fixture run against Dovecot and Cyrus (``[dovecot]``, ``[cyrus]``);
those taking ``imap_layout`` need a folder layout only the Dovecot fixture can produce.
"""

from __future__ import annotations

import email
import email.policy
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import compiling, finish_compile
from replydraft.app.demo import sample_messages
from replydraft.app.service import run_once
from replydraft.cli import main
from replydraft.config import load
from replydraft.errors import MailboxError
from replydraft.mail.imap import ImapMailbox, tls_context
from replydraft.reply.render import Renderer
from replydraft.state.store import Store

pytestmark = pytest.mark.integration

SAMPLES = dict(sample_messages())
ESCALATION = SAMPLES["01-review-threat.eml"]
ORDINARY = SAMPLES["08-question.eml"]
PASSWORD_ENV = "REPLYDRAFT_TEST_PASSWORD"


def write_config(tmp_path: Path, server, user: str, **account: object) -> Path:
    settings = {"name": "support", "host": "127.0.0.1", "port": server.port, "tls": "none",
                "username": user, "password_env": PASSWORD_ENV, "poll_interval": "1s",
                "from_address": "Acme Support <support@acme.test>", **account}
    lines = [f'[state]\npath = "{tmp_path / "state.db"}"\n', '[policy]\ncompany = "Acme Design Co"\n',
             "[[accounts]]"]
    for key, value in settings.items():
        lines.append(f"{key} = {value!r}".replace("'", '"') if not isinstance(value, int) else f"{key} = {value}")
    path = tmp_path / "replydraft.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def messages(server, user: str, folder: str) -> dict[int, dict]:
    client = server.client(user)
    try:
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        return client.fetch(uids, ["FLAGS", "BODY.PEEK[]"]) if uids else {}
    finally:
        client.logout()


def parsed(item: dict) -> email.message.EmailMessage:
    return email.message_from_bytes(item[b"BODY[]"], policy=email.policy.default)


def one_threaded_draft(server, user: str, drafts: str, original: bytes) -> email.message.EmailMessage:
    """The only message in ``drafts``: flagged ``\\Draft``, left unread (the
    default ``drafts_unread``), and a reply in ``original``'s thread."""
    found = messages(server, user, drafts)
    assert len(found) == 1, f"{len(found)} messages in {drafts!r}"
    (item,) = found.values()
    assert b"\\Draft" in item[b"FLAGS"] and b"\\Seen" not in item[b"FLAGS"]
    draft, replied = parsed(item), email.message_from_bytes(original, policy=email.policy.default)
    assert draft["In-Reply-To"] == replied["Message-ID"]
    assert draft["References"] == replied["Message-ID"]
    assert draft["Subject"] == "Re: " + replied["Subject"]
    return draft


@pytest.fixture
def account(imap, tmp_path: Path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    return write_config(tmp_path, imap.server, imap.user)


def test_an_escalation_becomes_exactly_one_threaded_draft(imap, account: Path) -> None:
    server, user = imap.server, imap.user
    server.append(user, "INBOX", ESCALATION)
    server.append(user, "INBOX", ORDINARY)
    inbox_before = messages(server, user, "INBOX")

    assert main(["run", "--once", "--config", str(account)]) == 0

    draft = one_threaded_draft(server, user, imap.drafts, ESCALATION)
    assert draft["To"] == email.message_from_bytes(ESCALATION, policy=email.policy.default)["From"]
    assert draft["From"] == "Acme Support <support@acme.test>"
    assert draft["X-Replydraft-Incident"].startswith("RD-")
    assert "review_threat" in draft["X-Replydraft-Signals"]

    inbox_after = messages(server, user, "INBOX")
    assert inbox_after == inbox_before                 # still unread, byte for byte the same
    assert all(b"\\Seen" not in item[b"FLAGS"] for item in inbox_after.values())

    store = Store.open(load(account).state_path)
    (incident,) = store.incidents()
    assert incident.id == draft["X-Replydraft-Incident"] and incident.status == "drafted"
    assert incident.draft_uid is not None

    assert main(["run", "--once", "--config", str(account)]) == 0
    assert len(messages(server, user, imap.drafts)) == 1  # a second run adds nothing


def test_the_draft_reads_back_as_format_flowed_with_the_hash_it_was_stored_with(imap, account: Path) -> None:
    """A long non-ASCII paragraph: flowed lines of at most 78 characters, quoted-printable, and
    the body hash the follow-up replacement compares is the same on the server as when appended."""
    paragraph = "Ich bin sehr enttäuscht, die Website ist seit Montag offline und niemand antwortet mir. " * 4
    long_escalation = ESCALATION.replace(
        b"\n\n", f"\nContent-Type: text/plain; charset=utf-8\n\n{paragraph}\n\n".encode(), 1)
    imap.server.append(imap.user, "INBOX", long_escalation)
    assert main(["run", "--once", "--config", str(account)]) == 0

    (item,) = messages(imap.server, imap.user, imap.drafts).values()
    part = parsed(item).get_body(("plain",))
    assert part.get_param("format") == "flowed" and part.get_param("delsp") == "no"
    text = part.get_content()
    assert all(len(line) <= 78 for line in text.split("\r\n"))
    assert "> " + paragraph.split(". ")[0] not in text                       # wrapped, ...
    assert paragraph.split(". ")[0] in text.replace(" \r\n> ", " ")        # ... soft breaks rejoin it
    (incident,) = Store.open(load(account).state_path).incidents()
    mailbox = ImapMailbox(load(account).accounts[0], imap.server.client(imap.user))
    try:
        assert mailbox.draft_body_hash(imap.drafts, incident.draft_message_id) == (incident.draft_uid,
                                                                                    incident.draft_hash)
    finally:
        mailbox.client.logout()


@pytest.fixture
def replydraft_logs() -> Iterator[None]:
    """The replydraft loggers as `run` has them: a `demo` (test_cli) in this process leaves them at WARNING."""
    logger = logging.getLogger("replydraft")
    level = logger.level
    logger.setLevel(logging.NOTSET)
    try:
        yield
    finally:
        logger.setLevel(level)


def test_a_first_run_once_does_not_wait_for_the_rules_compile(imap, account: Path, slow_compile: Path,
                                                              replydraft_logs: None, capsys) -> None:
    """With an empty rules cache the pass runs on the keyword prefilter at once; the compile
    (held up here until finish_compile) says so first, and goes on after the pass."""
    imap.server.append(imap.user, "INBOX", ESCALATION)
    assert main(["run", "--once", "--config", str(account)]) == 0
    assert compiling()                                   # the pass ended before the compile
    one_threaded_draft(imap.server, imap.user, imap.drafts, ESCALATION)
    log = capsys.readouterr().err
    assert log.startswith(f"INFO replydraft: reading {account}, its templates and the detection rules\n")
    start = log.index("compiling the detection rules for Hyperscan in the background")
    assert start < log.index("uid 1: drafted")
    finish_compile(slow_compile)
    assert not compiling()


def test_dry_run_writes_nothing(imap, account: Path) -> None:
    imap.server.append(imap.user, "INBOX", ESCALATION)
    assert main(["run", "--once", "--dry-run", "--config", str(account)]) == 0
    assert messages(imap.server, imap.user, imap.drafts) == {}
    assert main(["run", "--once", "--config", str(account)]) == 0
    assert len(messages(imap.server, imap.user, imap.drafts)) == 1


# Each layout ends in exactly one threaded draft: "[Gmail]/Drafts" found by \Drafts, the
# INBOX. prefix without special-use (Cyrus's INBOX. with \drafts is the [cyrus] case above),
# and a localized name without special-use.
@pytest.mark.parametrize("layout,drafts", [("prefix", "INBOX.Drafts"), ("gmail", "[Gmail]/Drafts"),
                                            ("localized", "Entwürfe")])
def test_drafts_folder_by_special_use_and_by_name(imap_layout, layout: str, drafts: str, tmp_path: Path,
                                                  monkeypatch) -> None:
    server, user, password = imap_layout(layout)
    monkeypatch.setenv(PASSWORD_ENV, password)
    config = write_config(tmp_path, server, user)
    server.append(user, "INBOX", ESCALATION)
    assert main(["run", "--once", "--config", str(config)]) == 0
    one_threaded_draft(server, user, drafts, ESCALATION)
    assert main(["run", "--once", "--config", str(config)]) == 0
    assert len(messages(server, user, drafts)) == 1


def test_no_drafts_folder_is_a_clear_error(imap_layout, tmp_path: Path, monkeypatch, capsys) -> None:
    server, user, password = imap_layout("bare")
    monkeypatch.setenv(PASSWORD_ENV, password)
    config = write_config(tmp_path, server, user)
    assert main(["check", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert "can't find a Drafts folder; the server has: INBOX" in out and "drafts_folder" in out


def test_check_reports_the_drafts_folder(imap, account: Path, capsys) -> None:
    assert main(["check", "--config", str(account)]) == 0
    assert f"drafts go to {imap.drafts!r}" in capsys.readouterr().out


def test_wrong_password_is_a_clear_error(imap, account: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "not-the-password")
    assert main(["check", "--config", str(account)]) == 1
    out = capsys.readouterr().out
    assert "server refused the login" in out and "not-the-password" not in out
    assert main(["run", "--once", "--config", str(account)]) == 1


def test_tls_is_verified(imap, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = load(write_config(tmp_path, imap.server, imap.user, tls="ssl", port=imap.server.ssl_port))
    with pytest.raises(MailboxError, match="certificate could not be verified"):
        ImapMailbox.connect(config.accounts[0], imap.password)
    trusted = write_config(tmp_path, imap.server, imap.user, tls="ssl", port=imap.server.ssl_port,
                           cafile=str(imap.server.cafile))
    with ImapMailbox.connect(load(trusted).accounts[0], imap.password) as mailbox:
        assert mailbox.resolve_drafts("auto") == imap.drafts
    # one context per CA file, shared by the connections (reading the CA bundle is most of a poll's CPU)
    assert tls_context(str(imap.server.cafile)) is tls_context(str(imap.server.cafile))
    assert tls_context(None) is not tls_context(str(imap.server.cafile))


class DiesAfterAppend(ImapMailbox):
    def append_draft(self, drafts, raw, when, **kwargs):  # type: ignore[no-untyped-def]
        super().append_draft(drafts, raw, when, **kwargs)
        raise KeyboardInterrupt("the process died before recording the draft")


def test_a_crash_between_append_and_commit_leaves_one_draft(imap, account: Path) -> None:
    imap.server.append(imap.user, "INBOX", ESCALATION)
    config = load(account)
    with pytest.raises(KeyboardInterrupt):
        run_once(config, Renderer.create(), connect=DiesAfterAppend.connect)
    assert len(messages(imap.server, imap.user, imap.drafts)) == 1
    reports = run_once(config, Renderer.create())
    assert reports[0].recovered == 1
    assert len(messages(imap.server, imap.user, imap.drafts)) == 1


def test_the_daemon_polls_and_stops_cleanly_on_sigterm(imap, account: Path) -> None:
    env = {**os.environ, PASSWORD_ENV: imap.password}
    proc = subprocess.Popen([sys.executable, "-m", "replydraft", "run", "--config", str(account)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(1.5)                                     # first pass over an empty inbox
        imap.server.append(imap.user, "INBOX", ESCALATION)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not messages(imap.server, imap.user, imap.drafts):
            time.sleep(0.3)
        assert len(messages(imap.server, imap.user, imap.drafts)) == 1
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=10)
        assert proc.returncode == 0, output
        assert time.monotonic() - started < 5
        assert "drafted RD-" in output and "stopped" in output
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
