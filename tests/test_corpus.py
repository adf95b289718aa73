"""The labelled corpus (tests/data/corpus): every file well-formed, every item traceable, nothing twice.

The corpus is what a learned scorer will be trained and measured on, split by source, so a
broken line, an unknown label, an item without a source or licence, or the same text in two
places (which would leak a training item into a test split) fails here.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from replydraft.detection.detector import SIGNALS
from replydraft.detection.evaluate import load_corpus

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
FILES = sorted(CORPUS.glob("*.jsonl"))
REQUIRED = {"id": str, "subject": str, "body": str, "labels": list, "hard_negative": bool, "source": str,
            "licence": str, "kind": str}
OPTIONAL = {"disputed": bool, "note": str}
KINDS = {"email", "tweet", "issue", "review", "complaint", "chat"}


def _items(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _normalised(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def test_there_is_a_corpus() -> None:
    assert FILES, "tests/data/corpus has no .jsonl files"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_loads_with_the_evaluator(path: Path) -> None:
    assert load_corpus(path)        # raises InputError on bad JSON, a missing id or body, unknown labels


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_item_is_complete(path: Path) -> None:
    for item in _items(path):
        where = f"{path.name} {item.get('id')}"
        for field, kind in REQUIRED.items():
            assert isinstance(item.get(field), kind), f"{where}: {field!r} missing or not {kind.__name__}"
        assert set(item) <= set(REQUIRED) | set(OPTIONAL), f"{where}: unknown fields {set(item) - set(REQUIRED)}"
        assert item["body"].strip() and item["source"].strip() and item["licence"].strip(), where
        assert item["kind"] in KINDS, f"{where}: kind {item['kind']!r} is not one of {sorted(KINDS)}"
        assert set(item["labels"]) <= set(SIGNALS) and len(set(item["labels"])) == len(item["labels"]), where
        assert not (item["hard_negative"] and item["labels"]), f"{where}: a hard negative has no labels"
        if item.get("disputed"):
            assert item.get("note", "").strip(), f"{where}: a disputed item says why in a note"


def test_ids_are_unique_across_tests_data() -> None:
    ids = Counter(item["id"] for path in [*sorted(DATA.glob("*.jsonl")), *FILES] for item in _items(path))
    assert not [i for i, n in ids.items() if n > 1]


def test_no_corpus_body_appears_twice() -> None:
    """A corpus body (normalised) is in no other labelled set of tests/data and only once in the corpus."""
    elsewhere = {_normalised(item["body"]): item["id"]
                 for path in sorted(DATA.glob("*.jsonl")) for item in _items(path)}
    seen: dict[str, str] = {}
    repeats = []
    for path in FILES:
        for item in _items(path):
            key = _normalised(item["body"])
            if key in elsewhere or key in seen:
                repeats.append(f"{item['id']} repeats {elsewhere.get(key) or seen[key]}")
            seen[key] = item["id"]
    assert not repeats, repeats[:10]


def test_readme_counts_are_current() -> None:
    """The counts table in the corpus README is the one measure.py prints for the files as they are."""
    sys.path.insert(0, str(CORPUS))
    try:
        import measure
    finally:
        sys.path.remove(str(CORPUS))
    table = measure.counts_table(measure.items(CORPUS))
    assert table in (CORPUS / "README.md").read_text(encoding="utf-8"), \
        "update the table in tests/data/corpus/README.md: PYTHONPATH=src python tests/data/corpus/measure.py --counts"
