"""The Hyperscan prefilter: never loses a match, gives the same detections, caches itself."""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RULES_CACHE, finish_compile
from replydraft.detection import prefilter as fastscan
from replydraft.detection.detector import _NORMALISE, Detector, DetectorSettings, _unwrap
from replydraft.detection.rules import RULES
from replydraft.message.extract import parse
from test_detect import _all_test_texts

pytest.importorskip("hyperscan")   # a dependency wherever wheels exist; .ci/run fails on skips
CACHE = RULES_CACHE      # compiled once per machine


@pytest.fixture(scope="module")
def scanner() -> fastscan.FastScan:
    scan = fastscan.load_rules(CACHE)
    assert scan is not None
    return scan


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [_unwrap(t.translate(_NORMALISE)) for t in _all_test_texts()]


@pytest.mark.slow
def test_every_rule_that_matches_is_a_candidate(scanner: fastscan.FastScan, texts: list[str]) -> None:
    matched = 0
    for text in texts:
        candidates = scanner.candidates(text)
        for i, rule in enumerate(RULES):
            if rule.regex.search(text):
                matched += 1
                assert i in candidates, (rule.id, text)
    assert matched > 1000


def test_calm_text_leaves_few_candidates(scanner: fastscan.FastScan) -> None:
    text = "Hello, could you send me the invoice for October again? The PDF did not open. Thanks, Ana"
    assert len(scanner.candidates(text)) <= 1


def _rule(rule_id: str) -> int:
    return next(i for i, rule in enumerate(RULES) if rule.id == rule_id)


def test_case_symbols_and_what_follows_narrow_the_candidates(scanner: fastscan.FastScan) -> None:
    shout, named = _rule("ult.now_shout"), _rule("ult.try_named")
    assert shout in scanner.candidates("Refund me NOW.")          # the rule is case-sensitive ...
    assert shout not in scanner.candidates("I can see it now, thanks")   # ... and wants "." or "!" after
    assert named in scanner.candidates("I will try @acme instead.")
    assert named not in scanner.candidates("Could you try again tomorrow?")   # no "@" or "#"


def _same_detections(texts: list[str], settings: DetectorSettings, scanner: fastscan.FastScan) -> None:
    slow, quick = Detector(settings), Detector(settings, scanner)
    assert not slow.fast and quick.fast
    assert [quick.detect_text(t, topic="Invoice 2231 overdue") for t in texts] == \
        [slow.detect_text(t, topic="Invoice 2231 overdue") for t in texts]
    base = parse(b"From: a@b.example\r\nSubject: Invoice 2231 overdue\r\n\r\nhello\r\n")
    emails = [replace(base, new_text=t) for t in texts]
    assert quick.detect_many(emails) == slow.detect_many(emails)
    assert sum(quick.detect_text(t).escalated for t in texts) > 100


def test_detection_is_the_same_with_and_without_it(scanner: fastscan.FastScan) -> None:
    _same_detections(_all_test_texts(), DetectorSettings(), scanner)


def test_company_phrases_and_disabled_rules_still_apply(scanner: fastscan.FastScan) -> None:
    settings = DetectorSettings(extra_phrases={"out_of_scope_demand": ("rush delivery for free",)},
                                extra_patterns={"legal_threat": (r"\bcease\s+and\s+desist\b",)},
                                disabled_rules=frozenset({"review.bbb", "abuse.fword"}))
    texts = [*_all_test_texts(), "We expect rush delivery for free.", "This is a cease and desist letter."]
    _same_detections(texts, settings, scanner)


# Characters where lower(), \w, \s and IGNORECASE disagree between Python and a byte scan.
_ODD = "İıſKß é’“”\u00a0\u2003\u2028\x1c\x1f_-*#@!?.\n\tÉ日本"


def _scanned_slowly(text: str) -> bytes:
    """What scanned_bytes does, character by character."""
    out = []
    for char in text.translate(fastscan._FOLD):
        if char.isascii():
            out.append(" " if char in "\x1c\x1d\x1e\x1f" else char)
        else:
            out.append(" " if re.match(r"\s", char) else "_" if re.match(r"\w", char) else "\x80")
    return "".join(out).encode("latin-1")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_ODD) + list("abcIiWwe nolst")), max_size=40))
def test_scanned_bytes_keep_offsets_and_word_boundaries(text: str) -> None:
    scanned = fastscan.scanned_bytes(text)
    assert scanned == _scanned_slowly(text)
    assert len(scanned) == len(text)
    assert [m.start() for m in re.finditer(rb"\b", scanned)] == [m.start() for m in re.finditer(r"\b", text)]
    assert [m.start() for m in re.finditer(rb"\s", scanned)] == [m.start() for m in re.finditer(r"\s", text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["I", "İ", "will", "WİLL", "ſue", "you", "’ll", "leave", "a", "1-star",
                                 "review", "lawyer", "\u2003", " ", "\n", "!", "NOW", "é", "f*ck", "K",
                                 "dispute", "the", "charge", "with", "my", "bank", ".", "try", "@acme", "#fail",
                                 "TODAY", "today", "OR", "!!", "asap", "bye", "now.", "back", "to", "Acme"]),
                max_size=14))
