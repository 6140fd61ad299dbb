"""Treaty-stage scoring: F1 over distinct (treaty, stage, status) facts per document, and
over (treaty, stage, status, normalised date) facts.

The treaty is the reference entity reached through the span of the event's ``treaty``
argument (its canonical name is shown in error listings); the date is the TIMEX3 value
of the ``time`` argument's DATE mention, as each side normalised it. An event without a
treaty (or a date) argument contributes its fact with that slot empty.
"""
from __future__ import annotations

from collections import Counter

from ..ontology import load
from .errors import ScoringError
from .keyed import distinct, score_variants
from .views import DocView, EntityIndex

TASK = "treaty_stages"
TREATY_ROLE, TIME_ROLE = "treaty", "time"


def _facts(doc: dict, index: EntityIndex, dated: bool) -> list[tuple[tuple, str]]:
    view = DocView(doc)
    event_type = load().treaty_action_type
    facts = []
    for ev in doc["events"]:
        if ev["type"] != event_type:
            continue
        treaties = [view.mentions[a["ref"]] for a in ev["arguments"] if a["role"] == TREATY_ROLE]
        keyed = [(index.key(m), index.name(m)) for m in treaties] or [("", "(no treaty)")]
        dates = [view.mentions[a["ref"]]["attributes"].get("value", "") for a in ev["arguments"] if a["role"] == TIME_ROLE]
        stage = ev["attributes"].get("stage", "")
        for key, name in keyed:
            for date in (dates or [""]) if dated else [None]:
                suffix = f", {date or '(no date)'}" if dated else ""
                facts.append(((key, stage, ev["status"], *(() if date is None else (date,))),
                              f"({name}, {stage}, {ev['status']}{suffix})"))
    return distinct(facts)


def score_treaty_stages(reference: dict, predicted: dict, index: EntityIndex) -> tuple[Counter, list[ScoringError]]:
    return score_variants(TASK, reference["doc_id"], [
        (variant, _facts(reference, index, dated), _facts(predicted, index, dated), True)
        for variant, dated in (("undated", False), ("dated", True))
    ])
