"""Exactly one draft per escalation when the daemon is killed -9 or the connection is cut
at the worst moments, against a real Dovecot, through a TCP proxy that stalls or cuts the
session at an exact IMAP step (tests/tcpproxy.py)."""

from __future__ import annotations

import email
import email.policy
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from account_config import PASSWORD_ENV, write_config
from tcpproxy import TcpProxy, Trigger

from replydraft.config import load
from replydraft.mailbox import ImapMailbox
from replydraft.render import Renderer
from replydraft.service import run_once
from replydraft.store import Store

pytestmark = pytest.mark.integration

ESCALATIONS = 5


def escalation(n: int) -> bytes:
    return (f"From: Customer {n} <c{n}@client.example>\r\nTo: support@acme.test\r\nSubject: Order {n}\r\n"
            f"Message-ID: <esc{n}@client.example>\r\nDate: Mon, 30 Nov 2026 09:0{n}:00 +0000\r\n\r\n"
            f"It has been three weeks. If order {n} isn't here by Friday I will leave a 1-star review "
            f"on Google.\r\n").encode()


def ordinary(n: int) -> bytes:
    return (f"From: Happy {n} <h{n}@client.example>\r\nSubject: Thanks\r\nMessage-ID: <ok{n}@client.example>\r\n"
            f"Date: Mon, 30 Nov 2026 10:0{n}:00 +0000\r\n\r\nThanks, the files look great!\r\n").encode()


def drafts(server, user: str) -> list[email.message.EmailMessage]:
    client = server.client(user)
    try:
        client.select_folder(server.drafts_folder, readonly=True)
        uids = client.search(["ALL"])
        data = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
        return [email.message_from_bytes(data[u][b"BODY[]"], policy=email.policy.default) for u in sorted(data)]
    finally:
        client.logout()


def assert_exactly_one_draft_each(server, user: str, config: Path) -> None:
    found = drafts(server, user)
    replies_to = sorted(str(d["In-Reply-To"]) for d in found)
    assert replies_to == sorted(f"<esc{n}@client.example>" for n in range(ESCALATIONS)), replies_to
    assert len({str(d["Message-ID"]) for d in found}) == ESCALATIONS
    store = Store.open(load(config).state_path)
    try:
        incidents = list(store.incidents())
    finally:
        store.close()
    assert sorted(i["status"] for i in incidents) == ["drafted"] * ESCALATIONS


@pytest.fixture
def mailbox_with_mail(imap, monkeypatch) -> Iterator[tuple[object, str]]:
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    for n in range(ESCALATIONS):
        imap.server.append(imap.user, "INBOX", escalation(n))
        if n < 2:
            imap.server.append(imap.user, "INBOX", ordinary(n))
    yield imap.server, imap.user


class Daemon:
    """``replydraft run`` as a real process."""

    def __init__(self, config: Path, password: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "replydraft", "run", "--config", str(config)],
                                     env={**os.environ, PASSWORD_ENV: password},
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def kill9(self) -> str:
        self.proc.send_signal(signal.SIGKILL)
        out, _ = self.proc.communicate(timeout=10)
        return out

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=15)
        return out


def wait_for(predicate, timeout: float = 30.0, what: str = "") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


# Where the process dies: the trigger stalls the session at that step, then it gets kill -9.
KILL_POINTS = {
    "mid-FETCH": Trigger("server", b" FETCH (", before=True),                 # the messages half read
    "before-APPEND": Trigger("client", b" APPEND ", nth=3, before=True),      # intent committed, no APPEND
    "after-APPEND": Trigger("server", b"[APPENDUID", nth=3, before=True),     # appended, outcome never heard
}


@pytest.mark.parametrize("point", KILL_POINTS, ids=KILL_POINTS)
def test_kill_9_and_restart_leaves_exactly_one_draft_each(mailbox_with_mail, imap, tmp_path: Path,
                                                          point: str) -> None:
    server, user = mailbox_with_mail
    trigger = Trigger(**{k: getattr(KILL_POINTS[point], k) for k in ("direction", "pattern", "nth", "before")})
    with TcpProxy(server.port, [trigger]) as proxy:
        config = write_config(tmp_path, proxy.port, user)
        first = Daemon(config, imap.password)
        try:
            assert trigger.fired.wait(30), f"the daemon never reached {point}"
            time.sleep(0.2)
        finally:
            out = first.kill9()
        assert first.proc.returncode == -signal.SIGKILL, out
        before = len(drafts(server, user))
        assert before == {"mid-FETCH": 0, "before-APPEND": 2, "after-APPEND": 3}[point]
        proxy.release()
        second = Daemon(config, imap.password)
        try:
            wait_for(lambda: len(drafts(server, user)) >= ESCALATIONS, what="the drafts after the restart")
            time.sleep(2.5)                           # two more polls: nothing further may appear
        finally:
            out = second.stop()
        assert second.proc.returncode == 0, out
    assert_exactly_one_draft_each(server, user, config)
    if point == "after-APPEND":
        assert f"was already in {server.drafts_folder}; recorded it" in out


