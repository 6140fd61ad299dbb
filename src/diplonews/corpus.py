"""Where a document's files live, and how its text is read and hashed.

A repository holds ``corpus/<doc_id>.txt`` (the exact text), ``corpus/<doc_id>.meta.json``
and ``annotations/gold/<doc_id>.json``. Offsets everywhere are code points into the text
as decoded here: UTF-8, no normalisation applied on read.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIX = ".txt"
META_SUFFIX = ".meta.json"
GOLD_SUFFIX = ".json"


def text_sha256(text: str) -> str:
    """The hash recorded in annotation files: sha256 of the text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_root(start: Path | None = None) -> Path:
    """The repository root: ``DIPLONEWS_ROOT`` if set, else the nearest folder upwards holding ``corpus/``."""
    env = os.environ.get("DIPLONEWS_ROOT")
    if env:
        return Path(env)
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "corpus").is_dir():
            return folder
    return here


@dataclass(frozen=True)
class Layout:
    """Paths of a diplonews repository."""

    root: Path

    @property
    def corpus_dir(self) -> Path:
        return self.root / "corpus"

    @property
    def gold_dir(self) -> Path:
        return self.root / "annotations" / "gold"

    @property
    def agreement_dir(self) -> Path:
        """Double-annotation rounds, one folder each (see :mod:`diplonews.agreement`)."""
        return self.root / "annotations" / "agreement"

    def text_path(self, doc_id: str) -> Path:
        return self.corpus_dir / f"{doc_id}{TEXT_SUFFIX}"

    def meta_path(self, doc_id: str) -> Path:
        return self.corpus_dir / f"{doc_id}{META_SUFFIX}"

    def gold_path(self, doc_id: str) -> Path:
        return self.gold_dir / f"{doc_id}{GOLD_SUFFIX}"

    def text_ids(self) -> list[str]:
        return sorted(p.name[: -len(TEXT_SUFFIX)] for p in self.corpus_dir.glob(f"*{TEXT_SUFFIX}"))

    def gold_ids(self) -> list[str]:
        return sorted(p.name[: -len(GOLD_SUFFIX)] for p in self.gold_dir.glob(f"*{GOLD_SUFFIX}"))

    def read_meta(self, doc_id: str) -> dict:
        return json.loads(self.meta_path(doc_id).read_text(encoding="utf-8"))

    def read_text(self, doc_id: str) -> str:
        """The stored text, decoded strictly (a bad byte raises UnicodeDecodeError)."""
        return self.text_path(doc_id).read_bytes().decode("utf-8")
