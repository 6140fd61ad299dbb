"""DATE normalisation: accuracy of the TIMEX3 ``value`` on DATE mentions whose span matches."""
from __future__ import annotations

from collections import Counter

from ..ontology import load
from .errors import ScoringError
from .keyed import score_agreement
from .views import describe_mention

TASK = "dates"


def _dates(doc: dict) -> list[tuple[tuple, str, str]]:
    label = load().date_label
    return [((m["start"], m["end"]), m["attributes"].get("value", ""), describe_mention(m))
            for m in doc["mentions"] if m["label"] == label]


def score_dates(reference: dict, predicted: dict) -> tuple[Counter, list[ScoringError]]:
    counts: Counter = Counter()
    errors: list[ScoringError] = []
    score_agreement(counts, TASK, "value", _dates(reference), _dates(predicted), reference["doc_id"], errors,
                    lambda text, value: f"{text} value={value}")
    return counts, errors
