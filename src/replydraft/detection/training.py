"""Training the scorer: labelled examples in, the JSON model out, the same bytes every time.

    python -m replydraft.detection.training [--out src/replydraft/detection/model.json]   # make model

The functions are pure (a fixed seed, a fixed order, no clock); only :func:`main` reads the
repository's labelled files (``tests/data/*.jsonl`` and ``tests/data/corpus/*.jsonl``) and
writes the model.

1. **Fit**: per signal, a logistic regression over the hashed features of
   :mod:`replydraft.detection.scorer`, by stochastic gradient descent (examples in a seeded
   order, positives weighed up as they are few), then pruned to its heaviest weights.
2. **Calibrate**: the same fit on k-1 folds scores the k-th (folds by a hash of the id), so
   every example has a prediction from a model that never saw it. Each signal's threshold is
   then chosen on those predictions, OR-ed with the rules' own, for precision first (F0.5)
   under a budget: on calm messages of each group (e-mail, the rest) the combined false alarms
   stay at or under 2%, or where the rules alone are already above that, the model adds none.
3. The shipped model raises a signal only beside a near miss of the rules (``alone`` false); a
   company's model (:func:`warm_start`) may raise alone the signals the team taught.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import zlib
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from replydraft.detection.detector import Detection, Detector
from replydraft.detection.evaluate import Example, load_corpus
from replydraft.detection.scorer import FORMAT, MAX_WEIGHT, UNIT, Scorer, chunks, features, near_features, tokens, weigh
from replydraft.detection.settings import SIGNALS, DetectorSettings

__all__ = ["Item", "Params", "calibrate", "dumps", "fit", "main", "out_of_fold", "train", "warm_start"]

OFF = 1.0          # a threshold no probability reaches in practice: the model never raises that signal
MIN_TAUGHT = 10    # a team's examples of a signal that may set its threshold from the team's own mail


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled message as training sees it."""
    id: str
    text: str
    labels: frozenset[str]
    rules: frozenset[str] = frozenset()    # what the rules raise on it (for calibration)
    group: str = "other"                   # calm messages are budgeted per group ("email", "other")
    near: frozenset[str] = frozenset()     # the rules' near misses on it (a feature of the model)


@dataclass(frozen=True, slots=True)
class Params:
    epochs: int = 6
    rate: float = 3.0          # learning rate at the first epoch, then rate / (1 + epoch / 2)
    l2: float = 1e-5           # weight decay per example seen
    chunk: int = 50            # words in a piece of a longer message (a tweet is one piece)
    keep: int = 3000           # heaviest weights kept per signal
    folds: int = 5
    seed: int = 17
    max_alarms: float = 0.02   # false alarms allowed on calm messages, per group, rules and model together
    beta: float = 0.5          # F-beta of the combined decision that calibration maximises (< 1: precision first)


@dataclass(frozen=True, slots=True)
class _Vector:
    columns: list[int]         # each feature's column (repeats kept)
    scale: float


@dataclass(frozen=True, slots=True)
class _Matrix:
    """The items' features, a row per piece of ``chunk`` words (as the scorer reads them), with
    every distinct hash given a column in order of first sight."""
    rows: list[_Vector]
    owner: list[int]           # row -> the item it is a piece of
    hashes: list[int]          # column -> feature hash

    @classmethod
    def of(cls, items: Sequence[Item], chunk: int) -> _Matrix:
        column: dict[int, int] = {}
        rows, owner = [], []
        for i, item in enumerate(items):
            hints = near_features(item.near)
            for piece in chunks(tokens(item.text), chunk):
                columns = [column.setdefault(h, len(column)) for h in features(piece) + hints]
                rows.append(_Vector(columns, weigh(len(columns)) if columns else 0.0))
                owner.append(i)
        return cls(rows, owner, list(column))


