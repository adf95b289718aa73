"""Drafting speed: the reading of a message and its reply, for mail that escalated. Prints numbers.

    python benchmarks/drafting.py [--rounds 20] [--corpus tests/data/drafts.toml]

Only escalating mail is read and drafted (classification is benchmarks/classify.py), so this
is the cost a draft adds: ``reading.read`` alone, then ``pipeline.draft`` (read, choose the
voice, render the templates, build the MIME draft), on the messages of the draft acceptance
corpus, each round over all of them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from replydraft.detection.detector import Detector
from replydraft.pipeline import Context, classify, draft, reading_of, source_key
from replydraft.reply.acceptance import ACCOUNT_ADDRESS, load_corpus, message_bytes
from replydraft.reply.render import Renderer

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "drafts.toml")
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    ctx = Context("bench", ACCOUNT_ADDRESS, corpus.policy, Detector(corpus.detector), Renderer.create(), corpus.now)
    raws = [message_bytes(case, corpus.now) for case in corpus.cases]
    drafted = [(raw, c) for raw in raws if (c := classify(raw, ctx.inputs)).gets_draft]
    reads, drafts = [], []
    for _ in range(args.rounds):
        for raw, classified in drafted:
            t0 = time.perf_counter()
            reading_of(classified)
            t1 = time.perf_counter()
            draft(classified, source_key(raw, classified.email), ctx)
            drafts.append(time.perf_counter() - t1)
            reads.append(t1 - t0)
    ms = sorted(x * 1000 for x in reads)
    print(f"{len(drafted)} escalating messages x {args.rounds} rounds")
    print(f"read:  median {statistics.median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms")
    total = sum(drafts)
    print(f"draft: median {statistics.median(drafts) * 1000:.2f} ms, {len(drafts) / total:.0f} drafts/s")


if __name__ == "__main__":
    main()
