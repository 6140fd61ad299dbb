"""What replacing a document's gold changes, layer by layer: the report every import prints.

Label Studio imports and exchange-format imports (``diplonews import``) both plan a
:class:`DocChange` per document before anything is written, so a user sees exactly what
will change, and nothing is written unless every document converted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Layout
from .gold import LAYERS, write_gold


@dataclass
class DocChange:
    """What importing changes for one document: per layer, ids added, removed and changed."""

    doc_id: str
    annotation: dict
    is_new: bool
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)
    versions: dict[str, dict] = field(default_factory=dict)  # other annotators' versions, by annotator

    @property
    def unchanged(self) -> bool:
        return not self.is_new and not (self.added or self.removed or self.changed)

    def render(self) -> str:
        if self.is_new:
            counts = ", ".join(f"{len(self.annotation[layer])} {layer}" for layer in LAYERS)
            head = f"{self.doc_id}: new gold ({counts})"
        elif self.unchanged:
            head = f"{self.doc_id}: unchanged"
        else:
            parts = [f"{sign}{layer} {' '.join(ids)}" for sign, diff in (("+", self.added), ("-", self.removed), ("~", self.changed)) for layer, ids in diff.items()]
            head = f"{self.doc_id}: " + "; ".join(parts)
        extra = f" (+{len(self.versions)} annotator version(s): {', '.join(sorted(self.versions))})" if self.versions else ""
        return head + extra


def diff_layers(old: dict, new: dict) -> tuple[dict, dict, dict]:
    """(added, removed, changed) ids per layer between two annotation documents."""
    added, removed, changed = {}, {}, {}
    for layer in LAYERS:
        before = {item["id"]: item for item in old[layer]}
        after = {item["id"]: item for item in new[layer]}
        for target, ids in ((added, after.keys() - before), (removed, before.keys() - after), (changed, {i for i in after.keys() & before if after[i] != before[i]})):
            if ids:
                target[layer] = sorted(ids)
    return added, removed, changed


def write_changed(layout: Layout, changes: list[DocChange]) -> list[Path]:
    """Write the gold file of every new or changed document (each atomically); the paths written."""
    written = []
    for change in changes:
        if not change.unchanged:
            write_gold(layout.gold_path(change.doc_id), change.annotation)
            written.append(layout.gold_path(change.doc_id))
    return written
