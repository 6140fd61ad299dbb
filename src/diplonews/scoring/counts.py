"""Figures from counts: precision, recall, F1 and accuracy, with "undefined" kept apart from 0.

A figure whose denominator is empty on both sides (nothing in the reference and nothing
predicted) is ``None``: the data say nothing about it, and reporting 0 or 1 would be a
guess. Counts are kept in a :class:`collections.Counter` keyed by tuples
``(task, variant, label, component)``, so documents add up by plain addition and the
bootstrap can resample them.
"""
from __future__ import annotations

from collections import Counter

ALL = "*"  # the label slot of counts that cover every label


def prf(correct: float, predicted: float, reference: float) -> dict[str, float | None]:
    """Precision, recall and F1 of ``correct`` items out of ``predicted`` and ``reference`` items.

    Undefined figures are None; with items on one side only, the other side's figure is 0.
    """
    if predicted == 0 and reference == 0:
        return {"precision": None, "recall": None, "f1": None}
    precision = correct / predicted if predicted else 0.0
    recall = correct / reference if reference else 0.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def accuracy(correct: float, total: float) -> float | None:
    return correct / total if total else None


def semeval_prf(c: Counter, task: str, scheme: str, label: str) -> dict[str, float | None]:
    """SemEval-2013 9.1 figures of one scheme: PAR counts half; POS and ACT as defined there.

    POS (possible) = COR + INC + PAR + MIS; ACT (actual) = COR + INC + PAR + SPU.
    """
    cor, inc, par, mis, spu = (c[(task, scheme, label, k)] for k in ("cor", "inc", "par", "mis", "spu"))
    return prf(cor + 0.5 * par, cor + inc + par + spu, cor + inc + par + mis)


def keyed_prf(c: Counter, task: str, variant: str, label: str = ALL) -> dict[str, float | None]:
    """Figures of a task counted as ``tp`` / ``pred`` / ``ref``."""
    return prf(c[(task, variant, label, "tp")], c[(task, variant, label, "pred")], c[(task, variant, label, "ref")])


def ign_prf(c: Counter, task: str, variant: str, ign: str) -> dict[str, float | None]:
    """DocRED's Ign figures of ``variant``: precision without the correct facts seen in train, recall as is.

    All None when the seen facts were not counted (no train facts given).
    """
    if not c[(task, ign, ALL, "documents")]:
        return {"precision": None, "recall": None, "f1": None}
    tp, pred, ref = (c[(task, variant, ALL, k)] for k in ("tp", "pred", "ref"))
    seen = c[(task, ign, ALL, "seen")]
    strict = prf(tp, pred, ref)
    if strict["recall"] is None:
        return strict
    precision = (tp - seen) / (pred - seen) if pred > seen else 0.0
    return {"precision": precision, "recall": strict["recall"], "f1": _f1(precision, strict["recall"])}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def macro(values: list[float | None]) -> float | None:
    """Unweighted mean of the defined values (labels with no items on either side are left out)."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def add_keyed(counts: Counter, task: str, variant: str, matched_pairs: int, predicted: int, reference: int) -> None:
    """Record a task counted as true positives over predicted and reference items."""
    counts[(task, variant, ALL, "tp")] += matched_pairs
    counts[(task, variant, ALL, "pred")] += predicted
    counts[(task, variant, ALL, "ref")] += reference


def add_agreement(counts: Counter, task: str, variant: str, agreeing: int, compared: int) -> None:
    """Record an accuracy: ``agreeing`` of ``compared`` matched pairs carry the same value."""
    counts[(task, variant, ALL, "agree")] += agreeing
    counts[(task, variant, ALL, "compared")] += compared


def agreement(c: Counter, task: str, variant: str) -> float | None:
    return accuracy(c[(task, variant, ALL, "agree")], c[(task, variant, ALL, "compared")])
