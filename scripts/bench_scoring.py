"""Benchmark: our mention scorer against nervaluate on the same synthetic corpus.

Replicates the repository's gold documents to ``--docs`` documents (default 20,000),
perturbs each into a prediction (see ``diplonews.scoring.synthetic``), scores all four
schemes overall and per label with both, prints both times and the ratio, and asserts
that every figure is equal.

    PYTHONPATH=src python scripts/bench_scoring.py [--docs 20000]
"""
from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from nervaluate import Evaluator

from diplonews.corpus import Layout, find_root
from diplonews.gold import read_gold
from diplonews.scoring.mentions import SCHEMES, count_spans, mention_figures
from diplonews.scoring.synthetic import perturb_spans

MEASURES = ("precision", "recall", "f1")


def corpus(n: int, seed: int = 0) -> tuple[list, list, list[str]]:
    layout = Layout(find_root())
    golds = [[(m["start"], m["end"], m["label"]) for m in read_gold(layout, d)["mentions"]] for d in layout.gold_ids()]
    labels = sorted({s[2] for g in golds for s in g})
    rng = random.Random(seed)
    gold_docs = [golds[i % len(golds)] for i in range(n)]
    return gold_docs, [perturb_spans(g, rng, labels) for g in gold_docs], labels


def ours(gold_docs: list, pred_docs: list) -> dict:
    total: Counter = Counter()
    for g, p in zip(gold_docs, pred_docs):
        total.update(count_spans(g, p)[0])
    return mention_figures(total)


def theirs(gold_docs: list, pred_docs: list, labels: list[str]) -> dict:
    def inclusive(docs):
        return [[{"label": l, "start": s, "end": e - 1} for s, e, l in doc] for doc in docs]
    return Evaluator(inclusive(gold_docs), inclusive(pred_docs), tags=labels, loader="dict").evaluate()


def best_of(runs: int, fn) -> tuple[float, object]:
    """The shortest wall time of ``runs`` calls (the least disturbed by other load), and the result."""
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs of each scorer")
    args = parser.parse_args()
    gold_docs, pred_docs, labels = corpus(args.docs)
    spans = sum(map(len, gold_docs))
    print(f"{args.docs} documents, {spans} gold spans ({spans / args.docs:.1f} per document), {len(labels)} labels")
    ours_time, a = best_of(args.runs, lambda: ours(gold_docs, pred_docs))
    theirs_time, b = best_of(args.runs, lambda: theirs(gold_docs, pred_docs, labels))
    for scheme in SCHEMES:
        for m in MEASURES:
            assert abs(a[f"mentions.{scheme}.{m}"] - getattr(b["overall"][scheme], m)) < 1e-9, (scheme, m)
            for label in labels:
                assert abs(a[f"mentions.{scheme}.{label}.{m}"] - getattr(b["entities"][label][scheme], m)) < 1e-9, (scheme, label, m)
    print(f"diplonews: {ours_time:.2f} s ({args.docs / ours_time:,.0f} documents/s), best of {args.runs}")
    print(f"nervaluate: {theirs_time:.2f} s ({args.docs / theirs_time:,.0f} documents/s), best of {args.runs}")
    print(f"ratio: {theirs_time / ours_time:.1f}x faster (target >= 10x); all {len(SCHEMES) * len(MEASURES) * (len(labels) + 1)} figures equal")


if __name__ == "__main__":
    main()
