"""Patterns seen once in the whole corpus: a relation or an argument nobody else annotates that way
is as likely a slip (a wrong label, a wrong type) as a rare truth."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..ontology import Ontology
from .documents import AuditDoc
from .findings import Finding


def _relation_patterns(doc: AuditDoc):
    """(pattern, relation) per relation: ``TYPE HEAD_LABEL -> TAIL_LABEL``."""
    for r in doc.relations:
        yield f"{r['type']} {doc.label(r['head'])} -> {doc.label(r['tail'])}", r


def _argument_patterns(doc: AuditDoc):
    """(pattern, (event, argument mention)) per argument: ``EVENT_TYPE.role = LABEL``."""
    for ev in doc.events:
        for a in ev["arguments"]:
            yield f"{ev['type']}.{a['role']} = {doc.label(a['ref'])}", (ev, doc.mentions[a["ref"]])


def _singletons(docs: list[AuditDoc], patterns) -> Iterator[tuple[AuditDoc, str, object]]:
    """(document, pattern, item) for each pattern that occurs exactly once in ``docs``."""
    counts = Counter(pattern for doc in docs for pattern, _ in patterns(doc))
    for doc in docs:
        for pattern, item in patterns(doc):
            if counts[pattern] == 1:
                yield doc, pattern, item


def check_rare_relations(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """relation-pattern-rare."""
    for doc, pattern, r in _singletons(docs, _relation_patterns):
        head, tail = doc.mentions[r["head"]], doc.mentions[r["tail"]]
        yield Finding("relation-pattern-rare", doc.doc_id, pattern,
                      f"{r['id']} ({head['text']!r} -> {tail['text']!r}) is the only {pattern} in the corpus: check the type and both labels",
                      r["id"], f"{head['text']} -> {tail['text']}", (doc.place(head), doc.place(tail)))


def check_rare_arguments(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """argument-pattern-rare."""
    for doc, pattern, (ev, arg) in _singletons(docs, _argument_patterns):
        yield Finding("argument-pattern-rare", doc.doc_id, pattern,
                      f"{ev['id']} ({ev['trigger']['text']!r}) has the only {pattern} argument in the corpus ({arg['text']!r}, {arg['id']}): "
                      f"check the role and the argument's label", ev["id"], arg["text"], (doc.place(ev), doc.place(arg)))
