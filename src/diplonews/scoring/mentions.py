"""Mention scoring in the four schemes of SemEval-2013 Task 9.1 (as in nervaluate), without
nervaluate's order dependence: each scheme is a list of matching stages (see ``matching``).

* strict:   same span and label -> COR; then overlapping -> INC
* exact:    same span -> COR; then overlapping -> INC
* partial:  same span -> COR; then overlapping -> PAR (counts half)
* ent_type: same span and label -> COR; then overlapping with the same label -> COR;
            then overlapping -> INC

Unpaired reference spans are MIS, unpaired predictions SPU. Per-label counts run the same
scheme on the spans of that label only (as nervaluate does), so a mislabelled span is a
miss under its reference label and spurious under its predicted label.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .counts import ALL, macro, semeval_prf
from .errors import BOUNDARY, MISLABELLED, MISSED, SPURIOUS, ScoringError
from .matching import Matched, Overlapping, SameKey, match_spans
from .views import describe_mention

TASK = "mentions"
COR, INC, PAR = "cor", "inc", "par"


def _span_and_label(s: tuple) -> tuple:
    return s[0], s[1], s[2]


def _span(s: tuple) -> tuple:
    return s[0], s[1]


SCHEMES: dict[str, tuple] = {
    "strict": (SameKey(_span_and_label, COR), Overlapping(False, INC)),
    "exact": (SameKey(_span, COR), Overlapping(False, INC)),
    "partial": (SameKey(_span, COR), Overlapping(False, PAR)),
    "ent_type": (SameKey(_span_and_label, COR), Overlapping(True, COR), Overlapping(False, INC)),
}


def _tally(counts: Counter, scheme: str, label: str, matched: Matched) -> None:
    for outcome, _, _ in matched.pairs:
        counts[(TASK, scheme, label, outcome)] += 1
    counts[(TASK, scheme, label, "mis")] += len(matched.missed)
    counts[(TASK, scheme, label, "spu")] += len(matched.spurious)


def count_spans(reference: Sequence[tuple], predicted: Sequence[tuple]) -> tuple[Counter, Matched]:
    """Counts of every scheme, overall and per label, for (start, end, label) spans of one document.

    Also returns the overall strict matching, from which the error listing is drawn.
    """
    counts: Counter = Counter()
    by_label: dict[str, tuple[list, list]] = {}
    for s in reference:
        by_label.setdefault(s[2], ([], []))[0].append(s)
    for s in predicted:
        by_label.setdefault(s[2], ([], []))[1].append(s)
    overall = {}
    for scheme, stages in SCHEMES.items():
        matched = overall[scheme] = match_spans(reference, predicted, stages)
        _tally(counts, scheme, ALL, matched)
        for label, (ref, pred) in by_label.items():
            _tally(counts, scheme, label, match_spans(ref, pred, stages))
    return counts, overall["strict"]


def mention_spans(doc: dict) -> list[tuple[int, int, str]]:
    return [(m["start"], m["end"], m["label"]) for m in doc["mentions"]]


def score_mentions(reference: dict, predicted: dict) -> tuple[Counter, list[ScoringError]]:
    """Counts and strict-scheme errors (missed, spurious, mislabelled, wrong boundary) of one document."""
    ref_spans, pred_spans = mention_spans(reference), mention_spans(predicted)
    counts, strict = count_spans(ref_spans, pred_spans)
    ref_m, pred_m = reference["mentions"], predicted["mentions"]
    doc_id = reference["doc_id"]
    errors = [
        ScoringError(doc_id, TASK, MISLABELLED if _span(ref_spans[r]) == _span(pred_spans[p]) else BOUNDARY,
                     describe_mention(ref_m[r]), describe_mention(pred_m[p]))
        for outcome, r, p in strict.pairs if outcome == INC
    ]
    errors += [ScoringError(doc_id, TASK, MISSED, describe_mention(ref_m[r]), None) for r in strict.missed]
    errors += [ScoringError(doc_id, TASK, SPURIOUS, None, describe_mention(pred_m[p])) for p in strict.spurious]
    return counts, errors


def labels_in(counts: Counter) -> list[str]:
    """The labels with any mention count, sorted."""
    return sorted({k[2] for k in counts if k[0] == TASK and k[2] != ALL})


def mention_figures(counts: Counter) -> dict[str, float | None]:
    """Micro P/R/F1 per scheme, per-label P/R/F1, and macro F1 over the labels present."""
    out: dict[str, float | None] = {}
    labels = labels_in(counts)
    for scheme in SCHEMES:
        for name, value in semeval_prf(counts, TASK, scheme, ALL).items():
            out[f"{TASK}.{scheme}.{name}"] = value
        per_label = {label: semeval_prf(counts, TASK, scheme, label) for label in labels}
        out[f"{TASK}.{scheme}.macro_f1"] = macro([f["f1"] for f in per_label.values()])
        for label, figs in per_label.items():
            for name, value in figs.items():
                out[f"{TASK}.{scheme}.{label}.{name}"] = value
    return out
