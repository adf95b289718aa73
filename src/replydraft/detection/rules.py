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
from replydraft.detection.catalog import ANCHORED_STARTS, RULE_SPECS, RuleSpec
from replydraft.detection.literals import required_groups
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


def _optional(pattern: str | None) -> re.Pattern[str] | None:
    return None if pattern is None else _rx(pattern)


def compile_rule(spec: RuleSpec) -> Rule:
    """The spec's pattern and context compiled, with where it can start and its prefilter keys
    (derived from the pattern: no key can be forgotten or go stale)."""
    regex = _rx(spec.pattern)
    anchored = spec.pattern.startswith(ANCHORED_STARTS)
    return Rule(spec.id, spec.signal, spec.weight, regex, negatable=spec.negatable, question=spec.question,
                hypothetical=spec.hypothetical, positive=spec.positive, not_before=_optional(spec.not_before),
                near=_optional(spec.near), near_text=spec.near_text, unless_text=_optional(spec.unless_text),
                keys=required_groups(regex), anchored=anchored,
                starts=None if anchored else start_stems(regex))


def _build() -> tuple[Rule, ...]:
    rules = tuple(compile_rule(spec) for spec in RULE_SPECS)
    if len({r.id for r in rules}) != len(rules):
        raise AssertionError("duplicate rule id")
    return rules


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
# " hell" is the start of a word, also found word by word; " hell " and " on you " begin with a
# whole word, so only the keys of the text's own words are looked for.
_WORD_START_KEYS: tuple[str, ...] = tuple(k for k in WORD_KEYS if " " not in k[1:])
_BY_FIRST_WORD: dict[str, tuple[str, ...]] = {}
for _key in WORD_KEYS:
    if " " in _key[1:]:
        _BY_FIRST_WORD[_key.split()[0]] = (*_BY_FIRST_WORD.get(_key.split()[0], ()), _key)


def word_view(lower_text: str) -> str:
    """" word word ": lower-case words (ASCII letters and digits) between single spaces."""
    return f" {_NON_WORD.sub(' ', lower_text)} "


@lru_cache(maxsize=1 << 16)
def keys_in_word(word: str) -> frozenset[str]:
    """The letter-and-digit keys inside one word of a word view, and the word keys it starts."""
    return frozenset((*(k for k in _WORD_PART_KEYS if k in word),
                      *(k for k in _WORD_START_KEYS if word.startswith(k[1:]))))


def present_keys(lower_text: str) -> set[str]:
    """Every key of ALL_KEYS that occurs in the text: the prefilter of ``detect_text``."""
    words = word_view(lower_text)
    present = {k for k in SYMBOL_KEYS if k in lower_text}
    for word in set(words.split()):
        present |= keys_in_word(word)
        present.update(k for k in _BY_FIRST_WORD.get(word, ()) if k in words)
    return present
