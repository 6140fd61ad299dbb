"""Gold or predicted annotations -> Label Studio tasks with pre-annotations.

A task carries ``data.text`` and ``data.doc_id`` (shown), plus ``data.diplonews``, what
the labeling screen cannot hold but the way back needs: the text hash, the region ids of
the pre-annotation (regions with other ids are new and get fresh ids on import), the
relation ids by (type, head, tail), and each entity's canonical name and kb_id.

Region ids are the gold ids: mention ids for ``mention`` regions, event ids for
``trigger`` regions. Per-region fields repeat the region id (Label Studio's only link).
"""
from __future__ import annotations

from pathlib import Path

from ..corpus import Layout, text_sha256
from ..gold import read_gold
from ..ontology import Ontology, load
from ..predictions import read_predictions
from . import config
from ..problems import DiplonewsError

GOLD_MODEL_VERSION = "gold"


def _region(ident: str, control: str, kind: str, span: dict, payload: dict) -> dict:
    value = {"start": span["start"], "end": span["end"], "text": span["text"], **payload}
    return {"id": ident, "from_name": control, "to_name": config.TEXT, "type": kind, "value": value}


def _attribute_items(ident: str, owner: str, span: dict, attributes: dict, fields: dict[str, config.AttributeField]) -> list[dict]:
    """Per-region items for the attributes an item carries, in the config's field order."""
    out = []
    for field in fields.values():
        if field.owner != owner or field.attribute.name not in attributes:
            continue
        encoded = field.encode(attributes[field.attribute.name])
        payload = {"choices": [encoded]} if field.kind == "choices" else {"text": [encoded]}
        out.append(_region(ident, field.name, field.kind, span, payload))
    return out


def _arrow(head: str, tail: str, labels: list[str]) -> dict:
    return {"from_id": head, "to_id": tail, "type": "relation", "direction": "right", "labels": labels}


def _arrows(ann: dict) -> list[dict]:
    """Relations and event arguments as arrows; labels of one ordered pair share one arrow."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for r in ann["relations"]:
        pairs.setdefault((r["head"], r["tail"]), []).append(r["type"])
    for ev in ann["events"]:
        for arg in ev["arguments"]:
            pairs.setdefault((ev["id"], arg["ref"]), []).append(arg["role"])
    return [_arrow(head, tail, labels) for (head, tail), labels in pairs.items()]


def annotation_to_result(ann: dict, ontology: Ontology | None = None) -> list[dict]:
    """The Label Studio result list for one annotation document (gold or prediction)."""
    o = ontology or load()
    fields = config.attribute_fields(o)
    entity_of = {ref: e["id"] for e in ann["entities"] for ref in e["mentions"]}
    out = []
    for m in ann["mentions"]:
        out.append(_region(m["id"], config.MENTION, "labels", m, {"labels": [m["label"]]}))
        out += _attribute_items(m["id"], m["label"], m, m["attributes"], fields)
        if m["id"] in entity_of:
            out.append(_region(m["id"], config.ENTITY, "textarea", m, {"text": [entity_of[m["id"]]]}))
    for ev in ann["events"]:
        trigger = ev["trigger"]
        out.append(_region(ev["id"], config.TRIGGER, "labels", trigger, {"labels": [ev["type"]]}))
        out.append(_region(ev["id"], config.STATUS, "choices", trigger, {"choices": [ev["status"]]}))
        out += _attribute_items(ev["id"], ev["type"], trigger, ev["attributes"], fields)
    return out + _arrows(ann)


def task_data(doc_id: str, text: str, ann: dict | None) -> dict:
    """The task's ``data``: text and doc id, and what the way back needs (see module doc)."""
    ann = ann or {"mentions": [], "entities": [], "relations": [], "events": []}
    return {
        "text": text,
        "doc_id": doc_id,
        "diplonews": {
            "text_sha256": text_sha256(text),
            "regions": [m["id"] for m in ann["mentions"]] + [ev["id"] for ev in ann["events"]],
            "relations": [{k: r[k] for k in ("id", "type", "head", "tail")} for r in ann["relations"]],
            "entities": [{"id": e["id"], "name": e["name"], "kb_id": e["kb_id"]} for e in ann["entities"]],
        },
    }


def make_task(doc_id: str, text: str, ann: dict | None, model_version: str) -> dict:
    """One task; with ``ann`` it arrives pre-annotated (a prediction of ``model_version``)."""
    task = {"data": task_data(doc_id, text, ann)}
    if ann is not None:
        task["predictions"] = [{"model_version": model_version, "score": 1.0, "result": annotation_to_result(ann)}]
    return task


def build_tasks(layout: Layout, doc_ids: list[str] | None = None, predictions: Path | None = None) -> list[dict]:
    """Tasks for ``doc_ids`` (default: every corpus text), pre-annotated from gold or ``predictions``.

    With a predictions file, documents it does not cover get no pre-annotation; without
    one, documents without gold get none (they await annotation).
    """
    known = layout.text_ids()
    chosen = list(doc_ids) if doc_ids else known
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        raise DiplonewsError.of("ls-unknown-doc", f"no corpus text for {', '.join(unknown)}")
    if predictions is not None:
        source = read_predictions(predictions, layout)
        versions = {d: ann.get("system") or Path(predictions).stem for d, ann in source.items()}
    else:
        gold_ids = set(layout.gold_ids())
        source = {d: read_gold(layout, d) for d in chosen if d in gold_ids}
        versions = dict.fromkeys(source, GOLD_MODEL_VERSION)
    return [make_task(d, layout.read_text(d), source.get(d), versions.get(d, GOLD_MODEL_VERSION)) for d in chosen]
