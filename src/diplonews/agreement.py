"""Inter-annotator agreement: two independent annotations of the same documents, scored.

Each side is a folder of gold-format files (``<doc_id>.json``), such as
``annotations/annotators/<name>/``. The second is scored against the first with the
project's scorer; F1 is symmetric, so which side is the reference does not change it.
Both sides must be valid against the corpus texts: agreement over broken files means nothing.
"""
from __future__ import annotations

from pathlib import Path

from . import jsonio
from .corpus import Layout
from .problems import DiplonewsError, Location, Problem
from .scoring import figures, score, score_document
from .validation.validator import check_annotation

FIGURES = (
    "mentions.strict.f1", "mentions.ent_type.f1", "relations.mention.f1", "relations.entity.f1",
    "events.trigger_classification.f1", "events.argument_classification.f1", "events.status.accuracy",
    "treaty_stages.undated.f1", "treaty_stages.dated.f1", "dates.value.accuracy",
)


def read_side(layout: Layout, folder: Path) -> dict[str, dict]:
    """The annotation files of one annotator, each checked against its corpus text (DiplonewsError listing every problem)."""
    docs, problems = {}, []
    for path in sorted(Path(folder).glob("*.json")):
        doc_id = path.stem
        try:
            ann = jsonio.read_json(path)
        except DiplonewsError as exc:
            problems += [p.at(doc_id=doc_id) for p in exc.problems]
            continue
        if not layout.text_path(doc_id).exists():
            problems.append(Problem("text-missing", "no corpus text for this annotation", Location(str(path), doc_id)))
            continue
        found = check_annotation(ann, layout.read_text(doc_id), str(path), doc_id)
        problems += found
        if not found:
            docs[doc_id] = ann
    if problems:
        raise DiplonewsError(problems)
    return docs


def measure(layout: Layout, first: Path, second: Path) -> dict:
    """Agreement of ``second`` with ``first`` over the documents both annotated."""
    a, b = read_side(layout, first), read_side(layout, second)
    shared = sorted(set(a) & set(b))
    if not shared:
        raise DiplonewsError([Problem("agreement-no-documents", "the two folders share no document", Location(str(second)))])
    overall = score({d: a[d] for d in shared}, {d: b[d] for d in shared})
    per_doc = {}
    for doc in shared:
        one = figures(score_document(a[doc], b[doc]).counts)
        per_doc[doc] = {name: one[name] for name in FIGURES}
    return {
        "first": _shown(layout, first),
        "second": _shown(layout, second),
        "documents": shared,
        "metrics": {name: overall.figures[name] for name in FIGURES},
        "ci95": {name: list(overall.overall.intervals[name]) if overall.overall.intervals.get(name) else None
                 for name in FIGURES if name in overall.overall.intervals},
        "per_document": per_doc,
    }


def _shown(layout: Layout, folder: Path) -> str:
    """The folder as the report shows it: relative to the repository where it lies inside."""
    folder = Path(folder).resolve()
    root = layout.root.resolve()
    return str(folder.relative_to(root)) if folder.is_relative_to(root) else str(folder)
