"""The Cyrus test fixture itself, and the Cyrus habits the `[cyrus]` integration tests rely on."""

from __future__ import annotations

import ssl
import time
from datetime import datetime
from pathlib import Path

import imapclient
import pytest
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from support.cyrusserver import CyrusServer
from support.imapserver import ImapAccount
from support.loopback import port_open

pytestmark = [pytest.mark.integration, pytest.mark.cyrus]

MESSAGE = (b"From: Customer <customer@example.test>\nTo: support@acme.test\n"
           b"Subject: hello\nMessage-ID: <hello-1@example.test>\n\nHi there.\n")


@pytest.fixture
def cyrus(cyrus_server: CyrusServer) -> ImapAccount[CyrusServer]:
    if not cyrus_server.running:
        cyrus_server.start()
    user, password = cyrus_server.add_user()
    return ImapAccount(cyrus_server, user, password)


def test_passwords_are_checked_without_a_pause(cyrus: ImapAccount[CyrusServer]) -> None:
    cyrus.server.client(cyrus.user, cyrus.password).logout()
    started = time.monotonic()
    with pytest.raises(LoginError):
        cyrus.server.client(cyrus.user, "wrong")
    assert time.monotonic() - started < 1  # failedloginpause: 0 (default 3 s)
    with pytest.raises(LoginError):
        cyrus.server.client("nobody-here", "secret")


def test_folders_are_under_inbox_and_drafts_is_flagged_in_lower_case(cyrus: ImapAccount[CyrusServer]) -> None:
    client = cyrus.server.client(cyrus.user)
    try:
        assert client.namespace().personal == (("INBOX.", "."),)
        folders = {name: flags for flags, _, name in client.list_folders()}
    finally:
        client.logout()
    assert set(folders) == {"INBOX", "INBOX.Drafts", "INBOX.Sent", "INBOX.Trash", "INBOX.Junk"}
    assert b"\\drafts" in folders["INBOX.Drafts"]       # not b"\\Drafts": compare flags case-insensitively
    assert cyrus.drafts == "INBOX.Drafts"


def test_append_then_peek_leaves_the_message_unseen(cyrus: ImapAccount[CyrusServer]) -> None:
    when = datetime(2024, 5, 1, 12, 30)
    uid = cyrus.server.append(cyrus.user, "INBOX", MESSAGE, msg_time=when)
    assert cyrus.server.append(cyrus.user, "INBOX", MESSAGE, flags=[b"\\Draft"]) == uid + 1
    client = cyrus.server.client(cyrus.user)
    try:
        client.select_folder("INBOX")
        data = client.fetch([uid, uid + 1], ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"])
        assert data[uid][b"BODY[]"] == MESSAGE.replace(b"\n", b"\r\n")
        assert data[uid][b"INTERNALDATE"].replace(tzinfo=None) == when
        assert b"\\Draft" in data[uid + 1][b"FLAGS"]
        assert client.search(["UNSEEN"]) == [uid, uid + 1]
        assert client.search(["HEADER", "Message-ID", "<hello-1@example.test>"]) == [uid, uid + 1]
    finally:
        client.logout()


def test_implicit_tls_and_starttls_verify_with_cafile(cyrus: ImapAccount[CyrusServer]) -> None:
    context = ssl.create_default_context(cafile=str(cyrus.server.cafile))
    client = imapclient.IMAPClient("localhost", port=cyrus.server.ssl_port, ssl=True, ssl_context=context,
                                   timeout=10)
    client.login(cyrus.user, cyrus.password)
    client.logout()
    client = imapclient.IMAPClient("127.0.0.1", port=cyrus.server.port, ssl=False, timeout=10)
    client.starttls(context)
    client.login(cyrus.user, cyrus.password)
    client.logout()
    with pytest.raises(ssl.SSLCertVerificationError):
        imapclient.IMAPClient("127.0.0.1", port=cyrus.server.ssl_port, ssl=True,
                              ssl_context=ssl.create_default_context(), timeout=10)


def test_restart_keeps_mail_and_uidvalidity_and_ends_old_sessions(cyrus: ImapAccount[CyrusServer]) -> None:
    server = cyrus.server
    uid = server.append(cyrus.user, cyrus.drafts, MESSAGE)
    old = server.client(cyrus.user)
    uidvalidity = old.select_folder(cyrus.drafts)[b"UIDVALIDITY"]
    server.restart()
    with pytest.raises((IMAPClientAbortError, IMAPClientError, OSError)):
        old.noop()
    client = server.client(cyrus.user)
    try:
        assert client.select_folder(cyrus.drafts)[b"UIDVALIDITY"] == uidvalidity
        assert client.search(["ALL"]) == [uid]
    finally:
        client.logout()


def test_a_standalone_server_cleans_up_after_itself(cyrus_server: CyrusServer) -> None:
    # cyrus_server first: it skips (or fails under REPLYDRAFT_REQUIRE_CYRUS) when Cyrus is missing.
    with CyrusServer() as server:
        user, _ = server.add_user()
        server.client(user).logout()
        directory, ports = server.dir, (server.port, server.ssl_port)
    assert not directory.exists()
    assert not any(port_open(port) for port in ports)
    assert not _processes_mentioning(str(directory))


def _processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line contains ``text`` (zombies have none: they count as gone)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found
