"""``diplonews view``: a static, offline HTML site of the gold, and of a system's errors beside it.

The site is an index (``index.html``), one page per document (``docs/<doc_id>.html``), a
treaty timeline (``timeline.html``), one stylesheet and one script. With predictions, each
page shows the system's text beside the gold, with the mentions and triggers the scorer
counts as missed, spurious, mislabelled or off in boundary marked (``data-error``), and the
scorer's whole error list of the document below. The folder is replaced only when it is
empty or an earlier view (its manifest lists every file), all or nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

from .. import jsonio
from ..corpus import Layout
from ..ontology import load
from ..problems import DiplonewsError
from . import pages

MANIFEST = "diplonews-view.json"
Progress = Callable[[Iterable, int], Iterable]


@dataclass(frozen=True)
class ViewResult:
    folder: Path
    doc_ids: list[str]
    scored: bool


def _no_progress(items: Iterable, total: int) -> Iterable:
    return items


def error_marks(gold: dict, pred: dict, errors: list) -> tuple[dict[str, str], dict[str, str]]:
    """(gold marks, predicted marks): ``m:<id>`` / ``e:<id>`` -> the scorer's error kind.

    Marks come from the scorer's own error list (strict mention errors, trigger
    classification errors), matched to items by the scorer's rendering of each item, so
    the page marks exactly what ``evaluate --errors`` lists."""
    from ..scoring.views import describe_mention, describe_trigger

    layers = {"mentions": ("m", "mentions", describe_mention), "events.trigger_classification": ("e", "events", describe_trigger)}
    kinds = {(side, e.layer, described): e.kind for e in errors if e.layer in layers
             for side, described in (("gold", e.reference), ("pred", e.predicted)) if described is not None}

    def marks(doc: dict, side: str) -> dict[str, str]:
        return {f"{prefix}:{item['id']}": kinds[key] for layer, (prefix, field, describe) in layers.items()
                for item in doc[field] if (key := (side, layer, describe(item))) in kinds}

    return marks(gold, "gold"), marks(pred, "pred")


def _timeline(golds: dict[str, dict]) -> list[tuple[str, list[dict]]]:
    """Treaties (by Wikidata id where the gold links one, else by canonical name) with their actions
    in lifecycle order, then by date (undated last), then by document."""
    o = load()
    order = {stage: i for i, stage in enumerate(o.stages)}
    treaties: dict[str, tuple[str, list[dict]]] = {}
    for doc_id, gold in golds.items():
        mentions = {m["id"]: m for m in gold["mentions"]}
        entity_of = {m: e for e in gold["entities"] for m in e["mentions"]}
        for ev in gold["events"]:
            if ev["type"] != o.treaty_action_type:
                continue
            times = [mentions[a["ref"]] for a in ev["arguments"] if a["role"] == "time"]
            step = {"doc_id": doc_id, "event_id": ev["id"], "stage": ev["attributes"]["stage"],
                    "stage_label": o.stage_labels[ev["attributes"]["stage"]], "status": ev["status"],
                    "date": times[0]["attributes"].get("value") if times else None, "trigger": ev["trigger"]["text"]}
            for a in ev["arguments"]:
                entity = entity_of.get(a["ref"]) if a["role"] == "treaty" else None
                if entity:
                    key = entity["kb_id"] or entity["name"]
                    treaties.setdefault(key, (entity["name"], []))[1].append(step)
    for _, steps in treaties.values():
        steps.sort(key=lambda s: (order[s["stage"]], s["date"] is None, s["date"] or "", s["doc_id"], s["event_id"]))
    return sorted(treaties.values(), key=lambda t: (t[0].casefold(), t[0]))


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def build_view(root: Path, out: Path, pred_path: Path | None = None, split: str | None = None,
               progress: Progress = _no_progress) -> ViewResult:
    """Validate the repository at ``root`` and write the site of its gold documents (of
    ``split``) into ``out``; with ``pred_path``, score it and show the errors."""
    from ..scoring.corpus_eval import gold_split
    from ..validation.validator import require_valid

    root, out = Path(root).resolve(), Path(out).resolve()
    require_valid(root)
    layout = Layout(root)
    golds, metas = gold_split(layout, split)
    if not golds:
        where = f" in the split {split!r}" if split else ""
        raise DiplonewsError.of("view-no-documents", f"no gold document{where} to view", file=str(layout.gold_dir))
    predicted = _read_predictions(layout, pred_path) if pred_path else None

    def fill(work: Path) -> None:
        (work / "docs").mkdir()
        rows = []
        for doc_id in progress(sorted(golds), len(golds)):
            rows.append(_write_document(work, layout, doc_id, golds[doc_id], metas[doc_id], predicted))
        jsonio.write_atomic(work / "index.html", pages.index_page(rows))
        jsonio.write_atomic(work / "timeline.html", pages.timeline_page(_timeline(golds)))
        jsonio.write_atomic(work / pages.STYLE, _asset(pages.STYLE) + pages.label_css(load()))
        jsonio.write_atomic(work / pages.SCRIPT, _asset(pages.SCRIPT))
        jsonio.write_json(work / MANIFEST, {"files": [*jsonio.folder_files(work), MANIFEST], "documents": sorted(golds),
                                            "predictions": str(pred_path) if pred_path else None})

    jsonio.write_folder(out, fill, MANIFEST, jsonio.listed_files, "a diplonews view", code="view-out-foreign")
    return ViewResult(out, sorted(golds), predicted is not None)


def _read_predictions(layout: Layout, pred_path: Path) -> dict[str, dict]:
    from ..predictions import read_predictions

    return read_predictions(Path(pred_path), layout)


def _write_document(work: Path, layout: Layout, doc_id: str, gold: dict, meta: dict, predicted: dict | None) -> dict:
    """Write one document's page; its row of the index."""
    text = layout.read_text(doc_id)
    pred = errors = None
    marks: tuple[dict, dict] = ({}, {})
    if predicted is not None:
        from ..scoring.score import empty_prediction, score_document

        pred = predicted.get(doc_id) or empty_prediction(gold)
        errors = score_document(gold, pred).errors
        marks = error_marks(gold, pred, errors)
    jsonio.write_atomic(work / "docs" / f"{doc_id}.html", pages.document_page(doc_id, text, meta, gold, pred, errors, marks))
    return {"doc_id": doc_id, "title": meta.get("title"), "world": meta["world"], "genre": meta["genre"], "split": meta["split"],
            "mentions": len(gold["mentions"]), "events": len(gold["events"]), "errors": None if errors is None else len(errors)}
