"""Where a rule's match can start: the literal stems its regex begins with.

Pure. ``re`` tries a pattern at every position of the text; for most rules a match can
only begin with a few literal words ("never", "warn", "#"). ``start_stems`` reads those
off the parsed pattern, and ``detect`` then tries the rule only where a stem occurs
(``str.find`` is far cheaper than a failed match attempt at every position). A pattern
whose start can't be pinned down returns None and is searched as usual; a test checks
on every known text that anchoring finds exactly what a full search finds.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["start_stems", "stem_positions"]

MIN_STEM = 2     # shorter stems ("a", "u") occur everywhere: no gain ...
SUBJECT = "i"    # ... except "I", whose places detect takes from rules.SUBJECT_ANCHOR
MAX_STEM = 4     # longer stems add nothing once a stem is rare
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


def start_stems(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case literal prefixes one of which every match starts with, or None."""
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
    except re.error:
        return None
    stems = _stems(list(tree), "")
    if stems is None or any(len(s) < MIN_STEM and s != SUBJECT for s in stems) or len(stems) > 64:
        return None
    return tuple(sorted(stems))


def _stems(items: list[Any], prefix: str) -> set[str] | None:
    """Stems of a sequence of parse items, after ``prefix``; None when a start is unbounded."""
    if len(prefix) >= MAX_STEM:
        return {prefix}
    if not items:
        return {prefix} if prefix else None
    op, arg = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _stems(rest, prefix)
    if op is C.LITERAL:
        return _stems(rest, prefix + chr(arg).lower())
    if op is C.SUBPATTERN:
        return _stems(list(arg[-1]) + rest, prefix)
    if op is C.BRANCH:
        return _union([_stems(list(alt) + rest, prefix) for alt in arg[1]])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, body = arg
        # after a body that may repeat, what follows is unknown: stop at the body's own stems
        body_then = list(body) + rest if high == 1 else list(body)
        if low >= 1:
            return _stems(body_then, prefix)
        return _union([_stems(rest, prefix), _stems(body_then, prefix)])
    if op is C.IN and all(o is C.LITERAL for o, _ in arg) and len(arg) <= 4:
        return _union([_stems(rest, prefix + chr(c).lower()) for _, c in arg])
    return {prefix} if prefix else None


def _union(parts: list[set[str] | None]) -> set[str] | None:
    out: set[str] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return out


def stem_positions(lower_text: str, stems: tuple[str, ...], subjects: list[int] | None = None,
                   memo: dict[str, list[int]] | None = None) -> list[int]:
    """Sorted start offsets of every occurrence of any stem in the (lower-cased) text.

    The stem "i" is not searched: ``subjects`` (where "I" or "we" starts a clause) stands for it.
    ``memo`` keeps each stem's offsets for the next rule that asks about the same text.
    """
    memo = {} if memo is None else memo
    found: set[int] = set(subjects or ()) if SUBJECT in stems else set()
    for stem in stems:
        if stem == SUBJECT:
            continue
        offsets = memo.get(stem)
        if offsets is None:
            offsets = memo[stem] = _find_all(lower_text, stem)
        found.update(offsets)
    return sorted(found)


def _find_all(text: str, stem: str) -> list[int]:
    out = []
    i = text.find(stem)
    while i >= 0:
        out.append(i)
        i = text.find(stem, i + 1)
    return out
