"""The local state: which messages were handled, per-folder watermarks, and the incident log.

SQLite in WAL mode with ``synchronous=FULL``. Each step that matters for exactly-once
drafts is its own committed transaction: the draft intent is committed *before* the
APPEND, and the message, its incident and the folder watermark move together after it.
Inside ``Store.batch`` the records of mail without a draft commit with ``synchronous=NORMAL``
(no fsync of their own; a kill loses none of them, a power cut at most those since the
last fsync, which are simply examined again).
No passwords or message bodies are stored: incidents keep who, when, which signals and
the short evidence phrases that explain why.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from replydraft.detection.teaching import Lesson, change
from replydraft.errors import LeaseLost, StateError
from replydraft.pipeline import Outcome
from replydraft.reply.draft import body_hash, thread_keys
from replydraft.reply.voice import History
from replydraft.state.database import Database, PostgresDatabase, Row, SqliteDatabase

if TYPE_CHECKING:
    from replydraft.config import Config

__all__ = [
    "COLLISION",
    "INCIDENT_COLUMNS",
    "INCIDENT_STATUSES",
    "FolderRow",
    "Incident",
    "IncidentFilter",
    "Lease",
    "LoggedSignal",
    "StateLock",
    "Store",
    "WatchStatus",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS folder_state (
    account     TEXT NOT NULL,
    folder      TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL,           -- every UID up to here is handled (or out of the window)
    cutoff      TEXT NOT NULL,              -- messages received before this are never looked at
    PRIMARY KEY (account, folder)
);
CREATE TABLE IF NOT EXISTS messages (
    account     TEXT NOT NULL,
    source_key  TEXT NOT NULL,              -- sha256 of the Message-ID: survives UIDVALIDITY changes
    folder      TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    message_id  TEXT NOT NULL,
    status      TEXT NOT NULL,              -- appending | drafted | no_signal | skipped | needs_person
    reason      TEXT NOT NULL DEFAULT '',   -- why skipped, or near misses
    incident_id TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (account, source_key)
);
CREATE TABLE IF NOT EXISTS incidents (
    id               TEXT PRIMARY KEY,
    created_at       TEXT NOT NULL,
    account          TEXT NOT NULL,
    folder           TEXT NOT NULL,
    uid              INTEGER NOT NULL,
    message_id       TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    sender           TEXT NOT NULL,
    subject          TEXT NOT NULL,
    signals          TEXT NOT NULL,         -- JSON: [{"name", "score", "evidence": [...], "rules": [...]}]
    near_misses      TEXT NOT NULL,         -- JSON, same shape
    status           TEXT NOT NULL,         -- appending | drafted
    drafts_folder    TEXT NOT NULL,
    draft_message_id TEXT NOT NULL,
    draft_uid        INTEGER,
    updated_at       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_created ON incidents (created_at);
"""
# Schema version -> the statements that take a database from the version before to it.
# The base SCHEMA above is version 1; PRAGMA user_version records where a file is.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE incidents ADD COLUMN tone TEXT NOT NULL DEFAULT ''",          # template set used
        "ALTER TABLE incidents ADD COLUMN policy_rule TEXT NOT NULL DEFAULT ''",   # [[policy.rules]] name
        "ALTER TABLE incidents ADD COLUMN repeat_offender INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX IF NOT EXISTS incidents_sender ON incidents (sender, created_at)"),
    # Drafts' UIDVALIDITY and UIDNEXT just before the APPEND: where to look for the draft if
    # the process died before it learnt the APPEND's outcome.
    3: ("ALTER TABLE incidents ADD COLUMN drafts_uidvalidity INTEGER",
        "ALTER TABLE incidents ADD COLUMN drafts_uidnext INTEGER"),
    # How each watched folder is doing, for `replydraft status`.
    4: ("""CREATE TABLE watch_status (
            account       TEXT NOT NULL,
            folder        TEXT NOT NULL,
            mode          TEXT NOT NULL DEFAULT '',
            last_attempt  TEXT,
            last_success  TEXT,
            last_error    TEXT NOT NULL DEFAULT '',
            last_error_at TEXT,
            failures      INTEGER NOT NULL DEFAULT 0,    -- in a row, since the last success
            auth_failures INTEGER NOT NULL DEFAULT 0,    -- logins refused in a row
            next_try      TEXT,
            waiting       INTEGER NOT NULL DEFAULT 0,    -- new messages left for the next pass
            PRIMARY KEY (account, folder))""",),
    # Follow-ups in a thread: which incident an escalation follows, and whose draft replaced it.
    5: ("ALTER TABLE incidents ADD COLUMN thread_key TEXT NOT NULL DEFAULT ''",    # the thread's first Message-ID
        "ALTER TABLE incidents ADD COLUMN subject_key TEXT NOT NULL DEFAULT ''",   # subject without Re:
        "ALTER TABLE incidents ADD COLUMN draft_hash TEXT NOT NULL DEFAULT ''",    # body as appended
        "ALTER TABLE incidents ADD COLUMN follows TEXT",                           # the earlier incident
        "ALTER TABLE incidents ADD COLUMN replaced_by TEXT"),                      # its draft was replaced by
    # The incident log for managers: who (by name), why not drafted, which templates, and
    # whether the draft was sent: "" (not checked yet) | waiting | replied | draft_gone, and since
    # issue 16 edited (a person saved it as a draft of their own: new Message-ID, same thread).
    6: ("ALTER TABLE incidents ADD COLUMN sender_name TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE incidents ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE incidents ADD COLUMN templates TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE incidents ADD COLUMN excerpt TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE incidents ADD COLUMN reply_state TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE incidents ADD COLUMN reply_checked_at TEXT",
        "CREATE INDEX IF NOT EXISTS incidents_status ON incidents (status, created_at)"),
    # Forged and colliding mail: who the message is (From, Date, Subject: a reused Message-ID
    # with another one is another message), whom the draft went to (a follow-up replaces only
    # a draft to the same address), and whether DMARC failed (then it is nobody's history).
    7: ("ALTER TABLE messages ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''",   # '': recorded before 7
        "ALTER TABLE incidents ADD COLUMN draft_to TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE incidents ADD COLUMN dmarc_failed INTEGER NOT NULL DEFAULT 0"),
    # Teaching (issue 17): the messages a person moved into the teaching folders, one row per
    # message (its Message-ID's hash and its text's), and which UIDs of those folders were read.
    # Unlike the incident log, a lesson keeps the customer's subject and new text: a person
    # chose to give it, and a scorer can't be fitted on hashes of words it never saw.
    8: ("""CREATE TABLE taught (
            key         TEXT NOT NULL,           -- sha256 of the Message-ID (pipeline.source_key)
            text_hash   TEXT NOT NULL,           -- sha256 of subject and new text
            account     TEXT NOT NULL,
            folder      TEXT NOT NULL,           -- the teaching folder it was last found in
            uidvalidity INTEGER NOT NULL,
            uid         INTEGER NOT NULL,
            escalation  INTEGER NOT NULL,        -- 1: a missed escalation, 0: not an escalation
            labels      TEXT NOT NULL,           -- JSON list of signals; [] with escalation 1: not said
            subject     TEXT NOT NULL,
            body        TEXT NOT NULL,           -- the customer's new text, as extract reads it
            taught_at   TEXT NOT NULL,
            PRIMARY KEY (key, text_hash))""",
        """CREATE TABLE taught_seen (
            account     TEXT NOT NULL,
            folder      TEXT NOT NULL,
            uidvalidity INTEGER NOT NULL,
            uid         INTEGER NOT NULL,
            PRIMARY KEY (account, folder, uidvalidity, uid))"""),
    # A fleet (issue 18): which daemon works on each watched folder, until when, and the fencing
    # token that grows at every takeover; and the daemons alive, to share the folders out fairly.
    # Times are the database's clock in seconds, so the machines' clocks need not agree.
    9: ("""CREATE TABLE leases (
            account     TEXT NOT NULL,
            folder      TEXT NOT NULL,
            holder      TEXT NOT NULL,           -- the daemon working on it (Lease.holder)
            token       INTEGER NOT NULL,        -- fencing token: one more at every takeover
            expires_at  REAL NOT NULL,
            PRIMARY KEY (account, folder))""",
        """CREATE TABLE daemons (
            holder      TEXT PRIMARY KEY,
            host        TEXT NOT NULL,
            pid         INTEGER NOT NULL,
            started_at  TEXT NOT NULL,
            seen_at     REAL NOT NULL)"""),
}
SCHEMA_VERSION = max(MIGRATIONS)
# Incident statuses: an APPEND under way, a draft saved, or why there is none.
INCIDENT_STATUSES = ("appending", "drafted", "dry_run", "skipped_automated", "below_threshold", "error",
                     "needs_person")
