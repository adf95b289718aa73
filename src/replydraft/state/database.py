"""The two SQL databases the state can live in: SQLite (one file, the default) and PostgreSQL
(shared by a fleet of daemons, issue 18).

``Store`` writes its SQL once, in what both understand: ``?`` placeholders, ``ON CONFLICT``
upserts, ISO 8601 times as text. What differs lives here: connecting, transactions (and how
durable a batch's commit is), where the schema version is kept, types in the DDL, three
expressions (the JSON filter, the clock, insertion order), and an error that names the fix.
Every database error becomes a ``StateError``; its message never shows a password.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from replydraft.errors import StateError

__all__ = ["Database", "PostgresDatabase", "Row", "SqliteDatabase", "redact"]

Row = Any       # sqlite3.Row or psycopg's dict row: both read by column name


class Database(ABC):
    """A connection, in autocommit mode, with explicit transactions (``begin``/``commit``)."""

    where: str                      # for messages: the file, or the URL without its password
    # The SQL that differs by database
    signal_filter: str              # an incident's signals (JSON text) name the signal `?`
    clock: str                      # the database's clock, in seconds since the epoch
    insertion_order: str            # a column that grows with each incident inserted

    @abstractmethod
    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement: a cursor (fetchone, fetchall, iteration, rowcount)."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def begin(self, *, durable: bool = True) -> None:
        """Start a transaction that takes the write lock at once. A ``durable=False`` one is
        not flushed to disk on its own commit (it survives the process dying, not a power cut)."""

    @abstractmethod
    def commit(self) -> None: ...

    def rollback(self) -> None:
        with contextlib.suppress(Exception):        # nothing open any more: already rolled back
            self.execute("ROLLBACK")

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version of the data (0: no tables yet)."""

    @abstractmethod
    def begin_migration(self) -> None:
        """A transaction that no other process migrates in at the same time."""

    @abstractmethod
    def set_schema_version(self, version: int) -> None: ...

    def ddl(self, statement: str) -> str:
        """A schema statement as this database writes it."""
        return statement

    extra_migrations: ClassVar[Mapping[int, tuple[str, ...]]] = {}   # what only this database needs, by version

    @abstractmethod
    def vacuum(self) -> None:
        """Give the space of deleted rows back, so purged incidents are really gone."""

    @abstractmethod
    def write_error(self, exc: Exception) -> StateError: ...


# -- SQLite --------------------------------------------------------------------------


