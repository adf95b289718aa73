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
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["required_groups", "word_cost"]

MAX_EXACT = 64          # a part that can match more distinct strings than this is unbounded
_KEY_EXACT = 256        # ... when finding keys (see required_groups), which looks harder
_SEGMENT = re.compile(r"[a-z0-9]+|[^\sa-z0-9_]")     # a word part, or one symbol ("!", "#", "’")
_COMMON = frozenset([
    "the", "and", "you", "your", "for", "are", "was", "were", "with", "this", "that", "have", "has", "had", "not",
    "but", "all", "any", "can", "will", "would", "should", "could", "our", "out", "get", "got", "just", "one",
    "two", "now", "how", "what", "when", "who", "why", "day", "time", "please", "thank", "thanks", "hello", "best",
    "regards", "team", "order", "account", "help", "need", "want", "know", "like", "make", "see", "let", "send",
    "sent", "back", "also", "more", "some", "very", "here", "there", "from", "they", "them", "then", "well", "work",
    "good", "new", "about", "into", "over", "only", "still", "been", "being", "does", "did", "done", "said",
])


_SHORT_WORDS = frozenset(["a", "i", "on", "to", "of", "in", "it", "is", "at", "be", "by", "or", "if", "so", "we", "me",
                          "my", "do", "no", "up", "as", "an", "go", "us", "u"])


@dataclass(frozen=True, slots=True)
class _Part:
    exact: frozenset[str] | None           # every string this part can match, if few
    groups: tuple[frozenset[str], ...]     # word parts required of every match
    ends: frozenset[str] | None = None     # (keys) x+, x{2,}: the x that every match starts and ends with
    least: int = 1                         # ... at least this many times


def _cost(group: frozenset[str]) -> float:
    """How likely a text is to contain one of the group's strings (a guess by length)."""
    return sum(1.0 if len(s) <= 2 or s in _COMMON else 0.4 if len(s) == 3 else 0.1 / (len(s) - 3)
               for s in group)


# -- the walk over the parsed pattern ------------------------------------------------

_EMPTY = _Part(frozenset({""}), ())
# For keys: a place where the text has no letter or digit (white space, a word boundary), which
# the word view of the text (rules.word_view) shows as one space: "\\bon\\s+you\\b" holds " on you ".
_GAP_CHAR = "\x00"
_GAP = _Part(frozenset({_GAP_CHAR}), ())
_WHITE = [(C.CATEGORY, C.CATEGORY_SPACE)]
_WORD = [(C.CATEGORY, C.CATEGORY_WORD)]
_WORD_KEY = re.compile(_GAP_CHAR + r"[a-z0-9]+(?:" + _GAP_CHAR + r"[a-z0-9]+)*" + _GAP_CHAR + "?")
_UNBOUNDED = _Part(None, ())


def _sequence(items: list[Any], keys: bool = False) -> _Part:
    groups: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})   # strings of the bounded items since the last unbounded one
    whole: bool = True                             # the whole sequence is bounded so far
    early: frozenset[str] = frozenset()            # (keys) strings that end the run early, see below
    for item in items:
        part = _item(item, keys)
        limit = _KEY_EXACT if keys else MAX_EXACT
        if part.exact is not None and run is not None and len(run) * len(part.exact) <= limit:
            run = frozenset(a + b for a in run for b in part.exact)
            continue
        ends = part.ends
        if ends is not None and run is not None and len(run) * len(ends) ** 2 + len(early) <= _KEY_EXACT:
            twice = frozenset(a + b + c for a in run for b in ends for c in ends)
            whole = False
            if part.least == 1:
                # "f" + "u+" + "c": one u ("fuc") or more ("fuu"), so every match holds "fuc" or "fuu"
                early |= twice
                run = frozenset(a + b for a in run for b in ends)
                continue
            groups += _flush(twice | early, keys)      # "f" + "[*#]{2,4}": "f**", "f*#", ...
            run, early = ends, frozenset()
            continue
        groups += _flush(run | early if run is not None else None, keys)
        groups += part.groups
        whole = False
        run, early = (part.exact if ends is None else ends), frozenset()
    if whole:
        return _Part(run, ())
    groups += _flush(run | early if run is not None else None, keys)
    return _Part(None, tuple(groups))


def _flush(strings: frozenset[str] | None, keys: bool = False) -> list[frozenset[str]]:
    """A run of bounded items as a group: each string's longest segment (word part or symbol)."""
    if not strings:
        return []
    best = []
    for s in strings:
        segments = _key_strings(s) if keys else _SEGMENT.findall(s)
        if not segments:
            return []          # the run can match without any word part
        best.append(min(segments, key=lambda k: (_key_chance(k), -len(k))) if keys else max(segments, key=len))
    return [_minimal(best)]


def _best(part: _Part, keys: bool = False) -> frozenset[str] | None:
    groups = list(part.groups) + _flush(part.exact, keys)
    return min(groups, key=_chance if keys else _cost) if groups else None