TERMINAL = ("drafted", "no_signal", "skipped", "needs_person")
COLLISION = "collision"     # message_status: another message was recorded under this Message-ID


@dataclass(frozen=True, slots=True)
class Lease:
    """One daemon's right to work on one folder: ``token`` grows at every takeover, so a daemon
    that lost the folder is told apart from the one that has it now (fencing)."""

    account: str
    folder: str
    holder: str
    token: int
    seconds: float                      # its term: how long it lasts from each renewal

    @property
    def key(self) -> str:
        return f"{self.account}/{self.folder}"


@dataclass(frozen=True, slots=True)
class WatchStatus:
    account: str
    folder: str
    mode: str
    last_attempt: datetime | None
    last_success: datetime | None
    last_error: str
    last_error_at: datetime | None
    failures: int
    auth_failures: int
    next_try: datetime | None
    waiting: int


@dataclass(frozen=True, slots=True)
class FolderRow:
    uidvalidity: int
    last_uid: int
    cutoff: datetime


@dataclass(frozen=True, slots=True)
class LoggedSignal:
    """A signal as the incident log keeps it: the customer's phrases, and the rule behind each."""

    name: str
    score: float
    evidence: tuple[str, ...]
    rules: tuple[str, ...] = ()         # incidents logged before rules were recorded have none

    @classmethod
    def from_json(cls, item: Mapping[str, Any]) -> LoggedSignal:
        return cls(str(item["name"]), float(item["score"]), tuple(item["evidence"]), tuple(item.get("rules") or ()))

    def as_dict(self) -> dict[str, object]:
        """The stored JSON shape: ``{name, score, evidence, rules}``."""
        return {"name": self.name, "score": self.score, "evidence": list(self.evidence), "rules": list(self.rules)}


