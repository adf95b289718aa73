"""The built-in detection rules compiled: :class:`Rule` objects (regex, start stems, keys).

Importing this module compiles the ~330 regular expressions of :mod:`replydraft.detection.catalog`
(most of a second): only a :class:`~replydraft.detection.detector.Detector` and the tools that
show or translate the rules import it, never the config.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from replydraft.detection import catalog
from replydraft.detection.catalog import ANCHORED_STARTS, RULE_KEYS, RULE_TABLE
from replydraft.detection.stems import start_stems

__all__ = [
    "ALL_KEYS",
    "HYPOTHETICAL",
    "INFO_QUESTION",
    "NEGATION",
    "POSITIVE",
    "RULES",
    "RULE_IDS",
    "SUBJECT_ANCHOR",
    "Rule",
    "present_keys",
    "word_view",
]

_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    signal: str
    weight: float
    regex: re.Pattern[str]
    negatable: bool = True        # "not / never / won't" just before the hit cancels it
    question: bool = True         # halved in a question, dropped in an information question
    hypothetical: bool = True     # dropped after "what if", "in case", "when a user ..."
    positive: bool = False        # dropped in a clearly positive sentence ("5 stars", "thanks")
    not_before: re.Pattern[str] | None = None   # dropped if this matches the text just before
    near: re.Pattern[str] | None = None         # kept only if this also occurs nearby ...
    near_text: bool = False                      # ... in the whole text instead of the sentence
    unless_text: re.Pattern[str] | None = None  # dropped if this occurs anywhere in the text
    keys: tuple[frozenset[str], ...] = ()        # run only if each group has a stem in the text
    anchored: bool = False                       # every match starts at a SUBJECT_ANCHOR position
    starts: tuple[str, ...] | None = None        # ... or with one of these stems (see stems.py)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


SUBJECT_ANCHOR = re.compile(catalog.SUBJECT_ANCHOR)
NEGATION = _rx(catalog.NEGATION)
HYPOTHETICAL = _rx(catalog.HYPOTHETICAL)
POSITIVE = _rx(catalog.POSITIVE)
INFO_QUESTION = _rx(catalog.INFO_QUESTION)


def _build() -> tuple[Rule, ...]:
    rules = []
    unknown = set(RULE_KEYS) - {r[0] for r in RULE_TABLE}
    if unknown:
        raise AssertionError(f"keys for unknown rules: {sorted(unknown)}")
    for rule_id, signal, weight, pattern, flags in RULE_TABLE:
        opts = dict(flags)
        groups = RULE_KEYS.get(rule_id, ())
        if groups and isinstance(groups[0], str):
            groups = (groups,)
        if len(groups) > 2:
            raise AssertionError(f"{rule_id}: at most two key groups")
        opts["keys"] = tuple(frozenset(g) for g in groups)
        opts["anchored"] = pattern.startswith(ANCHORED_STARTS)
        regex = _rx(pattern)
        opts["starts"] = None if opts["anchored"] else start_stems(regex)
        for key in ("not_before", "near", "unless_text"):
            if key in opts:
                opts[key] = _rx(str(opts[key]))
        rules.append(Rule(rule_id, signal, weight, regex, **opts))  # type: ignore[arg-type]
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise AssertionError("duplicate rule id")
    return tuple(rules)


RULES: tuple[Rule, ...] = _build()
RULE_IDS: frozenset[str] = frozenset(r.id for r in RULES)
ALL_KEYS: tuple[str, ...] = tuple(sorted({k for r in RULES for g in r.keys for k in g}))
# Keys written with spaces (" hell ", " on you ") are words, looked up in word_view(text): "hello"
# does not run the rules of " hell ", and " on you " matches across any spacing or punctuation.
WORD_KEYS: tuple[str, ...] = tuple(k for k in ALL_KEYS if k.startswith(" "))
_ALNUM = re.compile(r"[a-z0-9]+")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Keys of letters and digits only can't cross a non-alphanumeric character, so they are found
# word by word (cached: a mailbox's vocabulary repeats); the few with symbols ("f*", "#") by substring.
_WORD_PART_KEYS: tuple[str, ...] = tuple(k for k in ALL_KEYS if _ALNUM.fullmatch(k))
SYMBOL_KEYS: tuple[str, ...] = tuple(k for k in ALL_KEYS if not k.startswith(" ") and not _ALNUM.fullmatch(k))


def word_view(lower_text: str) -> str:
    """" word word ": lower-case words (ASCII letters and digits) between single spaces."""
    return f" {_NON_WORD.sub(' ', lower_text)} "


@lru_cache(maxsize=1 << 16)
def keys_in_word(word: str) -> frozenset[str]:
    """The letter-and-digit keys inside one word of a word view."""
    return frozenset(k for k in _WORD_PART_KEYS if k in word)


def present_keys(lower_text: str) -> set[str]:
    """Every key of ALL_KEYS that occurs in the text: the prefilter of ``detect_text``."""
    words = word_view(lower_text)
    present = {k for k in SYMBOL_KEYS if k in lower_text}
    present.update(k for k in WORD_KEYS if k in words)
    for word in set(words.split()):
        present |= keys_in_word(word)
    return present
