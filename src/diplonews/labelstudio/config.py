"""The Label Studio labeling config, generated from the ontology so it never drifts.

One ``<Text>`` holds the document. Two ``<Labels>`` groups mark spans: ``mention``
(mention labels) and ``trigger`` (event types). One ``<Relations choice="multiple">``
block offers the relation types (mention -> mention) and the event roles (trigger ->
argument mention); ``multiple`` lets one arrow carry two labels, since one ordered pair
of regions may need two (a person who is both speaker and addressee of two statements
is two arrows, but ``ROLE_OF`` and ``ACCREDITED_TO`` between one pair is one arrow).

Per-region fields, shown when a region is selected:

- ``status``: the event status, on every trigger;
- one field per ontology attribute, named ``<owner>_<attribute>`` in lower case
  (``treaty_action_stage``, ``country_metonymic``, ``date_value``) and shown only for
  its owner label: closed vocabularies are ``<Choices>``, free values (TIMEX3) ``<TextArea>``;
- ``entity``: a ``<TextArea>`` on mentions of grouped labels holding the entity id
  (coreference): mentions with the same text in this field form one entity.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..ontology import Attribute, Ontology, load
from ..problems import DiplonewsError

TEXT = "text"
MENTION = "mention"
TRIGGER = "trigger"
STATUS = "status"
ENTITY = "entity"


@dataclass(frozen=True)
class AttributeField:
    """One per-region control carrying an ontology attribute of one label or event type."""

    name: str  # control name in the config and ``from_name`` in results
    owner: str  # the mention label or event type it belongs to
    attribute: Attribute

    @property
    def kind(self) -> str:
        """``choices`` for closed vocabularies, ``textarea`` for free values."""
        return "choices" if self.attribute.values is not None else "textarea"

    def encode(self, value) -> str:
        """The string Label Studio shows for ``value`` (booleans as ``true``/``false``)."""
        return str(value).lower() if isinstance(value, bool) else str(value)

    def decode(self, raw: str):
        """The ontology value for a string from Label Studio; ValueError if not allowed."""
        if self.attribute.values is None:
            return raw
        for value in self.attribute.values:
            if self.encode(value) == raw:
                return value
        raise ValueError(f"{raw!r} is not one of {', '.join(self.encode(v) for v in self.attribute.values)}")


def attribute_fields(ontology: Ontology | None = None) -> dict[str, AttributeField]:
    """Every per-region attribute control, by control name, in ontology order."""
    o = ontology or load()
    owners = [(m.name, m.attributes) for m in o.mention_labels.values()]
    owners += [(e.name, e.attributes) for e in o.event_types.values()]
    fields = {}
    for owner, attributes in owners:
        for attr in attributes.values():
            name = f"{owner.lower()}_{attr.name}"
            if name in fields or name in (TEXT, MENTION, TRIGGER, STATUS, ENTITY):
                raise DiplonewsError.of("ls-config", f"control name {name!r} is used twice; rename the attribute in the ontology")
            fields[name] = AttributeField(name, owner, attr)
    return fields


def relation_labels(ontology: Ontology | None = None) -> list[str]:
    """Relation types, then the event roles (each once): every label an arrow may carry."""
    o = ontology or load()
    roles = list(dict.fromkeys(role for ev in o.event_types.values() for role in ev.roles))
    clash = set(roles) & set(o.relation_types)
    if clash:
        raise DiplonewsError.of("ls-config", f"{sorted(clash)} name both a relation type and an event role; arrows could not tell them apart")
    return [*o.relation_types, *roles]


def _labels(parent: ET.Element, name: str, items: dict) -> None:
    group = ET.SubElement(parent, "Labels", name=name, toName=TEXT, showInline="true")
    for item in items.values():
        ET.SubElement(group, "Label", value=item.name, hint=item.definition)


def _per_region(parent: ET.Element, tag: str, name: str, shown_for: list[str], choices: list[dict] | None, title: str) -> None:
    view = ET.SubElement(parent, "View", visibleWhen="region-selected", whenLabelValue=",".join(shown_for))
    ET.SubElement(view, "Header", value=title, size="6")
    control = ET.SubElement(view, tag, name=name, toName=TEXT, perRegion="true")
    if tag == "TextArea":
        control.set("maxSubmissions", "1")
        control.set("editable", "true")
    for choice in choices or ():
        ET.SubElement(control, "Choice", choice)


def _choices(field: AttributeField, o: Ontology) -> list[dict]:
    """Choice elements: the stored value as ``alias``, shown by its human label where the ontology has one (stages)."""
    out = []
    for value in field.attribute.values:
        stored = field.encode(value)
        shown = o.stage_labels.get(stored, stored)
        out.append({"value": shown, **({"alias": stored} if shown != stored else {})})
    return out


def labeling_config(ontology: Ontology | None = None) -> str:
    """The labeling config XML for the ontology (Label Studio checks it on project save)."""
    o = ontology or load()
    root = ET.Element("View")
    ET.SubElement(root, "Header", value="$doc_id")
    _labels(root, MENTION, o.mention_labels)
    _labels(root, TRIGGER, o.event_types)
    ET.SubElement(root, "Text", name=TEXT, value="$text")
    relations = ET.SubElement(root, "Relations", choice="multiple")
    for label in relation_labels(o):
        ET.SubElement(relations, "Relation", value=label)
    statuses = [{"value": status, "hint": definition} for status, definition in o.statuses.items()]
    _per_region(root, "Choices", STATUS, list(o.event_types), statuses, "Event status")
    for field in attribute_fields(o).values():
        choices = _choices(field, o) if field.kind == "choices" else None
        _per_region(root, "Choices" if choices else "TextArea", field.name, [field.owner], choices, f"{field.owner} {field.attribute.name}")
    _per_region(root, "TextArea", ENTITY, list(o.coreferent_labels), None, "Entity id (same id = same entity)")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode") + "\n"
