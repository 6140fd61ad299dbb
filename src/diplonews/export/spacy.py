"""spaCy: one ``DocBin`` per split (``train.spacy``, ``validation.spacy``, ``test.spacy``), the
files ``spacy train`` takes, and the reader back to gold.

Each document is one ``Doc`` whose ``doc.text`` is the corpus text byte for byte:

- tokens are the dataset's tokens (:mod:`diplonews.tokens`), so every gold span falls
  on token boundaries; the white space between them becomes each token's trailing space
  or a white-space token of its own (``"\\n\\n"``), as spaCy's tokenizer would make it;
- sentence boundaries (``token.is_sent_start``) are those of :mod:`diplonews.sentences`,
  the dataset's; a white-space token belongs to the sentence before it;
- ``doc.ents`` are the mentions (flat, as the gold is), each with its label, its gold id
  as ``span.id_`` and its entity's Wikidata id as ``span.kb_id_``;
- ``doc.spans["triggers"]`` holds one span per event (two events on one word stay two),
  labelled with the event type, the event id as ``span.id_``;
- ``doc.user_data`` holds, as plain JSON data, what spaCy has no field for:
  ``doc_id``, ``mention_attributes`` (mention id -> attributes), ``entities``,
  ``relations`` and ``events`` (the gold's, each event without its trigger, which is in
  ``doc.spans``). DocBins are written with ``store_user_data=True``.

Nothing of the gold is dropped (:data:`DROPS` is empty); the ontology version and each
document's provenance are in the export's manifest.
"""
from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Iterable

from .. import jsonio
from ..corpus import text_sha256
from ..gold import FreshIds, canonicalize
from ..tokens import Tokens, tokenize
from ..ontology import load
from ..problems import DiplonewsError, Location, Problem
from ..sentences import split
from . import read_manifest, split_files

DROPS: tuple[str, ...] = ()
TRIGGERS = "triggers"  # the doc.spans key of the event triggers
SUFFIX = ".spacy"
USER_KEYS = ("doc_id", "mention_attributes", "entities", "relations", "events")


def _vocab():
    import spacy  # heavy: only when this format is used

    return spacy.blank("en").vocab


