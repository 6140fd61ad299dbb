"""The ``datasets.Features`` of every config, derived from the ontology.

Every closed annotation vocabulary (mention labels, relation and event types, statuses,
argument roles, treaty stages, IOB2 tags, and the closed metadata fields) is a
``ClassLabel`` whose names come from ``ontology.json`` in its order, so label ids stay
stable as long as the ontology does; a closed attribute (``stage``, ``direction``,
``mention_type``…) is one too, so a vocabulary has one type in every config. Attributes sit
in an ``attributes`` struct holding every attribute the ontology knows (booleans as bool,
open values as strings); an attribute a label does not carry is null. A DATE's TIMEX3
value also comes as a ``date_start``/``date_end`` pair of dates, which sorts where the
mixed-granularity strings ("2025", "2025-W46", "2025-11-12") do not.
"""
from __future__ import annotations

from functools import cache

from datasets import ClassLabel, Features, List, Value

from .. import schemas
from ..ontology import Attribute, Ontology, load
from ..tokens import iob_names

CONFIGS = ("documents", "ner", "sentences", "relations", "events", "treaty_stages")
DEFAULT_CONFIG = "documents"
SPLITS = ("train", "validation", "test")

STRING, INT, BOOL, DATE = Value("string"), Value("int32"), Value("bool"), Value("date32")


def _label(names) -> ClassLabel:
    return ClassLabel(names=list(names))


def _attribute_feature(attr: Attribute):
    if attr.values is None:
        return STRING
    return BOOL if all(isinstance(v, bool) for v in attr.values) else _label(attr.values)


def attribute_union(groups: list[dict[str, Attribute]]) -> dict:
    """One field per attribute name across ``groups``: bool for booleans, a ClassLabel for
    another closed vocabulary, else string."""
    out: dict = {}
    for attributes in groups:
        for name, attr in attributes.items():
            value = _attribute_feature(attr)
            if out.setdefault(name, value) != value:
                raise ValueError(f"ontology: attribute {name!r} has different types or values on different labels")
    return out


def roles(o: Ontology) -> list[str]:
    """Every argument role, in order of first appearance in the ontology."""
    return list(dict.fromkeys(role for ev in o.event_types.values() for role in ev.roles))


def metadata_fields() -> list[str]:
    """The metadata keys of ``corpus/<doc_id>.meta.json`` other than ``id``, in schema order."""
    return [name for name in schemas.metadata_schema()["properties"] if name != "id"]


def _metadata(o: Ontology) -> dict:
    closed = o.metadata_fields
    properties = schemas.metadata_schema(o)["properties"]

    def feature(name):
        if name in closed:
            label = _label(closed[name]["values"])
            return List(label) if closed[name].get("multiple") else label
        return List(STRING) if properties[name].get("type") == "array" else STRING

    return {name: feature(name) for name in metadata_fields()}


def _span() -> dict:
    return {"start": INT, "end": INT, "text": STRING}


def _mention(o: Ontology) -> dict:
    return {"id": STRING, **_span(), "label": _label(o.mention_labels)}


def _dates() -> dict:
    """The calendar range of a TIMEX3 value (validation.timex.calendar_range), null when it is none."""
    return {"date_start": DATE, "date_end": DATE}


def documents(o: Ontology) -> Features:
    mention_attrs = attribute_union([m.attributes for m in o.mention_labels.values()])
    event_attrs = attribute_union([e.attributes for e in o.event_types.values()])
    return Features({
        "doc_id": STRING,
        "text": STRING,
        "text_sha256": STRING,
        "ontology_version": STRING,
        **_metadata(o),
        "provenance": {"annotators": List(STRING), "annotated": STRING, "status": _label(o.annotation_statuses), "adjudicated": BOOL},
        "mentions": List({**_mention(o), "attributes": mention_attrs}),
        "entities": List({"id": STRING, "name": STRING, "kb_id": STRING, "mentions": List(STRING)}),
        "relations": List({"id": STRING, "type": _label(o.relation_types), "head": STRING, "tail": STRING}),
        "events": List({
            "id": STRING,
            "type": _label(o.event_types),
            "trigger": _span(),
            "status": _label(o.statuses),
            "attributes": event_attrs,
            "arguments": List({"role": _label(roles(o)), "ref": STRING}),
        }),
    })


def _tokens() -> dict:
    """Tokens with their code-point offsets into the document (not into the row's text)."""
    return {"tokens": List(STRING), "token_starts": List(INT), "token_ends": List(INT)}


def _tags(o: Ontology) -> dict:
    return {"ner_tags": List(_label(iob_names(o.mention_labels))), "trigger_tags": List(_label(iob_names(o.event_types)))}


def ner(o: Ontology) -> Features:
    return Features({
        "doc_id": STRING,
        "text": STRING,
        **_tokens(),
        "sentences": List({"start": INT, "end": INT, "token_start": INT, "token_end": INT}),
        **_tags(o),
    })


def sentences(o: Ontology) -> Features:
    return Features({"doc_id": STRING, "index": INT, "start": INT, "end": INT, "text": STRING, **_tokens(), **_tags(o)})


def relations(o: Ontology) -> Features:
    end = {**_mention(o), "entity": STRING}
    return Features({
        "doc_id": STRING,
        "id": STRING,
        "type": _label(o.relation_types),
        "head": end,
        "tail": end,
        "context": {"start": INT, "end": INT, "text": STRING},
    })


def events(o: Ontology) -> Features:
    return Features({
        "doc_id": STRING,
        "id": STRING,
        "type": _label(o.event_types),
        "trigger": _span(),
        "status": _label(o.statuses),
        "attributes": attribute_union([e.attributes for e in o.event_types.values()]),
        "arguments": List({"role": _label(roles(o)), **_mention(o), "entity": STRING, "value": STRING, **_dates()}),
    })


def treaty_stages(o: Ontology) -> Features:
    return Features({
        "doc_id": STRING,
        "event_id": STRING,
        "published": STRING,
        "treaty": STRING,
        "treaty_kb_id": STRING,
        "stage": _label(o.stages),
        "status": _label(o.statuses),
        "trigger": _span(),
        "date": STRING,
        **_dates(),
        "date_text": STRING,
        "actors": List(STRING),
        "parties": List(STRING),
    })


@cache
def features(config: str) -> Features:
    """The declared features of ``config`` (one of :data:`CONFIGS`)."""
    builders = {"documents": documents, "ner": ner, "sentences": sentences, "relations": relations, "events": events, "treaty_stages": treaty_stages}
    return builders[config](load())
