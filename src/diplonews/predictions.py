"""Reading system predictions: JSONL (one document a line), a folder of ``<doc_id>.json``,
or a single ``.json`` file holding one document.

A prediction is refused, with the reason, when it breaks the prediction schema, names an
unknown document, or was made on a different text (its ``text_sha256`` differs).
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Iterator

from . import schemas
from .corpus import Layout, text_sha256
from .validation.problems import Problem
from .validation.schema_check import SchemaChecker


class PredictionError(ValueError):
    """Predictions that cannot be used; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.render() for p in problems))


@cache
def prediction_checker() -> SchemaChecker:
    return SchemaChecker(schemas.prediction_schema())


def _parse_file(file: Path) -> tuple[str, object]:
    try:
        return str(file), json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return str(file), exc


def _raw_items(path: Path) -> Iterator[tuple[str, object]]:
    """(where, parsed JSON or the JSONDecodeError) for each document in ``path``."""
    if path.is_dir():
        yield from map(_parse_file, sorted(path.glob("*.json")))
        return
    if path.suffix == ".json":  # one (possibly pretty-printed) document, as in a folder
        yield _parse_file(path)
        return
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.strip():
            try:
                yield f"{path}:{n}", json.loads(line)
            except json.JSONDecodeError as exc:
                yield f"{path}:{n}", exc


def read_predictions(path: Path, layout: Layout) -> dict[str, dict]:
    """Predicted documents by doc id, checked against the schema and the corpus texts."""
    out: dict[str, dict] = {}
    problems: list[Problem] = []
    known = set(layout.text_ids())
    for where, item in _raw_items(Path(path)):
        if isinstance(item, json.JSONDecodeError):
            problems.append(Problem("json-invalid", str(item), where))
            continue
        doc_id = item.get("doc_id") if isinstance(item, dict) else None
        found = prediction_checker().check(item, where, doc_id)
        if found:
            problems += found
        elif doc_id not in known:
            problems.append(Problem("prediction-unknown-doc", f"no corpus text for doc_id {doc_id!r}", where, doc_id))
        elif item["text_sha256"] != text_sha256(layout.read_text(doc_id)):
            problems.append(Problem("text-sha256-mismatch", "the prediction was made on a different text", where, doc_id, None, "$.text_sha256"))
        elif doc_id in out:
            problems.append(Problem("prediction-duplicate-doc", "a second prediction for this document", where, doc_id))
        else:
            out[doc_id] = item
    if problems:
        raise PredictionError(problems)
    return out
