"""An export folder back into the repository's gold: edit the corpus in brat (or in spaCy),
then import it.

Only formats that hold every layer can come back (those whose ``drops()`` is empty): a
format that drops arguments or entities would delete them from the gold. Every document is
checked before anything is written: it must be a corpus document, its text must be the
corpus text exactly (an annotated text never changes silently), and its annotation must
pass validation. The result is a :class:`~diplonews.changes.DocChange` per document, so the
user sees what changes; :func:`~diplonews.changes.write_changed` then writes only the files
that change.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..changes import DocChange, diff_layers
from ..corpus import Layout, text_sha256
from ..gold import read_gold
from ..problems import DiplonewsError, Location, Problem
from . import FORMATS, drops, format_module


def lossless_formats() -> list[str]:
    """The formats that can be imported: those that drop nothing."""
    return [name for name in FORMATS if not drops(format_module(name))]


def plan(root: Path, name: str, folder: Path, annotator: str | None = None) -> list[DocChange]:
    """What importing the ``name`` export in ``folder`` changes, per document; DiplonewsError
    naming every problem (nothing planned) when any document cannot come back.

    With ``annotator``, a document whose layers change gains that annotator and today's date
    in its provenance; without, the provenance is the one the export recorded."""
    from ..validation.validator import check_annotation  # jsonschema

    if name not in lossless_formats():
        raise DiplonewsError.of("import-lossy", f"{name} drops {', '.join(drops(format_module(name)))}; only "
                                f"{', '.join(lossless_formats())} can be imported without losing layers", file=str(folder))
    layout = Layout(root)
    known = set(layout.text_ids())
    changes, problems = [], []
    for ann in format_module(name).read(Path(folder)):
        doc_id = ann["doc_id"]
        where = Location(str(folder), doc_id)
        if doc_id not in known:
            problems.append(Problem("import-unknown-doc", "no corpus text has this doc id", where))
            continue
        text = layout.read_text(doc_id)
        if ann["text_sha256"] != text_sha256(text):
            problems.append(Problem("import-text-changed", "the exported text differs from the corpus text; texts are changed by "
                                    "`diplonews author compile --replace-text`, never by an import", where))
            continue
        found = check_annotation(ann, text, str(folder), doc_id)
        if found:
            problems += found
            continue
        changes.append(_change(layout, ann, annotator))
    if problems:
        raise DiplonewsError(problems)
    return changes


def _change(layout: Layout, ann: dict, annotator: str | None) -> DocChange:
    path = layout.gold_path(ann["doc_id"])
    old = read_gold(layout, ann["doc_id"]) if path.exists() else None
    if old is None:
        return DocChange(ann["doc_id"], ann, is_new=True)
    added, removed, changed = diff_layers(old, ann)
    if annotator and (added or removed or changed):
        provenance = dict(ann["provenance"])
        provenance["annotators"] = list(dict.fromkeys([*provenance["annotators"], annotator]))
        provenance["annotated"] = dt.date.today().isoformat()
        ann = {**ann, "provenance": provenance}
    elif not (added or removed or changed):
        ann = old  # same layers: the file stays byte for byte as it is
    return DocChange(ann["doc_id"], ann, False, added, removed, changed)
