"""Rules that test themselves: each rule is run, through the whole detector, on the sentences it
must find (its examples) and those it must leave alone (its not-examples).

Pure. A rule finds a text when it has a hit there that counts in its context (not negated, not
a question, ...); a weak rule counts though it raises nothing alone. ``named=True`` asks more of
an example: that the evidence of a signal or near miss names the rule, which it doesn't where a
stronger rule's overlapping hit takes the evidence. The built-in catalogue is held to that
(tests/test_rule_catalog.py), so every rule shows in the evidence of its examples; ``replydraft
rules test`` asks only for a hit, so a company rule a built-in one already covers passes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from replydraft.detection.catalog import RULE_SPECS, RuleSpec
from replydraft.detection.detector import Detector

__all__ = ["ExampleFailure", "failures", "rules_found", "rules_on", "self_tested"]


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: str
    text: str
    example: bool                  # True: an example the rule missed; False: a not-example it found
    found: tuple[str, ...]         # the rules that found the text

    def describe(self) -> str:
        if not self.text:
            return f"{self.rule}: has no example; give it at least one sentence it must find"
        what = "missed its example" if self.example else "found its not-example"
        found = ", ".join(self.found) if self.found else "no rule"
        return f"{self.rule}: {what} {self.text!r} (found: {found})"


def rules_found(detector: Detector, text: str, named: bool = False) -> frozenset[str]:
    """The rules with a hit that counts in the text (``named``: that the evidence names)."""
    if not named:
        return detector.rules_hit(text)
    detection = detector.detect_text(text)
    return frozenset(e.rule for s in (*detection.signals, *detection.near_misses) for e in s.evidence)


def failures(detector: Detector, spec: RuleSpec, named: bool = False) -> Iterator[ExampleFailure]:
    """Each example the rule doesn't find and each not-example it does (and a rule without examples)."""
    if not spec.examples:
        yield ExampleFailure(spec.id, "", True, ())
    for text in spec.examples:
        found = rules_found(detector, text, named)
        if spec.id not in found:
            yield ExampleFailure(spec.id, text, True, tuple(sorted(found)))
    for text in spec.not_examples:           # no hit at all, named or not
        found = detector.rules_hit(text)
        if spec.id in found:
            yield ExampleFailure(spec.id, text, False, tuple(sorted(found)))


def rules_on(detector: Detector, specs: Iterable[RuleSpec]) -> tuple[RuleSpec, ...]:
    """The specs of the rules the detector runs (not those switched off, nor those of a signal switched off)."""
    on = {rule.id for rule in detector.rules if rule.signal not in detector.disabled}
    return tuple(spec for spec in specs if spec.id in on)


def self_tested(detector: Detector, specs: Iterable[RuleSpec] = RULE_SPECS,
                named: bool = False) -> tuple[ExampleFailure, ...]:
    """The failures of every rule the detector runs."""
    return tuple(f for spec in rules_on(detector, specs) for f in failures(detector, spec, named))
