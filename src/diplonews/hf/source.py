"""The documents a build reads: gold-status annotations with their texts and metadata, streamed."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from ..corpus import Layout
from ..gold import read_gold
from ..sentences import Sentence, split
from ..tokens import Span, Tokens, tag, tokenize


@dataclass
class Document:
    """One gold document as the row builders see it."""

    doc_id: str
    text: str
    meta: dict
    gold: dict

    @cached_property
    def tokens(self) -> Tokens:
        return tokenize(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split(self.text, self.tokens, self.gold)

    @cached_property
    def ner_tags(self) -> list[str]:
        """IOB2 tags of the mentions over :attr:`tokens`."""
        return tag(self.tokens, [Span(m["start"], m["end"], m["label"], m["id"]) for m in self.gold["mentions"]], self.doc_id, self.text)

    @cached_property
    def trigger_tags(self) -> list[str]:
        """IOB2 tags of the event triggers; identical spans of one type (stages sharing a word) tag once."""
        triggers = {}
        for ev in self.gold["events"]:
            t = ev["trigger"]
            triggers.setdefault((t["start"], t["end"], ev["type"]), Span(t["start"], t["end"], ev["type"], ev["id"]))
        return tag(self.tokens, list(triggers.values()), self.doc_id, self.text)

    @cached_property
    def mentions(self) -> dict[str, dict]:
        return {m["id"]: m for m in self.gold["mentions"]}

    @cached_property
    def entity_of(self) -> dict[str, dict]:
        """mention id -> the entity grouping it."""
        return {ref: e for e in self.gold["entities"] for ref in e["mentions"]}

    def canonical_name(self, mention_id: str) -> str:
        """The entity's canonical name, or the mention's own text for labels not grouped."""
        entity = self.entity_of.get(mention_id)
        return entity["name"] if entity else self.mentions[mention_id]["text"]


def read_document(layout: Layout, doc_id: str) -> Document:
    return Document(doc_id, layout.read_text(doc_id), layout.read_meta(doc_id), read_gold(layout, doc_id))


def iter_documents(layout: Layout, doc_ids: list[str]) -> Iterator[Document]:
    """The documents, one at a time, so a build never holds the corpus in memory."""
    for doc_id in doc_ids:
        yield read_document(layout, doc_id)
