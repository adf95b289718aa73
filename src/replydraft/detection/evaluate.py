"""Offline evaluation of the detector on a labelled corpus (JSON lines).

Each line is ``{"id", "subject", "body", "labels", "hard_negative", ...}`` (see the
corpus README). Only the body is examined -- the subject is context, never evidence, as in
the daemon -- through the very ``detect_text`` the daemon runs, so the numbers describe
production behaviour.

    report = evaluate(load_corpus("tests/data/dev.jsonl"))
    print(report.format())
    for mistake in report.mistakes: ...

Conventions: precision is 1.0 when a signal was never predicted, recall is 1.0 when it
never occurs; a false alarm is a message with no label that got any signal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from replydraft.detection.detector import SIGNALS, Detector
from replydraft.errors import InputError

__all__ = ["Example", "Mistake", "Rate", "Report", "SignalMetrics", "evaluate", "load_corpus", "main"]


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    subject: str
    body: str
    labels: frozenset[str]
    hard_negative: bool = False
    source: str = ""
    kind: str = ""             # email, tweet, issue, ... (the corpus's "kind"; empty if not given)
    escalation: bool = False   # "escalation": true: an escalation whose signal was not said (labels empty)

    @property
    def calm(self) -> bool:
        """Nothing should be raised on it."""
        return not self.labels and not self.escalation

    @property
    def unsaid(self) -> bool:
        """An escalation whose signal was not said: any signal is right, none is a miss."""
        return self.escalation and not self.labels


@dataclass(frozen=True, slots=True)
class SignalMetrics:
    name: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"support": self.support, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class Rate:
    """How many of ``total`` messages raised any signal (a false alarm when unlabelled)."""
    alarms: int
    total: int

    @property
    def rate(self) -> float:
        return self.alarms / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"alarms": self.alarms, "total": self.total, "rate": round(self.rate, 4)}


class Mistake(NamedTuple):
    id: str
    expected: tuple[str, ...]
    got: tuple[str, ...]
    evidence: tuple[str, ...]   # "signal score [rule] 'phrase'", near-misses marked "(near)"


@dataclass(frozen=True, slots=True)
class Report:
    metrics: tuple[SignalMetrics, ...]
    unlabelled: Rate
    hard_negatives: Rate
    examples: int
    mistakes: list[Mistake] = field(default_factory=list)
    unsaid: Rate = Rate(0, 0)  # escalations whose signal was not said: how many raised any signal

    def signal(self, name: str) -> SignalMetrics:
        for m in self.metrics:
            if m.name == name:
                return m
        raise KeyError(name)

    @property
    def micro(self) -> SignalMetrics:
        return SignalMetrics("micro", sum(m.tp for m in self.metrics), sum(m.fp for m in self.metrics),
                             sum(m.fn for m in self.metrics))

    def to_dict(self) -> dict[str, Any]:
        return {
            "examples": self.examples,
            "signals": {m.name: m.to_dict() for m in self.metrics},
            "micro": self.micro.to_dict(),
            "false_alarms_unlabelled": self.unlabelled.to_dict(),
            "false_alarms_hard_negatives": self.hard_negatives.to_dict(),
            "escalations_signal_not_said": self.unsaid.to_dict(),
            "mistakes": [m._asdict() | {"expected": list(m.expected), "got": list(m.got),
                                        "evidence": list(m.evidence)} for m in self.mistakes],
        }

    def format(self) -> str:
        head = ("signal", "support", "TP", "FP", "FN", "precision", "recall", "F1")
        rows = [(m.name, str(m.support), str(m.tp), str(m.fp), str(m.fn), f"{m.precision:.3f}",
                 f"{m.recall:.3f}", f"{m.f1:.3f}") for m in (*self.metrics, self.micro)]
        widths = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head))]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

        rule = "  ".join("-" * w for w in widths)
        out = [line(head), rule, *map(line, rows[:-1]), rule, line(rows[-1]), ""]
        for label, rate in (("false alarms on unlabelled messages", self.unlabelled),
                            ("false alarms on hard negatives", self.hard_negatives)):
            out.append(f"{label}: {rate.alarms}/{rate.total} ({rate.rate:.1%})")
        if self.unsaid.total:
            out.append(f"escalations whose signal was not said, raising any signal: {self.unsaid.alarms}/"
                       f"{self.unsaid.total} ({self.unsaid.rate:.1%})")
        out.append(f"examples: {self.examples}, mistakes: {len(self.mistakes)}")
        return "\n".join(out)


def load_corpus(path: str | Path) -> list[Example]:
    """Read a JSON-lines corpus; a bad line raises :class:`InputError` naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read the corpus {path}: {exc}. Check the path and that it is UTF-8 text.") \
            from None
    examples: list[Example] = []
    seen: set[str] = set()
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{path}, line {number}"
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where} is not valid JSON ({exc.msg}); each line must be one JSON object.") \
                from None
        examples.append(_example(item, where, seen))
    return examples


