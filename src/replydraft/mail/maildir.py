"""A local Maildir behind the ``Mailbox`` protocol: what ``replydraft demo`` runs on.

Folders follow Maildir++ (``INBOX`` is the root, ``Drafts`` is ``.Drafts``). Maildir has
no UIDs, so stable ones are kept in a small ``replydraft-uids.json`` per folder, the way
Dovecot keeps its ``dovecot-uidlist``.
"""

from __future__ import annotations

import json
import mailbox as stdlib_mailbox
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from replydraft.errors import FolderError
from replydraft.mail.folders import pick_drafts_folder, pick_sent_folder
from replydraft.mail.protocol import Copies, Fetched, FolderState
from replydraft.reply.draft import ANSWER_FIELDS, answered_by_person, body_hash

__all__ = ["MaildirMailbox"]

UIDLIST = "replydraft-uids.json"


class MaildirMailbox:
    def __init__(self, root: Path, *, create: bool = True, drafts_unread: bool = True,
                 flag_needs_person: bool = False) -> None:
        self.root = Path(root)
        self.drafts_unread = drafts_unread      # as [[accounts]] drafts_unread: no 'S' (seen) flag
        self.flag_needs_person = flag_needs_person   # as [[accounts]] flag_needs_person: 'F' (flagged)
        self.maildir = stdlib_mailbox.Maildir(self.root, create=create)
        self.folder: stdlib_mailbox.Maildir | None = None
        self.uids: dict[int, str] = {}

    def _folder(self, name: str) -> stdlib_mailbox.Maildir:
        if name.upper() == "INBOX":
            return self.maildir
        try:
            return self.maildir.get_folder(name)
        except stdlib_mailbox.NoSuchMailboxError:
            raise FolderError(f"{self.root}: no folder {name!r}.") from None

    def create_folder(self, name: str) -> None:
        self.maildir.add_folder(name)

    def deliver(self, folder: str, raw: bytes) -> None:
        self._folder(folder).add(stdlib_mailbox.MaildirMessage(raw))

    # -- Mailbox protocol --------------------------------------------------------

    def open_folder(self, folder: str) -> FolderState:
        self.folder = self._folder(folder)
        path = Path(self.folder._path) / UIDLIST
        state = json.loads(path.read_text()) if path.exists() else {}
        uidvalidity: int = state.get("uidvalidity", 1)
        next_uid: int = state.get("next", 1)
        keys: dict[str, int] = state.get("keys", {})
        for key in sorted(self.folder.keys()):
            if key not in keys:
                keys[key] = next_uid
                next_uid += 1
        path.write_text(json.dumps({"uidvalidity": uidvalidity, "next": next_uid, "keys": keys}))
        self.uids = {uid: key for key, uid in keys.items() if key in self.folder}
        return FolderState(uidvalidity, next_uid)

    def new_uids(self, after_uid: int, since: datetime) -> list[int]:
        return sorted(uid for uid in self.uids if uid > after_uid)

    def fetch(self, uids: Sequence[int]) -> Iterator[Fetched]:
        assert self.folder is not None, "open_folder first"
        for uid in uids:
            key = self.uids.get(uid)
            if key is None or key not in self.folder:
                continue
            message = self.folder.get_message(key)
            received = datetime.fromtimestamp(message.get_date(), UTC)
            yield Fetched(uid, self.folder.get_bytes(key), received)

    def resolve_drafts(self, configured: str) -> str:
        folders = [((), name) for name in self.maildir.list_folders()]
        chosen = pick_drafts_folder(folders, configured)
        if chosen is None:
            self.create_folder("Drafts")
            chosen = "Drafts"
        return chosen

    def drafts_state(self, drafts: str) -> tuple[int, int] | None:
        return None                    # no UIDs here: find_draft reads every draft

    def _key(self, folder: stdlib_mailbox.Maildir, message_id: str) -> str | None:
        return next((k for k in folder.iterkeys() if folder.get_message(k).get("Message-ID") == message_id), None)

    def flag_for_person(self, folder: str, uid: int) -> bool:
        assert self.folder is not None, "open_folder first"
        key = self.uids.get(uid)
        if not self.flag_needs_person or key is None or key not in self.folder:
            return False
        message = self.folder.get_message(key)
        message.add_flag("F")
        self.folder[key] = message
        return True

    def find_draft(self, drafts: str, message_id: str, since: tuple[int, int] | None = None) -> int | None:
        return None if self._key(self._folder(drafts), message_id) is None else 0

    def append_draft(self, drafts: str, raw: bytes, when: datetime, *,
                     original_uid: int | None = None) -> int | None:
        # original_uid is unused: a Maildir has no server-side threads to check.
        message = stdlib_mailbox.MaildirMessage(raw.replace(b"\r\n", b"\n"))
        message.set_subdir("cur")
        message.set_flags("D" if self.drafts_unread else "DS")
        message.set_date(when.timestamp())
        self._folder(drafts).add(message)
        return None

    def draft_body_hash(self, drafts: str, message_id: str) -> tuple[int, str] | None:
        folder = self._folder(drafts)
        key = self._key(folder, message_id)
        return None if key is None else (0, body_hash(folder.get_bytes(key)))

    def remove_draft(self, drafts: str, uid: int) -> bool:
        return False                    # Maildir drafts have no UIDs here; a person removes them

    def remove_copies(self, drafts: str, message_id: str, digest: str) -> Copies:
        return Copies()                 # one process per Maildir (the state file's lock)

    def message_ids(self, folder: str) -> set[str]:
        box = self._folder(folder)
        return {str(box.get_message(k).get("Message-ID", "")).strip().lower() for k in box.iterkeys()} - {""}

    def in_reply_to_ids(self, folder: str) -> set[str]:
        box = self._folder(folder)
        return {m for k in box.iterkeys() for m in answered_by_person(
            {name: str(box.get_message(k).get(name, "")) for name in ANSWER_FIELDS})}

    def find_sent(self) -> str | None:
        return pick_sent_folder([((), name) for name in self.maildir.list_folders()])

    def replied_to(self, sent: str, message_id: str) -> bool:
        box = self._folder(sent)
        return any(str(box.get_message(k).get("In-Reply-To", "")).strip() == message_id for k in box.iterkeys())

    def close(self) -> None:
        pass

    def message_path(self, folder: str, message_id: str) -> Path | None:
        """The file of the message with this Message-ID, for pointing a person at it: new
        mail stays in ``new/`` (it is only read), drafts are in ``cur/``."""
        box = self._folder(folder)
        key = self._key(box, message_id)
        # Maildir._lookup (key -> its path under the folder) has no public equivalent or stub
        return None if key is None else Path(box._path) / box._lookup(key)  # type: ignore[attr-defined]

    def draft_paths(self, drafts: str) -> list[Path]:
        """The files of the drafts, for showing where they are."""
        base = Path(self._folder(drafts)._path)
        return sorted(p for sub in ("new", "cur") for p in (base / sub).iterdir())
