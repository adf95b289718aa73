"""The learned scorer (detection/scorer.py), its training (detection/training.py) and its place
beside the rules in the Detector. Cases are data; the models are hand-made here, so the tests
don't move when `make model` is run again, except the checks of the shipped model itself."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from replydraft.config import parse
from replydraft.detection.detector import SIGNALS, Detector, DetectorSettings
from replydraft.detection.evaluate import load_corpus
from replydraft.detection.scorer import FORMAT, UNIT, Scorer, builtin, tokens
from replydraft.detection.training import OFF, Item, Params, calibrate, dumps, fit, items_of, train
from replydraft.errors import ConfigError, RuleError

DATA = Path(__file__).parent / "data"
MODEL = Path(__file__).parents[1] / "src" / "replydraft" / "detection" / "model.json"


def key(phrase: str) -> str:
    """The feature hash of a word or a two-word phrase, as the model file names it."""
    words = phrase.encode().split()
    return str(zlib.crc32(words[-1], zlib.crc32(words[0])) if len(words) == 2 else zlib.crc32(words[0]))


def model(weights: Mapping[str, Mapping[str, float]], bias: float = -4.0, threshold: float = 0.5) -> dict[str, Any]:
    """A model file whose signals weigh these phrases (weights in logits, before 1/sqrt(n))."""
    return {"format": FORMAT, "chunk": 50, "signals": {
        name: {"bias": bias, "threshold": threshold,
               "weights": {key(p): round(w * UNIT) for p, w in weights.get(name, {}).items()}}
        for name in SIGNALS}}


TOY = Scorer.from_dict(model({
    "legal_threat": {"lawyer": 20.0, "small claims": 25.0, "my": 1.0},
    "abusive_language": {"flibbertigibbet": 30.0},
    "ultimatum": {"lawyer": -30.0, "never again": 30.0},
}))

# -- words -------------------------------------------------------------------------------

WORDS = [
    ("Don't PANIC!", [b"dont", b"panic"]),
    ("e-mail me@acme.test", [b"e", b"mail", b"me", b"acme", b"test"]),
    ("café au lait", ["café".encode(), b"au", b"lait"]),
    ("under_score 3rd", [b"under", b"score", b"3rd"]),
    ("  ", []),
    ("'''", []),
]


@pytest.mark.parametrize(("text", "words"), WORDS, ids=[w[0] for w in WORDS])
def test_tokens(text: str, words: list[bytes]) -> None:
    assert tokens(text) == words


def test_explanations_cut_the_same_words_as_scoring() -> None:
    """The words explain() finds with their offsets are the words probabilities() scored."""
    from replydraft.detection.scorer import _WORD, _token
    texts = [ex.body for ex in load_corpus(DATA / "dev.jsonl")] + [t for t, _ in WORDS] + ["İstanbul ΑΣ'Β x\u2003y"]
    for text in texts:
        assert [w for m in _WORD.finditer(text) if (w := _token(m.group()))] == tokens(text), text


# -- scoring -----------------------------------------------------------------------------

RAISED = [
    ("I have called my lawyer.", {"legal_threat"}),
    ("My LAWYER, again.", {"legal_threat"}),
    ("See you in small claims", {"legal_threat"}),
    ("Never again, you flibbertigibbet!", {"ultimatum", "abusive_language"}),
    ("Thanks, that fixed it.", set()),
    ("", set()),
]


@pytest.mark.parametrize(("text", "raised"), RAISED, ids=[r[0] or "empty" for r in RAISED])
def test_raised(text: str, raised: set[str]) -> None:
    assert set(TOY.raised(text)) == raised
    assert all(0 < p < 1 for p in TOY.probabilities(text).values())


def test_a_long_text_dilutes_words_evenly() -> None:
    p = TOY.probabilities
    assert p("lawyer")["legal_threat"] > p("I will talk to a lawyer")["legal_threat"] > \
        p("I will talk to a lawyer " + "and so on " * 50)["legal_threat"]


def test_thresholds_move_and_skip() -> None:
    text = "I have called my lawyer."
    p = TOY.probabilities(text)["legal_threat"]
    assert "legal_threat" not in TOY.with_thresholds({"legal_threat": min(1.0, p + 0.01)}).raised(text)
    assert "legal_threat" in TOY.with_thresholds({"legal_threat": p - 1e-9}).raised(text)
    assert TOY.raised(text, skip=frozenset({"legal_threat"})) == {}


def test_a_signal_not_raised_alone_needs_a_near_miss_of_the_rules() -> None:
    data = model({"legal_threat": {"lawyer": 20.0}})
    data["signals"]["legal_threat"]["alone"] = False
    beside = Scorer.from_dict(data)
    text = "I have called my lawyer."
    assert TOY.raised(text) and beside.raised(text) == {}
    assert set(beside.raised(text, near=["legal_threat"])) == {"legal_threat"}
    assert beside.with_thresholds({"legal_threat": 0.1}).raised(text) == {}     # moving it keeps the rule


def test_the_shipped_model_raises_only_beside_the_rules() -> None:
    assert not any(s.alone for s in builtin().signals)


@pytest.mark.parametrize(("data", "message"), [
    ({"format": 99}, "rebuild it with `make model`"),
    ({"format": FORMAT}, "incomplete"),
    ({"format": FORMAT, "signals": {"legal_threat": {"bias": 0}}}, "incomplete"),
    (model({"legal_threat": {"lawyer": 40.0}}), "out of range"),
    ({**model({}), "chunk": 0}, "incomplete"),
])
def test_a_broken_model_is_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        Scorer.from_dict(data)


# -- evidence ----------------------------------------------------------------------------

EXPLAINED = [
    # text, signal, the sentence, its heaviest phrase
    ("Hello there. I have called my lawyer! Bye.", "legal_threat", "I have called my lawyer!", "lawyer"),
    ("Fine\nsee you in small claims\nregards", "legal_threat", "see you in small claims", "small claims"),
    ("You flibbertigibbet", "abusive_language", "You flibbertigibbet", "flibbertigibbet"),
]


@pytest.mark.parametrize(("text", "name", "sentence", "phrase"), EXPLAINED, ids=[e[0] for e in EXPLAINED])
def test_explanation_points_at_the_sentence(text: str, name: str, sentence: str, phrase: str) -> None:
    why = TOY.explain(text, name)
    assert why is not None
    start, end = why.sentence
    assert text[start:end] == sentence
    s, e = why.phrases[0]
    assert text[s:e] == phrase and start <= s < e <= end


def test_no_explanation_without_words_that_raise_it() -> None:
    assert TOY.explain("Thanks a lot.", "legal_threat") is None


# -- the shipped model -------------------------------------------------------------------

def test_the_shipped_model_is_small_and_complete() -> None:
    scorer = builtin()
    assert MODEL.stat().st_size < 400_000
    assert set(scorer.names) == set(SIGNALS)
    assert all(0 < s.threshold <= 1 for s in scorer.signals)


def test_the_shipped_model_names_a_real_sentence() -> None:
    """Wherever the shipped model raises a signal, its evidence is a whole sentence of the text."""
    detector = Detector(DetectorSettings())
    seen = 0
    for ex in load_corpus(DATA / "holdout7.jsonl") + load_corpus(DATA / "corpus" / "twcs_tweets.jsonl"):
        for signal in detector.detect_text(ex.body).signals:
            for e in signal.evidence:
                if e.rule == f"model.{signal.name}":
                    seen += 1
                    assert ex.body[e.start:e.end] == e.phrase and e.phrase.strip() == e.phrase
                    assert not re.search(r"[.!?]", e.phrase.rstrip(".!?")), "one sentence, not more"
    assert seen, "the shipped model raised nothing on these sets"


# -- beside the rules --------------------------------------------------------------------

TOY_DETECTOR = Detector(DetectorSettings(), scorer=TOY)


@pytest.mark.parametrize(("settings", "raised"), [
    (DetectorSettings(), True),
    (DetectorSettings(model=False), False),
    (DetectorSettings(model_thresholds={"abusive_language": 1.0}), False),
    (DetectorSettings(disabled=frozenset({"abusive_language"})), False),
])
def test_a_message_only_the_model_catches(settings: DetectorSettings, raised: bool) -> None:
    text = "Hi. You absolute flib\u200bbertigibbet. Fix it."
    d = Detector(settings, scorer=TOY).detect_text(text)
    assert d.escalated is raised
    if raised:
        (signal,) = d.signals
        (evidence,) = signal.evidence
        assert signal.name == "abusive_language" and evidence.rule == "model.abusive_language"
        assert evidence.phrase == text[evidence.start:evidence.end] == "You absolute flib\u200bbertigibbet."


@pytest.mark.parametrize("text", ["You flibbertigibbet, I love it!", "Thanks, you flibbertigibbet."])
def test_a_clearly_positive_sentence_vetoes_the_model(text: str) -> None:
    assert TOY.raised(text) and not TOY_DETECTOR.detect_text(text).escalated


def test_a_signal_the_rules_raise_keeps_their_evidence() -> None:
    d = TOY_DETECTOR.detect_text("I will take you to small claims court.")
    (signal,) = d.signals
    assert signal.name == "legal_threat" and not any(e.rule.startswith("model.") for e in signal.evidence)


def test_detect_many_with_the_model_is_detect() -> None:
    from replydraft.message.extract import parse as parse_mail
    raw = b"From: a@b.example\r\nSubject: hi\r\n\r\nYou flibbertigibbet. Never again!\r\n"
    email = parse_mail(raw)
    assert TOY_DETECTOR.detect_many([email, email]) == [TOY_DETECTOR.detect(email)] * 2


# -- training ----------------------------------------------------------------------------

SMALL = Params(epochs=2, folds=2, keep=500)


def sample() -> list[Item]:
    return items_of(load_corpus(DATA / "dev.jsonl")[:80], None)


def test_training_is_deterministic() -> None:
    items = sample()
    first, second = dumps(train(items, SMALL)), dumps(train(list(reversed(items)), SMALL))
    assert first == second
    scorer = Scorer.from_dict(json.loads(first))
    assert set(scorer.names) == set(SIGNALS)


def test_a_fitted_model_learns_its_examples() -> None:
    items = sample()
    scorer = Scorer.from_dict(fit(items, Params(epochs=6, keep=5000)))
    for name in ("ultimatum", "abusive_language"):
        positives = [scorer.probabilities(i.text)[name] for i in items if name in i.labels]
        assert positives, f"the sample has no {name}"
        negatives = [scorer.probabilities(i.text)[name] for i in items if not i.labels]
        assert sum(positives) / len(positives) > sum(negatives) / len(negatives)


def calm(n: int, group: str = "other", rules: frozenset[str] = frozenset()) -> list[Item]:
    return [Item(f"{group}-{i}", "", frozenset(), rules, group) for i in range(n)]


POSITIVES = [Item(f"pos-{i}", "", frozenset({"legal_threat"})) for i in range(12)]
SCORES = [0.8] * 10 + [0.95] * 2        # legal_threat's probability on POSITIVES

# (items, their legal_threat probabilities, the threshold calibration must pick)
CALIBRATION = [
    # one calm item at 0.9 is within the budget (2% of 100): the threshold goes down to 0.8
    ("budget", [*calm(100), *POSITIVES], [0.1] * 99 + [0.9] + SCORES, 0.8),
    # the rules already raise 2 of the 100 calm items: the model may add none
    ("spent", [*calm(98), *calm(2, rules=frozenset({"ultimatum"})), *POSITIVES],
     [0.1] * 97 + [0.9] + [0.1] * 2 + SCORES, 0.95),
    # e-mail is budgeted on its own: 50 calm e-mails allow 1 alarm, not 2
    ("email", [*calm(100), *calm(50, "email"), *POSITIVES], [0.1] * 148 + [0.9] * 2 + SCORES, 0.95),
    # nothing to gain: off
    ("useless", [*calm(100), *POSITIVES[:5]], [0.5] * 100 + [0.1] * 5, OFF),
]


@pytest.mark.parametrize(("items", "probabilities", "threshold"), [c[1:] for c in CALIBRATION],
                         ids=[c[0] for c in CALIBRATION])
def test_calibration(items: list[Item], probabilities: list[float], threshold: float) -> None:
    found = calibrate(items, [{**dict.fromkeys(SIGNALS, 0.0), "legal_threat": p} for p in probabilities])
    assert found["legal_threat"] == threshold


# -- config ------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    ({"signals": {"legal_threat": {"model_threshold": 2}}},
     "signals.legal_threat.model_threshold: expected the scorer's probability that raises legal_threat, "
     "a number above 0 and at most 1"),
    ({"signals": {"ultimatum": {"model_threshold": "high"}}}, "signals.ultimatum.model_threshold: expected"),
    ({"signals": {"ultimatum": {"model_threshold": True}}}, "signals.ultimatum.model_threshold: expected"),
    ({"detection": {"model": "yes"}}, 'detection.model: expected true or false, got "yes"'),
    ({"detection": {"modle": True}}, 'detection.modle: unknown key (did you mean "model"?)'),
])
def test_config_errors(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse(data, source="/etc/replydraft.toml")
    assert message in str(info.value)


def test_config_switches_and_moves_the_model() -> None:
    assert parse({}).detector.model is True
    settings = parse({"detection": {"model": False}, "signals": {"ultimatum": {"model_threshold": 0.95}}}).detector
    assert settings.model is False and settings.model_thresholds == {"ultimatum": 0.95}
    assert Detector(settings).scorer is None
    moved = Detector(parse({"signals": {"ultimatum": {"model_threshold": 0.5}}}).detector).scorer
    assert moved is not None and {s.name: s.threshold for s in moved.signals}["ultimatum"] == 0.5