def test_odd_spellings_never_lose_a_match(scanner: fastscan.FastScan, words: list[str]) -> None:
    text = " ".join(words)
    candidates = scanner.candidates(text)
    for i, rule in enumerate(RULES):
        if rule.regex.search(text):
            assert i in candidates, (rule.id, text)


def test_a_pattern_without_a_loose_form_is_always_a_candidate() -> None:
    scan = fastscan.load([re.compile(r"(ab)\1"), re.compile(r"lawyer", re.IGNORECASE)])
    assert scan is not None
    assert scan.always == frozenset({0})
    assert scan.candidates("nothing here") == {0}
    assert scan.candidates("My LAWYER") == {0, 1}


def test_the_compiled_rules_are_kept_and_reused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    patterns = [re.compile(r"\bsmall\s+claims\b", re.IGNORECASE), re.compile(r"chargeback", re.IGNORECASE)]
    caplog.set_level("INFO", logger="replydraft.detection.prefilter")
    first = fastscan.load(patterns, tmp_path)
    kept = list(tmp_path.glob("rules-*.hsdb"))
    assert first is not None and len(kept) == 1
    assert "compiled 2 rules" in caplog.text
    caplog.clear()
    again = fastscan.load(patterns, tmp_path)
    assert again is not None and again.candidates("a Chargeback") == {1}
    assert "compiled" not in caplog.text
    assert fastscan.load(patterns[:1], tmp_path) is not None     # other rules: another file
    assert len(list(tmp_path.glob("rules-*.hsdb"))) == 2


def test_databases_no_start_has_used_for_a_month_are_removed(tmp_path: Path) -> None:
    old, recent = tmp_path / "rules-old.hsdb", tmp_path / "rules-recent.hsdb"
    for path, days in ((old, 31), (recent, 20)):
        path.write_bytes(b"[]\n")
        os.utime(path, (time.time() - days * 86400,) * 2)
    assert fastscan.load([re.compile("refund")], tmp_path) is not None
    assert not old.exists() and recent.exists()
    assert len(list(tmp_path.glob("rules-*.hsdb"))) == 2


def test_a_damaged_cache_is_compiled_again(tmp_path: Path) -> None:
    patterns = [re.compile(r"refund", re.IGNORECASE)]
    assert fastscan.load(patterns, tmp_path) is not None
    (kept,) = tmp_path.glob("rules-*.hsdb")
    kept.write_bytes(b"not a database")
    scan = fastscan.load(patterns, tmp_path)
    assert scan is not None and scan.candidates("REFUND now") == {0}
    assert kept.read_bytes() != b"not a database"


def test_an_unwritable_cache_only_costs_the_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    scan = fastscan.load([re.compile("refund")], blocker / "cache")
    assert scan is not None and scan.candidates("refund") == {0}


def test_threads_scan_at_once(scanner: fastscan.FastScan, texts: list[str]) -> None:
    expected = [scanner.candidates(t) for t in texts[:300]]
    results: list[list[set[int]]] = [[] for _ in range(4)]

    def work(k: int) -> None:
        results[k] = [scanner.candidates(t) for t in texts[:300]]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_prepare_hands_the_scanner_to_detect(tmp_path: Path, scanner: fastscan.FastScan) -> None:
    for kept in CACHE.glob("rules-*.hsdb"):
        (tmp_path / kept.name).write_bytes(kept.read_bytes())   # as a second start would find it
    detector = Detector(prefilter=fastscan.prepare(tmp_path))
    assert detector.fast
    assert detector.detect_text("I will leave a 1-star review on Trustpilot.").escalated


def test_a_first_compile_runs_aside_and_detection_works_meanwhile(
        slow_compile: Path, scanner: fastscan.FastScan, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="replydraft.detection.prefilter")
    prefilter = fastscan.prepare(slow_compile, background=True)      # returns at once, or this test would hang
    detector = Detector(prefilter=prefilter)
    assert "compiling the detection rules for Hyperscan in the background" in caplog.text
    assert not detector.fast
    assert detector.detect_text("I will leave a 1-star review on Trustpilot.").escalated
    finish_compile(slow_compile)
    later = Detector(DetectorSettings(disabled_rules=frozenset({"review.bbb"})), prefilter)   # as after a reload
    assert detector.fast and later.fast          # the compile filled the prefilter both hold
    assert "compiled the detection rules for Hyperscan in" in caplog.text
    assert detector.detect_text("I will leave a 1-star review on Trustpilot.").escalated


def test_a_compile_that_leaves_nothing_is_a_warning(slow_compile: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="replydraft.detection.prefilter")
    prefilter = fastscan.prepare(slow_compile, background=True)
    finish_compile(slow_compile, keep=False)
    assert prefilter.scan is None
    assert "left nothing in" in caplog.text and "slower prefilter" in caplog.text


def test_the_compiling_process_runs_this_code(tmp_path: Path) -> None:
    """The real command, on a cache that holds the rules already (no half-minute compile)."""
    for kept in CACHE.glob("rules-*.hsdb"):
        (tmp_path / kept.name).write_bytes(kept.read_bytes())
    done = subprocess.run(fastscan._compiler_command(tmp_path), env=fastscan._child_env(), capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "compiling.lock").exists()
    assert fastscan.load_rules(tmp_path, cached_only=True) is not None
