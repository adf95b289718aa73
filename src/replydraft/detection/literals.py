"""What every match of a part of a regex must contain: literal word parts and symbols.

Pure. A part like ``bad\\s+(?:review|rating)s?`` can only match text that contains "bad"
and one of "review" or "rating"; ``(?:#|@)\\w+`` needs a "#" or an "@"; ``(?:\\w+\\s+)?``
needs nothing in particular. The walk over the parsed pattern finds such groups of strings
(each inside one word, a run of ASCII letters and digits, or one symbol) and guesses how
common they are. :mod:`replydraft.detection.prefilter`
uses it to tell a rule's telling words from its generic openings.

Only ever too generous: anything the walk can't bound (``\\w+``, a back-reference, a
set of many characters) requires nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as C  # type: ignore[attr-defined]
from typing import Any

__all__ = ["word_cost"]

MAX_EXACT = 64          # a part that can match more distinct strings than this is unbounded
_SEGMENT = re.compile(r"[a-z0-9]+|[^\sa-z0-9_]")     # a word part, or one symbol ("!", "#", "’")
_COMMON = frozenset([
    "the", "and", "you", "your", "for", "are", "was", "were", "with", "this", "that", "have", "has", "had", "not",
    "but", "all", "any", "can", "will", "would", "should", "could", "our", "out", "get", "got", "just", "one",
    "two", "now", "how", "what", "when", "who", "why", "day", "time", "please", "thank", "thanks", "hello", "best",
    "regards", "team", "order", "account", "help", "need", "want", "know", "like", "make", "see", "let", "send",
    "sent", "back", "also", "more", "some", "very", "here", "there", "from", "they", "them", "then", "well", "work",
    "good", "new", "about", "into", "over", "only", "still", "been", "being", "does", "did", "done", "said",
])


@dataclass(frozen=True, slots=True)
class _Part:
    exact: frozenset[str] | None           # every string this part can match, if few
    groups: tuple[frozenset[str], ...]     # word parts required of every match


def _cost(group: frozenset[str]) -> float:
    """How likely a text is to contain one of the group's strings (a guess by length)."""
    return sum(1.0 if len(s) <= 2 or s in _COMMON else 0.4 if len(s) == 3 else 0.1 / (len(s) - 3)
               for s in group)


# -- the walk over the parsed pattern ------------------------------------------------

_EMPTY = _Part(frozenset({""}), ())
_UNBOUNDED = _Part(None, ())


def _sequence(items: list[Any]) -> _Part:
    groups: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})   # strings of the bounded items since the last unbounded one
    whole: bool = True                             # the whole sequence is bounded so far
    for item in items:
        part = _item(item)
        if part.exact is not None and run is not None and len(run) * len(part.exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in part.exact)
            continue
        groups += _flush(run)
        groups += part.groups
        whole = False
        run = part.exact
    if whole:
        return _Part(run, ())
    groups += _flush(run)
    return _Part(None, tuple(groups))


def _flush(strings: frozenset[str] | None) -> list[frozenset[str]]:
    """A run of bounded items as a group: each string's longest word part."""
    if not strings:
        return []
    best = []
    for s in strings:
        segments = _SEGMENT.findall(s)
        if not segments:
            return []          # the run can match without any word part
        best.append(max(segments, key=len))
    return [_minimal(best)]


def _best(part: _Part) -> frozenset[str] | None:
    groups = list(part.groups) + _flush(part.exact)
    return min(groups, key=_cost) if groups else None


def _item(item: tuple[Any, Any]) -> _Part:
    op, arg = item
    if op is C.LITERAL:
        return _Part(frozenset({chr(arg).lower()}), ())
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _EMPTY                       # zero width: the match holds nothing of it
    if op is C.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is C.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op is C.BRANCH:
        return _branch([_sequence(list(alt)) for alt in arg[1]])
    if op is C.IN:
        if len(arg) <= 8 and all(o is C.LITERAL for o, _ in arg):
            return _Part(frozenset(chr(c).lower() for _, c in arg), ())
        return _UNBOUNDED
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = arg
        inner = _sequence(list(body))
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Part(inner.exact | {""}, ())
            return _UNBOUNDED
        if low == high == 1:
            return inner
        return _Part(None, tuple(inner.groups) + tuple(_flush(inner.exact)))
    return _UNBOUNDED


def _branch(alternatives: list[_Part]) -> _Part:
    if all(a.exact is not None for a in alternatives):
        exact = frozenset().union(*(a.exact for a in alternatives if a.exact is not None))
        if len(exact) <= MAX_EXACT:
            return _Part(exact, ())
    union: set[str] = set()
    for alt in alternatives:
        best = _best(alt)
        if best is None:
            return _UNBOUNDED
        union |= best
    return _Part(None, (_minimal(union),))


def _minimal(strings: Iterable[str]) -> frozenset[str]:
    """The strings without those that hold another one ("reviews" holds "review")."""
    unique = set(strings)
    return frozenset(s for s in unique if not any(o != s and o in s for o in unique))


def word_cost(item: tuple[Any, Any]) -> float | None:
    """How common the word parts every match of this parsed item holds are (lower is
    rarer), or None if a match may hold none."""
    best = _best(_item(item))
    return None if best is None else _cost(best)