CUT_POINTS = {
    "mid-FETCH": Trigger("server", b" FETCH (", action="cut", before=True),
    "mid-APPEND": Trigger("server", b"[APPENDUID", action="cut", nth=2, before=True),
}


@pytest.mark.parametrize("point", CUT_POINTS, ids=CUT_POINTS)
def test_a_connection_cut_mid_pass_is_finished_by_the_next_pass(mailbox_with_mail, tmp_path: Path,
                                                                point: str) -> None:
    server, user = mailbox_with_mail
    trigger = Trigger(**{k: getattr(CUT_POINTS[point], k) for k in ("direction", "pattern", "action", "nth",
                                                                      "before")})
    with TcpProxy(server.port, [trigger]) as proxy:
        config_path = write_config(tmp_path, proxy.port, user)
        config = load(config_path)
        first = run_once(config, Renderer.create())
        assert trigger.fired.is_set() and first[0].error, first
        second = run_once(config, Renderer.create())
        assert not second[0].error, second
        assert second[0].recovered == (1 if point == "mid-APPEND" else 0)
        assert run_once(config, Renderer.create())[0].drafted == []    # and nothing more after that
    assert_exactly_one_draft_each(server, user, config_path)


class NoHeaderSearch(ImapMailbox):
    """A server that can't SEARCH HEADER (as some can't for custom headers)."""

    def _call(self, what, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        if args and isinstance(args[0], list) and args[0][:1] == ["HEADER"]:
            from replydraft.errors import MailboxError

            raise MailboxError("account 'support': search drafts failed: BAD not supported.")
        return super()._call(what, func, *args, **kwargs)


def test_an_unknown_append_is_found_by_scanning_drafts_from_the_saved_uidnext(imap, tmp_path: Path) -> None:
    config = load(write_config(tmp_path, imap.server.port, imap.user))
    with NoHeaderSearch.connect(config.accounts[0], imap.password) as mailbox:
        imap.server.append(imap.user, imap.drafts, b"Message-ID: <other@x>\r\nSubject: a person's draft\r\n\r\nhi\r\n")
        before = mailbox.drafts_state(imap.drafts)
        raw = b"Message-ID: <replydraft.abc@acme.test>\r\nSubject: Re: x\r\n\r\nbody\r\n"
        imap.server.append(imap.user, imap.drafts, raw)
        imap.server.append(imap.user, imap.drafts, b"Message-ID: <later@x>\r\nSubject: another\r\n\r\nhi\r\n")
        mailbox.open_folder("INBOX")
        assert mailbox.find_draft(imap.drafts, "<replydraft.abc@acme.test>", before) == before[1]   # type: ignore[index]
        assert mailbox.find_draft(imap.drafts, "<replydraft.abc@acme.test>") is None     # no UIDNEXT: can't tell
        assert mailbox.find_draft(imap.drafts, "<nope@acme.test>", before) is None
        # Drafts stays open until INBOX is read again; then the read is in INBOX (same UID as a draft)
        uid = imap.server.append(imap.user, "INBOX", b"Message-ID: <in@x>\r\nSubject: in INBOX\r\n\r\nhi\r\n")
        assert mailbox.watched == "INBOX"
        (fetched,) = mailbox.fetch([uid])
        assert mailbox.selected == "INBOX" and b"Subject: in INBOX" in fetched.raw


def test_a_lost_state_file_does_not_duplicate_drafts_still_in_drafts(mailbox_with_mail, tmp_path: Path) -> None:
    server, user = mailbox_with_mail
    config_path = write_config(tmp_path, server.port, user)
    config = load(config_path)
    assert len(run_once(config, Renderer.create())[0].drafted) == ESCALATIONS
    for suffix in ("", "-wal", "-shm"):
        Path(f"{config.state_path}{suffix}").unlink(missing_ok=True)     # the state file is lost
    again = run_once(config, Renderer.create())[0]
    assert again.recovered == ESCALATIONS and again.drafted == []
    assert_exactly_one_draft_each(server, user, config_path)


def test_a_uidvalidity_change_redrafts_nothing(dovecot_servers, tmp_path: Path, monkeypatch) -> None:
    server = dovecot_servers.get("standard")             # doveadm can change UIDVALIDITY; Cyrus can't here
    user, password = server.add_user()
    monkeypatch.setenv(PASSWORD_ENV, password)
    for n in range(ESCALATIONS):
        server.append(user, "INBOX", escalation(n))
    config_path = write_config(tmp_path, server.port, user)
    config = load(config_path)
    assert len(run_once(config, Renderer.create())[0].drafted) == ESCALATIONS
    server.set_uidvalidity(user, "INBOX", 424242)
    again = run_once(config, Renderer.create())[0]
    assert again.drafted == [] and again.already == ESCALATIONS
    assert_exactly_one_draft_each(server, user, config_path)