def _words(text: str, tokens: Tokens) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words and trailing spaces that spell ``text`` exactly, and each token's index among the words.

    One space after a token is its trailing space; any other white space is a word of its own.
    """
    words, spaces, index = [], [], []
    position = 0
    for word, start, end in zip(tokens.texts, tokens.starts, tokens.ends):
        _gap(text[position:start], words, spaces)
        index.append(len(words))
        words.append(word)
        spaces.append(False)
        position = end
    _gap(text[position:], words, spaces)
    return words, spaces, index


def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """The white space ``gap`` after the last word: a trailing space, then a white-space word for the rest."""
    if gap.startswith(" ") and words and not spaces[-1]:
        spaces[-1], gap = True, gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


def to_doc(vocab, text: str, gold: dict):
    """The ``Doc`` of one gold document over its ``text``."""
    from spacy.tokens import Doc, Span

    gold, tokens = canonicalize(gold), tokenize(text)
    words, spaces, index = _words(text, tokens)
    first_tokens = {s.first for s in split(text, tokens, gold)}
    sent_starts = [False] * len(words)
    for i in first_tokens:
        sent_starts[index[i]] = True
    if words:
        sent_starts[0] = True  # spaCy's first token always starts a sentence (white space before the first word too)
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    start_of = {s: index[i] for i, s in enumerate(tokens.starts)}
    end_of = {e: index[i] + 1 for i, e in enumerate(tokens.ends)}
    kb_of = {ref: e["kb_id"] or "" for e in gold["entities"] for ref in e["mentions"]}
    doc.ents = [Span(doc, start_of[m["start"]], end_of[m["end"]], label=m["label"], kb_id=kb_of.get(m["id"], ""), span_id=m["id"])
                for m in gold["mentions"]]
    doc.spans[TRIGGERS] = [Span(doc, start_of[ev["trigger"]["start"]], end_of[ev["trigger"]["end"]], label=ev["type"], span_id=ev["id"])
                           for ev in gold["events"]]
    doc.user_data.update({
        "doc_id": gold["doc_id"],
        "mention_attributes": {m["id"]: m["attributes"] for m in gold["mentions"]},
        "entities": gold["entities"],
        "relations": gold["relations"],
        "events": [{k: v for k, v in ev.items() if k != "trigger"} for ev in gold["events"]],
    })
    return doc


def write(folder: Path, documents: Iterable) -> None:
    """One DocBin per split, documents in export order."""
    from spacy.tokens import DocBin

    vocab, bins = _vocab(), {}
    for document in documents:
        bins.setdefault(document.split, DocBin(store_user_data=True)).add(to_doc(vocab, document.text, document.gold))
    for split_name, docbin in bins.items():
        jsonio.write_atomic(folder / f"{split_name}{SUFFIX}", docbin.to_bytes())


def _plain(value):
    """``user_data`` as DocBin gives it back (msgpack turns lists into tuples) as JSON data."""
    return json.loads(json.dumps(value))


def from_doc(doc, provenance: dict, ontology_version: str, file: str) -> dict:
    """The gold document of one ``Doc``; every inconsistency is a problem naming ``file`` and the document."""
    data = _plain({key: doc.user_data.get(key) for key in USER_KEYS})
    doc_id = data["doc_id"]
    problems: list[Problem] = []

    def problem(code: str, message: str, annotation_id: str | None = None) -> None:
        problems.append(Problem(code, message, Location(file=file, doc_id=doc_id, annotation_id=annotation_id)))

    missing = [key for key in USER_KEYS if data[key] is None]
    if missing:
        raise DiplonewsError([Problem("spacy-user-data", f"doc.user_data has no {', '.join(missing)}", Location(file=file, doc_id=doc_id))])
    ontology = load()
    entities = {e["id"]: e for e in data["entities"]}
    ids = FreshIds({span.id_ for span in doc.ents if span.id_} | set(entities))
    mentions = []
    for span in doc.ents:
        mention_id = span.id_ or ids.next("m")
        if span.label_ not in ontology.mention_labels:
            problem("spacy-span", f"entity {span.text!r} has label {span.label_!r}, which is no mention label", mention_id)
        mentions.append({"id": mention_id, "label": span.label_, "start": span.start_char, "end": span.end_char, "text": span.text,
                         "attributes": data["mention_attributes"].get(mention_id, {})})
    known = {m["id"] for m in mentions}
    for mention_id in data["mention_attributes"]:
        if mention_id not in known:
            problem("spacy-reference", f"mention_attributes names {mention_id!r}, which is in no doc.ents span", mention_id)
    kb_of = {span.id_: span.kb_id_ for span in doc.ents if span.id_}
    for entity in data["entities"]:
        for ref in entity["mentions"]:
            if ref not in known:
                problem("spacy-reference", f"entity {entity['id']} names mention {ref!r}, which is in no doc.ents span", entity["id"])
            elif kb_of.get(ref, "") != (entity["kb_id"] or ""):
                problem("spacy-entity", f"mention {ref} has kb_id {kb_of.get(ref, '')!r} but its entity {entity['id']} has {entity['kb_id']!r}", ref)
    for relation in data["relations"]:
        for end in ("head", "tail"):
            if relation[end] not in known:
                problem("spacy-reference", f"relation {relation['id']} {end} {relation[end]!r} is in no doc.ents span", relation["id"])
    triggers = {}
    for span in doc.spans[TRIGGERS] if TRIGGERS in doc.spans else ():
        if not span.id_ or span.id_ in triggers:
            problem("spacy-span", f"trigger {span.text!r} at {span.start_char} has {'no' if not span.id_ else 'a repeated'} event id", span.id_ or None)
            continue
        triggers[span.id_] = span
    events = []
    for event in data["events"]:
        span = triggers.pop(event["id"], None)
        if span is None:
            problem("spacy-reference", f"event {event['id']} has no span in doc.spans[{TRIGGERS!r}]", event["id"])
            continue
        if span.label_ != event["type"]:
            problem("spacy-span", f"trigger of event {event['id']} is labelled {span.label_!r}, the event is {event['type']!r}", event["id"])
        for argument in event["arguments"]:
            if argument["ref"] not in known:
                problem("spacy-reference", f"event {event['id']} argument {argument['ref']!r} is in no doc.ents span", event["id"])
        events.append({**event, "trigger": {"start": span.start_char, "end": span.end_char, "text": span.text}})
    for event_id in triggers:
        problem("spacy-reference", f"trigger {event_id!r} belongs to no event of doc.user_data", event_id)
    if problems:
        raise DiplonewsError(problems)
    return canonicalize({
        "doc_id": doc_id, "text_sha256": text_sha256(doc.text), "ontology_version": ontology_version, "provenance": provenance,
        "mentions": mentions, "entities": data["entities"], "relations": data["relations"], "events": events,
    })


def _docs(path: Path) -> list:
    """The Docs of one DocBin file (``spacy-docbin`` when it is not one)."""
    from spacy.tokens import DocBin

    raw = jsonio.read_bytes(path)
    try:
        return list(DocBin().from_bytes(raw).get_docs(_vocab()))
    except (zlib.error, ValueError, KeyError, TypeError) as exc:  # what zlib, msgpack and DocBin raise on foreign bytes
        raise DiplonewsError.of("spacy-docbin", f"not a spaCy DocBin: {type(exc).__name__}", file=str(path)) from None


def read(folder: Path) -> list[dict]:
    """The gold documents of an export folder, in the manifest's order; every problem of every file at once."""
    folder, manifest = Path(folder), read_manifest(folder)
    entries = manifest["documents"]
    found, problems, read_splits = {}, [], set()
    for split_name, path, docs in split_files(folder, manifest, SUFFIX, problems, _docs):
        read_splits.add(split_name)
        for doc in docs:
            doc_id = doc.user_data.get("doc_id")
            if doc_id not in entries:
                problems.append(Problem("spacy-user-data", f"a Doc whose doc_id {doc_id!r} is not in the manifest", Location(file=str(path))))
                continue
            try:
                found[doc_id] = from_doc(doc, entries[doc_id]["provenance"], manifest["ontology_version"], str(path))
            except DiplonewsError as exc:
                problems += exc.problems
    said = {p.location.doc_id for p in problems}
    absent = [d for d, entry in entries.items() if d not in found and d not in said and entry["split"] in read_splits]
    problems += [Problem("spacy-user-data", "the manifest names this document but no DocBin holds it", Location(file=str(folder), doc_id=d))
                 for d in absent]
    if problems:
        raise DiplonewsError(problems)
    return [found[doc_id] for doc_id in entries]
