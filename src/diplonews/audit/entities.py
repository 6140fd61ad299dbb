"""Within an entity: do its name mentions agree with its canonical name and with each other?"""
from __future__ import annotations

from typing import Iterator

from ..ontology import Ontology
from .documents import AuditDoc
from .findings import Finding
from .names import is_metonymic, is_name, names_agree


def check_entity_mentions(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """entity-mention-mismatch: a name mention that agrees with neither the canonical name nor another name of the entity.

    "Agree" is :func:`.names.names_agree` (a shared word or stem, or an acronym). Copies of
    the same text do not vouch for each other, and metonymic mentions are left out.
    """
    for doc in docs:
        for entity in doc.entities:
            names = [doc.mentions[ref] for ref in entity["mentions"]]
            names = [m for m in names if is_name(m, ontology) and not is_metonymic(m)]
            for m in names:
                others = {o["text"] for o in names if o["text"] != m["text"]}
                if names_agree(m["text"], entity["name"]) or any(names_agree(m["text"], o) for o in others):
                    continue
                message = (f"{m['label']} name {m['text']!r} shares no word with its entity {entity['id']!r} ({entity['name']!r})"
                           + (f" or its other names ({', '.join(repr(o) for o in sorted(others))})" if others else "")
                           + ": move it to the right entity, or waive if it is another name of the same thing")
                place = doc.place(m)
                yield Finding("entity-mention-mismatch", doc.doc_id, m["id"], message, m["id"], m["text"], (place,))
