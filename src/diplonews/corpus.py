"""Where a document's files live, and how its text is read and hashed.

A repository holds ``corpus/<doc_id>.txt`` (the exact text), ``corpus/<doc_id>.meta.json``
and ``annotations/gold/<doc_id>.json``. Offsets everywhere are code points into the text
as decoded here: UTF-8, no normalisation applied on read.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from . import jsonio
from .problems import Location, Problem

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

    def corpus_problems(self) -> list[Problem]:
        """``corpus-missing`` when the root has no corpus/: a check of nothing must not pass."""
        if self.corpus_dir.is_dir():
            return []
        return [Problem("corpus-missing", f"no corpus/ folder under {self.root}: give --root or set DIPLONEWS_ROOT",
                        Location(file=str(self.root)))]

    def text_ids(self) -> list[str]:
        """Documents with a text file (a folder or a broken link named like one is no document: validation names it)."""
        return _ids(self.corpus_dir, TEXT_SUFFIX)

    def gold_ids(self) -> list[str]:
        return _ids(self.gold_dir, GOLD_SUFFIX)

    def read_meta(self, doc_id: str) -> dict:
        return jsonio.read_json(self.meta_path(doc_id))

    def read_text(self, doc_id: str) -> str:
        """The stored text, decoded strictly (a bad byte is an ``io-encoding`` problem)."""
        return jsonio.read_text(self.text_path(doc_id))


def _ids(folder: Path, suffix: str) -> list[str]:
    return sorted(p.name[: -len(suffix)] for p in folder.glob(f"*{suffix}") if p.is_file())
