"""Event scoring in ACE 2005 practice (as in TextEE's scorer).

* trigger identification: trigger offsets match; trigger classification: offsets and type.
* argument identification: (event type, argument span) match; argument classification:
  the role matches too; the ``_attached`` variants also require the trigger offsets.
* status accuracy: on pairs matched by trigger classification, the share whose status agrees.

Items are counted as multisets: TREATY_ACTION events of different stages may share a
trigger, and each one counts.
"""
from __future__ import annotations

from collections import Counter

from .errors import ScoringError
from .keyed import score_agreement, score_variants
from .views import DocView, describe_trigger

TASK = "events"


def _trigger(ev: dict) -> tuple[int, int]:
    return ev["trigger"]["start"], ev["trigger"]["end"]


def _triggers(doc: dict, typed: bool) -> list[tuple[tuple, str]]:
    return [((*_trigger(ev), ev["type"] if typed else ""), describe_trigger(ev)) for ev in doc["events"]]


def _arguments(doc: dict, with_role: bool, attached: bool) -> list[tuple[tuple, str]]:
    view = DocView(doc)
    items = []
    for ev in doc["events"]:
        trigger = _trigger(ev) if attached else (-1, -1)
        for arg in ev["arguments"]:
            role = arg["role"] if with_role else ""
            items.append(((ev["type"], *trigger, role, *view.span(arg["ref"])),
                          f'{describe_trigger(ev)} {arg["role"]}={view.describe(arg["ref"])}'))
    return items


def _statuses(doc: dict) -> list[tuple[tuple, str, str]]:
    return [((*_trigger(ev), ev["type"]), ev["status"], describe_trigger(ev)) for ev in doc["events"]]


VARIANTS = {
    "trigger_identification": lambda d: _triggers(d, typed=False),
    "trigger_classification": lambda d: _triggers(d, typed=True),
    "argument_identification": lambda d: _arguments(d, with_role=False, attached=False),
    "argument_classification": lambda d: _arguments(d, with_role=True, attached=False),
    "argument_identification_attached": lambda d: _arguments(d, with_role=False, attached=True),
    "argument_classification_attached": lambda d: _arguments(d, with_role=True, attached=True),
}
LISTED = ("trigger_classification", "argument_classification")  # variants whose misses --errors lists


def score_events(reference: dict, predicted: dict) -> tuple[Counter, list[ScoringError]]:
    doc_id = reference["doc_id"]
    counts, errors = score_variants(TASK, doc_id, [
        (variant, items(reference), items(predicted), variant in LISTED) for variant, items in VARIANTS.items()
    ])
    score_agreement(counts, TASK, "status", _statuses(reference), _statuses(predicted), doc_id, errors,
                    lambda text, status: f"{text} status={status}")
    return counts, errors
