"""Scoring predictions against the repository's gold, one split at a time."""
from __future__ import annotations

from pathlib import Path

from ..anchoring import AnchorReport
from ..corpus import Layout
from ..gold import gold_status_ids, read_gold
from ..predictions import read_predictions
from ..problems import DiplonewsError
from ..quotes import anchor_file
from ..validation.validator import require_valid
from .relations import seen_facts
from .score import Evaluation, score

TRAIN_SPLIT = "train"  # whose relation facts Ign F1 leaves out of precision


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
    return score_split(layout, read_predictions(pred_path, layout), split, pred_path)


def evaluate_quotes(layout: Layout, quotes_path: Path, split: str | None) -> tuple[Evaluation, list[str], AnchorReport]:
    """Anchor the quote-level predictions or raw completions in ``quotes_path`` and score them on ``split``.

    Leniently (:func:`diplonews.quotes.anchor_file`): a line that cannot be read is in the
    report and its document is scored as an empty prediction; a dropped quote is a missed item.
    """
    require_valid(layout.root)
    predicted, report = anchor_file(quotes_path, layout, lenient=True)
    evaluation, outside = score_split(layout, predicted, split, quotes_path)
    return evaluation, outside, report


def score_split(layout: Layout, predicted: dict[str, dict], split: str | None, source: Path) -> tuple[Evaluation, list[str]]:
    """Score ``predicted`` against the gold of ``split``; also the predicted doc ids outside it.

    Predictions none of which is in the split are refused (``prediction-no-match``): the
    file was most likely made for another split. No predictions at all (every line of a
    completions file unreadable) are scored, as the zeros they are.
    """
    reference, metas = gold_split(layout, split)
    outside = sorted(set(predicted) - set(reference))
    in_split = {d: p for d, p in predicted.items() if d in reference}
    if reference and predicted and not in_split:  # no reference at all is evaluate-no-documents, said by score()
        where = f"split {split!r}" if split else "the corpus"
        raise DiplonewsError.of("prediction-no-match", f"none of the {len(predicted)} predicted document(s) is a gold document of {where}",
                                file=str(source))
    seen = seen_facts(gold_split(layout, TRAIN_SPLIT)[0].values())  # for Ign F1: facts a system could have memorised
    return score(reference, in_split, metas, seen=seen), outside