@dataclass(frozen=True, slots=True)
class Incident:
    """One row of the incident log, as ``Store`` reads it; its fields are INCIDENT_COLUMNS."""

    id: str
    created_at: datetime
    account: str
    folder: str
    uid: int
    message_id: str
    received_at: datetime
    sender: str
    subject: str
    signals: tuple[LoggedSignal, ...]
    near_misses: tuple[LoggedSignal, ...]
    status: str
    drafts_folder: str
    draft_message_id: str
    draft_uid: int | None
    tone: str
    policy_rule: str
    repeat_offender: bool
    drafts_uidvalidity: int | None
    drafts_uidnext: int | None
    thread_key: str
    subject_key: str
    draft_hash: str
    follows: str | None
    replaced_by: str | None
    sender_name: str
    reason: str
    templates: tuple[str, ...]
    excerpt: str
    reply_state: str
    reply_checked_at: datetime | None
    draft_to: str
    dmarc_failed: bool

    @classmethod
    def from_row(cls, row: Row) -> Incident:
        """The one place a stored incident is decoded: times parsed, JSON lists read, flags as bools."""
        return cls(
            id=row["id"], created_at=datetime.fromisoformat(row["created_at"]), account=row["account"],
            folder=row["folder"], uid=row["uid"], message_id=row["message_id"],
            received_at=datetime.fromisoformat(row["received_at"]), sender=row["sender"], subject=row["subject"],
            signals=_logged(row["signals"]), near_misses=_logged(row["near_misses"]), status=row["status"],
            drafts_folder=row["drafts_folder"], draft_message_id=row["draft_message_id"],
            draft_uid=row["draft_uid"], tone=row["tone"], policy_rule=row["policy_rule"],
            repeat_offender=bool(row["repeat_offender"]), drafts_uidvalidity=row["drafts_uidvalidity"],
            drafts_uidnext=row["drafts_uidnext"], thread_key=row["thread_key"], subject_key=row["subject_key"],
            draft_hash=row["draft_hash"], follows=row["follows"], replaced_by=row["replaced_by"],
            sender_name=row["sender_name"], reason=row["reason"], templates=tuple(json.loads(row["templates"])),
            excerpt=row["excerpt"], reply_state=row["reply_state"], reply_checked_at=_dt(row["reply_checked_at"]),
            draft_to=row["draft_to"], dmarc_failed=bool(row["dmarc_failed"]))

    def as_dict(self) -> dict[str, Any]:
        """INCIDENT_COLUMNS as ``export --format json`` writes them: times as stored (ISO 8601),
        signals as ``{name, score, evidence, rules}``, templates as a list, flags as booleans."""
        return {
            "id": self.id, "created_at": self.created_at.isoformat(), "account": self.account,
            "folder": self.folder, "uid": self.uid, "message_id": self.message_id,
            "received_at": self.received_at.isoformat(), "sender": self.sender, "subject": self.subject,
            "signals": [s.as_dict() for s in self.signals], "near_misses": [s.as_dict() for s in self.near_misses],
            "status": self.status, "drafts_folder": self.drafts_folder, "draft_message_id": self.draft_message_id,
            "draft_uid": self.draft_uid, "tone": self.tone, "policy_rule": self.policy_rule,
            "repeat_offender": self.repeat_offender, "drafts_uidvalidity": self.drafts_uidvalidity,
            "drafts_uidnext": self.drafts_uidnext, "thread_key": self.thread_key, "subject_key": self.subject_key,
            "draft_hash": self.draft_hash, "follows": self.follows, "replaced_by": self.replaced_by,
            "sender_name": self.sender_name, "reason": self.reason, "templates": list(self.templates),
            "excerpt": self.excerpt, "reply_state": self.reply_state,
            "reply_checked_at": self.reply_checked_at.isoformat() if self.reply_checked_at else None,
            "draft_to": self.draft_to,
            "dmarc_failed": self.dmarc_failed,
        }


# The incidents table's columns (bar updated_at), in the order of Incident's fields.
INCIDENT_COLUMNS = tuple(f.name for f in fields(Incident))


def _logged(text: str) -> tuple[LoggedSignal, ...]:
    return tuple(LoggedSignal.from_json(item) for item in json.loads(text))


def _lesson(row: Row) -> Lesson:
    return Lesson(row["key"], row["text_hash"], row["account"], row["folder"], row["uidvalidity"], row["uid"],
                  bool(row["escalation"]), frozenset(json.loads(row["labels"])), row["subject"], row["body"],
                  datetime.fromisoformat(row["taught_at"]))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat(timespec="seconds") if when else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _signals_json(signals: Any) -> str:
    return json.dumps([s.as_dict() for s in signals], ensure_ascii=False)


