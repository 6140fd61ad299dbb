"""Relation scoring.

* ``relations.mention``: strict, mention level: a predicted relation is correct when its
  type is the reference type and both argument spans and labels are exact.
* ``relations.entity``: DocRED style: arguments are mapped through the reference entities
  (a predicted mention reaches the reference entity whose mention has the same span), and
  F1 is computed over distinct (type, head entity, tail entity) facts.
* ``relations.entity_ign`` (DocRED's Ign F1): the same, with the correct facts already seen
  in train left out of precision (numerator and denominator); recall is unchanged. A fact is
  seen when train has a relation of its type between entities one of whose names (canonical
  name or mention text) each matches, as DocRED compares mention names. Only when the
  train facts are given (``seen``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .counts import ALL
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


def seen_facts(train_docs: Iterable[dict]) -> frozenset[tuple[str, str, str]]:
    """Every (type, head name, tail name) of the relations of ``train_docs``, over all the names of both ends."""
    facts = set()
    for doc in train_docs:
        index = EntityIndex(doc)
        for rel_type, head, tail in _entity_keys(doc, index):
            facts.update((rel_type, h, t) for h in index.names(head) for t in index.names(tail))
    return frozenset(facts)


def _entity_keys(doc: dict, index: EntityIndex) -> list[tuple[str, str, str]]:
    return [key for key, _ in _entity_items(doc, index)]


def _ign_counts(reference: dict, predicted: dict, index: EntityIndex, seen: frozenset) -> Counter:
    """How many correct entity-level facts of the document were seen in train (DocRED's correct_in_train)."""
    correct = set(_entity_keys(reference, index)) & set(_entity_keys(predicted, index))
    in_train = sum(1 for rel_type, head, tail in correct
                   if any((rel_type, h, t) in seen for h in index.names(head) for t in index.names(tail)))
    return Counter({(TASK, "entity_ign", ALL, "seen"): in_train, (TASK, "entity_ign", ALL, "documents"): 1})


def score_relations(reference: dict, predicted: dict, index: EntityIndex,
                    seen: frozenset | None = None) -> tuple[Counter, list[ScoringError]]:
    counts, errors = score_variants(TASK, reference["doc_id"], [
        ("mention", _mention_items(reference), _mention_items(predicted), True),
        ("entity", _entity_items(reference, index), _entity_items(predicted, index), False),
    ])
    if seen is not None:
        counts.update(_ign_counts(reference, predicted, index, seen))
    return counts, errors
