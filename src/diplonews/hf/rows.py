"""One row builder per config: a :class:`Document` in, that config's rows (label names) out.

Rows carry label names; the writer encodes them to ClassLabel ids with the config's
features, so no builder repeats a label list.
"""
from __future__ import annotations

from typing import Iterator

from . import features as F
from ..ontology import load
from ..problems import DiplonewsError, Location, Problem
from ..sentences import MAX_TOKENS
from ..validation.timex import calendar_range
from .source import Document


def _attributes(attrs: dict, declared: dict) -> dict:
    """Every attribute the features ``declared``, null where this item has none."""
    return {name: attrs.get(name) for name in declared}


def documents(doc: Document) -> Iterator[dict]:
    gold = doc.gold
    yield {
        "doc_id": doc.doc_id,
        "text": doc.text,
        "text_sha256": gold["text_sha256"],
        "ontology_version": gold["ontology_version"],
        **{name: doc.meta[name] for name in F.metadata_fields()},
        "provenance": gold["provenance"],
        "mentions": [{**m, "attributes": _attributes(m["attributes"], F.features("documents")["mentions"].feature["attributes"])} for m in gold["mentions"]],
        "entities": gold["entities"],
        "relations": gold["relations"],
        "events": [{**ev, "attributes": _attributes(ev["attributes"], F.features("documents")["events"].feature["attributes"])} for ev in gold["events"]],
    }


def ner(doc: Document) -> Iterator[dict]:
    tokens = doc.tokens
    yield {
        "doc_id": doc.doc_id,
        "text": doc.text,
        "tokens": tokens.texts,
        "token_starts": tokens.starts,
        "token_ends": tokens.ends,
        "sentences": [{"start": s.start, "end": s.end, "token_start": s.first, "token_end": s.last} for s in doc.sentences],
        "ner_tags": doc.ner_tags,
        "trigger_tags": doc.trigger_tags,
    }


def sentences(doc: Document) -> Iterator[dict]:
    """One row per sentence of :mod:`diplonews.sentences`; a sentence over MAX_TOKENS refuses the build."""
    tokens, problems = doc.tokens, []
    for index, s in enumerate(doc.sentences):
        if s.last - s.first > MAX_TOKENS:
            problems.append(Problem("sentence-too-long", f"sentence {index} [{s.start}, {s.end}) has {s.last - s.first} tokens, "
                                                         f"over {MAX_TOKENS}", Location(doc_id=doc.doc_id)))
        window = slice(s.first, s.last)
        yield {
            "doc_id": doc.doc_id,
            "index": index,
            "start": s.start,
            "end": s.end,
            "text": doc.text[s.start:s.end],
            "tokens": tokens.texts[window],
            "token_starts": tokens.starts[window],
            "token_ends": tokens.ends[window],
            "ner_tags": doc.ner_tags[window],
            "trigger_tags": doc.trigger_tags[window],
        }
    if problems:
        raise DiplonewsError(problems)


def _mention_ref(doc: Document, mention_id: str) -> dict:
    m = doc.mentions[mention_id]
    entity = doc.entity_of.get(mention_id)
    return {"id": m["id"], "start": m["start"], "end": m["end"], "text": m["text"], "label": m["label"], "entity": entity["id"] if entity else None}


def _dates(value: str | None) -> dict:
    start, end = calendar_range(value) or (None, None)
    return {"date_start": start, "date_end": end}


def _argument(doc: Document, role: str, ref: str) -> dict:
    """An event argument: its role, its mention and entity, and a DATE's value and calendar range."""
    value = doc.mentions[ref]["attributes"].get("value")
    return {"role": role, **_mention_ref(doc, ref), "value": value, **_dates(value)}


def context(text: str, start: int, end: int) -> dict:
    """The lines (paragraphs) of ``text`` that hold [start, end): the window a relation comes from."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return {"start": first, "end": last, "text": text[first:last]}


def relations(doc: Document) -> Iterator[dict]:
    for r in doc.gold["relations"]:
        head, tail = _mention_ref(doc, r["head"]), _mention_ref(doc, r["tail"])
        window = context(doc.text, min(head["start"], tail["start"]), max(head["end"], tail["end"]))
        yield {"doc_id": doc.doc_id, "id": r["id"], "type": r["type"], "head": head, "tail": tail, "context": window}


def events(doc: Document) -> Iterator[dict]:
    for ev in doc.gold["events"]:
        yield {
            "doc_id": doc.doc_id,
            "id": ev["id"],
            "type": ev["type"],
            "trigger": ev["trigger"],
            "status": ev["status"],
            "attributes": _attributes(ev["attributes"], F.features("events")["attributes"]),
            "arguments": [_argument(doc, a["role"], a["ref"]) for a in ev["arguments"]],
        }


def _refs(ev: dict, role: str) -> list[str]:
    return [a["ref"] for a in ev["arguments"] if a["role"] == role]


def treaty_stages(doc: Document) -> Iterator[dict]:
    """One row per treaty action and treaty argument (one row, treaty null, when it names none)."""
    for ev in doc.gold["events"]:
        if ev["type"] != load().treaty_action_type:
            continue
        times = [doc.mentions[ref] for ref in _refs(ev, "time")]
        value = times[0]["attributes"]["value"] if times else None
        base = {
            "doc_id": doc.doc_id,
            "event_id": ev["id"],
            "published": doc.meta["published"],
            "stage": ev["attributes"]["stage"],
            "status": ev["status"],
            "trigger": ev["trigger"],
            "date": value,
            **_dates(value),
            "date_text": times[0]["text"] if times else None,
            "actors": [doc.canonical_name(ref) for ref in _refs(ev, "actor")],
            "parties": [doc.canonical_name(ref) for ref in _refs(ev, "party")],
        }
        treaties = [doc.entity_of.get(ref) for ref in _refs(ev, "treaty")] or [None]
        for entity in treaties:
            yield {**base, "treaty": entity["name"] if entity else None, "treaty_kb_id": entity["kb_id"] if entity else None}


BUILDERS = {"documents": documents, "ner": ner, "sentences": sentences, "relations": relations, "events": events, "treaty_stages": treaty_stages}
