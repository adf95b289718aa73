"""Pipelined FETCH reaches into imaplib's and imapclient's internals (mail/pipelining.py).

These tests fail, naming the attribute, when an upgrade of either changes what it uses;
and without them the mailbox still reads mail, one FETCH at a time, after one warning.
"""

from __future__ import annotations

import imaplib
import logging
import socket
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import imapclient
import pytest
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from replydraft.mail import pipelining
from replydraft.mail.pipelining import FetchPipeline, Pending, connection_missing, missing_internals

UPDATE = "pipelining (src/replydraft/mail/pipelining.py) needs updating for this imaplib/imapclient"


def test_the_internals_pipelining_calls_are_there_with_their_shape() -> None:
    problems = missing_internals()
    assert problems == [], f"{'; '.join(problems)}: {UPDATE}"


@pytest.fixture
def greeter() -> Iterator[int]:
    """A server that greets and answers CAPABILITY: enough for IMAPClient to connect."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = server.accept()
        with conn, conn.makefile("rb") as lines:
            conn.sendall(b"* OK ready\r\n")
            for line in lines:
                tag = line.split(b" ", 1)[0]
                conn.sendall(b"* CAPABILITY IMAP4rev1\r\n" + tag + b" OK done\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    server.close()
    thread.join(5)


def test_a_connection_has_what_pipelining_and_idle_use(greeter: int) -> None:
    client = imapclient.IMAPClient("127.0.0.1", port=greeter, ssl=False, timeout=5)
    try:
        problems = connection_missing(client)
        assert problems == [], f"{'; '.join(problems)}: {UPDATE}"
        untagged = getattr(client._imap, "untagged_responses", None)
        assert isinstance(untagged, dict), \
            "imaplib.IMAP4.untagged_responses is no longer a dict: ImapMailbox.wait_for_mail needs updating"
    finally:
        client.shutdown()


class PlainClient:
    """An IMAPClient without the internals: only its public fetch."""

    def __init__(self, fail: BaseException | None = None) -> None:
        self.fail = fail
        self.calls: list[tuple[list[int], list[str]]] = []

    def fetch(self, uids: Sequence[int], items: Sequence[str]) -> dict[int, dict[bytes, Any]]:
        self.calls.append((list(uids), list(items)))
        if self.fail is not None:
            raise self.fail
        return {uid: {b"RFC822.SIZE": uid * 10} for uid in uids}


def test_without_the_internals_fetch_is_plain_after_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    pipelining._warn_once.cache_clear()
    refused: list[tuple[Pending, BaseException]] = []
    clients = [PlainClient(), PlainClient()]
    with caplog.at_level(logging.WARNING, logger="replydraft.mail.pipelining"):
        first, second = (FetchPipeline(c, lambda p, e: refused.append((p, e))) for c in clients)
        sent = first.send([1, 2], ["RFC822.SIZE"])
        assert not first and first.receive(sent) == {1: {b"RFC822.SIZE": 10}, 2: {b"RFC822.SIZE": 20}}
        assert second.receive(second.send([3], ["RFC822.SIZE"])) == {3: {b"RFC822.SIZE": 30}}
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "IMAPClient._imap is not an imaplib.IMAP4 connection" in warnings[0]
    assert clients[1].calls == [([3], ["RFC822.SIZE"])] and refused == []


def test_plain_fetch_reports_a_refusal_and_raises_a_lost_connection() -> None:
    refused: list[tuple[Pending, BaseException]] = []
    no = FetchPipeline(PlainClient(IMAPClientError("NO [SERVERBUG]")), lambda p, e: refused.append((p, e)))
    sent = no.send([1], ["BODYSTRUCTURE"])
    assert no.receive(sent) is None and [(p, str(e)) for p, e in refused] == [(sent, "NO [SERVERBUG]")]
    lost = FetchPipeline(PlainClient(IMAPClientAbortError("socket closed")), lambda p, e: None)
    with pytest.raises(IMAPClientAbortError):
        lost.send([1], ["BODYSTRUCTURE"])


def test_a_changed_internal_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def _command(self: imaplib.IMAP4, name: str) -> None: ...
    monkeypatch.setattr(imaplib.IMAP4, "_command", _command)
    monkeypatch.delattr(imaplib.IMAP4, "_untagged_response")
    assert missing_internals() == ["IMAP4._command takes (self, name), not (self, name, args)",
                                   "IMAP4._untagged_response is gone"]
