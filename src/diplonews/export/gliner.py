"""GLiNER training JSON: ``<split>.json`` per split, a list of items, and the reader back.

One item per sentence of the dataset (:mod:`diplonews.sentences`), sentences without a
mention too (GLiNER learns from negatives)::

    {"doc_id": "c1a-01", "sentence": 0, "tokenized_text": ["The", "Agreement", ...],
     "ner": [[1, 9, "treaty"], [13, 13, "date"]]}

``ner`` spans are token indices into the item's ``tokenized_text``, the end **inclusive**
(GLiNER's convention, not ours). Labels are the ontology's mention labels in GLiNER's
natural-language style: lower case, ``_`` as a space (:func:`label_name`), since GLiNER
reads the label text as a prompt. ``doc_id`` and ``sentence`` are ours; GLiNER reads only
``tokenized_text`` and ``ner``. What the items cannot hold is :data:`DROPS`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .. import jsonio
from ..ontology import load
from ..problems import DiplonewsError, Location, Problem
from . import read_manifest, split_files
from .tokenview import Read, TokenSpan, assemble, index_spans, view

SUFFIX = ".json"
DROPS = (
    "the exact text: the white space between tokens (tokens and sentence breaks are kept)",
    "the ids of mentions",
    "mention attributes (mention_type, metonymic, timex_type, the TIMEX3 value)",
    "entities: coreference chains, canonical names, Wikidata ids",
    "relations",
    "events: triggers, arguments, statuses and attributes",
)


def label_name(label: str) -> str:
    """A mention label as GLiNER's labels are written: ``ORGANIZATION`` -> ``organization``."""
    return label.lower().replace("_", " ")


def to_items(text: str, gold: dict) -> list[dict]:
    """One document's items, a sentence each."""
    doc = view(text, gold)
    items = []
    for index, sentence in enumerate(doc.sentences):
        spans = index_spans(index, doc.ner_tags[sentence.first:sentence.last])
        items.append({"doc_id": gold["doc_id"], "sentence": index, "tokenized_text": doc.tokens.texts[sentence.first:sentence.last],
                      "ner": [[s.first, s.last - 1, label_name(s.label)] for s in spans]})
    return items


def write(folder: Path, documents: Iterable) -> None:
    """One JSON list per split, documents in export order."""
    files: dict[str, list[dict]] = {}
    for document in documents:
        files.setdefault(document.split, []).extend(to_items(document.text, document.gold))
    for split_name, items in files.items():
        jsonio.write_atomic(folder / f"{split_name}{SUFFIX}", jsonio.dumps(items))


def _spans(item, index: int, labels: dict[str, str]) -> tuple[list[str], list[TokenSpan]]:
    """An item's words and mention spans; ValueError saying what is wrong when it is not a GLiNER item of ours."""
    words = item["tokenized_text"]
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ValueError("tokenized_text is not a list of non-empty strings")
    spans = []
    for span in item["ner"]:
        if not (isinstance(span, list) and len(span) == 3 and all(isinstance(x, int) for x in span[:2])):
            raise ValueError(f"ner span {span!r} is not [start, end, label]")
        start, end, label = span
        if not 0 <= start <= end < len(words):
            raise ValueError(f"ner span {span!r} is outside the {len(words)} tokens (the end is inclusive)")
        if label not in labels:
            raise ValueError(f"ner label {label!r} is not one of {sorted(labels)}")
        spans.append(TokenSpan(index, start, end + 1, labels[label]))
    return words, spans


def read(folder: Path, texts=None) -> list[Read]:
    """The documents of an export folder, in the manifest's order (their items in file order).

    ``texts`` as in :mod:`diplonews.export.tokenview`; every problem of every file at once.
    """
    folder, manifest = Path(folder), read_manifest(folder)
    labels = {label_name(label): label for label in load().mention_labels}
    entries = manifest["documents"]
    documents: dict[str, tuple[list, list, str]] = {}
    problems: list[Problem] = []
    for split_name, path, items in split_files(folder, manifest, SUFFIX, problems, jsonio.read_json):
        for number, item in enumerate(items if isinstance(items, list) else [items]):
            where = Location(file=str(path), path=f"$[{number}]")
            try:
                doc_id = item["doc_id"]
                if entries.get(doc_id, {}).get("split") != split_name:
                    raise ValueError(f"doc_id {doc_id!r} is no {split_name} document of the manifest")
                sentences, spans, _ = documents.setdefault(doc_id, ([], [], str(path)))
                words, item_spans = _spans(item, len(sentences), labels)
            except (KeyError, TypeError, ValueError) as exc:
                message = f"no {exc}" if isinstance(exc, KeyError) else str(exc)
                problems.append(Problem("gliner-item", f"not a GLiNER item of this export: {message}", where))
                continue
            sentences.append(words)
            spans.extend(item_spans)
    problems += [Problem("gliner-item", "the manifest names this document but no item holds it", Location(file=str(folder), doc_id=d))
                 for d in entries if d not in documents and not problems]
    found = {}
    for doc_id, (sentences, spans, file) in documents.items():
        try:
            found[doc_id] = assemble(doc_id, sentences, spans, [], texts(doc_id) if texts else None, file, code="gliner-text")
        except DiplonewsError as exc:
            problems += exc.problems
    if problems:
        raise DiplonewsError(problems)
    return [found[doc_id] for doc_id in entries]

