"""Running a baseline: train on the train split, then predict a split (the CLI writes the predictions as JSONL)."""
from __future__ import annotations

import importlib.util

from ..corpus import Layout
from ..problems import DiplonewsError
from ..validation.validator import require_valid
from . import BASELINES
from .data import split_docs

TRAIN_SPLIT = "train"


def train(layout: Layout, system: str, progress=None):
    """The trained baseline; DiplonewsError when it cannot run (a missing package, an invalid corpus, no train documents)."""
    _require(system)
    require_valid(layout.root)
    train_docs = split_docs(layout, TRAIN_SPLIT, with_gold=True)
    if not train_docs:
        raise DiplonewsError.of("baseline-no-train", f"no gold document is in the {TRAIN_SPLIT!r} split; a baseline needs something to learn from")
    return BASELINES[system]().fit(train_docs, progress)


def _require(system: str) -> None:
    """Say how to install what a baseline needs, rather than fail deep inside it."""
    needed = getattr(BASELINES[system], "REQUIRES", None)
    if needed and importlib.util.find_spec(needed) is None:
        raise DiplonewsError.of("baseline-package", f"the {system} baseline needs the {needed!r} package: pip install -e '.[baselines]'")


def predict_split(layout: Layout, model, split: str) -> list[dict]:
    """Predictions for the gold documents of ``split``; DiplonewsError when it has none."""
    docs = split_docs(layout, split, with_gold=False)
    if not docs:
        raise DiplonewsError.of("baseline-no-documents", f"no gold document is in split {split!r}; nothing to predict")
    return [model.predict(doc) for doc in docs]
