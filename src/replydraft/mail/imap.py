"""Where mail comes from and drafts go, over IMAP: ``ImapMailbox``, the ``Mailbox`` of an account.

This module and ``pipelining`` are the only ones that talk IMAP (imapclient). Customer mail
is only ever opened read-only (EXAMINE) and read with ``BODY.PEEK``, so it stays unread and
unchanged: per batch the BODYSTRUCTURE first, then only the header and the text parts
(``fetchplan`` decides and rebuilds), so attachments are never transferred. These FETCHes
are pipelined (``pipelining``): the server prepares the next batches while the caller
classifies one.
The only writes are to the Drafts folder: APPEND, and removing one of our
own untouched drafts by UID when a follow-up replaces it. Every socket operation
has a timeout, so a hung server cannot freeze an account.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import logging
import os
import re
import ssl
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.parser import BytesHeaderParser
from typing import Any

import imapclient
from imapclient.exceptions import IMAPClientError
from imapclient.exceptions import LoginError as IMAPLoginError

from replydraft.auth.oauth import AccessToken
from replydraft.config import Account
from replydraft.errors import FolderError, LoginError, MailboxError
from replydraft.mail import fetchplan
from replydraft.mail.folders import pick_drafts_folder, pick_sent_folder
from replydraft.mail.pipelining import Answer, FetchPipeline, Pending
from replydraft.mail.protocol import Copies, Fetched, FolderState
from replydraft.reply.draft import ANSWER_FIELDS, answered_by_person, body_text_hash

log = logging.getLogger(__name__)

__all__ = ["ImapMailbox", "tls_context"]

# One TLS context per CA file, shared by the process's connections: making one reads the system's
# CA bundle, 20 ms of CPU, two thirds of a poll of an empty folder (a fleet polls thousands).
# Made again after an hour, so a renewed bundle or cafile is read without a restart.
CONTEXT_TTL = 3600.0
_CONTEXTS: dict[str | None, tuple[float, ssl.SSLContext]] = {}
_CONTEXTS_LOCK = threading.Lock()


def tls_context(cafile: str | None) -> ssl.SSLContext:
    """A verifying TLS context for ``cafile`` (None: the system's CAs), made at most once an hour."""
    with _CONTEXTS_LOCK:
        made, context = _CONTEXTS.get(cafile, (0.0, None))
        if context is None or time.monotonic() - made > CONTEXT_TTL:
            context = ssl.create_default_context(cafile=cafile)
            _CONTEXTS[cafile] = (time.monotonic(), context)
        return context

FETCH_BATCH = 200          # messages per BODYSTRUCTURE FETCH
PART_BYTES = 16 * 1024 * 1024   # planned bytes (fetchplan's estimates) asked for at once, at most
HEADER_BATCH = 50          # drafts per Message-ID FETCH when looking through Drafts
META_ITEMS = ["BODYSTRUCTURE", "RFC822.SIZE", "INTERNALDATE"]
WHOLE_BYTES = 8 * 1024 * 1024   # whole messages read per FETCH at most (one larger message goes alone)
IDLE_SLICE = 1.0          # seconds between checks for a stop request while idling
IDLE_ROUND = 5.0          # seconds before IDLE is ended and begun again (see wait_for_mail)
GMAIL_EXTENSION = "X-GM-EXT-1"     # Gmail's IMAP extensions, among them the X-GM-THRID thread id


@dataclass(eq=False, slots=True)
class _Part:
    """A run of messages of one ``ImapMailbox.fetch`` batch, planned; then its sections asked for."""

    uids: list[int]
    info: Answer                            # the batch's BODYSTRUCTURE, RFC822.SIZE, INTERNALDATE
    plans: dict[int, fetchplan.Plan]        # the batch's plans
    sections: list[Pending] = field(default_factory=list)


def _planned(plan: fetchplan.Plan) -> bool:
    """Fetched with the part's sections: a plan, or a small whole message (larger ones are read when due)."""
    return not plan.whole or 0 < plan.estimate <= fetchplan.PART_CAP


class ImapMailbox:
    """An IMAP account. Create with :meth:`connect`; use as a context manager."""

    def __init__(self, account: Account, client: imapclient.IMAPClient) -> None:
        self.account = account
        self._client = client
        self.selected: str | None = None        # the folder open now (None after a failed SELECT)
        self.watched: str | None = None         # the folder open_folder opened: the one being read
        self._writable = False                  # the open folder was SELECTed read-write (Drafts, or one flag)
        self._opened: dict[bytes, Any] = {}     # its SELECT response
        self._appended = False                  # a draft was appended to it since
        self._pipeline = FetchPipeline(client, self._refused)

    @property
    def client(self) -> imapclient.IMAPClient:
        """The connection, with no pipelined FETCH still due (see ``_send_fetch``)."""
        if self._pipeline:
            self._drain()
        return self._client

    # -- connection --------------------------------------------------------------

    @classmethod
    def connect(cls, account: Account, secret: str | AccessToken) -> ImapMailbox:
        """Log in with a password, or with an OAuth2 access token (XOAUTH2 or OAUTHBEARER)."""
        where = f"account {account.name!r} ({account.host}:{account.port})"
        context = tls_context(str(account.cafile) if account.cafile else None)
        timeout = imapclient.SocketTimeout(connect=min(account.timeout, 30.0), read=account.timeout)
        try:
            client = imapclient.IMAPClient(
                account.host, port=account.port, ssl=account.tls == "ssl",
                ssl_context=context, timeout=timeout,
            )
            if account.tls == "starttls":
                if b"STARTTLS" not in client.capabilities():
                    raise MailboxError(f"{where}: the server does not offer STARTTLS; refusing to send "
                                       f"the password unencrypted. Use tls = \"ssl\" if it supports it.")
                client.starttls(context)
        except ssl.SSLCertVerificationError as exc:
            raise MailboxError(f"{where}: the server's TLS certificate could not be verified "
                               f"({exc.verify_message}). If it uses a private CA, set cafile.") from None
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{where}: can't connect: {_reason(exc)}.") from None
        try:
            if isinstance(secret, AccessToken):
                _oauth2_login(client, account, secret.value, where)
            else:
                client.login(account.username, secret)
        except IMAPLoginError as exc:
            _quietly(client.shutdown)
            oauth2 = isinstance(secret, AccessToken)
            raise LoginError(_refused(account, where, _reason(exc), oauth2=oauth2)) from None
        except LoginError:
            _quietly(client.shutdown)
            raise
        except (OSError, IMAPClientError) as exc:
            _quietly(client.shutdown)
            raise MailboxError(f"{where}: login failed: {_reason(exc)}.") from None
        log.debug("%s: logged in", where)
        return cls(account, client)

    def __enter__(self) -> ImapMailbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        _quietly(self._drain)
        _quietly(self._client.logout)

    # -- reading -----------------------------------------------------------------

    def open_folder(self, folder: str) -> FolderState:
        info = self._select(folder)
        self.watched = folder
        return FolderState(int(info[b"UIDVALIDITY"]), int(info.get(b"UIDNEXT", 1)))

    def _select(self, folder: str, *, readonly: bool = True) -> dict[bytes, Any]:
        """Open ``folder`` (EXAMINE, or SELECT for ``readonly=False``)."""
        self.selected = None                 # a failed SELECT leaves no folder open
        info: dict[bytes, Any] = self._call(f"open folder {folder!r}", self.client.select_folder, folder,
                                            readonly=readonly)
        self.selected, self._writable, self._opened, self._appended = folder, not readonly, info, False
        return info

    def _watch(self) -> None:
        """Open the folder being read again if Drafts (or Sent) was opened since.

        Looking in Drafts, appending a draft, checking replies leave that folder open: the
        folder being read is opened again only when it is next read (every read of it comes
        through here), so a pass with many drafts doesn't re-open a big folder after each.
        """
        if self.watched is not None and (self.selected != self.watched or self._writable):
            self._select(self.watched)

    def new_uids(self, after_uid: int, since: datetime) -> list[int]:
        # SINCE compares dates only, in the server's time zone: widen it by a day and let the
        # caller compare INTERNALDATE exactly.
        self._watch()
        day = (since - timedelta(days=1)).date()
        found = self._call("search", self.client.search, ["UID", f"{after_uid + 1}:*", "SINCE", day])
        return sorted(uid for uid in found if uid > after_uid)  # "N:*" also matches the last UID

    def fetch(self, uids: Sequence[int]) -> Iterator[Fetched]:
        # Per batch of FETCH_BATCH: BODYSTRUCTURE first, then only what classification reads
        # (fetchplan), one FETCH per distinct set of sections, for at most PART_BYTES of
        # planned messages at a time; messages come out in UID order. The commands are
        # pipelined: while the caller handles one part, the next part's sections (and the
        # next batch's structures) are already asked for, so the server works while we
        # classify instead of in turn with it.
        batches = deque(list(uids[start:start + FETCH_BATCH]) for start in range(0, len(uids), FETCH_BATCH))
        structures: deque[Pending] = deque()     # asked for, not read yet (one at a time)
        planned: deque[_Part] = deque()          # planned, sections not asked for yet

        def ask_structures() -> None:
            if batches and not structures:
                structures.append(self._send_fetch(batches.popleft(), META_ITEMS))

        def next_part() -> _Part | None:
            """The next part, its sections asked for (structures read and planned if need be)."""
            if not planned and structures:
                planned.extend(self._plan_parts(structures.popleft()))
                ask_structures()
            if not planned:
                return None
            part = planned.popleft()
            self._ask_sections(part)
            return part

        ask_structures()
        current = next_part()
        while current is not None:
            rebuilt = self._rebuilt(current)
            following = next_part()
            yield from self._emit_part(current, rebuilt)
            current = following

    def _plan_parts(self, meta_sent: Pending) -> list[_Part]:
        """A batch's structures read and planned, cut into runs of at most PART_BYTES planned."""
        batch = meta_sent.uids
        meta = self._receive(meta_sent)
        if meta is None:            # e.g. a message the server can't parse: read them all whole
            info: Answer = {}
            plans = {uid: fetchplan.whole(0) for uid in batch}
        else:
            info = meta
            plans = {uid: fetchplan.plan(item.get(b"BODYSTRUCTURE"), item.get(b"RFC822.SIZE"))
                     for uid, item in meta.items() if uid in batch}
        parts = [_Part([], info, plans)]
        size = 0
        for uid in batch:
            plan = plans.get(uid)
            cost = plan.estimate if plan is not None and _planned(plan) else 0
            if size and size + cost > PART_BYTES:
                parts.append(_Part([], info, plans))
                size = 0
            parts[-1].uids.append(uid)
            size += cost
        return parts

    def _ask_sections(self, part: _Part) -> None:
        # Small whole messages come with the planned ones; large ones (a fallback) are read
        # in turn when they are due, so that a part never holds many big messages at once.
        groups: dict[tuple[str, ...], list[int]] = {}
        for uid in part.uids:
            plan = part.plans.get(uid)
            if plan is not None and _planned(plan):
                groups.setdefault(plan.items, []).append(uid)
        part.sections = [self._send_fetch(group, list(items)) for items, group in groups.items()]

    def _rebuilt(self, part: _Part) -> dict[int, bytes]:
        """The planned messages of ``part`` (rebuilt, or whole); the ones that can't be
        rebuilt are left out (they are read whole when due)."""
        rebuilt: dict[int, bytes] = {}
        for sent in part.sections:
            data = self._receive(sent) or {}
            for uid in sent.uids:
                got = {section: value for key, value in data.get(uid, {}).items()
                       if isinstance(value, bytes) and (section := fetchplan.section_of(key)) is not None}
                root = part.plans[uid].root
                if root is None:
                    if "" in got:
                        rebuilt[uid] = got[""]
                    continue
                try:
                    rebuilt[uid] = fetchplan.rebuild(root, got)
                except fetchplan.Unusable as exc:
                    log.debug("%s: uid %s: %s; reading it whole", self.account.name, uid, exc)
        return rebuilt

    def _emit_part(self, part: _Part, rebuilt: dict[int, bytes]) -> Iterator[Fetched]:
        meta, plans = part.info, part.plans
        pending: list[int] = []     # read whole, together, just before they are due (UID order)
        for uid in part.uids:
            if uid not in plans:
                log.info("%s: uid %s vanished before it could be read", self.account.name, uid)
            elif uid in rebuilt:
                yield from self._fetch_whole(pending)
                pending = []
                yield Fetched(uid, rebuilt.pop(uid), _internaldate(meta.get(uid)))
            else:
                pending.append(uid)
                if sum(_size(meta.get(u)) for u in pending) >= WHOLE_BYTES:
                    yield from self._fetch_whole(pending)
                    pending = []
        yield from self._fetch_whole(pending)

    # -- pipelined FETCH (``pipelining``) -------------------------------------------------
    # Any other use of the connection (``self.client``) first reads every answer still due.

    def _send_fetch(self, uids: list[int], items: list[str]) -> Pending:
        if uids:
            self._watch()
        pending: Pending = self._call("fetch", self._pipeline.send, uids, items)
        return pending

    def _receive(self, sent: Pending) -> Answer | None:
        """The answer to a FETCH sent by ``_send_fetch``; None if the server refused it (NO or
        BAD). A lost connection raises."""
        answer: Answer | None = self._call("fetch", self._pipeline.receive, sent)
        return answer

    def _drain(self) -> None:
        """Read the answers still due, so that the connection can be used for something else."""
        self._call("fetch", self._pipeline.drain)

    def _refused(self, sent: Pending, exc: BaseException) -> None:
        log.info("%s: fetch %s refused (%s); reading the message(s) whole",
                 self.account.name, " ".join(sent.items), _reason(exc))

    def _fetch_whole(self, uids: list[int]) -> Iterator[Fetched]:
        if not uids:
            return
        self._watch()
        data = self._call("fetch", self.client.fetch, uids, ["BODY.PEEK[]", "INTERNALDATE"])
        for uid in uids:
            item = data.get(uid)
            if item is None or b"BODY[]" not in item:
                log.info("%s: uid %s vanished before it could be read", self.account.name, uid)
                continue
            yield Fetched(uid, item[b"BODY[]"], item.get(b"INTERNALDATE"))

    # -- teaching folders (see app/teaching.py) -------------------------------------

    def namespace(self) -> tuple[str, str | None]:
        # RFC 2342 NAMESPACE where offered (Cyrus: "INBOX." and "."), else the delimiter LIST
        # reports for the root, with no prefix.
        if self._has("NAMESPACE"):
            personal = self._call("namespace", self.client.namespace).personal or ()
            if personal:
                prefix, delimiter = personal[0]
                return _text(prefix), _text(delimiter) if delimiter else None
        listed = self._call("list folders", self.client.list_folders, "", "")
        delimiter = listed[0][1] if listed else None
        return "", _text(delimiter) if delimiter else None

    def ensure_folders(self, names: Sequence[str]) -> list[str]:
        # Only the folders under the names' common start (characters, not path levels: a LIST
        # pattern): an account may have thousands.
        pattern = os.path.commonprefix(list(names)) + "*"  # noqa: RUF071
        existing = {name for _, _, name in self._call("list folders", self.client.list_folders, "", pattern)}
        created = []
        for name in names:
            if name not in existing:
                try:
                    self._call(f"create folder {name!r}", self.client.create_folder, name)
                except MailboxError as exc:       # another client made it since the LIST
                    if "ALREADYEXISTS" not in str(exc).upper() and "already exists" not in str(exc).lower():
                        raise
                    continue
                created.append(name)
        return created

    def all_uids(self) -> list[int]:
        self._watch()
        return sorted(self._call("search", self.client.search, ["ALL"]))

    # -- push (RFC 2177 IDLE) -------------------------------------------------------

    def supports_idle(self) -> bool:
        return b"IDLE" in self._call("capabilities", self.client.capabilities)

    def wait_for_mail(self, seconds: float, stop: threading.Event) -> bool:
        # IDLE in rounds of IDLE_ROUND seconds, checked in IDLE_SLICE slices so that a stop
        # request (SIGTERM) ends the wait within a second. The rounds matter: a server that
        # has news when IDLE begins may send it in the same packet as its "+ idling", and
        # imaplib then buffers it where a socket poll can't see it; ending IDLE reads it.
        deadline = time.monotonic() + seconds
        self._watch()
        while not stop.is_set() and time.monotonic() < deadline:
            untagged = self.client._imap.untagged_responses   # imaplib's: SELECT's EXISTS is still there
            untagged.pop("EXISTS", None)
            self._call("idle", self.client.idle)
            news = bool(untagged.pop("EXISTS", None))           # news that came before the "+"
            try:
                end = min(deadline, time.monotonic() + IDLE_ROUND)
                while not news and not stop.is_set() and time.monotonic() < end:
                    news = _new_mail(self._call("idle", self.client.idle_check, timeout=IDLE_SLICE))
            finally:
                _, tail = self._call("end idle", self.client.idle_done)
            if news or _new_mail(tail):
                return True
        return False

    # -- drafts ------------------------------------------------------------------

    def resolve_drafts(self, configured: str) -> str:
        listed = self._call("list folders", self.client.list_folders)
        folders = [([f.decode("ascii", "replace") for f in flags], name) for flags, _, name in listed]
        chosen = pick_drafts_folder(folders, configured)
        if chosen is None:
            names = ", ".join(sorted(name for _, name in folders))
            what = f"the folder {configured!r}" if configured != "auto" else "a Drafts folder"
            raise FolderError(f"account {self.account.name!r}: can't find {what}; the server has: {names}. "
                              f"Set drafts_folder to one of them.")
        return chosen

    def drafts_state(self, drafts: str) -> tuple[int, int] | None:
        # Just after find_draft, Drafts is still open, and its SELECT said UIDVALIDITY and
        # UIDNEXT: a draft appended from now on gets a UID at or above that UIDNEXT, as with
        # STATUS (which a client shouldn't send for the open folder), one round trip less.
        if self.selected == drafts and not self._appended and b"UIDNEXT" in self._opened:
            return int(self._opened[b"UIDVALIDITY"]), int(self._opened[b"UIDNEXT"])
        if self.selected == drafts:
            self._watch()
        status = self._call(f"status of {drafts!r}", self.client.folder_status, drafts, [b"UIDVALIDITY", b"UIDNEXT"])
        return int(status[b"UIDVALIDITY"]), int(status[b"UIDNEXT"])

    def find_draft(self, drafts: str, message_id: str, since: tuple[int, int] | None = None) -> int | None:
        # Drafts is opened afresh for every look-up, so the search sees every draft appended
        # so far; it stays open after (see _watch).
        info = self._select(drafts)
        try:
            found = self._call("search drafts", self.client.search, ["HEADER", "Message-ID", message_id])
        except FolderError:
            raise
        except MailboxError as exc:       # a server that can't search this header: scan instead
            log.info("%s; looking through the newest drafts instead", exc)
            found = []
        if found:
            return int(min(found))
        if since is not None and since[0] == int(info[b"UIDVALIDITY"]):
            return self._scan_drafts(since[1], message_id)
        return None

    def _scan_drafts(self, from_uid: int, message_id: str) -> int | None:
        """The first draft at or above ``from_uid`` whose Message-ID is ``message_id``."""
        uids = [u for u in self._call("search drafts", self.client.search, ["UID", f"{from_uid}:*"]) if u >= from_uid]
        wanted = message_id.strip().lower()
        for start in range(0, len(uids), HEADER_BATCH):
            batch = uids[start:start + HEADER_BATCH]
            data = self._call("fetch drafts", self.client.fetch, batch, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
            for uid in batch:
                header = next((v for k, v in data.get(uid, {}).items() if k.startswith(b"BODY[HEADER")), b"")
                value = header.decode("ascii", "replace").partition(":")[2].strip().lower()
                if value == wanted:
                    return int(uid)
        return None

    def draft_body_hash(self, drafts: str, message_id: str) -> tuple[int, str] | None:
        uid = self.find_draft(drafts, message_id)        # leaves Drafts open
        if uid is None:
            return None
        data = self._call("fetch draft", self.client.fetch, [uid], ["BODY.PEEK[TEXT]"])
        body = data.get(uid, {}).get(b"BODY[TEXT]")
        return (uid, body_text_hash(body)) if body is not None else None

    def flag_for_person(self, folder: str, uid: int) -> bool:
        if not self.account.flag_needs_person:
            return False
        self._select(folder, readonly=False)      # read-write for one STORE; the next read re-opens it read-only
        self._call("flag message", self.client.add_flags, [uid], [imapclient.FLAGGED])
        return True

    def remove_draft(self, drafts: str, uid: int) -> bool:
        # Only with UIDPLUS: a plain EXPUNGE would also remove anything a person marked \Deleted.
        if b"UIDPLUS" not in self._call("capabilities", self.client.capabilities):
            return False
        self._select(drafts, readonly=False)      # read-write, Drafts only; see _watch
        self._call("flag draft", self.client.add_flags, [uid], [imapclient.DELETED])
        self._call("expunge draft", self.client.uid_expunge, [uid])
        return True

    def remove_copies(self, drafts: str, message_id: str, digest: str) -> Copies:
        self._select(drafts)              # afresh: the search must see the other process's APPEND
        try:
            found = sorted(self._call("search drafts", self.client.search, ["HEADER", "Message-ID", message_id]))
        except FolderError:
            raise
        except MailboxError as exc:       # a server that can't search this header (see find_draft)
            log.info("%s; not looking for a second copy of the draft", exc)
            return Copies()
        if len(found) < 2:
            return Copies(found[0] if found else None)
        later = found[1:]
        data = self._call("fetch drafts", self.client.fetch, later, ["BODY.PEEK[TEXT]"])
        ours = [uid for uid in later
                if (body := data.get(uid, {}).get(b"BODY[TEXT]")) is not None and body_text_hash(body) == digest]
        removed = tuple(uid for uid in ours if self.remove_draft(drafts, uid))
        return Copies(found[0], removed, tuple(uid for uid in later if uid not in removed))

    # -- replies -------------------------------------------------------------------------

    def message_ids(self, folder: str) -> set[str]:
        found: set[str] = set()
        for header in self._headers(folder, "MESSAGE-ID"):
            value = header.decode("ascii", "replace").partition(":")[2].strip().lower()
            if value:
                found.add(value)
        return found

    def in_reply_to_ids(self, folder: str) -> set[str]:
        found: set[str] = set()
        for header in self._headers(folder, " ".join(ANSWER_FIELDS).upper()):
            fields = email.message_from_bytes(header, policy=email.policy.compat32)
            found |= answered_by_person({name: str(fields.get(name, "")) for name in ANSWER_FIELDS})
        return found

    def _headers(self, folder: str, fields: str) -> Iterator[bytes]:
        """These header fields of every message in ``folder``, fetched in batches."""
        with self._visiting(folder):
            uids = self._call(f"search {folder!r}", self.client.search, ["ALL"])
            for start in range(0, len(uids), HEADER_BATCH * 10):
                data = self._call("fetch headers", self.client.fetch, uids[start:start + HEADER_BATCH * 10],
                                  [f"BODY.PEEK[HEADER.FIELDS ({fields})]"])
                for item in data.values():
                    yield next((v for k, v in item.items() if k.startswith(b"BODY[HEADER")), b"")

    def find_sent(self) -> str | None:
        listed = self._call("list folders", self.client.list_folders)
        return pick_sent_folder([([f.decode("ascii", "replace") for f in flags], name) for flags, _, name in listed])

    def replied_to(self, sent: str, message_id: str) -> bool:
        with self._visiting(sent):
            return bool(self._call("search sent", self.client.search, ["HEADER", "In-Reply-To", message_id]))

    @contextmanager
    def _visiting(self, folder: str) -> Iterator[None]:
        """Open ``folder`` read-only for a moment (the folder being read is opened again when
        it is next read, see _watch)."""
        self._select(folder)
        yield

    def append_draft(self, drafts: str, raw: bytes, when: datetime, *,
                     original_uid: int | None = None) -> int | None:
        response = self._call(f"append to {drafts!r}", self.client.append, drafts, raw,
                              flags=draft_flags(self.account.drafts_unread), msg_time=when)
        if drafts == self.selected:
            self._appended = True
        match = re.search(rb"APPENDUID \d+ (\d+)", response or b"")
        draft_uid = int(match.group(1)) if match else None
        if original_uid is not None and self.watched and self._has(GMAIL_EXTENSION):
            self._check_gmail_thread(self.watched, original_uid, drafts, draft_uid, raw)
        return draft_uid

    # -- Gmail -------------------------------------------------------------------

    def _check_gmail_thread(self, watched: str, original_uid: int, drafts: str, draft_uid: int | None,
                            raw: bytes) -> None:
        """Warn when Gmail filed the draft outside the original's conversation (X-GM-THRID).

        Gmail threads by its own rules, not only by References, and a draft outside the
        customer's conversation is easy to miss. Best effort: the draft is stored either
        way, so a failed look-up is logged, never raised.
        """
        where = f"account {self.account.name!r}"
        try:
            self._watch()
            original = self._thread_id(original_uid)
            draft = self._draft_thread_id(drafts, draft_uid, raw)
        except (OSError, IMAPClientError, MailboxError) as exc:
            log.info("%s: could not compare Gmail thread ids of %s uid %s and its draft: %s",
                     where, watched, original_uid, _reason(exc))
            return
        if original is None or draft is None:
            log.info("%s: Gmail sent no X-GM-THRID for %s uid %s or its draft; thread not checked",
                     where, watched, original_uid)
        elif original != draft:
            log.warning("%s: Gmail put the draft in thread X-GM-THRID %s, not in the thread of the message "
                        "it replies to (%s uid %s, X-GM-THRID %s); look for it in %s, outside that conversation",
                        where, draft, watched, original_uid, original, drafts)
        else:
            log.debug("%s: draft joined Gmail thread %s", where, draft)

    def _draft_thread_id(self, drafts: str, draft_uid: int | None, raw: bytes) -> int | None:
        """The draft's X-GM-THRID, by UID or else by its Message-ID; the watched folder is open again after."""
        self._select(drafts)
        try:
            if draft_uid is None:
                message_id = BytesHeaderParser().parsebytes(raw)["Message-ID"]
                found = self.client.search(["HEADER", "Message-ID", str(message_id)]) if message_id else []
                draft_uid = min(found) if found else None
            return self._thread_id(draft_uid) if draft_uid is not None else None
        finally:
            # If this fails, no folder is open (a failed SELECT closes the current one): the
            # pass's next read tries again (_watch), and fails loudly instead of reading Drafts.
            self._watch()

    def _thread_id(self, uid: int) -> int | None:
        """X-GM-THRID of ``uid`` in the open folder."""
        value = self.client.fetch([uid], ["X-GM-THRID"]).get(uid, {}).get(b"X-GM-THRID")
        return int(value) if value is not None else None

    def _has(self, capability: str) -> bool:
        try:
            return bool(self.client.has_capability(capability))
        except (OSError, IMAPClientError):
            return False

    # -- helpers -----------------------------------------------------------------

    def _call(self, what: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return func(*args, **kwargs)
        except (OSError, IMAPClientError) as exc:
            raise self._error(what, exc) from None

    def _error(self, what: str, exc: BaseException) -> MailboxError:
        text = _reason(exc)
        error = FolderError if "TRYCREATE" in text or "doesn't exist" in text.lower() else MailboxError
        return error(f"account {self.account.name!r}: {what} failed: {text}.")


def draft_flags(unread: bool) -> tuple[bytes, ...]:
    """The flags a draft is APPENDed with: ``\\Draft``, and ``\\Seen`` only when drafts are not
    to be left unread (an unread draft shows in the Drafts folder's count, waiting for review)."""
    return (imapclient.DRAFT,) if unread else (imapclient.DRAFT, imapclient.SEEN)


def _text(value: str | bytes) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _internaldate(item: dict[bytes, Any] | None) -> datetime | None:
    value = (item or {}).get(b"INTERNALDATE")
    return value if isinstance(value, datetime) else None


def _size(item: dict[bytes, Any] | None) -> int:
    value = (item or {}).get(b"RFC822.SIZE")
    return value if isinstance(value, int) else 0


def _oauth2_login(client: imapclient.IMAPClient, account: Account, token: str, where: str) -> None:
    mechanism = account.oauth_mechanism.upper()
    offered = [c.decode("ascii", "replace") for c in client.capabilities() if c.upper().startswith(b"AUTH=")]
    names = {c.upper() for c in offered}
    if f"AUTH={mechanism}" not in names:
        other = "OAUTHBEARER" if mechanism == "XOAUTH2" else "XOAUTH2"
        advice = (f'set oauth_mechanism = "{other.lower()}"' if f"AUTH={other}" in names
                  else 'it takes no OAuth2 token; use auth = "password"')
        raise LoginError(f"{where}: the server does not offer AUTH={mechanism} (it offers "
                         f"{', '.join(offered) or 'no SASL mechanism'}); {advice}.")
    if mechanism == "OAUTHBEARER":
        client.oauthbearer_login(account.username, token)
    else:
        client.oauth2_login(account.username, token)


def _refused(account: Account, where: str, reason: str, *, oauth2: bool) -> str:
    reason = reason.rstrip(".")                 # "Authentication failed." + ". Check ..."
    if oauth2:
        return (f"{where}: the server refused the OAuth2 access token for {account.username!r} "
                f"({account.oauth_mechanism.upper()}): {reason}. Check that username is the mailbox the "
                f"token was issued for and that the client may use IMAP; `replydraft auth oauth "
                f"{account.name}` authorises again.")
    return (f"{where}: the server refused the login for {account.username!r}: {reason}. Check the password "
            f"(`replydraft auth set {account.name}`, password_env or password_command).")


def _new_mail(responses: Sequence[Any]) -> bool:
    return any(isinstance(r, tuple) and len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, bytes):
        text = exc.decode("utf-8", "replace")
    text = text.strip().removeprefix("b'").removeprefix('b"').rstrip("'\"")
    return text or type(exc).__name__


def _quietly(func) -> None:  # type: ignore[no-untyped-def]
    with contextlib.suppress(Exception):  # closing a broken connection may fail in many ways; nothing to do
        func()
