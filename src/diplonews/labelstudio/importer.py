"""A Label Studio JSON export -> gold files, with a per-document change report.

Per task, the chosen annotation is the ground-truth one (the latest, if several), else the
latest completed one; cancelled (skipped) annotations are ignored. Every other annotator's
latest version is kept under ``annotations/annotators/<annotator>/<doc_id>.json`` for
agreement studies. A task is refused when its doc id is unknown or its text differs from
the corpus text. :func:`plan_import` converts everything and raises DiplonewsError listing
every problem; :func:`write_import` writes only a plan that converted completely.

Provenance: when the chosen annotation gives exactly the layers of the current gold file,
the file is left as it is. Otherwise ``annotators`` gains the annotator, ``annotated``
becomes the annotation's last update date, ``status`` stays (``draft`` for a new file),
and ``adjudicated`` becomes true when a ground-truth annotation was chosen among several
annotators' versions. Annotators are named by their e-mail's local part (``anna`` for
``anna@example.org``) when the export carries it (``ls pull`` adds it), else ``user-<id>``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .. import jsonio
from ..changes import DocChange, diff_layers, write_changed
from ..corpus import Layout, text_sha256
from ..gold import LAYERS, canonicalize, read_gold, write_gold
from ..ontology import Ontology, load
from ..problems import DiplonewsError, Location, Problem
from .convert import result_to_annotation


def read_export(path: Path) -> list:
    """The tasks of a Label Studio JSON export; DiplonewsError if it is not a JSON list."""
    try:
        tasks = jsonio.read_json(path)
    except DiplonewsError as exc:  # the export's own code for bad JSON, kept from before the registry
        raise DiplonewsError([replace(p, code="ls-export-json") if p.code == "json-invalid" else p for p in exc.problems]) from None
    if not isinstance(tasks, list):
        raise DiplonewsError.of("ls-export-shape", "the export must be a JSON list of tasks (Label Studio's JSON export)", file=str(path))
    return tasks


def _is_way_back(value) -> bool:
    """Whether ``data.diplonews`` has the shape :func:`.tasks.task_data` gives it (an export is
    user data: a hand-edited one must be refused, not crash the conversion)."""
    def records(key: str, fields: tuple[str, ...]) -> bool:
        items = value.get(key, [])
        return isinstance(items, list) and all(isinstance(x, dict) and all(isinstance(x.get(f), str) for f in fields) for x in items)

    return (isinstance(value, dict) and isinstance(value.get("regions", []), list) and all(isinstance(r, str) for r in value.get("regions", []))
            and records("relations", ("id", "type", "head", "tail")) and records("entities", ("id",)))


def annotator_name(completed_by) -> str:
    """A folder-safe annotator name (see module doc)."""
    if isinstance(completed_by, dict) and completed_by.get("email"):
        local = completed_by["email"].split("@")[0].lower()
        return re.sub(r"[^a-z0-9._-]+", "-", local).strip("-.") or f"user-{completed_by.get('id')}"
    ident = completed_by.get("id") if isinstance(completed_by, dict) else completed_by
    return f"user-{ident}"


def _latest(annotations: list[dict]) -> dict:
    return max(annotations, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))


def choose(annotations: list[dict]) -> tuple[dict | None, dict[str, dict]]:
    """The chosen annotation, and each other annotator's latest one (see module doc)."""
    done = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    if not done:
        return None, {}
    truth = [a for a in done if a.get("ground_truth")]
    chosen = _latest(truth or done)
    by_annotator: dict[str, list[dict]] = {}
    for a in done:
        if a is not chosen:
            by_annotator.setdefault(annotator_name(a.get("completed_by")), []).append(a)
    return chosen, {name: _latest(items) for name, items in by_annotator.items()}


def _provenance(annotation: dict, old: dict | None, adjudicated: bool) -> dict:
    name = annotator_name(annotation.get("completed_by"))
    when = str(annotation.get("updated_at") or annotation.get("created_at") or "")[:10]
    base = old["provenance"] if old else {"annotators": [], "status": "draft", "adjudicated": False}
    return {
        "annotators": sorted(set(base["annotators"]) | {name}),
        "annotated": when,
        "status": base["status"],
        "adjudicated": base["adjudicated"] or adjudicated,
    }


