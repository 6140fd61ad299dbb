"""Compile markup files into the repository, all or nothing, never changing a text silently."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import jsonio
from ..corpus import Layout
from ..gold import canonicalize, read_gold
from ..validation.validator import check_annotation, check_metadata
from .markup import Compiled, MarkupError, compile_markup, render_markup


class AuthoringError(ValueError):
    """Markup that compiles but breaks the data contract; lists every problem with its markup line."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass
class Planned:
    """What one markup file will write."""

    source: Path
    compiled: Compiled
    status: str  # "new", "changed" or "unchanged"


def _check(compiled: Compiled, file: str) -> list[str]:
    doc_id = compiled.meta.get("id", "")
    gold_file = f"annotations/gold/{doc_id}.json"
    problems = check_metadata(compiled.meta, f"{file} (meta)", doc_id) + check_annotation(compiled.gold, compiled.text, gold_file, doc_id)
    messages = []
    for p in problems:
        line = compiled.lines.get(p.annotation_id or "")
        where = f"{file}:{line}" if line else file
        messages.append(f"{where}: [{p.rule}] {p.message}" + (f" ({p.annotation_id} at {p.path})" if p.path else ""))
    return messages


def plan(layout: Layout, sources: list[Path], replace_text: bool = False) -> list[Planned]:
    """Compile and check every source; raise with every problem found, before anything is written."""
    planned, messages = [], []
    for source in sources:
        try:
            compiled = compile_markup(Path(source).read_text(encoding="utf-8"), str(source))
        except MarkupError as exc:
            messages.append(str(exc))
            continue
        found = _check(compiled, str(source))
        doc_id = compiled.meta.get("id", "")
        text_path = layout.text_path(doc_id)
        status = "new"
        if not found and layout.gold_path(doc_id).exists():
            status = "changed"
            if text_path.exists() and text_path.read_bytes().decode("utf-8") != compiled.text and not replace_text:
                found.append(f"{source}: [text-changed] the text differs from {text_path.relative_to(layout.root)}; "
                             "an annotated text never changes silently: pass --replace-text to replace it")
            elif _current(layout, doc_id) == (compiled.text, jsonio.dumps(compiled.meta), jsonio.dumps(compiled.gold)):
                status = "unchanged"
        messages += found
        planned.append(Planned(Path(source), compiled, status))
    if messages:
        raise AuthoringError(messages)
    return planned


def _current(layout: Layout, doc_id: str) -> tuple[str, str, str] | None:
    paths = (layout.text_path(doc_id), layout.meta_path(doc_id), layout.gold_path(doc_id))
    if not all(p.exists() for p in paths):
        return None
    return tuple(p.read_bytes().decode("utf-8") for p in paths)


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
