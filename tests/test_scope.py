"""[policy.scope] in detection: demands for excluded work count, asking for included work doesn't."""

from __future__ import annotations

import pytest

from replydraft.detection.detector import SCOPE_RULE, Detection, Detector, DetectorSettings
from replydraft.detection.scope import Scope


def detect_text(text: str, settings: DetectorSettings | None = None) -> Detection:
    return Detector(settings).detect_text(text)


SCOPE = DetectorSettings(scope=Scope(included=("logo design", "three rounds of revisions", "homepage"),
                                     excluded=("copywriting", "SEO", "hosting", "stock photo")))


@pytest.mark.parametrize(("text", "evidence"), [
    ("The copywriting should obviously be part of this.", "copywriting should obviously be part of"),
    ("I expect you to also handle the hosting.", "I expect you to also handle the hosting"),
    ("Stock photos must be included at no extra cost!", "Stock photos must be included"),
    ("we assumed seo comes with the package", "we assumed seo"),
    ("I really think the COPYWRITING should have been included", "COPYWRITING should have been included"),
])
def test_a_demand_for_excluded_work_is_out_of_scope(text: str, evidence: str) -> None:
    signal = {s.name: s for s in detect_text(text, SCOPE).signals}["out_of_scope_demand"]
    assert any(evidence in e.phrase for e in signal.evidence), signal.evidence
    assert SCOPE_RULE in {e.rule for e in signal.evidence}


@pytest.mark.parametrize("text", [
    "We'd be happy to pay for the copywriting, could you send a quote?",
    "How much would hosting cost per year?",
    "I know copywriting isn't included, so we'll write the texts ourselves.",
    "Thanks for the logo design! The SEO we will do in-house.",
    "Please add SEO to the homepage and send me the invoice.",
    "The logo design should be included for free, it's in the contract.",   # it is included
    "I expect the three rounds of revisions we agreed on.",
])
def test_included_work_and_willingness_to_pay_raise_nothing(text: str) -> None:
    assert detect_text(text, SCOPE).signals == ()


def test_a_plain_request_for_excluded_work_is_only_a_near_miss() -> None:
    detection = detect_text("Can you also do the SEO?", SCOPE)
    assert detection.signals == ()
    assert [s.name for s in detection.near_misses] == ["out_of_scope_demand"]


def test_without_a_scope_nothing_changes() -> None:
    text = "The logo design should be included for free."
    assert [s.name for s in detect_text(text).signals] == ["out_of_scope_demand"]
    assert detect_text("The copywriting should obviously be part of this.").signals == ()


def test_disabled_signal_ignores_the_scope() -> None:
    settings = DetectorSettings(scope=SCOPE.scope, disabled=frozenset({"out_of_scope_demand"}))
    assert detect_text("I expect you to also handle the hosting.", settings).signals == ()
