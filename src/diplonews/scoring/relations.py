"""Relation scoring.

* ``relations.mention``: strict, mention level: a predicted relation is correct when its
  type is the reference type and both argument spans and labels are exact.
* ``relations.entity``: DocRED style: arguments are mapped through the reference entities
  (a predicted mention reaches the reference entity whose mention has the same span), and
  F1 is computed over distinct (type, head entity, tail entity) facts.
"""
from __future__ import annotations

from collections import Counter

from .errors import ScoringError
from .keyed import distinct, score_variants
from .views import DocView, EntityIndex

TASK = "relations"


def _mention_items(doc: dict) -> list[tuple[tuple, str]]:
    view = DocView(doc)
    return [
        ((rel["type"], *view.labelled_span(rel["head"]), *view.labelled_span(rel["tail"])),
         f'{rel["type"]}({view.describe(rel["head"])} -> {view.describe(rel["tail"])})')
        for rel in doc["relations"]
    ]


def _entity_items(doc: dict, index: EntityIndex) -> list[tuple[tuple, str]]:
    view = DocView(doc)
    items = []
    for rel in doc["relations"]:
        head, tail = view.mentions[rel["head"]], view.mentions[rel["tail"]]
        items.append(((rel["type"], index.key(head), index.key(tail)),
                      f'{rel["type"]}({index.name(head)} -> {index.name(tail)})'))
    return distinct(items)


def score_relations(reference: dict, predicted: dict, index: EntityIndex) -> tuple[Counter, list[ScoringError]]:
    return score_variants(TASK, reference["doc_id"], [
        ("mention", _mention_items(reference), _mention_items(predicted), True),
        ("entity", _entity_items(reference, index), _entity_items(predicted, index), False),
    ])
