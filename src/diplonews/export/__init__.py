"""Exports of the gold corpus to the exchange formats of the field, and their readers back.

One module per format, named in :data:`FORMATS` (format name -> what it is); a format
module has ``write(folder, documents)``, ``read(folder)`` (the gold documents, or for a
format that cannot hold them, what it holds) and ``DROPS`` (what the format cannot hold,
each said in one line; empty when it holds everything). A format with options (CoNLL's
trigger column) declares them in ``OPTIONS`` (name -> help), takes them as keywords of
``write`` and says what it drops with ``drops(**options)`` instead of ``DROPS``. Modules
are imported only when used, so the command line stays light whatever a format needs.

An export is staged and renamed into place (:func:`diplonews.jsonio.write_folder`): no
partial output folder is ever left. Every export folder holds :data:`MANIFEST`, the
document-level record no exchange format has a place for (the ontology version, each
document's split and provenance; the readers take it from there), and the list of the
files the export wrote, which is what lets a later export replace the folder.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from .. import jsonio
from ..corpus import Layout
from ..gold import gold_status_ids, read_gold
from ..ontology import load
from ..problems import DiplonewsError

FORMATS: dict[str, str] = {
    "brat": "brat standoff: <doc_id>.txt and .ann per document, annotation.conf and visual.conf",
    "gliner": "GLiNER training JSON per split (train.json, ...): one item per sentence, tokenized_text and ner spans",
    "textee": "TextEE / OneIE JSON Lines per split (train.jsonl, ...): one window per sentence, entity, event and relation mentions",
    "conll": "CoNLL-2003-style IOB2 columns per split (train.conll, ...): token, mention tag[, trigger tag]",
    "spacy": "spaCy DocBin per split (train.spacy, ...): doc.ents, doc.spans['triggers'], sentences, the rest in doc.user_data",
}
MANIFEST = "diplonews-export.json"

Progress = Callable[[Iterable, int], Iterable]


class Document(NamedTuple):
    """One gold document as an exporter gets it."""

    doc_id: str
    text: str
    gold: dict
    meta: dict

    @property
    def split(self) -> str:
        return self.meta["split"]


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    doc_ids: list[str]
    drops: tuple[str, ...]  # what the format could not hold


def _no_progress(items: Iterable, total: int) -> Iterable:
    return items


def format_module(name: str):
    """The module of format ``name`` (one of :data:`FORMATS`)."""
    return importlib.import_module(f"{__name__}.{name}")


def drops(module, **options) -> tuple[str, ...]:
    """What a format module cannot hold with these options."""
    return module.drops(**options) if hasattr(module, "drops") else module.DROPS


def export(root: Path, name: str, out: Path, split: str | None = None, progress: Progress = _no_progress, **options) -> ExportResult:
    """Validate the repository at ``root`` and export its gold documents (of ``split``, if given) into ``out``.

    ``options`` are the format's own (its ``OPTIONS``), passed to its ``write``.

    Only documents with gold status go out, as in the dataset. ``out`` is replaced only
    when the export is complete, and only when it is empty or an earlier export.
    """
    from ..validation.validator import require_valid  # jsonschema

    module = format_module(name)
    root, out = Path(root).resolve(), Path(out).resolve()
    require_valid(root)
    layout = Layout(root)
    metas = {doc_id: layout.read_meta(doc_id) for doc_id in gold_status_ids(layout)}
    ids = [doc_id for doc_id, meta in metas.items() if split is None or meta["split"] == split]
    if not ids:
        where = f" in the split {split!r}" if split else ""
        raise DiplonewsError.of("export-no-documents", f"no gold document{where} to export", file=str(layout.gold_dir))
    golds = {doc_id: read_gold(layout, doc_id) for doc_id in ids}

    def fill(work: Path) -> None:
        documents = (Document(doc_id, layout.read_text(doc_id), golds[doc_id], metas[doc_id]) for doc_id in ids)
        module.write(work, progress(documents, len(ids)), **options)
        jsonio.write_json(work / MANIFEST, {
            "files": jsonio.folder_files(work),
            "format": name,
            "ontology_version": load().version,
            "documents": {doc_id: {"split": metas[doc_id]["split"], "provenance": golds[doc_id]["provenance"]} for doc_id in ids},
        })

    jsonio.write_folder(out, fill, MANIFEST, jsonio.listed_files, "a diplonews export", code="export-out-foreign")
    return ExportResult(out, ids, drops(module, **options))


def split_files(folder: Path, manifest: dict, suffix: str, problems: list, load=jsonio.read_text) -> Iterator[tuple[str, Path, object]]:
    """(split, path, ``load(path)``) for each split of the manifest, in order; a file that cannot
    be loaded adds its problem to ``problems`` and is skipped, so a reader says every problem at once."""
    for split_name in dict.fromkeys(entry["split"] for entry in manifest["documents"].values()):
        path = Path(folder) / f"{split_name}{suffix}"
        try:
            content = load(path)
        except DiplonewsError as exc:
            problems += exc.problems
            continue
        yield split_name, path, content


def read_manifest(folder: Path) -> dict:
    """The :data:`MANIFEST` of an export folder (an ``io-read`` problem when it is not there)."""
    return jsonio.read_json(Path(folder) / MANIFEST)
