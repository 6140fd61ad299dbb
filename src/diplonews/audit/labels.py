"""Cross-document label checks: one string, one label; one entity name, one label; one kb_id, one name;
one spelling of one name."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Callable, Iterator

from ..ontology import Ontology
from .documents import AuditDoc
from .findings import Finding, Place, variant_key
from .names import is_metonymic

Table = dict[str, dict[str, list[Place]]]  # thing -> variant -> places


def _table() -> Table:
    return defaultdict(lambda: defaultdict(list))


def _conflicts(code: str, table: Table, order: Callable, seen_as: str, advice: str) -> Iterator[Finding]:
    """A corpus-wide finding for each thing of ``table`` seen in more than one variant, listing where."""
    for thing, by_variant in sorted(table.items()):
        if len(by_variant) > 1:
            variants = sorted(by_variant, key=order)
            counts = ", ".join(f"{v} ×{len(by_variant[v])}" for v in variants)
            places = tuple(p for v in variants for p in by_variant[v])
            yield Finding(code, None, variant_key(thing, variants), f"{thing!r} {seen_as} {counts}: {advice}", surface=thing, places=places)


def _label_order(ontology: Ontology) -> Callable:
    rank = {label: i for i, label in enumerate(ontology.mention_labels)}
    return lambda label: (rank.get(label, len(rank)), label)


def check_surface_labels(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """label-conflict: the same exact string labelled differently (metonymic uses are labelled by what they stand for)."""
    table = _table()
    for doc in docs:
        for m in doc.ann["mentions"]:
            if not is_metonymic(m):
                table[m["text"]][m["label"]].append(doc.place(m))
    yield from _conflicts("label-conflict", table, _label_order(ontology), "is labelled",
                          "relabel the wrong ones, or waive if each label is right in its context")


def _entity_table(docs: list[AuditDoc], thing: Callable, variant: Callable) -> Table:
    """Entities grouped by ``thing(entity)``, then by ``variant(doc, entity)``; entities without a thing are left out."""
    table = _table()
    for doc in docs:
        for e in doc.entities:
            if thing(e):
                table[thing(e)][variant(doc, e)].append(doc.entity_place(e))
    return table


def check_entity_names(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """entity-name-labels: one canonical name for entities of different labels (a country and a place, say)."""
    table = _entity_table(docs, lambda e: e["name"], AuditDoc.entity_label)
    yield from _conflicts("entity-name-labels", table, _label_order(ontology), "names entities labelled",
                          "give each thing its own canonical name, or fix the labels")


def check_kb_names(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """kb-id-names: one knowledge-base id under several canonical names; one thing should have one name."""
    table = _entity_table(docs, lambda e: e["kb_id"], lambda doc, e: e["name"])
    yield from _conflicts("kb-id-names", table, str, "is the kb_id of entities named",
                          "use one canonical name for one kb_id, or fix the kb_id")


# characters that vary in typing but not in meaning: curly and straight quotes, dashes
_SPELLING = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})


def spelling_key(name: str) -> str:
    """A name with quotes, dashes, case, compatibility forms and runs of space made uniform."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name).translate(_SPELLING)).strip().casefold()


def check_name_spellings(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """entity-name-spelling: canonical names that differ only in quotes, dashes, case or spacing ("Côte d'Ivoire", "Côte d’Ivoire").

    Such names count as two entities in every cross-document figure (distinct states,
    treaties), though a reader sees one.
    """
    table = _entity_table(docs, lambda e: spelling_key(e["name"]), lambda doc, e: e["name"])
    yield from _conflicts("entity-name-spelling", table, str, "is spelled",
                          "use one spelling of the canonical name in every document")
