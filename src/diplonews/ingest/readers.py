"""Readers: one input file -> raw records (text plus whatever metadata the input gives).

``.txt``: the whole file is the text (UTF-8, a BOM is dropped), the file stem its source
name. ``.html``: trafilatura extracts the main text (comments, tables and navigation
left out) and the page metadata: title, date, URL (canonical link), outlet (site name,
else host name). ``.jsonl``: one JSON object a line with ``text`` and optionally any
metadata field (``id``, ``title``, ``url``, ``published``, ``outlet``, ...).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError


@dataclass
class RawDocument:
    source: str  # where it came from, for messages: file, or file:line
    stem: str  # a name to derive the doc id from when none is given
    text: str
    meta: dict = field(default_factory=dict)  # metadata fields the input gave


def _decode(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 ({exc})") from None


def read_txt(path: Path) -> list[RawDocument]:
    return [RawDocument(str(path), path.stem, _decode(path))]


def read_html(path: Path) -> list[RawDocument]:
    import trafilatura

    doc = trafilatura.bare_extraction(_decode(path), with_metadata=True, include_comments=False, include_tables=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise IngestError(f"{path}: no article text found in the page")
    meta = {"title": doc.title, "published": doc.date, "url": doc.url, "outlet": doc.sitename or doc.hostname}
    return [RawDocument(str(path), path.stem, doc.text, {k: v for k, v in meta.items() if v})]


def read_jsonl(path: Path) -> list[RawDocument]:
    out = []
    for n, line in enumerate(_decode(path).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{where}: not valid JSON ({exc})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise IngestError(f"{where}: each line must be a JSON object with a string 'text'")
        text = record.pop("text")
        out.append(RawDocument(where, str(record.get("id") or record.get("title") or f"{path.stem}-{n}"), text, record))
    return out


READERS = {".txt": read_txt, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl}


def read_inputs(path: Path) -> list[RawDocument]:
    """The raw documents in one input file, by its suffix."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"{path}: cannot ingest {path.suffix or 'files without a suffix'}; use {', '.join(READERS)}")
    return reader(path)
