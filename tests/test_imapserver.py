"""The Dovecot test fixture itself: if these fail, the other IMAP tests can't be trusted."""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import imapclient
import pytest
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from support.imapserver import DovecotServer, ImapAccount

if TYPE_CHECKING:
    from conftest import DovecotServers

pytestmark = pytest.mark.integration


@pytest.fixture
def imap(dovecot_servers: DovecotServers) -> ImapAccount[DovecotServer]:
    """These tests are about the Dovecot fixture: only the Dovecot side of conftest's ``imap``."""
    server = dovecot_servers.get("standard")
    user, password = server.add_user()
    return ImapAccount(server, user, password)


MESSAGE = (b"From: Customer <customer@example.test>\nTo: support@acme.test\n"
           b"Subject: hello\nMessage-ID: <hello-1@example.test>\n\nHi there.\n")


def test_login_works(imap: ImapAccount[DovecotServer]) -> None:
    client = imap.server.client(imap.user, imap.password)
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
    finally:
        client.logout()
    assert "starting up" in imap.server.log_text()


def test_wrong_password_fails_fast(imap: ImapAccount[DovecotServer]) -> None:
    started = time.monotonic()
    with pytest.raises(LoginError):
        imap.server.client(imap.user, "wrong")
    assert time.monotonic() - started < 1  # auth_failure_delay = 0


def test_new_users_log_in_at_once(imap: ImapAccount[DovecotServer]) -> None:
    # Dovecot stats a shared passwd-file at most once a second; per-user files avoid that.
    for _ in range(3):
        user, password = imap.server.add_user()
        imap.server.client(user, password).logout()
    user, password = imap.server.add_user("named.user@example.test", "other-secret")
    imap.server.client(user, password).logout()
    with pytest.raises(ValueError):
        imap.server.add_user("named.user@example.test")


def test_append_then_peek_leaves_the_message_unseen(imap: ImapAccount[DovecotServer]) -> None:
    when = datetime(2024, 5, 1, 12, 30)
    uid = imap.server.append(imap.user, "INBOX", MESSAGE, msg_time=when)
    assert imap.server.append(imap.user, "INBOX", MESSAGE, flags=[b"\\Draft"]) == uid + 1
    client = imap.server.client(imap.user)
    try:
        client.select_folder("INBOX")
        data = client.fetch([uid, uid + 1], ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"])
        assert data[uid][b"BODY[]"] == MESSAGE.replace(b"\n", b"\r\n")
        assert data[uid][b"INTERNALDATE"].replace(tzinfo=None) == when
        assert b"\\Draft" in data[uid + 1][b"FLAGS"]
        assert client.search(["UNSEEN"]) == [uid, uid + 1]
    finally:
        client.logout()


@pytest.mark.parametrize(("layout", "drafts", "special_use", "separator"), [
    ("standard", "Drafts", True, b"/"),
    ("prefix", "INBOX.Drafts", False, b"."),
    ("gmail", "[Gmail]/Drafts", True, b"/"),
    ("localized", "Entwürfe", False, b"/"),
    ("bare", None, False, b"/"),
])
def test_layout_has_its_drafts_folder(imap_layout: Callable[[str], tuple[DovecotServer, str, str]], layout: str,
                                      drafts: str | None, special_use: bool, separator: bytes) -> None:
    server, user, password = imap_layout(layout)
    client = server.client(user, password)
    try:
        folders = {name: (flags, sep) for flags, sep, name in client.list_folders()}
    finally:
        client.logout()
    flagged = [name for name, (flags, _) in folders.items() if b"\\Drafts" in flags]
    assert flagged == ([drafts] if special_use else [])
    assert {sep for _, sep in folders.values()} == {separator}
    if drafts is None:
        assert list(folders) == ["INBOX"]
        with pytest.raises(IMAPClientError, match="TRYCREATE"):
            server.append(user, "Drafts", MESSAGE)
    else:
        assert drafts in folders
        assert server.append(user, drafts, MESSAGE) == 1


def test_restart_keeps_mail_and_uidvalidity_and_ends_old_sessions(imap: ImapAccount[DovecotServer]) -> None:
    server = imap.server
    uid = server.append(imap.user, "Drafts", MESSAGE)
    server.set_uidvalidity(imap.user, "Drafts", 4242)
    old = server.client(imap.user)
    assert old.select_folder("Drafts")[b"UIDVALIDITY"] == 4242

    server.restart()

    with pytest.raises((IMAPClientAbortError, OSError)):  # sessions don't outlive stop()
        old.noop()
    client = server.client(imap.user)
    try:
        assert client.select_folder("Drafts")[b"UIDVALIDITY"] == 4242
        assert client.search(["ALL"]) == [uid]
    finally:
        client.logout()


def test_implicit_tls_and_starttls_verify_with_cafile(imap: ImapAccount[DovecotServer]) -> None:
    context = ssl.create_default_context(cafile=str(imap.server.cafile))
    for host in ("localhost", "127.0.0.1"):
        client = imapclient.IMAPClient(host, port=imap.server.ssl_port, ssl=True, ssl_context=context, timeout=10)
        client.login(imap.user, imap.password)
        client.logout()
    client = imapclient.IMAPClient("127.0.0.1", port=imap.server.port, ssl=False, timeout=10)
    client.starttls(context)
    client.login(imap.user, imap.password)
    client.logout()
    with pytest.raises(ssl.SSLCertVerificationError):
        imapclient.IMAPClient("localhost", port=imap.server.ssl_port, ssl=True,
                              ssl_context=ssl.create_default_context(), timeout=10)


def test_kick_makes_the_next_command_fail(imap: ImapAccount[DovecotServer]) -> None:
    imap.server.kick(imap.user)  # no sessions yet: not an error
    client = imap.server.client(imap.user)
    client.select_folder("INBOX")
    imap.server.kick(imap.user)
    with pytest.raises(IMAPClientAbortError):
        client.noop()


@pytest.mark.usefixtures("dovecot_servers")  # for the skip when Dovecot is missing
def test_a_standalone_server_cleans_up_after_itself() -> None:
    with DovecotServer("bare") as server:
        user, _ = server.add_user()
        server.client(user)  # left open on purpose: stop() must end it
        directory = server.dir
    assert not directory.exists()
    assert not server.running