def _example(item: Any, where: str, seen: set[str]) -> Example:
    if not isinstance(item, dict):
        raise InputError(f"{where} is a JSON {type(item).__name__}, not an object with id, body and labels.")
    ident, body, subject = item.get("id"), item.get("body"), item.get("subject", "")
    labels, hard = item.get("labels", []), item.get("hard_negative", False)
    escalation = item.get("escalation", bool(labels))
    if not isinstance(ident, str) or not ident:
        raise InputError(f"{where} has no \"id\" string; give every example a unique id.")
    if ident in seen:
        raise InputError(f"{where} repeats the id {ident!r}; ids must be unique.")
    if not isinstance(body, str):
        raise InputError(f"{where} (id {ident!r}) has no \"body\" string.")
    if not isinstance(subject, str):
        raise InputError(f"{where} (id {ident!r}) has a \"subject\" that is not a string.")
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise InputError(f"{where} (id {ident!r}) needs \"labels\" as a list of signal names.")
    unknown = sorted(set(labels) - set(SIGNALS))
    if unknown:
        raise InputError(f"{where} (id {ident!r}) has unknown label(s) {', '.join(map(repr, unknown))}; "
                         f"use only {', '.join(SIGNALS)}.")
    if not isinstance(hard, bool):
        raise InputError(f"{where} (id {ident!r}) has a \"hard_negative\" that is not true or false.")
    if not isinstance(escalation, bool) or (labels and not escalation):
        raise InputError(f"{where} (id {ident!r}) has an \"escalation\" that is not true or false, or false "
                         f"with labels; leave it out, or set it true for an escalation whose signal is not said.")
    seen.add(ident)
    return Example(ident, subject, body, frozenset(labels), hard, str(item.get("source", "")),
                   str(item.get("kind", "")), escalation)


def evaluate(examples: Sequence[Example], detector: Detector | None = None) -> Report:
    """Run the detector (the built-in rules by default) over each body and count per-signal hits,
    misses and false alarms."""
    detector = detector or Detector()
    counts = {name: [0, 0, 0] for name in SIGNALS}     # tp, fp, fn
    unlabelled = [0, 0]
    hard = [0, 0]
    unsaid = [0, 0]
    mistakes: list[Mistake] = []
    for ex in examples:
        detection = detector.detect_text(ex.body, topic=ex.subject)
        got = set(detection.names)
        if ex.unsaid:              # any signal is right: it counts only as found or missed
            unsaid[0] += bool(got)
            unsaid[1] += 1
        for name in SIGNALS:
            if name in detector.disabled or ex.unsaid:
                continue
            expected, predicted = name in ex.labels, name in got
            if expected and predicted:
                counts[name][0] += 1
            elif predicted:
                counts[name][1] += 1
            elif expected:
                counts[name][2] += 1
        if ex.calm:
            unlabelled[0] += bool(got)
            unlabelled[1] += 1
            if ex.hard_negative:
                hard[0] += bool(got)
                hard[1] += 1
        active_labels = set(ex.labels) - detector.disabled
        if (not got) if ex.unsaid else got != active_labels:
            evidence = tuple(
                f"{s.name} {s.score:.2f}{' (near)' if near else ''} [{e.rule}] {e.phrase!r}"
                for near, group in ((False, detection.signals), (True, detection.near_misses))
                for s in group for e in s.evidence)
            mistakes.append(Mistake(ex.id, tuple(sorted(active_labels)), tuple(sorted(got)), evidence))
    metrics = tuple(SignalMetrics(name, *counts[name]) for name in SIGNALS if name not in detector.disabled)
    return Report(metrics, Rate(*unlabelled), Rate(*hard), len(examples), mistakes, Rate(*unsaid))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m replydraft.detection.evaluate CORPUS [--json] [--mistakes]``."""
    parser = argparse.ArgumentParser(prog="python -m replydraft.detection.evaluate",
                                     description="Measure the escalation detector on a labelled corpus.")
    parser.add_argument("corpus", help="JSON-lines file: id, subject, body, labels, hard_negative")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--mistakes", action="store_true", help="also list each mistake with its evidence")
    args = parser.parse_args(argv)
    report = evaluate(load_corpus(args.corpus))
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(report.format())
    if args.mistakes:
        for m in report.mistakes:
            print(f"\n{m.id}: expected {', '.join(m.expected) or '-'}; got {', '.join(m.got) or '-'}")
            for e in m.evidence:
                print(f"    {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
