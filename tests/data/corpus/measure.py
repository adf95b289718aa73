"""Counts of the labelled corpus and how the rule detector does on it, split by kind of message.

    PYTHONPATH=src python tests/data/corpus/measure.py            # counts and per-kind reports
    PYTHONPATH=src python tests/data/corpus/measure.py --counts   # only the README's counts tables

The reports use replydraft.detection.evaluate, the same code as ``python -m
replydraft.detection.evaluate``; a message kind (email, tweet, ...) is measured on its own because
the product reads e-mail and tweets are not a stand-in for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from replydraft.detection.detector import SIGNALS, Detector, DetectorSettings
from replydraft.detection.evaluate import Example, evaluate

CORPUS = Path(__file__).resolve().parent
KINDS = ("email", "tweet", "issue", "review", "complaint", "chat")
SHORT = {"review_threat": "review", "legal_threat": "legal", "out_of_scope_demand": "scope",
         "overdue_payment": "payment", "ultimatum": "ultimatum", "abusive_language": "abuse"}


def items(corpus: Path = CORPUS) -> dict[str, list[dict[str, Any]]]:
    """Every corpus file's items, by source name (the file's stem)."""
    return {path.stem: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for path in sorted(corpus.glob("*.jsonl"))}


def _row(name: str, group: list[dict[str, Any]]) -> str:
    positives = [sum(signal in i["labels"] for i in group) for signal in SIGNALS]
    calm = sum(not i["labels"] for i in group)
    cells = [name, str(len(group)), *map(str, positives), str(calm), str(sum(bool(i.get("disputed")) for i in group))]
    return "| " + " | ".join(cells) + " |"


def counts_table(by_source: dict[str, list[dict[str, Any]]]) -> str:
    """Markdown: items, positives per signal, calm items and disputed items, per source and per kind."""
    head = ("| source | items | " + " | ".join(SHORT[s] for s in SIGNALS) + " | calm | disputed |\n"
            "|---|" + "---:|" * (len(SIGNALS) + 3))
    everything = [i for group in by_source.values() for i in group]
    rows = [_row(name, group) for name, group in by_source.items()]
    kinds = [_row(f"kind: {kind}", [i for i in everything if i["kind"] == kind])
             for kind in KINDS if any(i["kind"] == kind for i in everything)]
    return "\n".join([head, *rows, *kinds, _row("**total**", everything)])


def examples(group: Iterable[dict[str, Any]]) -> list[Example]:
    return [Example(i["id"], i["subject"], i["body"], frozenset(i["labels"]), i["hard_negative"], i["source"])
            for i in group]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", action="store_true", help="print only the counts tables")
    args = parser.parse_args(argv)
    by_source = items()
    print(counts_table(by_source))
    if args.counts:
        return 0
    everything = [i for group in by_source.values() for i in group]
    for kind in KINDS:
        group = [i for i in everything if i["kind"] == kind]
        if group:
            print(f"\n## kind: {kind} ({len(group)} items)\n")
            # the rules alone: the learned scorer was trained on this corpus (benchmarks/model.py measures it)
            print(evaluate(examples(group), Detector(DetectorSettings(model=False))).format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