def _item(item: tuple[Any, Any], keys: bool = False) -> _Part:
    op, arg = item
    if op is C.LITERAL:
        return _Part(frozenset({chr(arg).lower()}), ())
    if keys and _is_gap(op, arg):
        return _GAP
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _EMPTY                       # zero width: the match holds nothing of it
    if op is C.SUBPATTERN:
        return _sequence(list(arg[-1]), keys)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(arg), keys)
    if op is C.BRANCH:
        return _branch([_sequence(list(alt), keys) for alt in arg[1]], keys)
    if op is C.IN:
        if len(arg) <= 8 and all(o is C.LITERAL for o, _ in arg):
            return _Part(frozenset(chr(c).lower() for _, c in arg), ())
        return _UNBOUNDED
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = arg
        if keys and len(body) == 1 and _is_gap(*body[0]):
            return _GAP if low else _Part(frozenset({"", _GAP_CHAR}), ())
        inner = _sequence(list(body), keys)
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Part(inner.exact | {""}, ())
            return _UNBOUNDED
        if low == high == 1:
            return inner
        ends = inner.exact if keys and inner.exact is not None and "" not in inner.exact else None
        return _Part(None, tuple(inner.groups) + tuple(_flush(inner.exact, keys)), ends, min(low, 2))
    return _UNBOUNDED


def _branch(alternatives: list[_Part], keys: bool = False) -> _Part:
    if all(a.exact is not None for a in alternatives):
        exact = frozenset().union(*(a.exact for a in alternatives if a.exact is not None))
        if len(exact) <= MAX_EXACT:
            return _Part(exact, ())
    union: set[str] = set()
    for alt in alternatives:
        best = _best(alt, keys)
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


def required_groups(regex: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """A rule's prefilter keys: one or two groups of strings, rarest first, of which every match
    of the whole regex holds one string each; () if a match may hold none. The strings are runs
    without white space ("review", "sh*t", "i’ll"), so a symbol between letters stays in its key
    and a text that lacks every key of a group can't match."""
    part = _sequence(_distributed(list(_parser.parse(regex.pattern, regex.flags))), keys=True)
    groups = sorted({*part.groups, *_flush(part.exact, keys=True)}, key=lambda g: (_chance(g), sorted(g)))
    return tuple(groups[:2])


def _is_gap(op: Any, arg: Any) -> bool:
    """\\b, (?<!\\w), (?!\\w) or \\s: no letter or digit at this place (bounded by one beside it)."""
    if op is C.AT:
        return arg is C.AT_BOUNDARY
    if op is C.ASSERT_NOT:
        return list(arg[1]) == [(C.IN, _WORD)]
    return op is C.IN and list(arg) == _WHITE


def _key_strings(s: str) -> list[str]:
    """The keys a string every match holds offers: word keys (" on you ", " f"), looked up in
    the word view, and runs without white space ("sh*t", "i’ll"), looked up in the text."""
    gapped = re.sub(r"\s", _GAP_CHAR, s)
    words = [m.group().replace(_GAP_CHAR, " ") for m in _WORD_KEY.finditer(gapped)]
    return words + [r for r in gapped.split(_GAP_CHAR) if r]


def _distributed(items: list[Any]) -> list[Any]:
    """The items with each alternation's common start put back into its branches: the parser
    writes ``shit|sh\\*t`` as ``sh(?:it|\\*t)``, which would leave "sh" as the only key."""
    out: list[Any] = []
    for op, arg in items:
        if op is C.SUBPATTERN:
            arg = (*arg[:-1], _distributed(list(arg[-1])))
        elif op is C.BRANCH:
            start: list[Any] = []
            while out and out[-1][0] is C.LITERAL:
                start.insert(0, out.pop())
            arg = (arg[0], [_distributed(start + list(alt)) for alt in arg[1]])
        out.append((op, arg))
    return out


def _chance(group: frozenset[str]) -> float:
    """How likely a text is to hold one of the group's strings: a guess from its likeliest string,
    and a little for each other (a group's strings are mostly spellings of one word: "sh*t", "sh1t")."""
    chances = sorted((_key_chance(s) for s in group), reverse=True)
    return min(1.0, chances[0] + 0.1 * sum(chances[1:])) if chances else 1.0


def _key_chance(key: str) -> float:
    """A guess at how likely a text is to hold the key: by length, common words and symbols apart."""
    if key.startswith(" "):               # a word key: whole words are rarer than parts of words
        words = key.split()
        if len(words) > 1:
            return 0.02
        word = words[0]
        return 0.9 if word in _COMMON or word in _SHORT_WORDS else 0.2 if len(word) <= 2 else 0.05 / (len(word) - 2)
    if key in _COMMON:
        return 0.9
    if not key.isalnum():                 # a symbol alone, or beside letters ("sh*t", "i’ll")
        return (0.6 if key in ".,'’!?-:;/()" else 0.1) if len(key) == 1 else 0.02
    return (0.95, 0.6, 0.15)[len(key) - 1] if len(key) <= 3 else 0.06 / (len(key) - 2)
