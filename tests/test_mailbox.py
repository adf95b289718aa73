"""ImapMailbox's Gmail thread check: after APPEND, the draft should share the original's X-GM-THRID.

Neither Dovecot nor Cyrus can emulate Gmail's X-GM-EXT-1, so a small fake client stands
in for imapclient here. That is enough for what is tested: a decision over what the
server answers (capability, thread ids, APPENDUID or not), and that the watched folder is
open again afterwards. The fake answers only the calls the check makes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from imapclient.exceptions import IMAPClientError

from replydraft.config import Account
from replydraft.mail.imap import ImapMailbox

ACCOUNT = Account(name="support", host="imap.gmail.com", username="support@acme.test",
                  from_address="support@acme.test")
DRAFTS = "[Gmail]/Drafts"
DRAFT = b"From: support@acme.test\r\nMessage-ID: <replydraft.abc@acme.test>\r\nSubject: Re: hi\r\n\r\nHello\r\n"
WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


class FakeGmail:
    """Just enough of imapclient.IMAPClient: capabilities, SELECT, APPEND, FETCH X-GM-THRID, SEARCH."""

    def __init__(self, threads: dict[tuple[str, int], int], *, gmail: bool = True, appenduid: int | None = 42,
                 fetch_fails_in: str | None = None) -> None:
        self.threads = threads              # (folder, uid) -> X-GM-THRID
        self.capabilities = {b"IMAP4REV1", b"UIDPLUS"} | ({b"X-GM-EXT-1"} if gmail else set())
        self.appenduid = appenduid
        self.fetch_fails_in = fetch_fails_in
        self.selected: str | None = None
        self.appended: list[tuple[str, bytes]] = []
        self.fetches = 0

    def has_capability(self, capability: str) -> bool:
        return capability.upper().encode() in self.capabilities

    def select_folder(self, folder: str, readonly: bool = False) -> dict[bytes, int]:
        self.selected = folder
        return {b"UIDVALIDITY": 7, b"UIDNEXT": 100}

    def append(self, folder: str, msg: bytes, flags: Sequence[bytes] = (), msg_time: datetime | None = None) -> bytes:
        self.appended.append((folder, msg))
        return b"[APPENDUID 7 %d] Append completed" % self.appenduid if self.appenduid else b"Append completed"

    def fetch(self, uids: Sequence[int], items: Sequence[str]) -> dict[int, dict[bytes, int]]:
        assert list(items) == ["X-GM-THRID"]
        self.fetches += 1
        if self.selected == self.fetch_fails_in:
            raise IMAPClientError("fetch failed: [UNAVAILABLE] Temporary System Error")
        return {uid: {b"X-GM-THRID": self.threads[(self.selected or "", uid)]}
                for uid in uids if (self.selected, uid) in self.threads}

    def search(self, criteria: Sequence[str]) -> list[int]:
        assert list(criteria) == ["HEADER", "Message-ID", "<replydraft.abc@acme.test>"], criteria
        return [uid for folder, uid in self.threads if folder == self.selected == DRAFTS]


def append(client: FakeGmail, original_uid: int | None = 5) -> int | None:
    mailbox = ImapMailbox(ACCOUNT, client)  # the fake stands in for an IMAPClient
    mailbox.open_folder("INBOX")
    uid = mailbox.append_draft(DRAFTS, DRAFT, WHEN, original_uid=original_uid)
    assert client.appended == [(DRAFTS, DRAFT)]
    assert client.selected == "INBOX" and mailbox.selected == "INBOX"   # the pass reads on in INBOX
    return uid


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_draft_in_the_original_thread_is_quiet(caplog: pytest.LogCaptureFixture) -> None:
    client = FakeGmail({("INBOX", 5): 1111, (DRAFTS, 42): 1111})
    assert append(client) == 42
    assert client.fetches == 2 and warnings(caplog) == []


def test_a_draft_in_another_thread_is_a_warning_naming_both_ids(caplog: pytest.LogCaptureFixture) -> None:
    client = FakeGmail({("INBOX", 5): 1111, (DRAFTS, 42): 2222})
    assert append(client) == 42
    (warning,) = warnings(caplog)
    assert "'support'" in warning and "2222" in warning and "1111" in warning and "INBOX uid 5" in warning


def test_without_appenduid_the_draft_is_found_by_message_id(caplog: pytest.LogCaptureFixture) -> None:
    client = FakeGmail({("INBOX", 5): 1111, (DRAFTS, 43): 2222}, appenduid=None)
    assert append(client) is None
    (warning,) = warnings(caplog)
    assert "2222" in warning and "1111" in warning


def test_other_servers_are_not_asked(caplog: pytest.LogCaptureFixture) -> None:
    client = FakeGmail({("INBOX", 5): 1111, (DRAFTS, 42): 2222}, gmail=False)
    assert append(client) == 42
    assert client.fetches == 0 and warnings(caplog) == []


def test_without_the_original_uid_nothing_is_checked() -> None:
    client = FakeGmail({("INBOX", 5): 1111, (DRAFTS, 42): 2222})
    assert append(client, original_uid=None) == 42
    assert client.fetches == 0


@pytest.mark.parametrize("client", [
    FakeGmail({}, fetch_fails_in="INBOX"),                  # the first look-up fails
    FakeGmail({("INBOX", 5): 1111}, fetch_fails_in=DRAFTS),  # the look-up in Drafts fails
    FakeGmail({("INBOX", 5): 1111}),                        # no thread id for the draft
], ids=["fetch-fails", "fetch-in-drafts-fails", "no-thread-id"])
def test_a_failed_check_never_fails_the_append(client: FakeGmail, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="replydraft.mail.imap")
    assert append(client) == 42
    assert warnings(caplog) == []
    assert any("support" in r.getMessage() and "thread" in r.getMessage() for r in caplog.records)
