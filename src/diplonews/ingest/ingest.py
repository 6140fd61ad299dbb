"""Plan and write an ingestion: every input checked before anything is written."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import jsonio
from ..corpus import Layout
from ..problems import DiplonewsError, Problem
from ..validation.near_duplicates import INGEST, DuplicateIndex
from ..validation.validator import check_metadata
from .metadata import build_metadata, slugify, unique_id
from .normalize import normalize_text
from .readers import read_inputs


@dataclass(frozen=True)
class Planned:
    doc_id: str
    text: str
    meta: dict
    source: str


def _corpus_state(layout: Layout, pending: dict[str, str]) -> tuple[DuplicateIndex, dict[str, str]]:
    """The duplicate index of the corpus texts (and, as they are planned, of ``pending`` inputs),
    and the split of each story already stored."""
    index, splits = DuplicateIndex(lambda doc_id: pending[doc_id] if doc_id in pending else layout.read_text(doc_id)), {}
    for doc_id in layout.text_ids():
        index.add(doc_id, layout.read_text(doc_id))
        meta = layout.read_meta(doc_id) if layout.meta_path(doc_id).exists() else None
        if isinstance(meta, dict):  # else validation names it; ingest only needs the stories it can read
            splits.setdefault(meta.get("story"), meta.get("split"))
    return index, splits


def plan_ingest(layout: Layout, paths: list[Path], defaults: dict, progress: Callable[[str], None] = lambda _: None) -> list[Planned]:
    """The documents the inputs add; DiplonewsError listing every refused input (nothing planned then)."""
    pending: dict[str, str] = {}
    index, splits = _corpus_state(layout, pending)
    taken = set(layout.text_ids())
    planned, errors = [], []
    for path in paths:
        progress(str(path))
        try:
            raws = read_inputs(Path(path))
        except DiplonewsError as exc:
            errors += exc.problems
            continue
        for raw in raws:
            text = normalize_text(raw.text)
            if not text:
                errors.append(Problem("ingest-no-text", "the text is empty after normalisation", raw.location))
                continue
            duplicate = index.find(text, INGEST)
            if duplicate:
                errors.append(Problem("ingest-duplicate", f"refused, {duplicate.render()}", raw.location))
                continue
            doc_id = unique_id(slugify(str(raw.meta.get("id") or raw.stem)), taken)
            try:
                meta = build_metadata(doc_id, text, raw, defaults, splits)
            except DiplonewsError as exc:
                errors += exc.problems
                continue
            problems = check_metadata(meta, raw.file, doc_id)
            if problems:
                errors += [p.at(line=raw.line) for p in problems]
                continue
            taken.add(doc_id)
            pending[doc_id] = text
            index.add(doc_id, text)
            splits.setdefault(meta["story"], meta["split"])
            planned.append(Planned(doc_id, text, meta, raw.source))
    if errors:
        raise DiplonewsError(errors)
    return planned


STAGING_PREFIX = ".ingest-staging-"


def write_ingest(layout: Layout, planned: list[Planned], progress: Callable[[str], None] = lambda _: None) -> None:
    """Write every text and its metadata, all or nothing.

    The files are first written into a staging folder inside ``corpus/`` (same file
    system, so each move is a rename), then renamed into place, metadata before text.
    If anything fails or the run is interrupted (Ctrl-C), the files already moved are
    removed again, so the corpus is as it was and the same ingest can simply be re-run.
    """
    try:
        layout.corpus_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=layout.corpus_dir, prefix=STAGING_PREFIX))
    except OSError as exc:
        raise jsonio.write_error(layout.corpus_dir, exc) from None
    moved: list[Path] = []
    try:
        for item in planned:
            jsonio.write_json(staging / layout.meta_path(item.doc_id).name, item.meta)
            jsonio.write_atomic(staging / layout.text_path(item.doc_id).name, item.text)
        for item in planned:
            for target in (layout.meta_path(item.doc_id), layout.text_path(item.doc_id)):
                _move(staging / target.name, target)
                moved.append(target)
            progress(item.doc_id)
    except BaseException:
        for target in reversed(moved):
            target.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move(source: Path, target: Path) -> None:
    """Rename a staged file into place, never over an existing one (planning refused those ids)."""
    if target.exists():
        raise DiplonewsError.of("io-write", "already exists: another process wrote it during the ingest", file=str(target))
    try:
        os.replace(source, target)
    except OSError as exc:
        raise jsonio.write_error(target, exc) from None
