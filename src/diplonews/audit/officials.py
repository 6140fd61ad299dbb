"""Officials whose role or affiliation the text gives but the gold does not record.

A ROLE mention is "next to" an official's mention when at most ``WINDOW`` words (Unicode
``\\w+`` runs) stand between the two and no line break does: "President Masoud Pezeshkian"
(0 words), "Kazem Jalali, Iran's Ambassador" (2: "Iran", "s"), "Sergei Lavrov, Russia's
long-serving foreign minister" (4).
"""
from __future__ import annotations

from typing import Iterator

from ..ontology import Ontology
from .documents import AuditDoc
from .findings import Finding
from .names import WORD

OFFICIAL, ROLE = "OFFICIAL", "ROLE"
WINDOW = 4


def _gap_words(text: str, a: dict, b: dict) -> int | None:
    """Words between two non-overlapping mentions, or None when a line break separates them."""
    first, second = sorted((a, b), key=lambda m: m["start"])
    gap = text[first["end"] : second["start"]]
    return None if "\n" in gap else len(WORD.findall(gap))


def _nearest_role(doc: AuditDoc, mentions: list[dict], roles: list[dict]) -> tuple[dict, dict, int] | None:
    """(official mention, role mention, words between) of the closest pair within the window."""
    pairs = [(m, r, _gap_words(doc.text, m, r)) for m in mentions for r in roles]
    near = [p for p in pairs if p[2] is not None and p[2] <= WINDOW]
    return min(near, key=lambda p: (p[2], p[0]["start"], p[1]["start"])) if near else None


def check_official_roles(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """official-without-role: an OFFICIAL entity heads no role or affiliation relation, yet a ROLE stands next to it."""
    linking = [r.name for r in ontology.relation_types.values() if OFFICIAL in r.head]
    for doc in docs:
        heads = {r["head"] for r in doc.relations if r["type"] in linking}
        roles = [m for m in doc.ann["mentions"] if m["label"] == ROLE]
        for entity in doc.entities:
            if doc.entity_label(entity) != OFFICIAL or heads & set(entity["mentions"]):
                continue
            near = _nearest_role(doc, [doc.mentions[ref] for ref in entity["mentions"]], roles)
            if near is None:
                continue
            m, role, words = near
            message = (f"{OFFICIAL} {entity['name']!r} heads no {'/'.join(linking)} relation, yet {ROLE} {role['text']!r} ({role['id']}) "
                       f"stands {words} word(s) from {m['id']}: add the relation, or waive if the role is someone else's")
            places = (doc.place(m), doc.place(role))
            yield Finding("official-without-role", doc.doc_id, entity["id"], message, entity["id"], entity["name"], places)
