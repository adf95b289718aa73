"""Rules that test themselves: each rule is run, through the whole detector, on the sentences it
must find (its examples) and those it must leave alone (its not-examples).

Pure. A rule "finds" a text when its id names a piece of the evidence of a raised signal or a
near miss: a weak rule counts though it raises nothing alone, and a rule whose hit is covered by
a stronger rule's overlapping hit (the evidence names the stronger) does not. Used by
``replydraft rules test`` and tests/test_rule_catalog.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from replydraft.detection.catalog import RULE_SPECS, RuleSpec
from replydraft.detection.detector import Detector

__all__ = ["ExampleFailure", "failures", "rules_found", "self_tested"]


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: str
    text: str
    example: bool                  # True: an example the rule missed; False: a not-example it found
    found: tuple[str, ...]         # the rules the evidence names

    def describe(self) -> str:
        what = "missed its example" if self.example else "found its not-example"
        named = ", ".join(self.found) if self.found else "no rule"
        return f"{self.rule}: {what} {self.text!r} (the evidence names {named})"


def rules_found(detector: Detector, text: str) -> frozenset[str]:
    """The ids the evidence of the text's signals and near misses names."""
    detection = detector.detect_text(text)
    return frozenset(e.rule for s in (*detection.signals, *detection.near_misses) for e in s.evidence)


def failures(detector: Detector, spec: RuleSpec) -> Iterator[ExampleFailure]:
    """Each example the rule doesn't find and each not-example it does."""
    for example, texts in ((True, spec.examples), (False, spec.not_examples)):
        for text in texts:
            found = rules_found(detector, text)
            if (spec.id in found) is not example:
                yield ExampleFailure(spec.id, text, example, tuple(sorted(found)))


def self_tested(detector: Detector, specs: Iterable[RuleSpec] = RULE_SPECS) -> tuple[ExampleFailure, ...]:
    """The failures of every rule the detector has on (a disabled rule or signal is not tested)."""
    on = {rule.id for rule in detector.rules if rule.signal not in detector.disabled}
    return tuple(f for spec in specs if spec.id in on for f in failures(detector, spec))
