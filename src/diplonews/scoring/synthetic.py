"""Synthetic predictions for benchmarks and agreement tests: gold spans, perturbed.

The perturbations stay where nervaluate is right (predictions flat, each overlapping at
most one gold span), so that both scorers must give equal figures on them.
"""
from __future__ import annotations

import random
from collections.abc import Sequence


def perturb_spans(gold: Sequence[tuple[int, int, str]], rng: random.Random, labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Keep 60% of spans, relabel 15%, shift the start of 15% (half relabelled), drop the rest; add one spurious span."""
    pred = []
    for s, e, label in gold:
        roll = rng.random()
        if roll < 0.6:
            pred.append((s, e, label))
        elif roll < 0.75:
            pred.append((s, e, rng.choice(labels)))
        elif roll < 0.9 and e - s > 1:
            pred.append((s + 1, e, label if rng.random() < 0.5 else rng.choice(labels)))
    end = max((e for _, e, _ in gold), default=0)
    pred.append((end + 5, end + 9, rng.choice(labels)))
    return pred
