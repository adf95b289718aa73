"""The contract's scope in detection: demands for excluded work, and no alarm for included work.

Pure. ``[policy.scope]`` lists what the agreement covers (``included``) and what it does
not (``excluded``). A sentence that names an excluded item in demand phrasing ("the
copywriting should be included", "I expect you to also do the SEO") is an
``out_of_scope_demand`` even when no built-in rule knows the words; a sentence about an
included item is the customer asking for what they paid for, so built-in scope rules are
not counted there. Willingness to pay ("happy to pay", "send us a quote") is never a demand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from replydraft.detection.rules import NEGATION
from replydraft.detection.settings import Scope

__all__ = ["Scope", "ScopeHit", "excluded_demands", "mentions_included"]

# Demand phrasing around an excluded item: insisting it is owed, or ordering it done.
_DEMAND = re.compile(
    r"\b(?:should(?:\s+(?:have|obviously|surely|clearly|already))*\s+(?:be(?:en)?\s+)?(?:included|part\s+of|"
    r"covered|come\s+with|free)|must\s+(?:be\s+)?(?:include|included|cover)|"
    r"(?:is|are|was|were)\s+(?:obviously\s+|surely\s+|clearly\s+|of\s+course\s+)?(?:included|part\s+of|covered)|"
    r"for\s+free|free\s+of\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|"
    r"without\s+(?:any\s+)?(?:extra\s+|additional\s+)?(?:cost|charge|paying)|no\s+extra\s+charge|"
    r"(?:i|we)\s+(?:fully\s+|really\s+)?(?:expect|assumed?|thought|insist|demand|require)|"
    r"(?:i|we)\s+(?:need|want)\s+you\s+to|you\s+(?:need|have|must|will\s+have|are\s+going)\s+to|"
    r"throw\s+in|comes?\s+with|(?:in|into)\s+the\s+(?:price|package|fee|deal))\b",
    re.IGNORECASE)
# A plain request ("can you also do the SEO?"): counts only together with other evidence.
_REQUEST = re.compile(
    r"\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:also\s+)?|\bplease\s+(?:also\s+)?(?:add|do|send|"
    r"include|make|provide|deliver|set\s+up)\b|\b(?:we|i)\s+(?:also\s+)?(?:need|want)\b",
    re.IGNORECASE)
_WILLING_TO_PAY = re.compile(
    r"\b(?:happy|glad|willing|ok|okay|fine|prepared)\s+to\s+pay\b|\b(?:we|i)\s*(?:['’]ll|\s+will|\s+can|"
    r"\s+would)\s+(?:gladly\s+|happily\s+)?pay\b|\b(?:a|your)\s+(?:quote|quotation|estimate|price)\b|"
    r"\bquote\s+(?:me|us|for)\b|\bhow\s+much\s+(?:would|will|does|is|do)\b|\bwhat\s+would\s+(?:it|that)\s+cost\b|"
    r"\b(?:charge|bill|invoice)\s+(?:me|us)\b|\bsend\s+(?:me|us)\s+(?:the|an|your)\s+(?:invoice|bill)\b|\bas\s+an?\s+(?:add-?on|extra)\b|\bpaid\s+extra\b",
    re.IGNORECASE)

DEMAND_WEIGHT = 0.75
REQUEST_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class ScopeHit:
    weight: float
    start: int
    end: int


@lru_cache(maxsize=64)
def _items(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for a list of items: any spacing or hyphen between words, an optional plural."""
    alternatives = ["[\\s-]+".join(map(re.escape, p.split())) + "(?:e?s)?" for p in phrases if p.split()]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")(?!\w)",
                      re.IGNORECASE)


Sentence = Callable[[int], tuple[int, int, bool]]   # position -> (start, end, is_question)


def excluded_demands(text: str, sentence: Sentence, scope: Scope) -> list[ScopeHit]:
    """Each sentence that demands (or, weaker, requests) an item the agreement excludes."""
    items = _items(scope.excluded)
    if items is None:
        return []
    hits: list[ScopeHit] = []
    seen: set[int] = set()
    for item in items.finditer(text):
        s0, s1, question = sentence(item.start())
        if s0 in seen:
            continue
        seen.add(s0)
        clause = text[s0:s1]
        if _WILLING_TO_PAY.search(clause):
            continue
        cue = _first_unnegated(_DEMAND, clause)
        weight = DEMAND_WEIGHT
        if cue is None:
            cue, weight = _first_unnegated(_REQUEST, clause), REQUEST_WEIGHT
        if cue is None:
            continue
        if question:
            weight /= 2
        start = s0 + min(cue.start(), item.start() - s0)
        end = s0 + max(cue.end(), item.end() - s0)
        hits.append(ScopeHit(weight, start, end))
    return hits


def _first_unnegated(cues: re.Pattern[str], clause: str) -> re.Match[str] | None:
    for cue in cues.finditer(clause):
        before = " ".join(clause[max(0, cue.start() - 30):cue.start()].split()[-3:])
        if not NEGATION.search(before):
            return cue
    return None


def mentions_included(sentence_text: str, scope: Scope) -> bool:
    """The sentence is about something the agreement covers (and nothing it excludes)."""
    included, excluded = _items(scope.included), _items(scope.excluded)
    return (included is not None and included.search(sentence_text) is not None
            and (excluded is None or excluded.search(sentence_text) is None))
