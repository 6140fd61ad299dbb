"""Percentile bootstrap over documents.

Documents are the unit of resampling (spans of one document are not independent): each of
``samples`` replicates draws as many documents as there are, with replacement, from a
NumPy ``default_rng(seed)``; the figure is recomputed on the summed counts of the drawn
documents, and the 95% interval is the 2.5th and 97.5th percentile (linear interpolation)
of the replicates where the figure is defined. Same documents, seed and samples give the
same interval on every machine.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

SAMPLES = 1000
SEED = 20130601  # fixed so that published intervals can be reproduced exactly


def replicate_counts(per_doc: Sequence[Counter], samples: int = SAMPLES, seed: int = SEED) -> list[Counter]:
    """The summed counts of each bootstrap replicate."""
    n = len(per_doc)
    if n == 0:
        return []
    keys = sorted({k for c in per_doc for k in c})
    table = np.array([[c[k] for k in keys] for c in per_doc], dtype=float)  # documents x keys
    drawn = np.random.default_rng(seed).integers(0, n, size=(samples, n))
    multiplicity = np.zeros((samples, n))
    np.add.at(multiplicity, (np.repeat(np.arange(samples), n), drawn.ravel()), 1)
    totals = multiplicity @ table  # samples x keys
    return [Counter(dict(zip(keys, row.tolist()))) for row in totals]


def interval(replicates: Sequence[Counter], figure: Callable[[Counter], float | None]) -> tuple[float, float] | None:
    """The 95% percentile interval of ``figure`` over the replicates where it is defined."""
    values = [v for v in map(figure, replicates) if v is not None]
    if not values:
        return None
    lo, hi = np.percentile(values, [2.5, 97.5])
    return float(lo), float(hi)