class SqliteDatabase(Database):
    """A file in WAL mode. A durable commit is ``synchronous=FULL`` (on disk when it returns); a
    batch's is ``NORMAL``: it survives a crash of the process and reaches the disk with the next
    FULL commit, which syncs the whole log."""

    signal_filter = "EXISTS (SELECT 1 FROM json_each(incidents.signals) WHERE json_extract(value, '$.name') = ?)"
    clock = "((julianday('now') - 2440587.5) * 86400.0)"
    insertion_order = "rowid"

    def __init__(self, path: Path, patience: float = 30.0) -> None:
        self.path = path
        self.where = str(path)
        self.conn = _sqlite_connect(path, patience)
        self._synchronous = "FULL"

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, args)
        except sqlite3.Error as exc:
            raise self.write_error(exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise self.write_error(exc) from None

    def begin(self, *, durable: bool = True) -> None:
        level = "FULL" if durable else "NORMAL"
        if self._synchronous != level:
            self.execute(f"PRAGMA synchronous={level}")
            self._synchronous = level
        self.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:          # a full disk: roll back, say what to do
            self.rollback()
            raise self.write_error(exc) from None

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        return int(self.execute("PRAGMA user_version").fetchone()[0])

    def begin_migration(self) -> None:
        self.begin()                           # BEGIN IMMEDIATE holds the file's write lock

    def set_schema_version(self, version: int) -> None:
        self.execute(f"PRAGMA user_version = {int(version)}")

    def vacuum(self) -> None:
        self.execute("VACUUM")

    def write_error(self, exc: Exception) -> StateError:
        return StateError(f"can't write to the state database {self.path}: {exc}. Free some space on its disk and "
                          f"check that the file and its folder are writable; the next pass tries again.")


def _sqlite_connect(path: Path, patience: float) -> sqlite3.Connection:
    """Switching a new file to WAL, or recovering one's WAL, answers "database is locked" at once
    to other openers (SQLite's busy timeout doesn't cover it), so a process opening the file at
    the same moment as another (a first start's jobs, `status`) tries again for ``patience`` s."""
    deadline = time.monotonic() + patience
    while True:
        db = sqlite3.connect(path, timeout=patience, isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# -- PostgreSQL ----------------------------------------------------------------------

# Any lock number will do, as long as it is always the same one: the schema's migration
MIGRATION_LOCK = 0x7265706C79       # "reply"


class PostgresDatabase(Database):
    """A server shared by several daemons (psycopg 3, the ``postgres`` extra). A batch commits
    with ``synchronous_commit = off``: as SQLite's NORMAL, a lost batch is examined again.
    A connection the server dropped (a restart, a failover) is made again before the next
    statement outside a transaction; the statement that met the drop fails with a StateError,
    so the pass retries like any other."""

    signal_filter = ("EXISTS (SELECT 1 FROM jsonb_array_elements(incidents.signals::jsonb) AS s(value) "
                     "WHERE s.value->>'name' = ?)")
    clock = "extract(epoch FROM clock_timestamp())::double precision"
    insertion_order = "seq"
    # SQLite has rowid; here an incident's order of insertion is a column of its own
    extra_migrations: ClassVar[Mapping[int, tuple[str, ...]]] = {
        9: ("ALTER TABLE incidents ADD COLUMN seq BIGSERIAL",)}

    def __init__(self, url: str, connect_timeout: float = 10.0) -> None:
        try:
            import psycopg
        except ImportError:
            raise StateError("[state] url names a PostgreSQL database, but its driver is not installed: "
                             "pip install 'replydraft[postgres]'") from None
        self._psycopg = psycopg
        self.url, self.where = url, redact(url)
        self._timeout = connect_timeout
        self._in_transaction = False
        self._pool = _pool(url)
        self.conn = self._pool.take() or self._connect()

    def _connect(self) -> Any:
        from psycopg.rows import dict_row

        try:
            return self._psycopg.connect(self.url, autocommit=True, row_factory=dict_row,
                                         connect_timeout=max(1, int(self._timeout)),
                                         application_name="replydraft")
        except self._psycopg.Error as exc:
            raise StateError(f"can't connect to the state database {self.where}: {_first_line(exc)}. Check "
                             f"[state] url, that the server is running and that this user may connect "
                             f"(a password belongs in ~/.pgpass or PGPASSWORD, not in the config).") from None

    def _ready(self) -> Any:
        if self.conn.closed and not self._in_transaction:
            self.conn = self._connect()
        return self.conn

    @staticmethod
    def _translate(sql: str) -> str:
        """``?`` placeholders as psycopg writes them (``%s``; a literal ``%`` doubled)."""
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        try:
            return self._ready().execute(self._translate(sql), tuple(args) or None)
        except self._psycopg.Error as exc:
            raise self.write_error(exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(row) for row in rows]
        if not rows:
            return
        try:
            with self._ready().cursor() as cursor:
                cursor.executemany(self._translate(sql), rows)
        except self._psycopg.Error as exc:
            raise self.write_error(exc) from None

    def begin(self, *, durable: bool = True) -> None:
        self.execute("BEGIN")
        self._in_transaction = True
        if not durable:
            self.execute("SET LOCAL synchronous_commit = off")

    def commit(self) -> None:
        try:
            self.execute("COMMIT")
        except StateError:
            self.rollback()
            raise
        finally:
            self._in_transaction = False

    def rollback(self) -> None:
        self._in_transaction = False
        if not self.conn.closed:
            super().rollback()

    def close(self) -> None:
        """Back to the process's pool if it is sound and idle, for the next pass; else closed."""
        idle = not self.conn.closed and self.conn.info.transaction_status == self._psycopg.pq.TransactionStatus.IDLE
        if not (idle and self._pool.give(self.conn)):
            self.conn.close()

    def schema_version(self) -> int:
        try:
            row = self._ready().execute("SELECT version FROM replydraft_schema").fetchone()
        except self._psycopg.errors.UndefinedTable:
            return 0                            # a new database (autocommit: nothing to roll back)
        except self._psycopg.Error as exc:
            raise self.write_error(exc) from None
        return int(row["version"]) if row else 0

    def begin_migration(self) -> None:
        self.begin()
        self.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
        self.execute("CREATE TABLE IF NOT EXISTS replydraft_schema (version INTEGER NOT NULL)")

    def set_schema_version(self, version: int) -> None:
        self.execute("DELETE FROM replydraft_schema")
        self.execute("INSERT INTO replydraft_schema VALUES (?)", (version,))

    def ddl(self, statement: str) -> str:
        # UIDs and UIDVALIDITY go up to 2^32 - 1; PostgreSQL's INTEGER stops at 2^31 - 1,
        # and its REAL has 24 bits (seconds since 1970 would round to minutes)
        return re.sub(r"\bREAL\b", "DOUBLE PRECISION", re.sub(r"\bINTEGER\b", "BIGINT", statement))

    def vacuum(self) -> None:
        self.execute("VACUUM incidents")

    def write_error(self, exc: Exception) -> StateError:
        return StateError(f"the state database {self.where} failed: {_first_line(exc)}. Check that the server is "
                          f"running and has space; the next pass tries again.")


class _Pool:
    """Idle connections to one database, kept for this process's next Store: the daemon opens the
    state for every pass, and each new PostgreSQL connection costs a server process and a login
    (a fleet on 1,000 folders would otherwise make ~100 a second)."""

    SIZE = 32                    # idle connections kept; busy ones are the daemon's threads' (up to 64)

    def __init__(self) -> None:
        self.idle: list[Any] = []
        self.lock = threading.Lock()

    def take(self) -> Any:
        with self.lock:
            while self.idle:
                conn = self.idle.pop()
                if not conn.closed:
                    return conn
        return None

    def give(self, conn: Any) -> bool:
        with self.lock:
            if len(self.idle) >= self.SIZE:
                return False
            self.idle.append(conn)
            return True


_POOLS: dict[str, _Pool] = {}
_POOLS_LOCK = threading.Lock()


def _pool(url: str) -> _Pool:
    with _POOLS_LOCK:
        return _POOLS.setdefault(url, _Pool())


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def redact(url: str) -> str:
    """The URL without a password (``user:password@`` or ``?password=``), fit for a log line."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(an unreadable [state] url)"
    userinfo, _, host = parts.netloc.rpartition("@")
    netloc = f"{userinfo.partition(':')[0]}:***@{host}" if ":" in userinfo else parts.netloc
    query = re.sub(r"(^|&)(password=)[^&]*", r"\1\2***", parts.query)
    return urlunsplit(parts._replace(netloc=netloc, query=query))
