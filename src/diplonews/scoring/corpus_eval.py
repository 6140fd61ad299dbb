"""Scoring predictions against the repository's gold, one split at a time."""
from __future__ import annotations

from pathlib import Path

from ..corpus import Layout
from ..gold import gold_status_ids, read_gold
from ..predictions import read_predictions
from ..problems import DiplonewsError
from ..validation.validator import require_valid
from .score import Evaluation, score


def gold_split(layout: Layout, split: str | None) -> tuple[dict[str, dict], dict[str, dict]]:
    """Gold annotations and metadata of the gold-status documents in ``split`` (all of them if None)."""
    metas = {d: layout.read_meta(d) for d in gold_status_ids(layout)}
    chosen = [d for d, meta in metas.items() if split is None or meta.get("split") == split]
    return {d: read_gold(layout, d) for d in chosen}, {d: metas[d] for d in chosen}


def evaluate_file(layout: Layout, pred_path: Path, split: str | None) -> tuple[Evaluation, list[str]]:
    """Score the predictions in ``pred_path`` on ``split``; also returns the predicted doc ids outside it.

    The repository is validated first, then the predictions (schema, known document, same
    text hash, structure): bad input is refused with every problem listed, never scored
    partially, and so is a file none of whose documents is in the split.
    """
    require_valid(layout.root)
    predicted = read_predictions(pred_path, layout)
    reference, metas = gold_split(layout, split)
    outside = sorted(set(predicted) - set(reference))
    in_split = {d: p for d, p in predicted.items() if d in reference}
    if reference and not in_split:  # no reference at all is evaluate-no-documents, said by score()
        where = f"split {split!r}" if split else "the corpus"
        raise DiplonewsError.of("prediction-no-match", f"none of the {len(predicted)} predicted document(s) is a gold document of {where}",
                                file=str(pred_path))
    return score(reference, in_split, metas), outside
