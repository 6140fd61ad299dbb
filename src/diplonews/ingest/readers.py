"""Readers: one input file -> raw records (text plus whatever metadata the input gives).

``.txt``: the whole file is the text (UTF-8, a BOM is dropped), the file stem its source
name. ``.html``: trafilatura extracts the main text (comments, tables and navigation
left out) and the page metadata: title, date, URL (canonical link), outlet (site name,
else host name). ``.jsonl``: one JSON object a line with ``text`` and optionally any
metadata field (``id``, ``title``, ``url``, ``published``, ``outlet``, ...).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import jsonio
from ..problems import DiplonewsError, Location


@dataclass
class RawDocument:
    file: str  # the input file it came from
    line: int | None  # its line, for JSONL
    stem: str  # a name to derive the doc id from when none is given
    text: str
    meta: dict = field(default_factory=dict)  # metadata fields the input gave

    @property
    def source(self) -> str:
        """Where it came from, as the metadata's notes say it: file, or file:line."""
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def location(self) -> Location:
        return Location(self.file, line=self.line)


def _decode(path: Path) -> str:
    """The file's text; a byte-order mark is dropped (an input's, not a character of the article)."""
    return jsonio.read_text(path).removeprefix("\ufeff")


def read_txt(path: Path) -> list[RawDocument]:
    return [RawDocument(str(path), None, path.stem, _decode(path))]


def read_html(path: Path) -> list[RawDocument]:
    import trafilatura

    doc = trafilatura.bare_extraction(_decode(path), with_metadata=True, include_comments=False, include_tables=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise DiplonewsError.of("ingest-no-text", "no article text found in the page", file=str(path))
    meta = {"title": doc.title, "published": doc.date, "url": doc.url, "outlet": doc.sitename or doc.hostname}
    return [RawDocument(str(path), None, path.stem, doc.text, {k: v for k, v in meta.items() if v})]


def read_jsonl(path: Path) -> list[RawDocument]:
    out = []
    for n, line in enumerate(_decode(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = jsonio.loads(line, str(path))
        except DiplonewsError as exc:
            raise DiplonewsError([p.at(line=n) for p in exc.problems]) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise DiplonewsError.of("ingest-record", "each line must be a JSON object with a string 'text'", file=str(path), line=n)
        text = record.pop("text")
        out.append(RawDocument(str(path), n, str(record.get("id") or record.get("title") or f"{path.stem}-{n}"), text, record))
    return out


READERS = {".txt": read_txt, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl}


def read_inputs(path: Path) -> list[RawDocument]:
    """The raw documents in one input file, by its suffix."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DiplonewsError.of("ingest-format", f"cannot ingest {path.suffix or 'files without a suffix'}; use {', '.join(READERS)}", file=str(path))
    return reader(path)
