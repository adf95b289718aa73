"""The learned scorer measured on sources it never saw: rules alone vs rules + model.

    PYTHONPATH=src python benchmarks/model.py [--split NAME]

Every labelled item in the repository (tests/data, tests/data/corpus) belongs to a source
family, read from its "source": Enron e-mail, GitHub issues, airline tweets, brand tweets
(TWCS), web stories. For each split the model is trained (and its thresholds calibrated, out
of fold, exactly as `make model` does) on the other families only, then the built-in rules
alone and the rules with that model are measured on the held-out families: per signal
precision, recall and F1, and false alarms on their calm items.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from replydraft.detection import prefilter as fastscan
from replydraft.detection.detector import SIGNALS, Detector, DetectorSettings
from replydraft.detection.evaluate import Example, Report, evaluate, load_corpus
from replydraft.detection.scorer import Scorer
from replydraft.detection.training import items_of, labelled_files, train

ROOT = Path(__file__).resolve().parent.parent

# family -> how its items' "source" starts
FAMILIES = {
    "enron": ("ryanzhumich/AESLC", "jpvance123/"),
    "github": ("https://github.com/",),
    "airline": ("Ramlah0/",),
    "twcs": ("monalisapatra26/", "stepanaromanov/"),
}
# split name -> the families held out for testing
SPLITS = {
    "email+issues": ("enron", "github"),
    "airline": ("airline",),
    "twcs": ("twcs",),
}


def family(example: Example) -> str:
    return next((name for name, starts in FAMILIES.items() if example.source.startswith(starts)), "web")


def measure(split: str, examples: list[Example], rules: Detector, prefilter: fastscan.Prefilter) -> str:
    held = SPLITS[split]
    test = [ex for ex in examples if family(ex) in held]
    started = time.perf_counter()
    model = train(items_of([ex for ex in examples if family(ex) not in held], rules))
    seconds = time.perf_counter() - started
    both = Detector(DetectorSettings(), prefilter, scorer=Scorer.from_dict(model))
    before, after = evaluate(test, rules), evaluate(test, both)
    thresholds = ", ".join(f"{name} {s['threshold']}" for name, s in model["signals"].items())
    lines = [f"## test: {' + '.join(held)} ({len(test)} items); trained on the rest in {seconds:.0f} s",
             f"thresholds: {thresholds}", "",
             "| signal | support | rules P | R | F1 | rules + model P | R | F1 |", "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for name in (*SIGNALS, "micro"):
        a, b = (r.micro if name == "micro" else r.signal(name) for r in (before, after))
        lines.append(f"| {name} | {a.support} | {a.precision:.2f} | {a.recall:.2f} | {a.f1:.2f} "
                     f"| {b.precision:.2f} | {b.recall:.2f} | {b.f1:.2f} |")
    lines.append("")
    for fam in held:
        mine = [ex for ex in test if family(ex) == fam]
        lines.append(f"false alarms on calm {fam}: rules {_alarms(evaluate(mine, rules))}, "
                     f"rules + model {_alarms(evaluate(mine, both))}")
    return "\n".join(lines) + "\n"


def _alarms(report: Report) -> str:
    rate = report.unlabelled
    return f"{rate.alarms}/{rate.total} ({rate.rate:.1%})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=sorted(SPLITS), action="append", help="only this split (repeatable)")
    args = ap.parse_args()
    prefilter = fastscan.prepare(ROOT / ".cache" / "fastscan")      # Hyperscan when compiled, as `run` uses
    rules = Detector(DetectorSettings(model=False), prefilter)
    examples = [ex for path in labelled_files(ROOT) for ex in load_corpus(path)]
    for split in args.split or SPLITS:
        print(measure(split, examples, rules, prefilter))


if __name__ == "__main__":
    main()
