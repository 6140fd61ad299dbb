"""Inter-annotator agreement: two independent annotations of the same documents, scored.

Each side is a folder of gold-format files (``<doc_id>.json``). The second is scored against the first with the
project's scorer; F1 is symmetric, so which side is the reference does not change it.
Both sides must be valid against the corpus texts: agreement over broken files means nothing.

The rounds the project has run are stored under ``annotations/agreement/<round>/``:
``first-pass/`` (the gold as its writer left it, before adjudication), ``second-pass/``
(the blind annotations, each naming its annotator in its provenance), optionally
``texts/`` (the texts the annotators saw, for documents corrected since), ``report.json``
(exactly what ``diplonews agreement first-pass second-pass [--texts texts] --out
report.json`` writes, so a test can recompute it) and ``notes.md`` (who annotated what,
and what the adjudication changed).
"""
from __future__ import annotations

from dataclasses import dataclass
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


def read_side(layout: Layout, folder: Path, texts: Path | None = None) -> dict[str, dict]:
    """The annotation files of one annotator, each checked against the text it was made on.

    That is the corpus text, or ``texts/<doc_id>.txt`` where a round keeps the text its
    annotators saw because the corpus text was corrected after the round. Every problem
    of every file is collected into one DiplonewsError.
    """
    docs, problems = {}, []
    for path in sorted(Path(folder).glob("*.json")):
        doc_id = path.stem
        kept = Path(texts) / f"{doc_id}.txt" if texts else None
        source = kept if kept and kept.is_file() else layout.text_path(doc_id)
        try:
            ann = jsonio.read_json(path)
            if not source.exists():
                problems.append(Problem("text-missing", "no corpus text for this annotation", Location(str(path), doc_id)))
                continue
            text = jsonio.read_text(source)
        except DiplonewsError as exc:
            problems += [p.at(doc_id=doc_id) for p in exc.problems]
            continue
            continue
        found = check_annotation(ann, text, str(path), doc_id)
        problems += found
        if not found:
            docs[doc_id] = ann
    if problems:
        raise DiplonewsError(problems)
    return docs


def measure(layout: Layout, first: Path, second: Path, texts: Path | None = None) -> dict:
    """Agreement of ``second`` with ``first`` over the documents both annotated (texts: see :func:`read_side`)."""
    a, b = read_side(layout, first, texts), read_side(layout, second, texts)
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


@dataclass(frozen=True)
class Round:
    """One stored double-annotation round: the paths of its parts (the layout is in the module doc)."""

    name: str
    first: Path
    second: Path
    texts: Path | None  # only where a text was corrected after the round
    report: Path
    notes: Path

    @classmethod
    def at(cls, folder: Path) -> Round:
        texts = folder / "texts"
        return cls(folder.name, folder / "first-pass", folder / "second-pass", texts if texts.is_dir() else None,
                   folder / "report.json", folder / "notes.md")


def stored_rounds(layout: Layout) -> list[Round]:
    """The rounds under ``annotations/agreement/`` that hold both passes, by folder name."""
    if not layout.agreement_dir.is_dir():
        return []
    rounds = (Round.at(folder) for folder in sorted(layout.agreement_dir.iterdir()) if folder.is_dir())
    return [r for r in rounds if r.first.is_dir() and r.second.is_dir()]
