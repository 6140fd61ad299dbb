"""Tasks scored as F1 over keyed items (relations, events, treaty tuples), and value
agreement on matched items (event status, DATE values): the shared machinery."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .counts import add_agreement, add_keyed
from .errors import MISSED, SPURIOUS, WRONG_VALUE, ScoringError
from .matching import keyed_match


def score_keyed(counts: Counter, task: str, variant: str, reference: Sequence[tuple[tuple, str]],
                predicted: Sequence[tuple[tuple, str]], doc_id: str, errors: list[ScoringError] | None = None) -> None:
    """F1 counts over (key, rendering) items; misses and spurious items go to ``errors`` if given."""
    matched = keyed_match([k for k, _ in reference], [k for k, _ in predicted])
    add_keyed(counts, task, variant, len(matched.pairs), len(predicted), len(reference))
    if errors is not None:
        errors += [ScoringError(doc_id, f"{task}.{variant}", MISSED, reference[r][1], None) for r in matched.missed]
        errors += [ScoringError(doc_id, f"{task}.{variant}", SPURIOUS, None, predicted[p][1]) for p in matched.spurious]


def distinct(items: Sequence[tuple[tuple, str]]) -> list[tuple[tuple, str]]:
    """Items with duplicate keys removed (set semantics, as DocRED scores relation facts)."""
    seen: dict[tuple, str] = {}
    for key, text in items:
        seen.setdefault(key, text)
    return list(seen.items())


def score_agreement(counts: Counter, task: str, variant: str, reference: Sequence[tuple[tuple, str, str]],
                    predicted: Sequence[tuple[tuple, str, str]], doc_id: str, errors: list[ScoringError],
                    describe: Callable[[str, str], str]) -> None:
    """Accuracy of a value on items paired by key: (key, value, rendering) triples.

    Items with the same key are paired so that as many values as possible agree (equal
    values first), so the figure does not depend on the order of the items.
    """
    matched = keyed_match([(k, v) for k, v, _ in reference], [(k, v) for k, v, _ in predicted])
    agreeing = len(matched.pairs)
    rest = keyed_match([(reference[r][0],) for r in matched.missed], [(predicted[p][0],) for p in matched.spurious])
    add_agreement(counts, task, variant, agreeing, agreeing + len(rest.pairs))
    for _, r, p in rest.pairs:
        ref, pred = reference[matched.missed[r]], predicted[matched.spurious[p]]
        errors.append(ScoringError(doc_id, f"{task}.{variant}", WRONG_VALUE, describe(ref[2], ref[1]), describe(pred[2], pred[1])))


def score_variants(task: str, doc_id: str, variants: list[tuple[str, list, list, bool]]) -> tuple[Counter, list[ScoringError]]:
    """Counts (and listed errors) of several keyed variants of one task: (variant, reference, predicted, list errors)."""
    counts: Counter = Counter()
    errors: list[ScoringError] = []
    for variant, reference, predicted, listed in variants:
        score_keyed(counts, task, variant, reference, predicted, doc_id, errors if listed else None)
    return counts, errors
