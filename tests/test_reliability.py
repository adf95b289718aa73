"""Exactly one draft per escalation when the daemon is killed -9 or the connection is cut
at the worst moments, against a real Dovecot, through a TCP proxy that stalls or cuts the
session at an exact IMAP step (tests/support/tcpproxy.py)."""

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

from replydraft.app.service import run_once
from replydraft.config import load
from replydraft.mail.imap import ImapMailbox
from replydraft.reply.render import Renderer
from replydraft.state.store import Store
from support.account_config import PASSWORD_ENV, write_config
from support.tcpproxy import TcpProxy, Trigger

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
    assert sorted(i.status for i in incidents) == ["drafted"] * ESCALATIONS


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


BACKLOG = 60


def backlog_escalation(n: int) -> bytes:
    return (f"From: Customer {n} <c{n}@client.example>\r\nTo: support@acme.test\r\nSubject: Order {n}\r\n"
            f"Message-ID: <backlog{n}@client.example>\r\nDate: Mon, 30 Nov 2026 09:{n:02d}:00 +0000\r\n\r\n"
            f"If order {n} isn't here by Friday I will leave a 1-star review on Google.\r\n").encode()


def deliver_at_once(server, user: str, messages: list[bytes]) -> None:
    """Put ``messages`` in INBOX in one command (appended elsewhere, then copied), as a burst of mail."""
    staging = server.drafts_folder.rpartition("Drafts")[0] + "Backlog"     # Cyrus: INBOX.Backlog
    client = server.client(user)
    try:
        client.create_folder(staging)
        for raw in messages:
            client.append(staging, raw)
        client.select_folder(staging)
        client.copy(client.search(["ALL"]), "INBOX")
    finally:
        client.logout()


def draft_message_ids(server, user: str) -> list[str]:
    """The Message-ID of every draft (while daemons may be removing some)."""
    client = server.client(user)
    try:
        client.select_folder(server.drafts_folder, readonly=True)
        data = client.fetch(client.search(["ALL"]), ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        headers = [next((v for k, v in item.items() if k.startswith(b"BODY[HEADER")), None) for item in data.values()]
        return [h.decode().partition(":")[2].strip() for h in headers if h]
    finally:
        client.logout()


def polled(config: Path) -> bool:
    """Has the daemon of ``config`` finished a first pass?"""
    path = load(config).state_path
    if not path.exists():
        return False
    store = Store.open(path)
    try:
        return bool(store.watch_statuses())
    finally:
        store.close()


def test_two_daemons_on_one_mailbox_leave_one_draft_each(imap, tmp_path: Path, monkeypatch) -> None:
    """Two daemons with their own state files, both in IDLE, race through one burst of mail
    (woken together, they handle the same messages at the same moment): no draft twice."""
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    configs = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        config = write_config(tmp_path / name, imap.server.port, imap.user)
        config.write_text(config.read_text() + 'mode = "idle"\n')
        configs.append(config)
    daemons = [Daemon(config, imap.password) for config in configs]
    try:
        wait_for(lambda: all(polled(config) for config in configs), what="both daemons watching")
        deliver_at_once(imap.server, imap.user, [backlog_escalation(n) for n in range(BACKLOG)])
        wait_for(lambda: len(set(draft_message_ids(imap.server, imap.user))) >= BACKLOG, timeout=120,
                 what="a draft for every message")
        time.sleep(3)                              # a few more passes each: nothing further may appear
    finally:
        outs = [d.stop() for d in daemons]
    ids = draft_message_ids(imap.server, imap.user)
    removed = sum(out.count("removed the later copy") for out in outs)
    print(f"two daemons, {BACKLOG} escalations: {len(ids)} drafts, {len(ids) - len(set(ids))} duplicates "
          f"({removed} copies appended at the same moment were removed)")
    assert all(d.proc.returncode == 0 for d in daemons), outs
    assert len(set(ids)) == BACKLOG and len(ids) == BACKLOG, outs



class NoUidplus(ImapMailbox):
    """A server without UIDPLUS: no UID EXPUNGE, so no single draft can be removed safely."""

    def _call(self, what, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = super()._call(what, func, *args, **kwargs)
        return tuple(c for c in result if c != b"UIDPLUS") if what == "capabilities" else result


DRAFT = b"Message-ID: <replydraft.abc@acme.test>\r\nSubject: Re: Order 1\r\n\r\nDear Rita,\r\n\r\nour reply\r\n"


@pytest.mark.parametrize("mailbox_type", [ImapMailbox, NoUidplus], ids=["uidplus", "no-uidplus"])
def test_only_later_identical_copies_of_our_draft_are_removed(imap, tmp_path: Path, mailbox_type) -> None:
    from replydraft.reply.draft import body_hash

    config = load(write_config(tmp_path, imap.server.port, imap.user))
    first = imap.server.append(imap.user, imap.drafts, DRAFT)
    edited = imap.server.append(imap.user, imap.drafts, DRAFT.replace(b"our reply", b"our reply, edited"))
    copy = imap.server.append(imap.user, imap.drafts, DRAFT)
    other = imap.server.append(imap.user, imap.drafts, DRAFT.replace(b"abc@", b"other@"))
    with mailbox_type.connect(config.accounts[0], imap.password) as mailbox:
        copies = mailbox.remove_copies(imap.drafts, "<replydraft.abc@acme.test>", body_hash(DRAFT))
        alone = mailbox.remove_copies(imap.drafts, "<replydraft.other@acme.test>", body_hash(DRAFT))
    left = sorted(_uids(imap.server, imap.user, imap.drafts))
    if mailbox_type is ImapMailbox:
        assert (copies.kept, copies.removed, copies.left) == (first, (copy,), (edited,))
        assert left == [first, edited, other]
    else:
        assert (copies.kept, copies.removed, copies.left) == (first, (), (edited, copy))
        assert left == [first, edited, copy, other]
    assert (alone.kept, alone.removed, alone.left) == (other, (), ())


def _uids(server, user: str, folder: str) -> list[int]:
    client = server.client(user)
    try:
        client.select_folder(folder, readonly=True)
        return list(client.search(["ALL"]))
    finally:
        client.logout()
