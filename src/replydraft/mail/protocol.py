"""What the pipeline needs from a mail store, and the data it gets back.

``ImapMailbox`` (mail/imap.py) and ``MaildirMailbox`` (mail/maildir.py) implement ``Mailbox``;
an IMAP account that can IDLE is also ``Pushing``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

__all__ = ["Copies", "Fetched", "FolderState", "Mailbox", "Pushing", "Teachable"]


@dataclass(frozen=True, slots=True)
class FolderState:
    uidvalidity: int
    uidnext: int


@dataclass(frozen=True, slots=True)
class Fetched:
    uid: int
    raw: bytes
    internaldate: datetime | None


@dataclass(frozen=True, slots=True)
class Copies:
    """The drafts carrying one Message-ID, just after our APPEND (see ``Mailbox.remove_copies``)."""

    kept: int | None = None              # the lowest UID: the copy every process keeps
    removed: tuple[int, ...] = ()        # later copies identical to ours, removed
    left: tuple[int, ...] = ()           # later copies not provably ours, or not removable (no UIDPLUS)


class Mailbox(Protocol):
    """What the pipeline needs from a mail store (IMAP account or local Maildir)."""

    def open_folder(self, folder: str) -> FolderState:
        """Select ``folder`` read-only."""

    def new_uids(self, after_uid: int, since: datetime) -> list[int]:
        """UIDs above ``after_uid`` received on or after the day before ``since``, ascending."""

    def fetch(self, uids: Sequence[int]) -> Iterator[Fetched]:
        """Messages in UID order, as ``extract.parse`` needs them (attachments may be left
        out), without marking them read; expunged UIDs are left out."""

    def resolve_drafts(self, configured: str) -> str:
        """The Drafts folder name: the configured one, or found by SPECIAL-USE and by name."""

    def drafts_state(self, drafts: str) -> tuple[int, int] | None:
        """Drafts' (UIDVALIDITY, UIDNEXT), recorded before an APPEND; None if the store has no UIDs."""

    def find_draft(self, drafts: str, message_id: str, since: tuple[int, int] | None = None) -> int | None:
        """UID of a draft carrying this Message-ID (0 if the store has no UIDs), or None.

        ``since`` is what ``drafts_state`` said before the APPEND whose outcome is unknown:
        where the server can't search the header, the drafts from that UID on are read.
        """

    def append_draft(self, drafts: str, raw: bytes, when: datetime, *,
                     original_uid: int | None = None) -> int | None:
        """Store a draft flagged ``\\Draft`` (and ``\\Seen`` where the account's ``drafts_unread``
        is false); its UID when the server reports it.

        ``original_uid`` is the message replied to, in the open folder: where the store
        threads on its own (Gmail) the draft is checked to have joined its thread.
        """

    def flag_for_person(self, folder: str, uid: int) -> bool:
        """Flag a message a person must answer (``\\Flagged``) when the account's
        ``flag_needs_person`` is on; whether it was flagged. The only change to customer mail."""

    def draft_body_hash(self, drafts: str, message_id: str) -> tuple[int, str] | None:
        """(UID, ``draft.body_hash``) of our draft with this Message-ID, or None if it is gone."""

    def remove_draft(self, drafts: str, uid: int) -> bool:
        """Delete one of *our own* drafts, by UID only; False where that can't be done safely."""

    def remove_copies(self, drafts: str, message_id: str, digest: str) -> Copies:
        """After an APPEND: remove the copies of our draft that another process appended at the
        same moment (each looked, found nothing, appended). The lowest UID is kept, so every
        process keeps the same one; only later copies whose body is ours (``draft.body_hash``
        equal to ``digest``) are removed, by UID."""

    def message_ids(self, folder: str) -> set[str]:
        """The Message-IDs (lower-cased) of every message in ``folder``."""

    def in_reply_to_ids(self, folder: str) -> set[str]:
        """The Message-IDs (lower-cased) that messages in ``folder`` answer: every one in their
        In-Reply-To and References (``draft.answered_by_person``), our own drafts left out. A
        draft a person edited and saved has a new Message-ID of its own, but still answers the
        customer's message."""

    def find_sent(self) -> str | None:
        """The Sent folder (SPECIAL-USE, then well-known names), or None."""

    def replied_to(self, sent: str, message_id: str) -> bool:
        """Is there a message in ``sent`` that answers ``message_id`` (In-Reply-To)?"""

    def close(self) -> None: ...


class Pushing(Protocol):
    """A mailbox that can wait for new mail (IMAP IDLE) instead of being polled."""

    def supports_idle(self) -> bool: ...

    def wait_for_mail(self, seconds: float, stop: threading.Event) -> bool:
        """IDLE on the open folder up to ``seconds``; True as soon as the server reports new mail."""


@runtime_checkable
class Teachable(Mailbox, Protocol):
    """A mailbox with folders a person can move mail into (IMAP): the teaching folders."""

    def namespace(self) -> tuple[str, str | None]:
        """The personal namespace's prefix ("" or "INBOX.") and the hierarchy delimiter."""

    def ensure_folders(self, names: Sequence[str]) -> list[str]:
        """CREATE each folder that doesn't exist yet (nothing else); the ones created."""

    def all_uids(self) -> list[int]:
        """Every UID of the folder ``open_folder`` opened, ascending."""
