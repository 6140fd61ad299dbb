"""Compile markup files into the repository, all or nothing, never changing a text silently."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import jsonio
from ..corpus import Layout
from ..gold import canonicalize, read_gold
from ..problems import DiplonewsError, Location, Problem
from ..validation.validator import check_annotation, check_metadata
from .markup import Compiled, compile_markup, render_markup


@dataclass
class Planned:
    """What one markup file will write."""

    source: Path
    compiled: Compiled
    status: str  # "new", "changed" or "unchanged"


def _check(compiled: Compiled, file: str) -> list[Problem]:
    """Contract problems of a compiled file, placed in the markup: the line an annotation id was
    written on, and for metadata the JSON path inside the header (``$.meta.published``)."""
    doc_id = compiled.meta.get("id", "")
    meta = [p.at(file=file, path="$.meta" + (p.location.path or "$")[1:])
            for p in check_metadata(compiled.meta, file, doc_id)]
    gold = [p.at(file=file, line=compiled.lines.get(p.location.annotation_id or ""))
            for p in check_annotation(compiled.gold, compiled.text, file, doc_id)]
    return meta + gold


def plan(layout: Layout, sources: list[Path], replace_text: bool = False) -> list[Planned]:
    """Compile and check every source; raise DiplonewsError with every problem found, before anything is written."""
    planned, problems = [], []
    for source in sources:
        try:
            compiled = compile_markup(jsonio.read_text(source), str(source))
        except DiplonewsError as exc:
            problems += exc.problems
            continue
        found = _check(compiled, str(source))
        doc_id = compiled.meta.get("id", "")
        text_path = layout.text_path(doc_id)
        status = "new"
        if not found and layout.gold_path(doc_id).exists():
            status = "changed"
            if text_path.exists() and layout.read_text(doc_id) != compiled.text and not replace_text:
                found.append(Problem("text-changed", f"the text differs from {text_path.relative_to(layout.root)}; an annotated "
                                     "text never changes silently: pass --replace-text to replace it", Location(str(source), doc_id)))
            elif _current(layout, doc_id) == (compiled.text, jsonio.dumps(compiled.meta), jsonio.dumps(compiled.gold)):
                status = "unchanged"
        problems += found
        planned.append(Planned(Path(source), compiled, status))
    if problems:
        raise DiplonewsError(problems)
    return planned


def _current(layout: Layout, doc_id: str) -> tuple[str, str, str] | None:
    paths = (layout.text_path(doc_id), layout.meta_path(doc_id), layout.gold_path(doc_id))
    if not all(p.exists() for p in paths):
        return None
    return tuple(jsonio.read_text(p) for p in paths)


def write(layout: Layout, planned: list[Planned]) -> None:
    """Write text, metadata and gold of every planned document (each file atomically)."""
    for item in planned:
        doc_id = item.compiled.meta["id"]
        jsonio.write_atomic(layout.text_path(doc_id), item.compiled.text)
        jsonio.write_json(layout.meta_path(doc_id), item.compiled.meta)
        jsonio.write_json(layout.gold_path(doc_id), canonicalize(item.compiled.gold))


def render(layout: Layout, doc_id: str) -> str:
    """The markup of a document already in the repository, for editing by hand."""
    text = layout.read_text(doc_id)
    meta = layout.read_meta(doc_id)
    gold = read_gold(layout, doc_id)
    return render_markup(text, meta, gold)
