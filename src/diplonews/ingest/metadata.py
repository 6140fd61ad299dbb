"""Metadata for ingested documents: the input's fields, the caller's defaults, documented fallbacks.

Precedence: what the input gives (HTML page metadata, JSONL fields), then the caller's
defaults (``diplonews ingest --outlet ... --published ...``), then these fallbacks:

- ``id``: the input's ``id``, else the file stem (JSONL: the title), made safe (lower-case
  ASCII letters, digits and inner hyphens, at most 80 characters) and unique (``-2``,
  ``-3`` ... appended when taken);
- ``title``: the first line of the text; ``url``: null; ``notes``: where it was ingested from;
- ``rights``: ``LicenseRef-unverified`` with a note not to redistribute before checking;
- ``origin`` published, ``world`` real, ``genre`` news_report, ``language`` en;
- ``sources`` and ``regions`` empty (the reading that annotates the text fills in the regions);
- ``story``: the document id; ``split``: the split already used by the story, else by
  sha256(story), read as an integer, modulo 10: 0-7 train, 8 validation, 9 test
  (deterministic, so a story never moves when the corpus grows).

``outlet`` and ``published`` have no fallback: an input without them is refused.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from ..problems import DiplonewsError, Problem
from ..schemas import metadata_schema
from .readers import RawDocument

MAX_ID = 80
FALLBACKS = {
    "url": None,
    "rights": "LicenseRef-unverified",
    "rights_note": "Rights not checked yet: do not redistribute the text before they are.",
    "origin": "published",
    "world": "real",
    "genre": "news_report",
    "language": "en",
    "sources": [],
    "regions": [],
}


def slugify(name: str) -> str:
    """A safe document id from any name: ASCII lower case, digits, inner hyphens, at most 80 characters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return slug[:MAX_ID].rstrip("-") or "doc"


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... whichever is free first."""
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: MAX_ID - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1


def split_for(story: str, known_splits: dict[str, str]) -> str:
    """The split of ``story``: the one it already has, else the hash rule in the module doc."""
    if story in known_splits:
        return known_splits[story]
    bucket = int(hashlib.sha256(story.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket < 8 else ("validation" if bucket == 8 else "test")


def build_metadata(doc_id: str, text: str, raw: RawDocument, defaults: dict, known_splits: dict[str, str]) -> dict:
    """Complete metadata for one document read from ``raw`` (see the module doc for the order of sources)."""
    fields = metadata_schema()["properties"]
    meta = {**FALLBACKS, **{k: v for k, v in defaults.items() if v is not None}, **{k: v for k, v in raw.meta.items() if k in fields}}
    meta["id"] = doc_id
    meta.setdefault("title", text.split("\n", 1)[0][:200])
    meta.setdefault("notes", f"Ingested from {raw.source}.")
    for required in ("outlet", "published"):
        if not meta.get(required):
            raise DiplonewsError([Problem("ingest-metadata", f"no {required} in the input; give --{required}", raw.location)])
    meta["published"] = str(meta["published"])[:10]
    meta["story"] = slugify(str(meta["story"])) if meta.get("story") else doc_id
    meta.setdefault("split", split_for(meta["story"], known_splits))
    return {k: meta.get(k) for k in fields}
