"""The label inventory, loaded once from ``ontology.json``.

``ontology.json`` is the single source of truth: the JSON Schemas in ``schema/``,
the Label Studio config, the Hugging Face ClassLabels and the tables in the
guidelines are all derived from it. Nothing else in the package spells a label.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Attribute:
    """An attribute a mention label or event type may carry."""

    name: str
    values: tuple | None  # allowed values; None for free-form values (``format`` says how checked)
    required: bool
    definition: str
    format: str | None = None
    default: object = None  # what the authoring markup fills in when the attribute is left out


@dataclass(frozen=True)
class MentionLabel:
    name: str
    definition: str
    coreferent: bool  # whether its mentions are grouped into entities
    attributes: dict[str, Attribute]


@dataclass(frozen=True)
class RelationType:
    name: str
    head: tuple[str, ...]
    tail: tuple[str, ...]
    definition: str


@dataclass(frozen=True)
class EventType:
    name: str
    definition: str
    roles: dict[str, tuple[str, ...]]  # role -> allowed mention labels
    attributes: dict[str, Attribute]


@dataclass(frozen=True)
class Ontology:
    version: str
    id_pattern: str
    doc_id_pattern: str
    kb_id_pattern: str
    mention_labels: dict[str, MentionLabel]
    relation_types: dict[str, RelationType]
    event_types: dict[str, EventType]
    statuses: dict[str, str]  # status -> definition, in order
    stage_labels: dict[str, str]  # stage -> human-readable label, in lifecycle order
    metadata_fields: dict[str, dict]  # closed metadata vocabularies
    annotation_statuses: tuple[str, ...]

    @property
    def treaty_action_type(self) -> str:
        """The event type that carries a lifecycle ``stage`` (TREATY_ACTION): code asks this, never spells it."""
        return next(name for name, ev in self.event_types.items() if "stage" in ev.attributes)

    @property
    def date_label(self) -> str:
        """The mention label whose values are TIMEX3 (DATE)."""
        return next(name for name, m in self.mention_labels.items() if any(a.format == "timex3" for a in m.attributes.values()))

    @property
    def stages(self) -> tuple[str, ...]:
        return self.event_types[self.treaty_action_type].attributes["stage"].values

    @property
    def coreferent_labels(self) -> tuple[str, ...]:
        return tuple(n for n, m in self.mention_labels.items() if m.coreferent)


def _attributes(raw: dict) -> dict[str, Attribute]:
    return {
        name: Attribute(
            name=name,
            values=tuple(spec["values"]) if "values" in spec else None,
            required=spec.get("required", False),
            definition=spec["definition"],
            format=spec.get("format"),
            default=spec.get("default"),
        )
        for name, spec in raw.items()
    }


def parse_ontology(raw: dict) -> Ontology:
    """Build the typed ontology from its JSON form, expanding ``@actor`` role shorthands."""
    actor = tuple(raw["actor_labels"])

    def labels(spec) -> tuple[str, ...]:
        return actor if spec == "@actor" else tuple(spec)

    ontology = Ontology(
        version=raw["version"],
        id_pattern=raw["id_pattern"],
        doc_id_pattern=raw["doc_id_pattern"],
        kb_id_pattern=raw["kb_id_pattern"],
        mention_labels={
            m["name"]: MentionLabel(m["name"], m["definition"], m["coreferent"], _attributes(m["attributes"]))
            for m in raw["mention_labels"]
        },
        relation_types={
            r["name"]: RelationType(r["name"], tuple(r["head"]), tuple(r["tail"]), r["definition"])
            for r in raw["relation_types"]
        },
        event_types={
            e["name"]: EventType(
                e["name"], e["definition"], {role: labels(spec) for role, spec in e["roles"].items()}, _attributes(e["attributes"])
            )
            for e in raw["event_types"]
        },
        statuses={s["name"]: s["definition"] for s in raw["event_statuses"]},
        stage_labels=dict(raw["stage_labels"]),
        metadata_fields=raw["metadata"],
        annotation_statuses=tuple(raw["annotation_statuses"]),
    )
    _check_consistency(ontology)
    return ontology


def _check_consistency(ontology: Ontology) -> None:
    """Refuse an ontology whose parts name labels or stages that do not exist."""
    known = set(ontology.mention_labels)
    for rel in ontology.relation_types.values():
        unknown = (set(rel.head) | set(rel.tail)) - known
        if unknown:
            raise ValueError(f"ontology: relation {rel.name} names unknown labels {sorted(unknown)}")
    for ev in ontology.event_types.values():
        for role, allowed in ev.roles.items():
            if set(allowed) - known:
                raise ValueError(f"ontology: role {ev.name}.{role} names unknown labels {sorted(set(allowed) - known)}")
    if tuple(ontology.stage_labels) != ontology.stages:
        raise ValueError("ontology: stage_labels must list exactly the TREATY_ACTION stages, in the same order")


@cache
def load() -> Ontology:
    """The packaged ontology (cached: it never changes while a process runs)."""
    text = resources.files("diplonews").joinpath("ontology.json").read_text(encoding="utf-8")
    return parse_ontology(json.loads(text))
