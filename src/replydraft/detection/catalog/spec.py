"""A built-in rule as written in the catalogue: its pattern, context flags and the sentences it
must (examples) and must not (not_examples) raise. Plain data: rules.py compiles it."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import TypedDict


@dataclass(frozen=True)
class RuleSpec:
    id: str
    _: KW_ONLY
    signal: str
    weight: float                 # how sure one hit makes us of the signal on its own
    pattern: str                  # compiled caseless
    examples: tuple[str, ...] = ()        # customer sentences the rule finds (tests/test_rule_catalog.py)
    not_examples: tuple[str, ...] = ()    # near misses it must leave alone
    negatable: bool = True        # "not / never / won't" just before the hit cancels it
    question: bool = True         # halved in a question, dropped in an information question
    hypothetical: bool = True     # dropped after "what if", "in case", "when a user ..."
    positive: bool = False        # dropped in a clearly positive sentence ("5 stars", "thanks")
    not_before: str | None = None   # dropped if this matches the text just before
    near: str | None = None         # kept only if this also occurs nearby ...
    near_text: bool = False         # ... in the whole text instead of the sentence
    unless_text: str | None = None  # dropped if this occurs anywhere in the text


class Always(TypedDict, total=False):
    """Context flags a group of rules share (``rule(..., **_ALWAYS)``)."""
    negatable: bool
    question: bool
    hypothetical: bool
