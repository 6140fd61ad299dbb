"""One Label Studio annotation result -> one gold annotation document.

The inverse of :func:`tasks.annotation_to_result`. Offsets are trusted, ``value.text``
never is (the UI writes a literal ``\\n`` for a span across a line break): span texts are
cut from the corpus text. Regions whose ids the task's pre-annotation did not have are new
and get the next free ``m<n>`` (mentions) or ``v<n>`` (triggers) in text order; new
relations get ``r<n>``; a grouped mention with an empty entity field becomes an entity of
its own, ``e<n>``, named by its text. Every structural fault becomes a Problem
naming the task and the region; the finished document then goes through the project's validator.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gold import FreshIds, canonicalize, new_annotation
from ..ontology import Ontology
from ..validation.validator import check_annotation
from . import config
from ..problems import Location, Problem

KINDS = ("labels", "choices", "textarea", "relation")
DIRECTIONS = ("right", "left")


@dataclass
class Region:
    """A labelled span and the per-region values attached to it, keyed by control name."""

    ident: str
    control: str  # config.MENTION or config.TRIGGER
    label: str
    start: int
    end: int
    values: dict[str, object] = field(default_factory=dict)


class _Converter:
    """Collects problems while converting; ``problem`` records one and returns None."""

    def __init__(self, task_id, doc_id: str, text: str, data: dict, ontology: Ontology):
        self.task_id, self.doc_id, self.text, self.data, self.o = task_id, doc_id, text, data, ontology
        self.fields = config.attribute_fields(ontology)
        self.problems: list[Problem] = []
        self.broken: set[str] = set()  # ids of labelled regions already reported; no follow-up problems

    def problem(self, code: str, message: str, region: str | None = None) -> None:
        self.problems.append(Problem(code, message, Location(doc_id=self.doc_id, task=self.task_id, region=region)))

    # -- regions ---------------------------------------------------------------------------

    def regions(self, items: list[dict]) -> dict[str, Region]:
        """Labelled regions by id, with per-region values attached; orphans are problems."""
        regions: dict[str, Region] = {}
        for item in items:
            if item["type"] == "labels":
                region = self._labelled(item)
                if region is None:
                    self.broken.add(item.get("id"))
                elif region.ident in regions:
                    self.problem("ls-region-duplicate", "two labelled regions share this id", region.ident)
                else:
                    regions[region.ident] = region
        for item in items:
            if item["type"] in ("choices", "textarea"):
                self._attach(item, regions)
        return regions

    def _labelled(self, item: dict) -> Region | None:
        ident, control, value = item.get("id"), item.get("from_name"), item["value"]
        vocab = {config.MENTION: self.o.mention_labels, config.TRIGGER: self.o.event_types}.get(control)
        if vocab is None:
            return self.problem("ls-unknown-control", f"labels from unknown control {control!r}", ident)
        labels = value.get("labels") or []
        if len(labels) != 1:
            return self.problem("ls-label-count", f"a region needs exactly one label, has {labels!r}", ident)
        if labels[0] not in vocab:
            return self.problem("ls-unknown-label", f"unknown {control} label {labels[0]!r}", ident)
        start, end = value.get("start"), value.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.text)):
            return self.problem("ls-offsets", f"offsets [{start}, {end}) are not inside the text (length {len(self.text)})", ident)
        return Region(ident, control, labels[0], start, end)

    def _attach(self, item: dict, regions: dict[str, Region]) -> None:
        ident, control, value = item.get("id"), item.get("from_name"), item["value"]
        region = regions.get(ident)
        if region is None and ident in self.broken:
            return None
        if region is None:
            return self.problem("ls-region-missing", f"{item['type']} {control!r} belongs to no labelled region", ident)
        raw = value.get("choices") if item["type"] == "choices" else value.get("text")
        entries = [x.strip() for x in raw if isinstance(x, str) and x.strip()] if isinstance(raw, list) else None
        if entries is None or len(set(entries)) > 1:
            return self.problem("ls-value", f"{control!r} needs one value, has {raw!r}", ident)
        if not entries:
            return None  # an emptied field: the same as no field
        if control == config.STATUS:
            owners, decode = tuple(self.o.event_types), self._status
        elif control == config.ENTITY:
            owners, decode = self.o.coreferent_labels, self._entity_id
        elif control in self.fields:
            owners, decode = (self.fields[control].owner,), self.fields[control].decode
        else:
            return self.problem("ls-unknown-control", f"per-region value from unknown control {control!r}", ident)
        if region.label not in owners:
            return self.problem("ls-value-misplaced", f"{control!r} does not apply to a {region.label} region", ident)
        try:
            region.values[control] = decode(entries[0])
        except ValueError as exc:
            self.problem("ls-value", f"{control!r}: {exc}", ident)

    def _status(self, raw: str) -> str:
        if raw not in self.o.statuses:
            raise ValueError(f"{raw!r} is not one of {', '.join(self.o.statuses)}")
        return raw

    def _entity_id(self, raw: str) -> str:
        if not re.match(self.o.id_pattern, raw):
            raise ValueError(f"entity id {raw!r} does not match {self.o.id_pattern}")
        return raw

    # -- arrows ----------------------------------------------------------------------------

    def arrows(self, items: list[dict], regions: dict[str, Region]) -> list[tuple[str, str, str]]:
        """(head, tail, label) per label of each arrow, checked against the region kinds."""
        out = []
        for item in items:
            if item["type"] != "relation":
                continue
            head, tail, direction = item.get("from_id"), item.get("to_id"), item.get("direction", "right")
            where = f"{head}->{tail}"
            if {head, tail} & self.broken:
                continue
            missing = [r for r in (head, tail) if r not in regions]
            if missing:
                self.problem("ls-relation-dangling", f"relation {where} points to missing region {missing[0]!r}", missing[0])
                continue
            if direction not in DIRECTIONS:
                self.problem("ls-relation-direction", f"relation {where} has direction {direction!r}; use right or left", head)
                continue
            if direction == "left":
                head, tail = tail, head
            labels = item.get("labels") or []
            if not labels:
                self.problem("ls-relation-unlabelled", f"relation {where} has no label", head)
            out += [(head, tail, label) for label in labels if self._arrow_ok(regions[head], regions[tail], label)]
        return out

    def _arrow_ok(self, head: Region, tail: Region, label: str) -> bool:
        where = f"{label} {head.ident}->{tail.ident}"
        if tail.control != config.MENTION:
            self.problem("ls-relation-target", f"{where} points to a trigger; arrows end on mentions", tail.ident)
            return False
        allowed = self.o.event_types[head.label].roles if head.control == config.TRIGGER else self.o.relation_types
        if label not in allowed:
            kind = f"a role of {head.label}" if head.control == config.TRIGGER else "a relation type"
            self.problem("ls-relation-label", f"{where}: {label!r} is not {kind}", head.ident)
            return False
        return True

    # -- the gold document -----------------------------------------------------------------

    def annotation(self, regions: dict[str, Region], arrows: list[tuple[str, str, str]], provenance: dict) -> tuple[dict, dict[str, str]]:
        """The gold document, and the region id each gold id came from (for error messages)."""
        known = set(self.data.get("regions", []))
        kept = {ident for ident in regions if ident in known}
        rel_ids = {(r["type"], r["head"], r["tail"]): r["id"] for r in self.data.get("relations", [])}
        taken = kept | set(rel_ids.values()) | {e["id"] for e in self.data.get("entities", [])}
        taken |= {r.values[config.ENTITY] for r in regions.values() if config.ENTITY in r.values}
        fresh = FreshIds(taken)
        gold_id = {}
        for region in sorted(regions.values(), key=lambda r: (r.start, r.end, r.ident)):
            prefix = "m" if region.control == config.MENTION else "v"
            gold_id[region.ident] = region.ident if region.ident in kept else fresh.next(prefix)
        ann = new_annotation(self.doc_id, self.text, provenance)
        for region in regions.values():
            self._add_region(ann, region, gold_id[region.ident])
        events = {ev["id"]: ev for ev in ann["events"]}
        for head, tail, label in arrows:
            h, t = gold_id[head], gold_id[tail]
            if h in events:
                events[h]["arguments"].append({"role": label, "ref": t})
            else:
                ann["relations"].append({"id": rel_ids.get((label, h, t)) or fresh.next("r"), "type": label, "head": h, "tail": t})
        ann["entities"] = self._entities(regions, gold_id, fresh)
        return canonicalize(ann), {g: r for r, g in gold_id.items()}

    def _add_region(self, ann: dict, region: Region, ident: str) -> None:
        span = {"start": region.start, "end": region.end, "text": self.text[region.start : region.end]}
        spec = (self.o.mention_labels if region.control == config.MENTION else self.o.event_types)[region.label].attributes
        attrs = {f.attribute.name: region.values[name] for name, f in self.fields.items() if f.owner == region.label and name in region.values}
        attrs.update({k: a.default for k, a in spec.items() if k not in attrs and a.default is not None})
        if region.control == config.MENTION:
            ann["mentions"].append({"id": ident, **span, "label": region.label, "attributes": attrs})
            return
        event = {"id": ident, "type": region.label, "trigger": span, "attributes": attrs, "arguments": []}
        if config.STATUS in region.values:
            event["status"] = region.values[config.STATUS]  # else the schema check names the gap
        ann["events"].append(event)

    def _entities(self, regions: dict[str, Region], gold_id: dict[str, str], fresh: FreshIds) -> list[dict]:
        described = {e["id"]: e for e in self.data.get("entities", [])}
        groups: dict[str, list[str]] = {}
        for region in sorted(regions.values(), key=lambda r: (r.start, r.end, r.ident)):
            if region.control == config.MENTION and region.label in self.o.coreferent_labels:
                key = region.values.get(config.ENTITY) or fresh.next("e")
                groups.setdefault(key, []).append(region)
        out = []
        for key, members in groups.items():
            known = described.get(key, {})
            name = known.get("name") or self.text[members[0].start : members[0].end]
            out.append({"id": key, "name": name, "kb_id": known.get("kb_id"), "mentions": [gold_id[r.ident] for r in members]})
        return out


def _well_formed(item) -> bool:
    """A result item of a known kind whose ids are strings and whose value (regions) or labels (arrows) have their types."""
    if not isinstance(item, dict) or item.get("type") not in KINDS:
        return False
    if item["type"] == "relation":
        labels = item.get("labels", [])
        return (isinstance(item.get("from_id"), str) and isinstance(item.get("to_id"), str)
                and isinstance(labels, list) and all(isinstance(label, str) for label in labels))
    labels = item.get("value", {}).get("labels", []) if isinstance(item.get("value"), dict) else None
    return (isinstance(item.get("id"), str) and isinstance(item.get("from_name"), str) and isinstance(labels, list)
            and all(isinstance(label, str) for label in labels))


def result_to_annotation(result, task_id, doc_id: str, text: str, data: dict, provenance: dict, ontology: Ontology) -> tuple[dict | None, list[Problem]]:
    """The gold document for one annotation result, or None and every problem found."""
    conv = _Converter(task_id, doc_id, text, data, ontology)
    if not isinstance(result, list):
        conv.problem("ls-result-shape", "the annotation's result is not a list")
        return None, conv.problems
    items = []
    for item in result:
        if _well_formed(item):
            items.append(item)
        else:
            conv.problem("ls-result-type", f"result item of unknown kind, or malformed (ids, value or labels of the wrong type): {item!r:.80}",
                         item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None)
    regions = conv.regions(items)
    arrows = conv.arrows(items, regions)
    if conv.problems:
        return None, conv.problems
    ann, region_of = conv.annotation(regions, arrows, provenance)
    for p in check_annotation(ann, text, f"task {task_id}", doc_id):
        conv.problems.append(p.at(file=None, task=task_id, region=region_of.get(p.location.annotation_id, p.location.annotation_id)))
    return (None if conv.problems else ann), conv.problems
