"""Annotations left incomplete: events without arguments, treaty actions without their treaty,
time expressions without a value, role mentions linked to nothing."""
from __future__ import annotations

from typing import Iterator

from ..ontology import Ontology
from ..validation.timex import UNRESOLVABLE
from .documents import AuditDoc
from .findings import Finding

TREATY_ROLE = "treaty"
ROLE = "ROLE"
TIMEX_FORMAT = "timex3"


def check_event_arguments(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """event-no-arguments, and treaty-action-no-treaty: a treaty step must say which treaty."""
    for doc in docs:
        for ev in doc.events:
            trigger, place = ev["trigger"]["text"], (doc.place(ev),)
            if not ev["arguments"]:
                yield Finding("event-no-arguments", doc.doc_id, ev["id"],
                              f"{ev['type']} {trigger!r} has no arguments: add who, what, where or when the text gives", ev["id"], trigger, place)
            if ev["type"] == ontology.treaty_action_type and not any(a["role"] == TREATY_ROLE for a in ev["arguments"]):
                yield Finding("treaty-action-no-treaty", doc.doc_id, ev["id"],
                              f"{ev['type']} {trigger!r} ({ev['attributes'].get('stage')}) has no {TREATY_ROLE} argument: "
                              f"link the treaty mention (add a nominal one such as \"the treaty\" if the text has it)", ev["id"], trigger, place)


def _timex_attributes(ontology: Ontology) -> dict[str, list[str]]:
    """label -> its attributes holding TIMEX3 values."""
    return {name: [a for a, spec in label.attributes.items() if spec.format == TIMEX_FORMAT]
            for name, label in ontology.mention_labels.items()}


def check_unresolved_values(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """date-unresolvable: a value given up on; most relative dates resolve against the published date."""
    timex = _timex_attributes(ontology)
    for doc in docs:
        for m in doc.ann["mentions"]:
            for attr in timex[m["label"]]:
                if m["attributes"].get(attr) == UNRESOLVABLE:
                    yield Finding("date-unresolvable", doc.doc_id, m["id"],
                                  f"{m['label']} {m['text']!r} has {attr}={UNRESOLVABLE!r}: normalise it against the published date "
                                  f"(a vague one as PAST_REF/FUTURE_REF), or waive if the text gives no anchor",
                                  m["id"], m["text"], (doc.place(m),))


def _linked(doc: AuditDoc) -> set[str]:
    """Ids of the mentions that are some relation's head or tail or some event's argument."""
    ends = {r[end] for r in doc.relations for end in ("head", "tail")}
    return ends | {a["ref"] for ev in doc.events for a in ev["arguments"]}


def check_role_links(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """role-unlinked: a ROLE mention whose holder, country, posting or appointment the gold never records."""
    relations = [r.name for r in ontology.relation_types.values() if ROLE in r.head + r.tail]
    events = [f"{e.name}.{role}" for e in ontology.event_types.values() for role, labels in e.roles.items() if ROLE in labels]
    for doc in docs:
        linked = _linked(doc)
        for m in doc.ann["mentions"]:
            if m["label"] == ROLE and m["id"] not in linked:
                yield Finding("role-unlinked", doc.doc_id, m["id"],
                              f"{ROLE} {m['text']!r} is in no {'/'.join(relations)} relation and no {'/'.join(events)} argument: "
                              f"link it to its holder or body, or waive if the text names neither (a generic role)",
                              m["id"], m["text"], (doc.place(m),))
