"""The catalogue tests itself: every built-in rule, run through the whole detector, finds each
of its examples (its own id in the evidence of a signal or near miss) and none of its
not-examples (no hit that counts, in the evidence or not).

One common test for every rule, as scikit-learn checks every estimator: a rule added to a
signal module is tested here with no test written for it. Examples are written for the
catalogue, not taken from the labelled sets in tests/data.
"""

from __future__ import annotations

import pytest

from replydraft.detection.catalog import RULE_SIGNALS, RULE_SPECS, RuleSpec
from replydraft.detection.detector import Detector
from replydraft.detection.selftest import failures, self_tested

BUILT_IN = Detector()

# Issue 17, item 5: a second threat after "and", and a refusal that names its invoice
# (the issue's own sentences, then variants).
ISSUE_CASES = [
    ("legal_threat", "I'll leave a 1-star review everywhere and talk to my lawyer"),
    ("legal_threat", "We'll put a bad review on Google and get our solicitor involved."),
    ("legal_threat", "I am going to post this on Facebook and speak to a lawyer."),
    ("overdue_payment", "I'm not paying invoice INV-1042 until that work is done"),
    ("overdue_payment", "We won't be paying invoice #5531 until the missing pages are delivered."),
    ("overdue_payment", "We are not paying invoice no. 2026-118 until the defects are fixed."),
]


@pytest.mark.parametrize("spec", RULE_SPECS, ids=[spec.id for spec in RULE_SPECS])
def test_rule_finds_its_examples_and_none_of_its_not_examples(spec: RuleSpec) -> None:
    assert [f.describe() for f in failures(BUILT_IN, spec, named=True)] == []


PREFIXES = {"review_threat": "review.", "legal_threat": "legal.", "out_of_scope_demand": "scope.",
            "overdue_payment": "pay.", "ultimatum": "ult.", "abusive_language": "abuse."}


def test_every_rule_is_specified_once_in_its_signal_module() -> None:
    assert len(RULE_SIGNALS) == len(RULE_SPECS), "two rules share an id"
    assert [spec.id for spec in RULE_SPECS if not spec.id.startswith(PREFIXES[spec.signal])] == []


def test_a_disabled_rule_or_signal_is_not_tested() -> None:
    from replydraft.detection.settings import DetectorSettings

    off = Detector(DetectorSettings(disabled=frozenset({"abusive_language"}), disabled_rules=frozenset({"review.bbb"})))
    broken = [RuleSpec("review.bbb", signal="review_threat", weight=0.85, pattern="x", examples=("nothing here",)),
              RuleSpec("abuse.fword", signal="abusive_language", weight=0.7, pattern="x", examples=("calm",))]
    assert self_tested(off, broken) == ()
    assert [f.rule for f in self_tested(BUILT_IN, broken)] == ["review.bbb", "abuse.fword"]


@pytest.mark.parametrize(("signal", "text"), ISSUE_CASES, ids=[t[:50] for _, t in ISSUE_CASES])
def test_second_threat_after_and_and_invoice_numbered_refusals(signal: str, text: str) -> None:
    assert signal in BUILT_IN.detect_text(text).names