def fit(items: Sequence[Item], params: Params = Params(), matrix: _Matrix | None = None,
        subset: Sequence[int] | None = None, base: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The model (JSON form, thresholds at OFF) fitted to ``items`` (those at ``subset``
    of ``matrix``, which holds all their features, when given). Every piece of a message
    carries the message's labels. With a ``base`` model (JSON form), each signal starts from its
    weights and bias instead of zero (a warm start): the bias is kept, every weight of the base
    is kept (moved where the items have its feature), and up to ``params.keep`` new ones added."""
    matrix = matrix or _Matrix.of(items, params.chunk)
    chosen = set(range(len(items)) if subset is None else subset)
    rows = [r for r, i in enumerate(matrix.owner) if i in chosen]
    vectors = [matrix.rows[r] for r in rows]
    owners = [items[matrix.owner[r]] for r in rows]
    order = sorted(range(len(rows)), key=lambda k: (owners[k].id, rows[k]))
    seen = sorted({c for v in vectors for c in v.columns})
    signals = {}
    for name in SIGNALS:
        labels = [name in item.labels for item in owners]
        if base is None:
            weights, bias = _sgd(order, vectors, labels, params, len(matrix.hashes))
            signals[name] = {"bias": round(bias, 3), "threshold": OFF,
                             "weights": _pruned(weights, seen, matrix.hashes, params.keep)}
            continue
        start = base["signals"][name]
        known = {int(h): w / UNIT for h, w in start["weights"].items()}
        init = [known.get(h, 0.0) for h in matrix.hashes]
        weights, bias = _sgd(order, vectors, labels, params, len(matrix.hashes), init, float(start["bias"]))
        moved = {matrix.hashes[c]: weights[c] for c in seen if matrix.hashes[c] in known}
        new = _pruned(weights, [c for c in seen if matrix.hashes[c] not in known], matrix.hashes, params.keep)
        kept = {str(h): max(-MAX_WEIGHT, min(MAX_WEIGHT, round(w * UNIT))) for h, w in (known | moved).items()}
        merged = new | kept                     # a base weight wins over a new one of the same feature
        signals[name] = {"bias": start["bias"], "threshold": start["threshold"], "alone": start.get("alone", True),
                         "weights": {k: merged[k] for k in sorted(merged, key=int) if merged[k]}}
    return {"format": FORMAT, "chunk": params.chunk if base is None else int(base["chunk"]), "signals": signals}


def _sgd(order: list[int], vectors: Sequence[_Vector], labels: list[bool], params: Params,
         size: int, init: list[float] | None = None, bias0: float | None = None) -> tuple[list[float], float]:
    """Logistic regression by SGD with weight decay (kept as one shared scale factor, so
    decaying costs nothing per weight). Returns the weights and bias. From ``init`` and
    ``bias0`` (a warm start), the bias stays: a small local set says nothing of how rare a
    signal is in the mail at large."""
    positives = sum(labels)
    negatives = len(labels) - positives
    if init is None and (not positives or not negatives):
        return [0.0] * size, (-8.0 if not positives else 8.0)
    up = min(10.0, math.sqrt(negatives / positives)) if positives and negatives else 1.0   # a positive counts more
    w = list(init) if init is not None else [0.0] * size
    scale = 1.0
    bias = bias0 if bias0 is not None else math.log(positives / negatives)
    rng = random.Random(params.seed)
    for epoch in range(params.epochs):
        rate = params.rate / (1 + epoch / 2)
        sequence = order[:]
        rng.shuffle(sequence)
        for i in sequence:
            v = vectors[i]
            z = bias + scale * v.scale * sum([w[c] for c in v.columns])
            p = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
            g = (p - 1) * up if labels[i] else p
            scale *= 1 - rate * params.l2
            if abs(g) < 1e-4:
                continue
            if bias0 is None:
                bias -= rate * g * 0.1
            step = rate * g * v.scale / scale
            for c in v.columns:
                w[c] -= step
        if scale < 1e-3:               # fold the scale in before it loses precision
            w = [x * scale for x in w]
            scale = 1.0
    return [x * scale for x in w], bias


def _pruned(weights: list[float], seen: list[int], hashes: list[int], keep: int) -> dict[str, int]:
    """The ``keep`` heaviest weights of the columns ``seen`` in thousandths (UNIT), by feature
    hash (ties by hash; hashes as strings for JSON)."""
    units = {hashes[i]: max(-MAX_WEIGHT, min(MAX_WEIGHT, round(weights[i] * UNIT))) for i in seen}
    heaviest = sorted((h for h, w in units.items() if w), key=lambda h: (-abs(units[h]), h))
    return {str(h): units[h] for h in sorted(heaviest[:keep])}


def _fold(item: Item, folds: int) -> int:
    return zlib.crc32(item.id.encode()) % folds


def out_of_fold(items: Sequence[Item], params: Params = Params(),
                base: Mapping[str, Any] | None = None) -> list[dict[str, float]]:
    """Each item's probabilities from the model fitted on the other folds (from ``base``, if given)."""
    matrix = _Matrix.of(items, params.chunk)
    found: list[dict[str, float]] = [{} for _ in items]
    for k in range(params.folds):
        inside = [i for i, item in enumerate(items) if _fold(item, params.folds) != k]
        scorer = Scorer.from_dict(fit(items, params, matrix, inside, base))
        for i, item in enumerate(items):
            if _fold(item, params.folds) == k:
                found[i] = scorer.probabilities(item.text, item.near)
    return found


_GRID = [*(t / 100 for t in range(5, 100)), OFF]


def calibrate(items: Sequence[Item], probabilities: Sequence[Mapping[str, float]],
              params: Params = Params()) -> dict[str, float]:
    """Each signal's threshold: the best F-beta of rules OR model on ``probabilities`` (out
    of fold) within the false-alarm budget of each group of calm items. Coordinate ascent
    from every signal OFF, signal by signal, three rounds; ties go to the higher threshold."""
    thresholds: dict[str, float] = dict.fromkeys(SIGNALS, OFF)
    calm = [(item.group, probabilities[i]) for i, item in enumerate(items) if not item.labels and not item.rules]
    budget = _budget([item for item in items if not item.labels], params.max_alarms)
    for _ in range(3):
        for name in SIGNALS:
            spare = _spare(calm, thresholds, name, budget)
            f_beta = _f_beta(items, probabilities, name, params.beta)
            best = max(((f_beta(t), t) for t in _GRID if _alarms(spare, t)), default=(0.0, OFF))
            thresholds[name] = best[1]
    return thresholds


def _budget(calm: Sequence[Item], rate: float) -> dict[str, int]:
    """Alarms the model may add per group: ``rate`` of its calm items less what the rules
    alone raise there (none where the rules alone raise more)."""
    groups = sorted({item.group for item in calm})
    return {g: max(0, math.floor(rate * sum(item.group == g for item in calm))
                   - sum(item.group == g and bool(item.rules) for item in calm)) for g in groups}


def _spare(calm: Sequence[tuple[str, Mapping[str, float]]], thresholds: Mapping[str, float], name: str,
           budget: Mapping[str, int]) -> list[tuple[list[float], int]]:
    """Per group: the sorted probabilities of ``name`` on calm items no other signal raises,
    and how many more alarms the budget allows."""
    out = []
    for group, allowed in sorted(budget.items()):
        others = 0
        left: list[float] = []
        for g, p in calm:
            if g != group:
                continue
            if any(p[n] >= t for n, t in thresholds.items() if n != name):
                others += 1
            else:
                left.append(p[name])
        out.append((sorted(left), allowed - others))
    return out


def _alarms(spare: Sequence[tuple[list[float], int]], threshold: float) -> bool:
    """Whether ``threshold`` keeps every group within its budget."""
    return all(len(left) - bisect_left(left, threshold) <= allowed for left, allowed in spare)


def _f_beta(items: Sequence[Item], probabilities: Sequence[Mapping[str, float]], name: str,
            beta: float) -> Callable[[float], float]:
    """F-beta of ``name`` for rules OR model at a threshold."""
    rule_tp = sum(name in item.rules and name in item.labels for item in items)
    rule_fp = sum(name in item.rules and name not in item.labels for item in items)
    support = sum(name in item.labels for item in items)
    rest = [(p[name], name in item.labels) for item, p in zip(items, probabilities, strict=True)
            if name not in item.rules]
    hits = sorted(p for p, actual in rest if actual)
    misses = sorted(p for p, actual in rest if not actual)
    b2 = beta * beta

    def score(threshold: float) -> float:
        tp = rule_tp + len(hits) - bisect_left(hits, threshold)
        fp = rule_fp + len(misses) - bisect_left(misses, threshold)
        return (1 + b2) * tp / ((1 + b2) * tp + b2 * (support - tp) + fp) if tp else 0.0
    return score


def train(items: Sequence[Item], params: Params = Params()) -> dict[str, Any]:
    """The model fitted on all ``items``, with thresholds calibrated out of fold."""
    thresholds = calibrate(items, out_of_fold(items, params), params)
    model = fit(items, params)
    for name, t in thresholds.items():
        model["signals"][name]["threshold"] = t
        # Measured on sources it never saw (benchmarks/model.py), the model alone added false
        # alarms and no recall; beside the rules' near miss it adds what it knows.
        model["signals"][name]["alone"] = False
    return model


def warm_start(items: Sequence[Item], base: Mapping[str, Any],
               params: Params = Params()) -> tuple[dict[str, Any], dict[str, tuple[float, float]]]:
    """A company's model: ``base`` (the shipped model, JSON form) warm-started and fitted on its
    own labelled ``items`` (``fit``). Where the items hold at least MIN_TAUGHT examples of a
    signal, their out-of-fold calibration may lower its threshold (or switch on a signal the shipped
    model leaves OFF). The thresholds are otherwise kept unless, out of fold, rules and model
    together raise more false alarms on the calm items than ``params.max_alarms`` allows; then the
    signal that raises most of them is made stricter (just above its highest calm probability),
    one signal at a time, until they don't. Returns the model and each threshold moved (before,
    after). The same items give the same bytes."""
    base_model = {"format": base["format"], "chunk": base["chunk"], "signals": base["signals"]}
    with_chunk = replace(params, chunk=int(base["chunk"]))
    model = fit(items, with_chunk, base=base_model)
    probabilities = out_of_fold(items, with_chunk, base_model) if items else []
    thresholds = {name: float(model["signals"][name]["threshold"]) for name in SIGNALS}
    moved: dict[str, tuple[float, float]] = {}
    # Where the team taught enough examples of a signal, its own mail may lower the threshold (or
    # switch on a signal the shipped model leaves off): the shipped one was set on other people's mail.
    taught = [n for n in SIGNALS if sum(n in item.labels for item in items) >= MIN_TAUGHT]
    if taught:
        local = calibrate(items, probabilities, params)
        for signal in taught:
            model["signals"][signal]["alone"] = True      # calibrated on the team's own mail
            if local[signal] < thresholds[signal]:
                moved[signal] = (thresholds[signal], local[signal])
                thresholds[signal] = local[signal]
    calm = [p for item, p in zip(items, probabilities, strict=True) if not item.labels and not item.rules]
    allowed = math.floor(params.max_alarms * sum(not item.labels for item in items)) \
        - sum(bool(item.rules) for item in items if not item.labels)
    while True:
        alarms = [[n for n in SIGNALS if p[n] >= thresholds[n]] for p in calm]
        if sum(bool(a) for a in alarms) <= max(0, allowed):
            break
        worst = max(SIGNALS, key=lambda n: (sum(n in a for a in alarms), -SIGNALS.index(n)))
        if thresholds[worst] >= OFF:         # saturated probabilities: nothing stricter to set
            break
        highest = max(p[worst] for p in calm if p[worst] >= thresholds[worst])
        stricter = next((t for t in _GRID if t > highest), OFF)
        moved[worst] = (moved.get(worst, (thresholds[worst], 0.0))[0], stricter)
        thresholds[worst] = stricter
    for name, (_, after) in moved.items():
        model["signals"][name]["threshold"] = after
    return model, moved


def dumps(model: Mapping[str, Any]) -> str:
    """The model as JSON text, always the same bytes for the same model."""
    return json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n"


# -- the shell: the repository's labelled files -> model.json ---------------------------

ROOT = Path(__file__).resolve().parents[3]
MODEL = Path(__file__).resolve().parent / "model.json"


def labelled_files(root: Path = ROOT) -> list[Path]:
    """Every labelled set in the repository, in a fixed order."""
    data = root / "tests" / "data"
    return sorted(data.glob("*.jsonl")) + sorted((data / "corpus").glob("*.jsonl"))


def items_of(examples: Iterable[Example], detector: Detector | None) -> list[Item]:
    """Labelled examples as training items, with what ``detector`` (its rules) raises on each."""
    return [_item(ex, detector.detect_text(ex.body, topic=ex.subject) if detector else None) for ex in examples]


def _item(ex: Example, found: Detection | None) -> Item:
    group = "email" if ex.kind == "email" else "other"
    if found is None:
        return Item(ex.id, ex.body, ex.labels, group=group)
    return Item(ex.id, ex.body, ex.labels, frozenset(found.names), group, frozenset(s.name for s in found.near_misses))


def rules_only() -> Detector:
    """The built-in rules without the scorer, as calibration weighs them."""
    return Detector(DetectorSettings(model=False))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m replydraft.detection.training",
                                     description="Train the escalation scorer on the repository's labelled data.")
    parser.add_argument("--out", type=Path, default=MODEL, help=f"where to write the model (default {MODEL})")
    args = parser.parse_args(argv)
    items = items_of((ex for path in labelled_files() for ex in load_corpus(path)), rules_only())
    model = train(items)
    args.out.write_text(dumps(model), encoding="utf-8")
    thresholds = ", ".join(f"{n} {s['threshold']}" for n, s in model["signals"].items())
    print(f"{args.out}: {len(items)} examples, thresholds {thresholds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
