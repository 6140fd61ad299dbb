"""Reading system predictions: JSONL (one document a line), a folder of ``<doc_id>.json``,
or a single ``.json`` file holding one document.

A prediction is refused, with the reason, when it breaks the prediction schema, names an
unknown document, was made on a different text (its ``text_sha256`` differs), or breaks a
structural rule of the validator (ids unique, spans inside the text and quoting it,
references resolved; see :func:`~diplonews.validation.document_rules.check_structure`).
A file with no prediction at all is refused too: scoring it would report zeros, as if a
system had run and found nothing.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Iterator

from . import jsonio, schemas
from .corpus import Layout, text_sha256
from .problems import DiplonewsError, Location, Problem
from .ontology import load
from .validation.document_rules import check_structure
from .validation.schema_check import SchemaChecker


@cache
def prediction_checker() -> SchemaChecker:
    return SchemaChecker(schemas.prediction_schema())


def _parse_file(file: Path) -> tuple[Location, object]:
    try:
        return Location(str(file)), jsonio.read_json(file)
    except DiplonewsError as exc:
        return Location(str(file)), exc


def raw_items(path: Path) -> Iterator[tuple[Location, object]]:
    """(where, parsed JSON or the DiplonewsError saying why it cannot be read) for each document in ``path``."""
    if path.is_dir():
        yield from map(_parse_file, sorted(path.glob("*.json")))
        return
    if path.suffix == ".json":  # one (possibly pretty-printed) document, as in a folder
        yield _parse_file(path)
        return
    try:
        text = jsonio.read_text(path)
    except DiplonewsError as exc:
        yield Location(str(path)), exc
        return
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                yield Location(str(path), line=n), jsonio.loads(line, str(path))
            except DiplonewsError as exc:
                yield Location(str(path), line=n), DiplonewsError([p.at(line=n) for p in exc.problems])


def read_predictions(path: Path, layout: Layout) -> dict[str, dict]:
    """Predicted documents by doc id, checked against the schema and the corpus texts.

    Raises DiplonewsError listing every problem (nothing is scored partially).
    """
    out: dict[str, dict] = {}
    problems: list[Problem] = []
    known = set(layout.text_ids())
    for where, item in raw_items(Path(path)):
        if isinstance(item, DiplonewsError):
            problems += item.problems
            continue
        doc_id = item.get("doc_id") if isinstance(item, dict) and isinstance(item.get("doc_id"), str) else None
        found = [p.at(line=where.line) for p in prediction_checker().check(item, where.file, doc_id)]
        if found:
            problems += found
        elif doc_id not in known:
            problems.append(Problem("prediction-unknown-doc", f"no corpus text for doc_id {doc_id!r}", replace(where, doc_id=doc_id)))
        elif item["text_sha256"] != text_sha256(text := layout.read_text(doc_id)):
            problems.append(Problem("text-sha256-mismatch", "the prediction was made on a different text", replace(where, doc_id=doc_id, path="$.text_sha256")))
        elif doc_id in out:
            problems.append(Problem("prediction-duplicate-doc", "a second prediction for this document", replace(where, doc_id=doc_id)))
        elif broken := check_structure(item, text, where.file, load()):
            problems += [p.at(line=where.line) for p in broken]
        else:
            out[doc_id] = item
    if problems:
        raise DiplonewsError(problems)
    if not out:
        raise DiplonewsError.of("prediction-empty", "holds no prediction", file=str(path))
    return out