class _Planner:
    """Converts the tasks of one export against one repository, collecting every problem."""

    def __init__(self, layout: Layout, ontology: Ontology):
        self.layout, self.o = layout, ontology
        self.known = set(layout.text_ids())
        self.gold_ids = set(layout.gold_ids())
        self.problems: list[Problem] = []
        self.seen: dict[str, object] = {}

    def task(self, index: int, task) -> DocChange | None:
        task_id = task.get("id", f"#{index}") if isinstance(task, dict) else f"#{index}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("doc_id"), str) or not isinstance(data.get("text"), str):
            self.problems.append(Problem("ls-task-shape", "a task needs data.doc_id and data.text", Location(task=task_id)))
            return None
        if not _is_way_back(data.get("diplonews", {})):
            self.problems.append(Problem("ls-task-shape", "data.diplonews is not what `diplonews ls tasks` writes; re-push the document",
                                         Location(doc_id=data["doc_id"], task=task_id)))
            return None
        doc_id = data["doc_id"]
        if doc_id not in self.known:
            self.problems.append(Problem("ls-unknown-doc", f"no corpus text for doc id {doc_id!r}", Location(doc_id=doc_id, task=task_id)))
            return None
        text = self.layout.read_text(doc_id)
        if text_sha256(data["text"]) != text_sha256(text):
            self.problems.append(Problem("ls-text-changed", "the task's text differs from the corpus text; re-push the document", Location(doc_id=doc_id, task=task_id)))
            return None
        if doc_id in self.seen:
            self.problems.append(Problem("ls-doc-twice", f"task {self.seen[doc_id]} holds the same document", Location(doc_id=doc_id, task=task_id)))
            return None
        self.seen[doc_id] = task_id
        chosen, others = choose(task.get("annotations") or [])
        if chosen is None:
            return None
        return self._change(task_id, doc_id, text, data, chosen, others)

    def _convert(self, task_id, doc_id: str, text: str, data: dict, annotation: dict, provenance: dict) -> dict | None:
        ann, problems = result_to_annotation(annotation.get("result"), task_id, doc_id, text, data.get("diplonews", {}), provenance, self.o)
        self.problems += problems
        return ann

    def _change(self, task_id, doc_id: str, text: str, data: dict, chosen: dict, others: dict[str, dict]) -> DocChange | None:
        old = read_gold(self.layout, doc_id) if doc_id in self.gold_ids else None
        adjudicated = bool(chosen.get("ground_truth")) and bool(others)
        ann = self._convert(task_id, doc_id, text, data, chosen, _provenance(chosen, old, adjudicated))
        versions = {}
        for name, other in others.items():
            version = self._convert(task_id, doc_id, text, data, other, _provenance(other, None, False))
            if version is not None:
                versions[name] = version
        if ann is None or len(versions) != len(others):
            return None
        if old is None:
            return DocChange(doc_id, ann, True, versions=versions)
        added, removed, changed = diff_layers(canonicalize(old), ann)
        if not (added or removed or changed):
            ann = old
        return DocChange(doc_id, ann, False, added, removed, changed, versions)


def plan_import(export: Path, layout: Layout, ontology: Ontology | None = None) -> list[DocChange]:
    """Every document the export changes or confirms; DiplonewsError (nothing planned) on any problem, each naming the export file."""
    planner = _Planner(layout, ontology or load())
    changes = [planner.task(i, task) for i, task in enumerate(read_export(export))]
    if planner.problems:
        raise DiplonewsError([p.at(file=str(export)) for p in planner.problems])
    return [c for c in changes if c is not None]


def annotator_path(layout: Layout, annotator: str, doc_id: str) -> Path:
    return layout.root / "annotations" / "annotators" / annotator / f"{doc_id}.json"


def write_import(layout: Layout, changes: list[DocChange]) -> list[Path]:
    """Write the gold files that change and every annotator version; the paths written."""
    written = write_changed(layout, changes)
    for change in changes:
        for name, version in sorted(change.versions.items()):
            path = annotator_path(layout, name, change.doc_id)
            write_gold(path, version)
            written.append(path)
    return written
