"""Realistic .eml fixtures, end to end through ``triage`` (parse -> detect -> render -> build_draft).

Every file in tests/fixtures/{negatives,positives}/ says what it expects in its own
``X-Test-Expect`` header (nothing in the pipeline reads it; a test checks that removing it
changes nothing):

- ``none``                   examined (not skipped), no signal, no draft
- ``skipped: <marker>``      automated mail: skipped, with a reason naming the marker, no draft
- ``own-domain``             sent from our own domain: skipped by triage, no draft
- ``<signal>[, <signal>]``   each signal is raised and a draft is built

Known detector gaps run as strict xfails (KNOWN_GAPS), so a fix shows up as XPASS -> fail.
"""

from __future__ import annotations

import email
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from replydraft.config import Policy
from replydraft.detection.detector import SIGNALS, Detector
from replydraft.pipeline import Context, Outcome, triage
from replydraft.reply.draft import recipient
from replydraft.reply.render import Renderer

FIXTURES = Path(__file__).parent / "fixtures"
FILES = sorted([*FIXTURES.glob("negatives/*.eml"), *FIXTURES.glob("positives/*.eml")])

# fixture name -> why the detector gets it wrong today (evidence phrase in the reason)
KNOWN_GAPS: dict[str, str] = {}

CTX = Context(account="fixtures", from_address="Acme Support <support@acme.test>",
              policy=Policy(company="Acme", sender_name="Sam", signature="Sam\nAcme Support"),
              detector=Detector(), renderer=Renderer.create(),
              now=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))


def expectation(raw: bytes) -> str:
    value = email.message_from_bytes(raw)["X-Test-Expect"]
    assert value, "fixture has no X-Test-Expect header"
    return " ".join(value.split())


def cases(folder: str) -> list[Any]:
    return [pytest.param(p, id=p.name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[p.name])]
                         if p.name in KNOWN_GAPS else [])
            for p in FILES if p.parent.name == folder]


def explain(outcome: Outcome) -> str:
    return "; ".join(f"{s.name} {s.score}: {[e.phrase for e in s.evidence]}" for s in outcome.detection.signals)


def test_fixture_folders_are_populated() -> None:
    assert len(cases("negatives")) >= 40 and len(cases("positives")) >= 8


@pytest.mark.parametrize("path", cases("negatives"))
def test_hard_negative_never_escalates(path: Path) -> None:
    raw = path.read_bytes()
    expect = expectation(raw)
    outcome = triage(raw, CTX)
    assert outcome.detection.signals == (), f"false alarm: {explain(outcome)}"
    assert outcome.draft is None
    skipped = outcome.detection.skipped
    if expect == "none":
        assert skipped is None, f"expected the text to be examined, but it was skipped: {skipped}"
    elif expect == "own-domain":
        assert outcome.email.from_addr.endswith("@acme.test")
        assert skipped and "own domain" in skipped
    else:
        kind, _, marker = expect.partition(":")
        assert kind == "skipped" and marker.strip(), f"bad X-Test-Expect: {expect}"
        assert skipped and marker.strip().lower() in skipped.lower(), f"skip reason: {skipped!r}"


@pytest.mark.parametrize("path", cases("positives"))
def test_positive_raises_its_signal_and_gets_a_draft(path: Path) -> None:
    raw = path.read_bytes()
    expected = {s.strip() for s in expectation(raw).split(",")}
    assert expected <= set(SIGNALS), f"X-Test-Expect names unknown signals: {expected - set(SIGNALS)}"
    outcome = triage(raw, CTX)
    assert outcome.detection.skipped is None
    missing = expected - set(outcome.detection.names)
    near = [(s.name, s.score) for s in outcome.detection.near_misses]
    assert not missing, f"missed {sorted(missing)}; raised: {explain(outcome)}; near misses: {near}"
    draft = outcome.draft
    assert draft is not None and draft.body.strip()
    assert recipient(outcome.email)[0] in draft.to and draft.subject.lower().startswith("re:")
    assert f"In-Reply-To: {outcome.email.message_id}".encode() in draft.raw


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_the_expect_header_changes_nothing(path: Path) -> None:
    raw = path.read_bytes()
    stripped = re.sub(rb"(?m)^X-Test-Expect:[^\n]*\n", b"", raw)
    assert stripped != raw
    a, b = triage(raw, CTX), triage(stripped, CTX)
    assert (a.detection.names, a.detection.skipped) == (b.detection.names, b.detection.skipped)
