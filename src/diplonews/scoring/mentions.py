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
from operator import itemgetter

from .counts import ALL, macro, semeval_prf
from .errors import BOUNDARY, MISLABELLED, MISSED, SPURIOUS, ScoringError
from .matching import Matched, OverlapIndex, Overlapping, SameKey, match_spans
from .views import describe_mention

TASK = "mentions"
COR, INC, PAR = "cor", "inc", "par"


_span_and_label = itemgetter(0, 1, 2)
_span = itemgetter(0, 1)
SCHEMES: dict[str, tuple] = {
    "strict": (SameKey(_span_and_label, COR), Overlapping(False, INC)),
    "exact": (SameKey(_span, COR), Overlapping(False, INC)),
    "partial": (SameKey(_span, COR), Overlapping(False, PAR)),
    "ent_type": (SameKey(_span_and_label, COR), Overlapping(True, COR), Overlapping(False, INC)),
}


def _tally(counts: Counter, scheme: str, label: str, matched: Matched, outcomes: dict[str, str] | None = None) -> None:
    for outcome, n in matched.sizes.items():
        counts[(TASK, scheme, label, outcomes.get(outcome, outcome) if outcomes else outcome)] += n
    if matched.missed:
        counts[(TASK, scheme, label, "mis")] += len(matched.missed)
    if matched.spurious:
        counts[(TASK, scheme, label, "spu")] += len(matched.spurious)


BY_LABEL = "by_label"  # the variant slot of per-label counts, kept once for all four schemes
PER_LABEL_NAMES = {"strict": {"overlap": INC}, "exact": {"overlap": INC}, "partial": {"overlap": PAR}, "ent_type": {"overlap": COR}}


def _tally_labels(counts: Counter, reference: Sequence[tuple], predicted: Sequence[tuple], same_label: Matched) -> None:
    """Per-label counts of all four schemes from one same-label matching.

    Restricted to one label, every scheme pairs the same items: equal spans first, then
    overlapping ones (stage 2); the schemes only name stage 2 differently (INC, PAR, COR).
    So the counts are kept once, under ``BY_LABEL``, and named per scheme when figures are
    computed (:func:`per_scheme`), which keeps per-document work a quarter of the size.
    """
    for outcome, r, _ in same_label.pairs:
        counts[TASK, BY_LABEL, reference[r][2], outcome] += 1
    for r in same_label.missed:
        counts[TASK, BY_LABEL, reference[r][2], "mis"] += 1
    for p in same_label.spurious:
        counts[TASK, BY_LABEL, predicted[p][2], "spu"] += 1


def per_scheme(counts: Counter) -> Counter:
    """``counts`` with the ``BY_LABEL`` counts named as each scheme's per-label counts."""
    out = Counter({k: v for k, v in counts.items() if k[1] != BY_LABEL})
    for (task, variant, label, outcome), n in counts.items():
        if task == TASK and variant == BY_LABEL:
            for scheme, names in PER_LABEL_NAMES.items():
                out[TASK, scheme, label, names.get(outcome, outcome)] += n
    return out


def count_spans(reference: Sequence[tuple], predicted: Sequence[tuple]) -> tuple[Counter, Matched]:
    """Counts of every scheme, overall and per label, for (start, end, label) spans of one document.

    Gives the counts that running each of ``SCHEMES`` on all spans and on the spans of
    each label would give (a test checks this), sharing the stages the schemes have in
    common: a multiset of equal keys pairs the same number of items whichever equal
    items are taken. Also returns the overall strict matching, for the error listing.
    """
    counts: Counter = Counter()
    first = match_spans(reference, predicted, SCHEMES["strict"][:1])
    index = OverlapIndex(reference, predicted, first.missed, first.spurious)
    strict = match_spans(reference, predicted, SCHEMES["strict"][1:], after=first, index=index)
    same_label = match_spans(reference, predicted, (Overlapping(True, "overlap"),), after=first, index=index)
    ent_type = match_spans(reference, predicted, SCHEMES["ent_type"][2:], after=same_label, index=index)
    exact = match_spans(reference, predicted, SCHEMES["exact"], after=first, index=index)
    _tally(counts, "strict", ALL, strict)
    _tally(counts, "ent_type", ALL, ent_type, {"overlap": COR})
    _tally(counts, "exact", ALL, exact)
    _tally(counts, "partial", ALL, exact, {INC: PAR})
    _tally_labels(counts, reference, predicted, same_label)
    return counts, strict


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
    counts = per_scheme(counts)
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
