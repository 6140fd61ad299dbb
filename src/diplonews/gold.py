"""Gold annotation documents: building, canonical order, reading and writing.

Every writer of gold files (authoring markup, Label Studio import, dataset round trips)
passes through :func:`canonicalize`, so the same annotations always give the same bytes.
"""
from __future__ import annotations

from pathlib import Path

from . import jsonio
from .corpus import Layout, text_sha256
from .ontology import load

LAYERS = ("mentions", "entities", "relations", "events")


def new_annotation(doc_id: str, text: str, provenance: dict) -> dict:
    """An annotation document with empty layers, bound to ``text`` by its hash."""
    return {
        "doc_id": doc_id,
        "text_sha256": text_sha256(text),
        "ontology_version": load().version,
        "provenance": dict(provenance),
        **{layer: [] for layer in LAYERS},
    }


def canonicalize(ann: dict) -> dict:
    """The same annotations in canonical item order (by text position, then id).

    Mentions and events by span; entities by their first mention; relations by the
    positions of head and tail; event arguments by the ontology's role order, then
    position. Unknown references sort last rather than failing: validation reports them.
    """
    position = {m["id"]: (m["start"], m["end"]) for m in ann["mentions"]}
    far = (float("inf"), float("inf"))

    def pos(ref: str):
        return position.get(ref, far)

    out = dict(ann)
    out["mentions"] = sorted(ann["mentions"], key=lambda m: (m["start"], m["end"], m["id"]))
    entities = [{**e, "mentions": sorted(e["mentions"], key=lambda r: (pos(r), r))} for e in ann["entities"]]
    out["entities"] = sorted(entities, key=lambda e: (pos(e["mentions"][0]) if e["mentions"] else far, e["id"]))
    out["relations"] = sorted(ann["relations"], key=lambda r: (pos(r["head"]), pos(r["tail"]), r["type"], r["id"]))
    event_types = load().event_types
    events = []
    for ev in ann["events"]:
        roles = list(event_types[ev["type"]].roles) if ev["type"] in event_types else []
        rank = {role: i for i, role in enumerate(roles)}
        args = sorted(ev["arguments"], key=lambda a: (rank.get(a["role"], len(rank)), pos(a["ref"]), a["ref"]))
        events.append({**ev, "arguments": args})
    out["events"] = sorted(events, key=lambda e: (e["trigger"]["start"], e["trigger"]["end"], e["id"]))
    return out


class FreshIds:
    """Hands out the first free ``<prefix><n>`` (``m3``, ``r12``) for items that have no id yet."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)

    def next(self, prefix: str) -> str:
        n = 1
        while f"{prefix}{n}" in self.taken:
            n += 1
        self.taken.add(f"{prefix}{n}")
        return f"{prefix}{n}"


def read_gold(layout: Layout, doc_id: str) -> dict:
    return jsonio.read_json(layout.gold_path(doc_id))


def gold_status_ids(layout: Layout) -> list[str]:
    """Ids of documents whose annotation has status ``gold``: drafts stay out of the dataset and the benchmark."""
    return [doc_id for doc_id in layout.gold_ids() if read_gold(layout, doc_id)["provenance"]["status"] == "gold"]


def write_gold(path: Path, ann: dict) -> None:
    jsonio.write_json(path, canonicalize(ann))
