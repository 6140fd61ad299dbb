"""Scoring predictions against the repository's gold, one split at a time."""
from __future__ import annotations

import json
from pathlib import Path

from ..corpus import Layout
from ..gold import read_gold
from ..predictions import read_predictions
from .score import Evaluation, score


def read_meta(layout: Layout, doc_id: str) -> dict:
    return json.loads(layout.meta_path(doc_id).read_text(encoding="utf-8"))


def gold_split(layout: Layout, split: str | None) -> tuple[dict[str, dict], dict[str, dict]]:
    """Gold annotations and metadata of the documents in ``split`` (every gold document if None)."""
    metas = {d: read_meta(layout, d) for d in layout.gold_ids()}
    chosen = [d for d, meta in metas.items() if split is None or meta.get("split") == split]
    return {d: read_gold(layout, d) for d in chosen}, {d: metas[d] for d in chosen}


def evaluate_file(layout: Layout, pred_path: Path, split: str | None) -> tuple[Evaluation, list[str]]:
    """Score the predictions in ``pred_path`` on ``split``; also returns the predicted doc ids outside it.

    Predictions are checked first (schema, known document, same text hash): bad input is
    refused with every problem listed, never scored partially.
    """
    predicted = read_predictions(pred_path, layout)
    reference, metas = gold_split(layout, split)
    outside = sorted(set(predicted) - set(reference))
    in_split = {d: p for d, p in predicted.items() if d in reference}
    return score(reference, in_split, metas), outside
