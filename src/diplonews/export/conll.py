"""CoNLL-2003-style IOB2 columns: ``<split>.conll`` per split, and the reader back.

One token a line, its columns separated by one space: the token, its mention tag (IOB2,
``B-COUNTRY``), and with ``--triggers`` its event-trigger tag (``B-TREATY_ACTION``). A blank
line ends a sentence; each document starts with a ``-DOCSTART-`` line (tagged ``O``, so every
line has the same columns) and a blank line, as in CoNLL-2003. Documents come in the order
of the export's manifest, which names them: CoNLL has no place for a document id.

Tokens, tags and sentences are the dataset's (the ``sentences`` config): tokens never hold
white space, no sentence cuts a mention or trigger, so every block is valid strict IOB2 on
its own. What the columns cannot hold is listed by :func:`drops`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .. import jsonio
from ..tokens import iob_names
from ..ontology import load
from ..problems import DiplonewsError, Location, Problem
from . import read_manifest, split_files
from .tokenview import Read, assemble, index_spans, view

DOCSTART = "-DOCSTART-"
SUFFIX = ".conll"
OPTIONS = {"triggers": "add a third column: IOB2 tags of the event triggers"}
ALWAYS_DROPPED = (
    "the exact text: the white space between tokens (tokens and sentence breaks are kept)",
    "document ids (the manifest names the documents in file order) and the ids of mentions and events",
    "mention attributes (mention_type, metonymic, timex_type, the TIMEX3 value)",
    "entities: coreference chains, canonical names, Wikidata ids",
    "relations",
    "event arguments, statuses and attributes (treaty stage, personnel direction)",
)


def drops(triggers: bool = False) -> tuple[str, ...]:
    """What a CoNLL export cannot hold, one line each (the CLI prints them)."""
    if not triggers:
        return (*ALWAYS_DROPPED, "event triggers (give --triggers for a trigger column)")
    return (*ALWAYS_DROPPED, "a second event of the same type on the same trigger span (one tag for both)")


def to_conll(text: str, gold: dict, triggers: bool = False) -> str:
    """One document's block: ``-DOCSTART-``, then its sentences, each token a line."""
    doc = view(text, gold)
    columns = [doc.tokens.texts, doc.ner_tags] + ([doc.trigger_tags] if triggers else [])
    rows = [" ".join(values) for values in zip(*columns)]
    lines = [" ".join([DOCSTART] + ["O"] * (len(columns) - 1)), ""]
    for sentence in doc.sentences:
        lines += rows[sentence.first:sentence.last] + [""]
    return "\n".join(lines) + "\n"


def write(folder: Path, documents: Iterable, triggers: bool = False) -> None:
    """One ``.conll`` file per split, documents in export order."""
    files: dict[str, list[str]] = {}
    for document in documents:
        files.setdefault(document.split, []).append(to_conll(document.text, document.gold, triggers))
    for split_name, blocks in files.items():
        jsonio.write_atomic(folder / f"{split_name}{SUFFIX}", "".join(blocks))


def _documents(lines: list[str], file: str) -> tuple[list[list[list[tuple[int, list[str]]]]], list[Problem]]:
    """The file as documents of sentences of (line number, columns); every line of the wrong shape is a problem."""
    documents, problems, width = [], [], None
    sentence: list = []
    for number, line in enumerate(lines, 1):
        columns = line.split(" ") if line else []
        if columns and width is None:
            width = len(columns)
        if columns and (len(columns) != width or width not in (2, 3) or "" in columns):
            problems.append(Problem("conll-line", f"{len(columns)} columns; every line has {width} (token, mention tag[, trigger tag])",
                                    Location(file=file, line=number)))
            continue
        if columns and columns[0] == DOCSTART:
            if sentence:
                documents[-1].append(sentence)
            documents.append([])
            sentence = []
        elif columns and not documents:
            if not problems or problems[-1].message != f"tokens before the first {DOCSTART}":
                problems.append(Problem("conll-line", f"tokens before the first {DOCSTART}", Location(file=file, line=number)))
        elif columns:
            sentence.append((number, columns))
        elif sentence:
            documents[-1].append(sentence)
            sentence = []
    if sentence and documents:
        documents[-1].append(sentence)
    return documents, problems


def _from_block(doc_id: str, sentences: list, text: str | None, file: str) -> Read:
    """One document's sentences of (line, columns) as a :class:`Read`; every tag that is not strict IOB2 is a problem."""
    ontology = load()
    known = (set(iob_names(ontology.mention_labels)), set(iob_names(ontology.event_types)))
    problems, spans = [], ([], [])
    for index, sentence in enumerate(sentences):
        for column in range(1, len(sentence[0][1])):
            tags = [columns[column] for _, columns in sentence]
            for (number, _), tag, previous in zip(sentence, tags, ["O"] + tags):
                if tag not in known[column - 1]:
                    problems.append(Problem("conll-tag", f"{tag!r} is not an IOB2 tag of the ontology", Location(file=file, doc_id=doc_id, line=number)))
                elif tag.startswith("I-") and previous[2:] != tag[2:]:
                    problems.append(Problem("conll-tag", f"{tag} continues no {tag[2:]} span (strict IOB2)", Location(file=file, doc_id=doc_id, line=number)))
            spans[column - 1].extend(index_spans(index, tags))
    if problems:
        raise DiplonewsError(problems)
    words = [[columns[0] for _, columns in sentence] for sentence in sentences]
    return assemble(doc_id, words, *spans, text, file, code="conll-text")


def read(folder: Path, texts=None) -> list[Read]:
    """The documents of an export folder, in the manifest's order; every problem of every file at once.

    ``texts`` (doc id -> the corpus text, e.g. ``Layout(root).read_text``) puts the offsets
    into the corpus texts and checks that the tokens spell them; without it they are into
    the text the columns spell.
    """
    folder, manifest = Path(folder), read_manifest(folder)
    by_split: dict[str, list[str]] = {}
    for doc_id, entry in manifest["documents"].items():
        by_split.setdefault(entry["split"], []).append(doc_id)
    found, problems = {}, []
    for split_name, path, content in split_files(folder, manifest, SUFFIX, problems):
        doc_ids = by_split[split_name]
        blocks, shape = _documents(content.split("\n"), str(path))
        problems += shape
        if len(blocks) != len(doc_ids):
            problems.append(Problem("conll-documents", f"{len(blocks)} {DOCSTART} document(s); the manifest has {len(doc_ids)} in {split_name}",
                                    Location(file=str(path))))
            continue
        for doc_id, block in zip(doc_ids, blocks):
            try:
                found[doc_id] = _from_block(doc_id, block, texts(doc_id) if texts else None, str(path))
            except DiplonewsError as exc:
                problems += exc.problems
    if problems:
        raise DiplonewsError(problems)
    return [found[doc_id] for doc_id in manifest["documents"]]