class Store:
    """The state, in SQLite (``open``, a file) or PostgreSQL (``connect``, a server a fleet shares)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # With fencing on (a daemon's passes), an intent to APPEND needs the folder's lease
        self.fencing = False
        self.leases: dict[tuple[str, str], Lease] = {}
        self._batch_size = 0            # > 0 inside batch()
        self._batch_open = False        # a batch transaction has begun and is not committed
        self._batched = 0

    @classmethod
    def open(cls, path: Path) -> Store:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():           # who wrote to whom, and why: readable by its owner only
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            db = SqliteDatabase(path)
        except (sqlite3.Error, OSError) as exc:
            raise StateError(f"can't open the state database {path}: {exc}. "
                             f"Check [state] path and that the folder is writable.") from None
        return cls._migrated(db)

    @classmethod
    def connect(cls, url: str) -> Store:
        """A PostgreSQL database (``[state] url``), created or migrated on first use."""
        return cls._migrated(PostgresDatabase(url))

    @classmethod
    def of(cls, config: Config) -> Store:
        """The configured state: ``[state] url`` if set, else the SQLite file at ``[state] path``."""
        return cls.connect(config.state_url) if config.state_url else cls.open(config.state_path)

    @staticmethod
    def exists(config: Config) -> bool:
        """Whether there is a state to read without making one: a database URL, or the SQLite file."""
        return bool(config.state_url) or config.state_path.exists()

    @classmethod
    def _migrated(cls, db: Database) -> Store:
        try:
            _migrate(db)
        except StateError:
            db.close()
            raise
        return cls(db)

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tx(self, durable: bool = False) -> _Transaction | _Batched:
        """One transaction; inside ``batch()`` (and unless ``durable``) a share of the batch's."""
        if self._batch_size and not durable:
            return _Batched(self)
        self._flush()
        return _Transaction(self.db)

    @contextmanager
    def batch(self, size: int = 100) -> Iterator[None]:
        """Group the records of mail that gets no draft, ``size`` to a transaction: a first
        scan of a large mailbox would otherwise wait for one fsync per message. The intent
        before an APPEND and its result still commit on their own, at once (``durable``),
        and everything batched before them commits first. A crash loses at most the open
        batch, whose messages (none with a draft) are simply examined again. The batches
        commit without an fsync (``synchronous=NORMAL``); the next durable commit (an intent,
        or any commit outside the batch) puts them on disk with it."""
        self._batch_size = size
        try:
            yield
        finally:
            self._flush()
            self._batch_size = 0

    def _flush(self) -> None:
        if self._batch_open:
            self._batch_open, self._batched = False, 0
            self.db.commit()

    # -- folders -----------------------------------------------------------------

    def folder_state(self, account: str, folder: str) -> FolderRow | None:
        row = self.db.execute("SELECT uidvalidity, last_uid, cutoff FROM folder_state "
                              "WHERE account=? AND folder=?", (account, folder)).fetchone()
        if row is None:
            return None
        return FolderRow(row["uidvalidity"], row["last_uid"], datetime.fromisoformat(row["cutoff"]))

    def set_folder_state(self, account: str, folder: str, state: FolderRow) -> None:
        with self._tx():
            self._set_folder_state(account, folder, state)

    def _set_folder_state(self, account: str, folder: str, state: FolderRow) -> None:
        self.db.execute(
            "INSERT INTO folder_state VALUES (?,?,?,?,?) ON CONFLICT(account, folder) DO UPDATE SET "
            "uidvalidity=excluded.uidvalidity, last_uid=excluded.last_uid, cutoff=excluded.cutoff",
            (account, folder, state.uidvalidity, state.last_uid, state.cutoff.isoformat()))

    def advance(self, account: str, folder: str, uidvalidity: int, uid: int) -> None:
        with self._tx():
            self._advance(account, folder, uidvalidity, uid)

    def _advance(self, account: str, folder: str, uidvalidity: int, uid: int) -> None:
        self.db.execute("UPDATE folder_state SET last_uid=? WHERE account=? AND folder=? AND uidvalidity=? "
                        "AND last_uid < ?", (uid, account, folder, uidvalidity, uid))

    # -- messages ----------------------------------------------------------------

    def message_status(self, account: str, source_key: str, fingerprint: str = "") -> str | None:
        """The message's status, None if new, or COLLISION if the key (its Message-ID) was
        recorded for a message with another fingerprint. Rows recorded before the fingerprint
        was (schema 7) have none and count as this message, so nothing is drafted twice."""
        row = self.db.execute("SELECT status, fingerprint FROM messages WHERE account=? AND source_key=?",
                              (account, source_key)).fetchone()
        if row is None:
            return None
        if fingerprint and row["fingerprint"] and row["fingerprint"] != fingerprint:
            return COLLISION
        return str(row["status"])

    def record_message(self, account: str, folder: str, uidvalidity: int, uid: int,
                       outcome: Outcome, status: str, reason: str = "") -> None:
        """A message that gets no draft, and the watermark past it, in one transaction."""
        with self._tx():
            self._upsert_message(account, folder, uidvalidity, uid, outcome, status, reason, None)
            self._advance(account, folder, uidvalidity, uid)

    def begin_draft(self, account: str, folder: str, uidvalidity: int, uid: int, outcome: Outcome,
                    drafts_folder: str, received: datetime | None,
                    drafts_state: tuple[int, int] | None = None) -> None:
        """Commit the intent to append a draft, before anything is sent to the server.

        ``drafts_state`` is Drafts' (UIDVALIDITY, UIDNEXT) just before: a draft appended
        after that has a UID at or above it.
        """
        assert outcome.draft is not None
        with self._tx(durable=True):
            if self.fencing:
                self._fence(account, folder)
            self._upsert_message(account, folder, uidvalidity, uid, outcome, "appending", "",
                                 outcome.incident_id)
            self._write_incident(account, folder, uid, outcome, "appending", received=received,
                                 drafts_folder=drafts_folder, drafts_state=drafts_state)

    def record_incident(self, account: str, folder: str, uid: int, outcome: Outcome, status: str,
                        reason: str = "", received: datetime | None = None) -> None:
        """An incident that got no draft: dry_run, skipped_automated, below_threshold or error.

        Never overwrites one that has (or is getting) a draft.
        """
        assert status in INCIDENT_STATUSES
        with self._tx():
            self._write_incident(account, folder, uid, outcome, status, reason=reason, received=received)

    def _write_incident(self, account: str, folder: str, uid: int, outcome: Outcome, status: str, *,
                        reason: str = "", received: datetime | None = None, drafts_folder: str = "",
                        drafts_state: tuple[int, int] | None = None) -> None:
        email, draft, choice, now = outcome.email, outcome.draft, outcome.choice, _now()
        signals = outcome.detection.signals or outcome.unexamined
        thread_key, subject_key = thread_keys(email)
        row = {
            "id": outcome.incident_id, "created_at": now, "account": account, "folder": folder, "uid": uid,
            "message_id": email.message_id,
            "received_at": (received or email.date or datetime.now(UTC)).isoformat(timespec="seconds"),
            "sender": email.from_addr, "subject": email.subject, "signals": _signals_json(signals),
            "near_misses": _signals_json(outcome.detection.near_misses), "status": status,
            "drafts_folder": drafts_folder, "draft_message_id": draft.message_id if draft else "",
            "draft_uid": None, "tone": choice.tone if draft else "", "policy_rule": choice.rule,
            "repeat_offender": int(choice.repeat_offender),
            "drafts_uidvalidity": drafts_state[0] if drafts_state else None,
            "drafts_uidnext": drafts_state[1] if drafts_state else None,
            "thread_key": thread_key, "subject_key": subject_key,
            "draft_hash": body_hash(draft.raw) if draft else "", "follows": None, "replaced_by": None,
            "sender_name": email.from_name, "reason": reason or " ".join(outcome.notes),
            "templates": json.dumps(list(outcome.templates)), "excerpt": outcome.excerpt,
            "reply_state": "", "reply_checked_at": None, "updated_at": now,
            "draft_to": draft.recipient if draft else "", "dmarc_failed": int(email.dmarc_failed),
        }
        keep = "" if status == "appending" else " WHERE incidents.status NOT IN ('appending', 'drafted')"
        self.db.execute(
            f"INSERT INTO incidents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) "
            "ON CONFLICT(id) DO UPDATE SET folder=excluded.folder, uid=excluded.uid, status=excluded.status, "
            "reason=excluded.reason, signals=excluded.signals, near_misses=excluded.near_misses, "
            "tone=excluded.tone, templates=excluded.templates, drafts_folder=excluded.drafts_folder, "
            "draft_message_id=excluded.draft_message_id, draft_hash=excluded.draft_hash, draft_to=excluded.draft_to, "
            "drafts_uidvalidity=excluded.drafts_uidvalidity, drafts_uidnext=excluded.drafts_uidnext, "
            f"updated_at=excluded.updated_at{keep}", tuple(row.values()))

    def finish_draft(self, account: str, folder: str, uidvalidity: int, uid: int, outcome: Outcome,
                     draft_uid: int | None) -> None:
        """The draft is on the server: message, incident and watermark move together."""
        now = _now()
        with self._tx(durable=True):
            self.db.execute("UPDATE messages SET status='drafted', updated_at=? WHERE account=? AND source_key=?",
                            (now, account, outcome.source_key))
            self.db.execute("UPDATE incidents SET status='drafted', draft_uid=?, updated_at=? WHERE id=?",
                            (draft_uid, now, outcome.incident_id))
            self._advance(account, folder, uidvalidity, uid)

    def _upsert_message(self, account: str, folder: str, uidvalidity: int, uid: int, outcome: Outcome,
                        status: str, reason: str, incident_id: str | None) -> None:
        self.db.execute(
            "INSERT INTO messages (account, source_key, folder, uidvalidity, uid, message_id, status, reason, "
            "incident_id, updated_at, fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(account, source_key) DO UPDATE SET "
            "folder=excluded.folder, uidvalidity=excluded.uidvalidity, uid=excluded.uid, "
            "status=excluded.status, reason=excluded.reason, incident_id=excluded.incident_id, "
            "updated_at=excluded.updated_at",
            (account, outcome.source_key, folder, uidvalidity, uid, outcome.email.message_id, status,
             reason, incident_id, _now(), outcome.fingerprint))

    def earlier_in_thread(self, account: str, incident_id: str, days: int = 30) -> Incident | None:
        """The sender's latest other drafted incident in the same thread (by root Message-ID or
        subject) whose draft hasn't been replaced, within ``days``."""
        me = self.db.execute("SELECT sender, thread_key, subject_key, created_at FROM incidents WHERE id=?",
                             (incident_id,)).fetchone()
        if me is None or not me["sender"]:
            return None
        since = (datetime.fromisoformat(me["created_at"]) - timedelta(days=days)).isoformat(timespec="seconds")
        row = self.db.execute(
            "SELECT * FROM incidents WHERE account=? AND sender=? AND id != ? AND status='drafted' "
            "AND replaced_by IS NULL AND created_at >= ? AND (thread_key=? OR (subject_key != '' AND subject_key=?)) "
            f"ORDER BY created_at DESC, {self.db.insertion_order} DESC LIMIT 1",
            (account, me["sender"], incident_id, since, me["thread_key"], me["subject_key"])).fetchone()
        return Incident.from_row(row) if row else None

    def link_follow_up(self, incident_id: str, earlier_id: str, *, replaced: bool) -> None:
        with self._tx():
            self.db.execute("UPDATE incidents SET follows=?, updated_at=? WHERE id=?",
                            (earlier_id, _now(), incident_id))
            if replaced:
                self.db.execute("UPDATE incidents SET replaced_by=?, updated_at=? WHERE id=?",
                                (incident_id, _now(), earlier_id))

    def pending_draft(self, incident_id: str) -> tuple[int, int] | None:
        """Drafts' (UIDVALIDITY, UIDNEXT) recorded with an unfinished APPEND, if known."""
        row = self.db.execute("SELECT drafts_uidvalidity, drafts_uidnext FROM incidents WHERE id=?",
                              (incident_id,)).fetchone()
        if row is None or row["drafts_uidnext"] is None:
            return None
        return int(row["drafts_uidvalidity"]), int(row["drafts_uidnext"])

    # -- the fleet's leases ---------------------------------------------------------

    def hold(self, lease: Lease) -> None:
        """Work on ``lease``'s folder under it: fencing on, its intents checked against it."""
        self.fencing = True
        self.leases[(lease.account, lease.folder)] = lease

    def _fence(self, account: str, folder: str) -> None:
        """Inside the intent's transaction: the lease is still ours (same holder and token, not
        expired), and lasts another term from now; else LeaseLost, and nothing is appended. A
        takeover needs the lease expired, so it can't slip between this and the APPEND that follows
        within the term."""
        lease = self.leases.get((account, folder))
        if lease is None or self.db.execute(
                f"UPDATE leases SET expires_at = {self.db.clock} + ? WHERE account=? AND folder=? AND holder=? "
                f"AND token=? AND expires_at >= {self.db.clock}",
                (lease.seconds, account, folder, lease.holder, lease.token)).rowcount != 1:
            raise LeaseLost(f"{account}/{folder}: another replydraft took this folder over (its lease expired "
                            f"or was given up); this one stops before appending")

    def take_lease(self, account: str, folder: str, holder: str, seconds: float) -> Lease | None:
        """The folder's lease for ``holder``: taken if free or expired (the token goes up by one),
        kept and extended if already its; None while another daemon holds it."""
        with self._tx():
            self.db.execute(
                f"INSERT INTO leases VALUES (?,?,?,1,{self.db.clock} + ?) ON CONFLICT(account, folder) DO UPDATE "
                f"SET holder=excluded.holder, expires_at=excluded.expires_at, token=CASE WHEN "
                f"leases.holder = excluded.holder THEN leases.token ELSE leases.token + 1 END "
                f"WHERE leases.holder = excluded.holder OR leases.expires_at < {self.db.clock}",
                (account, folder, holder, seconds))
            row = self.db.execute("SELECT holder, token FROM leases WHERE account=? AND folder=?",
                                  (account, folder)).fetchone()
        return Lease(account, folder, holder, int(row["token"]), seconds) if row["holder"] == holder else None

    def renew_leases(self, holder: str, seconds: float) -> list[Lease]:
        """Extend every unexpired lease ``holder`` has; returns them (an expired one is lost)."""
        with self._tx():
            self.db.execute(f"UPDATE leases SET expires_at = {self.db.clock} + ? WHERE holder=? "
                            f"AND expires_at >= {self.db.clock}", (seconds, holder))
            rows = self.db.execute(f"SELECT account, folder, token FROM leases WHERE holder=? "
                                   f"AND expires_at >= {self.db.clock}", (holder,)).fetchall()
        return [Lease(r["account"], r["folder"], holder, int(r["token"]), seconds) for r in rows]

    def release_lease(self, lease: Lease) -> None:
        """Give the folder up at once (a stop, a fairer share): expired, its token kept to grow on."""
        with self._tx():
            self.db.execute("UPDATE leases SET expires_at = 0 WHERE account=? AND folder=? AND holder=? AND token=?",
                            (lease.account, lease.folder, lease.holder, lease.token))

    def heartbeat(self, holder: str, host: str, pid: int, alive: float) -> int:
        """``holder`` is alive; returns how many daemons were seen in the last ``alive`` seconds
        (itself included). Daemons not seen for ten times that are forgotten."""
        with self._tx():
            self.db.execute(f"INSERT INTO daemons VALUES (?,?,?,?,{self.db.clock}) ON CONFLICT(holder) DO UPDATE "
                            f"SET seen_at=excluded.seen_at", (holder, host, pid, _now()))
            self.db.execute(f"DELETE FROM daemons WHERE seen_at < {self.db.clock} - ?", (10 * alive,))
            row = self.db.execute(f"SELECT count(*) AS n FROM daemons WHERE seen_at >= {self.db.clock} - ?",
                                  (alive,)).fetchone()
        return max(1, int(row["n"]))

    def leave(self, holder: str) -> None:
        """A daemon that stops: its leases given up, and it no longer counts as alive."""
        with self._tx():
            self.db.execute("UPDATE leases SET expires_at = 0 WHERE holder=?", (holder,))
            self.db.execute("DELETE FROM daemons WHERE holder=?", (holder,))

    def clear_leases(self) -> None:
        """Every lease given up: for a SQLite state, whose lock lets one daemon run at a time."""
        with self._tx():
            self.db.execute("UPDATE leases SET expires_at = 0")

    def lease_holders(self) -> dict[tuple[str, str], str]:
        """Who works on each folder now: (account, folder) -> holder, unexpired leases only."""
        rows = self.db.execute(f"SELECT account, folder, holder FROM leases WHERE expires_at >= {self.db.clock}")
        return {(r["account"], r["folder"]): r["holder"] for r in rows}

    # -- watch status --------------------------------------------------------------

    def record_success(self, account: str, folder: str, mode: str, waiting: int = 0,
                       next_try: datetime | None = None) -> None:
        now = _now()
        with self._tx():
            self.db.execute(
                "INSERT INTO watch_status (account, folder, mode, last_attempt, last_success, waiting, next_try) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(account, folder) DO UPDATE SET mode=excluded.mode, "
                "last_attempt=excluded.last_attempt, last_success=excluded.last_success, failures=0, "
                "auth_failures=0, waiting=excluded.waiting, next_try=excluded.next_try",
                (account, folder, mode, now, now, waiting, _iso(next_try)))

    def record_failure(self, account: str, folder: str, mode: str, error: str, *, auth: bool,
                       next_try: datetime | None) -> WatchStatus:
        """Count one more failure in a row; returns the updated status."""
        now = _now()
        with self._tx():
            self.db.execute(
                "INSERT INTO watch_status (account, folder, mode, last_attempt, last_error, last_error_at, failures, "
                "auth_failures, next_try) VALUES (?,?,?,?,?,?,1,?,?) ON CONFLICT(account, folder) DO UPDATE SET "
                "mode=excluded.mode, last_attempt=excluded.last_attempt, last_error=excluded.last_error, "
                "last_error_at=excluded.last_error_at, failures=watch_status.failures+1, "
                "auth_failures=CASE WHEN excluded.auth_failures > 0 THEN watch_status.auth_failures+1 ELSE 0 END, "
                "next_try=excluded.next_try",
                (account, folder, mode, now, error, now, int(auth), _iso(next_try)))
        return next(s for s in self.watch_statuses() if (s.account, s.folder) == (account, folder))

    def watch_statuses(self) -> list[WatchStatus]:
        rows = self.db.execute("SELECT * FROM watch_status ORDER BY account, folder").fetchall()
        return [WatchStatus(r["account"], r["folder"], r["mode"], _dt(r["last_attempt"]), _dt(r["last_success"]),
                            r["last_error"], _dt(r["last_error_at"]), r["failures"], r["auth_failures"],
                            _dt(r["next_try"]), r["waiting"]) for r in rows]

    def unfinished_drafts(self) -> int:
        """Incidents whose APPEND outcome is not yet recorded (finished by the next pass)."""
        return int(self.db.execute("SELECT count(*) AS n FROM incidents WHERE status='appending'").fetchone()["n"])

    # -- incidents ---------------------------------------------------------------

    def history(self, sender: str, now: datetime, days: int = 90, *, exclude: str = "") -> History:
        """When ``sender``'s incidents of the last ``days`` were logged (``exclude``: this one)."""
        since = (now - timedelta(days=days)).astimezone(UTC).isoformat(timespec="seconds")
        rows = self.db.execute("SELECT created_at FROM incidents WHERE sender=? AND created_at >= ? AND id != ? "
                               "AND dmarc_failed = 0 ORDER BY created_at DESC", (sender.lower(), since, exclude))
        return History(tuple(datetime.fromisoformat(r["created_at"]) for r in rows))

    def incidents(self, where: IncidentFilter | None = None) -> Iterator[Incident]:
        """Incidents, oldest first."""
        query, args = _filter_sql(where or IncidentFilter(), self.db)
        for row in self.db.execute(f"SELECT * FROM incidents WHERE {query} ORDER BY created_at, id", args):
            yield Incident.from_row(row)

    def count_incidents(self, where: IncidentFilter | None = None) -> int:
        query, args = _filter_sql(where or IncidentFilter(), self.db)
        return int(self.db.execute(f"SELECT count(*) AS n FROM incidents WHERE {query}", args).fetchone()["n"])

    def incident(self, ident: str) -> Incident | None:
        """One incident by its id, or by a unique prefix of it ("RD-3f9a")."""
        rows = self.db.execute("SELECT * FROM incidents WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
                               (ident, ident.replace("_", "\\_").replace("%", "\\%") + "%")).fetchall()
        exact = [r for r in rows if r["id"] == ident]
        if exact or len(rows) == 1:
            return Incident.from_row((exact or rows)[0])
        return None

    def purge(self, before: datetime) -> int:
        """Delete incidents logged before ``before``; returns how many. The record of which
        messages were handled stays, so nothing is drafted again."""
        with self._tx():
            done = self.db.execute("DELETE FROM incidents WHERE created_at < ?", (_iso(before),))
        self.db.vacuum()                     # really gone from the file, not just unlinked
        return int(done.rowcount)

    def replies_to_check(self, account: str, now: datetime, every: timedelta,
                         days: int = 30) -> list[Incident]:
        """Drafted incidents of the last ``days`` whose reply state is unknown or was checked
        longer ago than ``every`` (drafts waiting or edited only: a reply once seen stays seen; an
        edited draft may still be sent)."""
        rows = self.db.execute(
            "SELECT * FROM incidents WHERE account=? AND status='drafted' AND replaced_by IS NULL "
            "AND reply_state IN ('', 'waiting', 'edited') AND created_at >= ? "
            "AND (reply_checked_at IS NULL OR reply_checked_at <= ?)",
            (account, _iso(now - timedelta(days=days)), _iso(now - every))).fetchall()
        return [Incident.from_row(r) for r in rows]

    # -- teaching ------------------------------------------------------------------

    def taught_uids(self, account: str, folder: str, uidvalidity: int) -> set[int]:
        """The UIDs of a teaching folder already read (taught, or passed over)."""
        rows = self.db.execute("SELECT uid FROM taught_seen WHERE account=? AND folder=? AND uidvalidity=?",
                               (account, folder, uidvalidity))
        return {int(r["uid"]) for r in rows}

    def pass_over(self, account: str, folder: str, uidvalidity: int, uid: int) -> None:
        """A message of a teaching folder that teaches nothing (no text of its own): not read again."""
        with self._tx():
            self._seen(account, folder, uidvalidity, uid)

    def _seen(self, account: str, folder: str, uidvalidity: int, uid: int) -> None:
        self.db.execute("INSERT INTO taught_seen VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                        (account, folder, uidvalidity, uid))

    def teach(self, lesson: Lesson, now: datetime) -> tuple[str, Lesson | None]:
        """Add a lesson, or move a known one to where it was found now: ("new" | "same" |
        "relabelled", the lesson as it was). A relabelled message takes its new folder's labels
        (the later move wins) and the time it was taught again."""
        with self._tx():
            row = self.db.execute("SELECT * FROM taught WHERE key=? AND text_hash=?",
                                  (lesson.key, lesson.text_hash)).fetchone()
            before = _lesson(row) if row else None
            what = change(before, lesson)
            when = before.taught_at if what == "same" and before and before.taught_at else now
            self.db.execute(
                "INSERT INTO taught VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key, text_hash) DO UPDATE SET "
                "account=excluded.account, folder=excluded.folder, uidvalidity=excluded.uidvalidity, "
                "uid=excluded.uid, escalation=excluded.escalation, labels=excluded.labels, "
                "subject=excluded.subject, body=excluded.body, taught_at=excluded.taught_at",
                (lesson.key, lesson.text_hash, lesson.account, lesson.folder, lesson.uidvalidity, lesson.uid,
                 int(lesson.escalation), json.dumps(sorted(lesson.labels)), lesson.subject, lesson.body,
                 _iso(when)))
            self._seen(lesson.account, lesson.folder, lesson.uidvalidity, lesson.uid)
        return what, before

    def forget_missing(self, account: str, present: dict[str, tuple[int, set[int]]]) -> list[Lesson]:
        """Forget the account's lessons whose message is no longer where it was taught: ``present``
        is each teaching folder read now, its UIDVALIDITY and UIDs. A message moved to another
        teaching folder was taught there in the same pass (the later move counts), so what is left
        was moved out of the teaching folders, or deleted: a person took the lesson back."""
        with self._tx():
            rows = self.db.execute("SELECT * FROM taught WHERE account=?", (account,)).fetchall()
            where = {folder: {(uidvalidity, uid) for uid in uids} for folder, (uidvalidity, uids) in present.items()}
            gone = [lesson for lesson in map(_lesson, rows)
                    if lesson.folder in where and (lesson.uidvalidity, lesson.uid) not in where[lesson.folder]]
            self.db.executemany("DELETE FROM taught WHERE key=? AND text_hash=?", [(g.key, g.text_hash) for g in gone])
        return gone

    def lessons(self) -> list[Lesson]:
        """Every taught message, oldest first."""
        rows = self.db.execute("SELECT * FROM taught ORDER BY taught_at, key, text_hash")
        return [_lesson(r) for r in rows]

    def set_reply_state(self, incident_id: str, state: str) -> None:
        with self._tx():
            self.db.execute("UPDATE incidents SET reply_state=?, reply_checked_at=?, updated_at=? WHERE id=?",
                            (state, _now(), _now(), incident_id))


class StateLock:
    """An OS lock (``flock``) on ``<state>.lock``, held while a process runs passes on a state file.

    Two processes on one state file would each look for a draft, miss the other's APPEND and
    append it again; a second ``replydraft run`` (a daemon, or ``run --once`` from cron) is
    refused instead. The OS releases the lock when the process ends, even after ``kill -9``.
    Reading commands (status, incidents, report) don't take it.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd

    @classmethod
    def acquire(cls, state_path: Path) -> StateLock:
        import fcntl

        path = state_path.with_name(state_path.name + ".lock")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StateError(f"can't create the lock file {path}: {exc.strerror}. "
                             f"Check [state] path and that its folder is writable.") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StateError(f"another replydraft (PID {holder}) is running on the state database {state_path}; "
                             f"stop it first, or give this one its own [state] path.") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(fd)

    def release(self) -> None:
        os.close(self.fd)             # closing the file ends the lock

    def __enter__(self) -> StateLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Which incidents to show: every given condition must hold."""

    since: datetime | None = None
    until: datetime | None = None
    account: str | None = None
    signal: str | None = None           # raised (or, for skipped mail, would have raised) this signal
    customer: str | None = None         # an address, "@domain", or part of the name
    status: str | None = None


def _filter_sql(f: IncidentFilter, db: Database) -> tuple[str, list[Any]]:
    clauses, args = ["1=1"], []
    if f.since:
        clauses.append("created_at >= ?")
        args.append(_iso(f.since))
    if f.until:
        clauses.append("created_at < ?")
        args.append(_iso(f.until))
    if f.account:
        clauses.append("account = ?")
        args.append(f.account)
    if f.status:
        clauses.append("status = ?")
        args.append(f.status)
    if f.signal:
        clauses.append(db.signal_filter)
        args.append(f.signal)
    if f.customer:
        who = f.customer.strip().lower()
        if who.startswith("@"):
            clauses.append("sender LIKE ?")
            args.append("%" + who)
        elif "@" in who:
            clauses.append("sender = ?")
            args.append(who)
        else:
            clauses.append("(lower(sender_name) LIKE ? OR sender LIKE ?)")
            args += [f"%{who}%", f"%{who}%"]
    return " AND ".join(clauses), args


def _migrate(db: Database) -> None:
    """Create the tables, or bring an older database up to SCHEMA_VERSION, in one transaction.

    The version is read again once the migration lock is held: processes opening a new
    database at once would otherwise each run the same ALTER TABLEs ("duplicate column name").
    """
    if _schema_version(db) == SCHEMA_VERSION:
        return
    with _Transaction(db, migration=True):
        version = _schema_version(db)
        if version == SCHEMA_VERSION:
            return
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(db.ddl(statement))
        for target in range(max(1, version) + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target] + db.extra_migrations.get(target, ()):
                db.execute(db.ddl(statement))
        db.set_schema_version(SCHEMA_VERSION)


def _schema_version(db: Database) -> int:
    version = db.schema_version()
    if version > SCHEMA_VERSION:
        raise StateError(f"the state database {db.where} was written by a newer replydraft (schema {version}, "
                         f"this one knows {SCHEMA_VERSION}); upgrade replydraft, or point [state] elsewhere.")
    return version


class _Batched:
    """A share of ``Store.batch``'s transaction: begun when needed, committed every ``size``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        if not self.store._batch_open:
            self.store.db.begin(durable=False)
            self.store._batch_open = True

    def __exit__(self, exc_type: object, exc: BaseException | None, _tb: object) -> None:
        store = self.store
        if exc_type is not None:
            store.db.rollback()
            store._batch_open, store._batched = False, 0
            return
        store._batched += 1
        if store._batched >= store._batch_size:
            store._flush()


class _Transaction:
    """A write transaction, committed, or rolled back on any exception; a database error (a full
    disk, a read-only file, a lock held too long, a server gone) is a StateError that says what to do."""

    def __init__(self, db: Database, *, migration: bool = False) -> None:
        self.db, self.migration = db, migration

    def __enter__(self) -> None:
        if self.migration:
            self.db.begin_migration()
        else:
            self.db.begin()

    def __exit__(self, exc_type: object, exc: BaseException | None, _tb: object) -> None:
        if exc_type is None:
            self.db.commit()
        else:
            self.db.rollback()
