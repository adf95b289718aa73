"""The evaluation entry point: corpus loading, metrics, and a regression check on dev.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replydraft.detection.detector import SIGNALS, Detector, DetectorSettings
from replydraft.detection.evaluate import Example, Report, evaluate, load_corpus, main
from replydraft.errors import InputError

DEV = Path(__file__).parent / "data" / "dev.jsonl"
# These numbers are the RULES' (the learned scorer is off; benchmarks/model.py measures both).
RULES = Detector(DetectorSettings(model=False))


# -- regression on the development corpus (a copy in tests/data) -------------------------

@pytest.fixture(scope="module")
def dev_report() -> Report:
    return evaluate(load_corpus(DEV), RULES)


def test_dev_corpus_loads() -> None:
    examples = load_corpus(DEV)
    assert len(examples) == 116
    assert len({e.id for e in examples}) == 116
    assert sum(1 for e in examples if not e.labels) == 62


@pytest.mark.parametrize("signal", SIGNALS)
def test_dev_precision(dev_report: Report, signal: str) -> None:
    m = dev_report.signal(signal)
    assert m.precision >= 0.90, dev_report.format()


@pytest.mark.parametrize("signal", SIGNALS)
def test_dev_recall(dev_report: Report, signal: str) -> None:
    assert dev_report.signal(signal).recall >= 0.85, dev_report.format()


def test_dev_false_alarms(dev_report: Report) -> None:
    assert dev_report.unlabelled.total == 62
    assert dev_report.unlabelled.rate <= 0.02, dev_report.format()
    assert dev_report.hard_negatives.rate <= 0.02, dev_report.format()


# -- our own holdout: real customer messages collected and labelled for this project ----------
# (tests/data/holdout.jsonl: airline tweets, GitHub issues, client stories that are not in the
# development corpus). It caught rules written too close to the dev corpus' phrasings; the
# floors keep what was won.

# holdout2-6 were each collected blind to the rules and measured once before their misses were
# studied for families: recall 0.29, 0.37, 0.43, 0.36, 0.41, 0.30, 0.41 (precision 0.95, 0.83,
# 0.89, 1.00, 0.84, 0.60, 0.75) for holdout2, 3, 4, 6, 5, 7, 8, in the order they were measured.
# calm.jsonl: 656 calm tweets and polite billing issues, where every hit would be a false alarm.
@pytest.mark.parametrize(("name", "recall"), [("holdout.jsonl", 0.85), ("holdout2.jsonl", 0.65),
                                              ("holdout3.jsonl", 0.70), ("holdout4.jsonl", 0.80),
                                              ("holdout5.jsonl", 0.60), ("holdout6.jsonl", 0.70),
                                              ("holdout7.jsonl", 0.35), ("holdout8.jsonl", 0.65)])
def test_holdout_corpora(name: str, recall: float) -> None:
    report = evaluate(load_corpus(DEV.with_name(name)), RULES)
    micro = report.micro
    assert micro.precision >= 0.88 and micro.recall >= recall, report.format()
    assert report.unlabelled.rate <= 0.02, report.format()


def test_calm_corpus_raises_almost_nothing() -> None:
    report = evaluate(load_corpus(DEV.with_name("calm.jsonl")), RULES)
    assert report.unlabelled.total >= 600 and report.unlabelled.rate <= 0.005, report.format()


def test_dev_report_renders(dev_report: Report) -> None:
    text = dev_report.format()
    lines = text.splitlines()
    assert lines[0].split() == ["signal", "support", "TP", "FP", "FN", "precision", "recall", "F1"]
    table = [line for line in lines[:10] if line and not line.startswith("-")]
    # aligned: every row of the table has the same width
    assert len({len(line) for line in table}) == 1
    assert "false alarms on unlabelled messages" in text
    d = dev_report.to_dict()
    json.dumps(d)
    assert set(d["signals"]) == set(SIGNALS)


# -- metrics on a synthetic corpus --------------------------------------------------------

def _write(tmp_path: Path, rows: list[object], name: str = "c.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_metrics_on_a_synthetic_corpus(tmp_path: Path) -> None:
    rows = [
        # TP legal, TP ultimatum
        {"id": "a", "subject": "Never again", "body": "Refund me by Friday or I will sue you.",
         "labels": ["legal_threat", "ultimatum"], "hard_negative": False},
        # FN review (nothing in the body; the subject must not count)
        {"id": "b", "subject": "I'll leave a 1-star review", "body": "Hello, please check my order.",
         "labels": ["review_threat"], "hard_negative": False},
        # FP abusive on an unlabelled hard negative
        {"id": "c", "subject": "", "body": "You idiots.", "labels": [], "hard_negative": True},
        # TN, unlabelled, not hard
        {"id": "d", "subject": "", "body": "Thanks, all good!", "labels": [], "hard_negative": False},
        "",   # blank lines are skipped
    ]
    report = evaluate(load_corpus(_write(tmp_path, rows)), RULES)
    legal, review, abuse = (report.signal(n) for n in ("legal_threat", "review_threat", "abusive_language"))
    assert (legal.tp, legal.fp, legal.fn, legal.support) == (1, 0, 0, 1)
    assert (legal.precision, legal.recall, legal.f1) == (1.0, 1.0, 1.0)
    assert (review.tp, review.fp, review.fn) == (0, 0, 1)
    assert review.recall == 0.0 and review.precision == 1.0 and review.f1 == 0.0
    assert (abuse.tp, abuse.fp, abuse.fn, abuse.support) == (0, 1, 0, 0)
    assert abuse.precision == 0.0
    assert report.unlabelled.alarms == 1 and report.unlabelled.total == 2 and report.unlabelled.rate == 0.5
    assert report.hard_negatives.alarms == 1 and report.hard_negatives.total == 1
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (2, 1, 1)
    ids = [m.id for m in report.mistakes]
    assert ids == ["b", "c"]
    c = report.mistakes[1]
    assert c.expected == () and c.got == ("abusive_language",)
    assert any("idiots" in e for e in c.evidence)
    expected_id, expected, got, _evidence = report.mistakes[0]     # a plain tuple for tuning scripts
    assert (expected_id, expected, got) == ("b", ("review_threat",), ())


def test_disabled_signals_are_left_out(tmp_path: Path) -> None:
    rows = [{"id": "a", "body": "You idiots.", "labels": ["abusive_language"]}]
    report = evaluate(load_corpus(_write(tmp_path, rows)),
                      Detector(DetectorSettings(disabled=frozenset({"abusive_language"}), model=False)))
    assert "abusive_language" not in {m.name for m in report.metrics}
    assert report.mistakes == []


def test_example_defaults(tmp_path: Path) -> None:
    [ex] = load_corpus(_write(tmp_path, [{"id": "x", "body": "hi", "labels": []}]))
    assert ex == Example("x", "", "hi", frozenset(), False, "")


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "not an object"),
    ('{"body": "x", "labels": []}', '"id"'),
    ('{"id": "a", "labels": []}', '"body"'),
    ('{"id": "a", "body": "x", "labels": "legal_threat"}', '"labels"'),
    ('{"id": "a", "body": "x", "labels": ["rudeness"]}', "unknown label"),
    ('{"id": "a", "body": "x", "labels": [], "hard_negative": "yes"}', '"hard_negative"'),
    ('{"id": "a", "body": "x", "subject": 5, "labels": []}', '"subject"'),
])
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, [{"id": "ok", "body": "fine", "labels": []}, "", line])
    with pytest.raises(InputError) as err:
        load_corpus(path)
    text = str(err.value)
    assert f"{path}, line 3" in text
    assert message in text


def test_duplicate_ids_and_missing_files(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"id": "a", "body": "x", "labels": []}, {"id": "a", "body": "y", "labels": []}])
    with pytest.raises(InputError, match=r"line 2 repeats the id 'a'"):
        load_corpus(path)
    with pytest.raises(InputError, match="Cannot read the corpus"):
        load_corpus(tmp_path / "missing.jsonl")
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b'{"id": "a", "body": "caf\xe9", "labels": []}\n')
    with pytest.raises(InputError, match="UTF-8"):
        load_corpus(bad)


def test_main_prints_the_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, [{"id": "a", "body": "Never again.", "labels": []}])
    assert main([str(path), "--mistakes"]) == 0
    out = capsys.readouterr().out
    assert "ultimatum" in out and "a: expected -; got ultimatum" in out
    assert main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["false_alarms_unlabelled"] == {"alarms": 1, "total": 1, "rate": 1.0}
