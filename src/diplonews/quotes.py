"""Reading quote-level predictions (or raw model completions) and anchoring a whole file.

The input is read like predictions (JSONL, a folder of ``<doc_id>.json``, one ``.json``).
A line may also be a raw completion, ``{"doc_id": ..., "completion": "<model text>"}``:
its JSON object is taken out by :func:`diplonews.completions.extract_json`, and the line's
``doc_id`` fills in a missing one. Each document is checked against
``schema/quote-prediction.schema.json`` and the corpus, then anchored
(:func:`diplonews.anchoring.anchor_document`).

Two modes. ``anchor`` is strict: a line that cannot be read is bad input, and nothing is
written. ``evaluate --quotes`` is lenient, since scoring a model means scoring what it
did: a line it cannot read is listed (code and line number) and its document is scored as
an empty prediction, so every unreadable answer counts as misses.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from . import schemas
from .anchoring import AnchorReport, anchor_document
from .completions import extract_json
from .corpus import Layout, text_sha256
from .predictions import raw_items
from .problems import DiplonewsError, Location, Problem


@cache
def quote_checker():
    from .validation.schema_check import SchemaChecker  # jsonschema: only when quotes are read

    return SchemaChecker(schemas.quote_prediction_schema())


def _unwrap(item: object, where: Location) -> dict | Problem:
    """The quote-level document of one input item: itself, or the JSON object inside a raw completion."""
    if not isinstance(item, dict) or "completion" not in item:
        return item
    doc_id, completion = item.get("doc_id"), item.get("completion")
    if not isinstance(doc_id, str) or not isinstance(completion, str):
        return Problem("completion-shape", "a completion line needs a string doc_id and a string completion", where)
    found = extract_json(completion)
    if found is None:
        return Problem("completion-no-json", "no JSON object found in the completion (neither a ```json fence nor a balanced {...} that parses)",
                       replace(where, doc_id=doc_id))
    if found.setdefault("doc_id", doc_id) != doc_id:
        return Problem("completion-shape", f"the completion answers for doc_id {found['doc_id']!r}, the line is for {doc_id!r}",
                       replace(where, doc_id=doc_id))
    return found


def _check(item: object, where: Location, layout: Layout, known: set[str], taken: set[str]) -> list[Problem]:
    """Why ``item`` cannot be anchored (schema, unknown document, other text, second answer); empty if it can."""
    doc_id = item.get("doc_id") if isinstance(item, dict) and isinstance(item.get("doc_id"), str) else None
    found = [p.at(line=where.line) for p in quote_checker().check(item, where.file, doc_id)]
    if found:
        return found
    where = replace(where, doc_id=doc_id)
    if doc_id not in known:
        return [Problem("prediction-unknown-doc", f"no corpus text for doc_id {doc_id!r}", where)]
    if "text_sha256" in item and item["text_sha256"] != text_sha256(layout.read_text(doc_id)):
        return [Problem("text-sha256-mismatch", "the prediction was made on a different text", replace(where, path="$.text_sha256"))]
    if doc_id in taken:
        return [Problem("prediction-duplicate-doc", "a second prediction for this document", where)]
    return []


def anchor_file(path: Path, layout: Layout, lenient: bool = False, known: set[str] | None = None) -> tuple[dict[str, dict], AnchorReport]:
    """Predictions with offsets (by doc id) from the quote-level predictions or completions in ``path``, and the report.

    ``known`` limits the documents accepted (default: every corpus text). Strict mode
    raises DiplonewsError with every input problem; lenient mode puts them in the report.
    Either way a file with nothing in it is refused (``prediction-empty``).
    """
    known = set(layout.text_ids()) if known is None else known
    predicted: dict[str, dict] = {}
    report, unreadable = AnchorReport(), []
    lines = 0
    for where, item in raw_items(Path(path)):
        lines += 1
        if isinstance(item, DiplonewsError):
            unreadable += item.problems
            continue
        item = _unwrap(item, where)
        problems = [item] if isinstance(item, Problem) else _check(item, where, layout, known, set(predicted))
        if problems:
            unreadable += problems
            continue
        predicted[item["doc_id"]], one = anchor_document(item, layout.read_text(item["doc_id"]), where)
        report.add(one)
    if not lines:
        raise DiplonewsError.of("prediction-empty", "holds no prediction", file=str(path))
    if unreadable and not lenient:
        raise DiplonewsError(unreadable)
    report.problems = unreadable + report.problems
    return predicted, report
