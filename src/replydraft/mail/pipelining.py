"""Pipelined UID FETCH: send a command now, read its answer later.

imapclient waits for each command's answer. ``FetchPipeline`` sends a UID FETCH at once
and reads its answer when asked, so the server prepares the next batches while the
caller classifies one. It has to reach into internals to do it: imaplib's ``_command``,
``_command_complete`` and ``_untagged_response`` on imapclient's ``_imap`` connection,
and imapclient's helpers that build and parse FETCH (``join_message_ids``,
``seq_to_parenstr_upper``, ``parse_fetch_response``). ``missing_internals`` lists what
of that is gone or has another shape; a pipeline checks it before its first command and,
if anything is missing, fetches plainly (imapclient's ``fetch``, one command at a time)
after one warning. tests/test_pipelining.py fails naming the attribute when they change.

Answers are read in the order the commands were sent. The owner of the connection must
``drain`` the pipeline before using the connection for anything else, so that no command
ever sees another's responses.
"""

from __future__ import annotations

import functools
import imaplib
import inspect
import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from imapclient import imapclient as imapclient_module
from imapclient import response_parser
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

log = logging.getLogger(__name__)

__all__ = ["Answer", "FetchPipeline", "Pending", "connection_missing", "missing_internals"]

Answer = dict[int, dict[bytes, Any]]        # UID -> FETCH items, as imapclient's fetch returns them

# (owner, name, its parameters): the private functions pipelining calls, with the shape it calls them with.
INTERNALS: tuple[tuple[object, str, tuple[str, ...]], ...] = (
    (imaplib.IMAP4, "_command", ("self", "name", "args")),
    (imaplib.IMAP4, "_command_complete", ("self", "name", "tag")),
    (imaplib.IMAP4, "_untagged_response", ("self", "typ", "dat", "name")),
    (imapclient_module, "join_message_ids", ("messages",)),
    (imapclient_module, "seq_to_parenstr_upper", ("items",)),
    (response_parser, "parse_fetch_response", ("text", "normalise_times", "uid_is_key")),
)


def missing_internals() -> list[str]:
    """What pipelining calls in imaplib and imapclient and is not there, or takes other
    parameters; empty when pipelining can run."""
    problems = []
    for owner, name, params in INTERNALS:
        where = f"{getattr(owner, '__name__', owner)}.{name}"
        func = getattr(owner, name, None)
        if not callable(func):
            problems.append(f"{where} is gone")
            continue
        try:
            found = tuple(inspect.signature(func).parameters)
        except (TypeError, ValueError):
            found = ()
        if found != params:
            problems.append(f"{where} takes ({', '.join(found)}), not ({', '.join(params)})")
    return problems


def connection_missing(client: object) -> list[str]:
    """What pipelining needs of one imapclient connection: its imaplib connection ``_imap``
    and ``normalise_times``."""
    problems = []
    if not isinstance(getattr(client, "_imap", None), imaplib.IMAP4):
        problems.append("IMAPClient._imap is not an imaplib.IMAP4 connection")
    if not isinstance(getattr(client, "normalise_times", None), bool):
        problems.append("IMAPClient.normalise_times is not a bool")
    return problems


@functools.cache
def _static_problems() -> tuple[str, ...]:
    return tuple(missing_internals())


@functools.cache
def _warn_once(problems: tuple[str, ...]) -> None:
    log.warning("pipelined FETCH is off: imaplib/imapclient changed (%s); fetching one command at a time, "
                "which is slower but reads the same. Update replydraft/mail/pipelining.py for this imapclient.",
                "; ".join(problems))


@dataclass(eq=False, slots=True)
class Pending:
    """A UID FETCH sent by ``FetchPipeline.send``, and its answer once read."""

    uids: list[int]
    items: tuple[str, ...]
    tag: bytes = b""
    done: bool = False
    result: Answer | None = None


class FetchPipeline:
    """UID FETCHes on one imapclient connection, sent at once and answered in order.

    ``send`` and ``receive`` raise imapclient's ``IMAPClientAbortError`` or ``OSError`` when
    the connection is lost (every FETCH still due is then given up); a FETCH the server
    refuses (NO, BAD, or an answer imapclient can't parse) is answered with None, and
    ``refused`` is told why.
    """

    def __init__(self, client: Any, refused: Callable[[Pending, BaseException], None]) -> None:
        self._client = client
        self._refused = refused
        self._plain: bool | None = None        # decided at the first FETCH (see missing_internals)
        self._inflight: deque[Pending] = deque()
        self._spare: Answer = {}               # answers read for a FETCH still due

    def __bool__(self) -> bool:
        """Are answers still due (``drain`` before using the connection for anything else)?"""
        return bool(self._inflight)

    def send(self, uids: list[int], items: Sequence[str]) -> Pending:
        pending = Pending(uids, tuple(items))
        if not uids:
            pending.done, pending.result = True, {}
            return pending
        if self._plain is None:
            problems = _static_problems() + tuple(connection_missing(self._client))
            if problems:
                _warn_once(problems)
            self._plain = bool(problems)
        if self._plain:
            return self._fetch_now(pending)
        imap = self._client._imap
        try:
            pending.tag = imap._command("UID", "FETCH", imapclient_module.join_message_ids(uids),
                                        imapclient_module.seq_to_parenstr_upper(list(items)))
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:        # imaplib refused to send it (e.g. no folder open)
            self._refuse(pending, exc)
            return pending
        self._inflight.append(pending)
        return pending

    def receive(self, pending: Pending) -> Answer | None:
        """The answer to ``pending``; None if the server refused it."""
        while not pending.done:
            self._read_next()
        return pending.result

    def drain(self) -> None:
        """Read every answer still due."""
        while self._inflight:
            self._read_next()

    def _fetch_now(self, pending: Pending) -> Pending:
        """Without pipelining: imapclient's own fetch, answered before this returns."""
        try:
            pending.result, pending.done = self._client.fetch(pending.uids, list(pending.items)), True
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            self._refuse(pending, exc)
        return pending

    def _read_next(self) -> None:
        pending = self._inflight.popleft()
        imap = self._client._imap
        try:
            typ, data = imap._command_complete("FETCH", pending.tag)
        except (IMAPClientAbortError, OSError):
            for lost in (pending, *self._inflight):
                lost.done = True
            self._inflight.clear()
            raise
        except IMAPClientError as exc:        # BAD
            self._refuse(pending, exc)
            return
        if typ != "OK":
            detail = data[0] if data else typ
            text = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
            self._refuse(pending, IMAPClientError(f"fetch failed: {text}"))
            return
        _, lines = imap._untagged_response(typ, data, "FETCH")
        try:
            parsed = response_parser.parse_fetch_response(lines, self._client.normalise_times, True)
        except IMAPClientError as exc:          # a response imapclient can't read
            self._refuse(pending, exc)
            return
        # A server may interleave the answers to pipelined commands: what belongs to a later
        # one waits for it; the rest (unsolicited, or for an abandoned command) is dropped.
        spare = self._spare
        for uid, item in parsed.items():
            if uid in spare:
                spare[uid].update(item)
            else:
                spare[uid] = item
        pending.result = {uid: spare.pop(uid) for uid in pending.uids if uid in spare}
        if spare:
            later = {uid for other in self._inflight for uid in other.uids}
            self._spare = {uid: item for uid, item in spare.items() if uid in later}
        pending.done = True

    def _refuse(self, pending: Pending, exc: BaseException) -> None:
        pending.done, pending.result = True, None
        self._refused(pending, exc)
