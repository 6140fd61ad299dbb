"""JSON Schemas (Draft 2020-12) generated from the ontology.

The files in ``schema/`` are this module's output, committed so that users can read
the contract without running code; a test fails if they drift from the ontology.
"""
from __future__ import annotations

from pathlib import Path

from . import jsonio
from .ontology import Attribute, Ontology, load

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
RIGHTS_PATTERN = r"^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$"


def _span_properties() -> dict:
    return {
        "start": {"type": "integer", "minimum": 0, "description": "First code point of the span (inclusive)."},
        "end": {"type": "integer", "minimum": 1, "description": "Code point after the span (exclusive)."},
        "text": {"type": "string", "minLength": 1, "description": "The exact slice text[start:end], repeated for checking."},
    }


def _attribute_schema(attr: Attribute) -> dict:
    if attr.values is not None:
        return {"enum": list(attr.values), "description": attr.definition}
    return {"type": "string", "minLength": 1, "description": attr.definition}


def _attributes_object(attributes: dict[str, Attribute]) -> dict:
    """The ``attributes`` object allowed for one label or event type: closed, with its required keys."""
    return {
        "type": "object",
        "properties": {name: _attribute_schema(a) for name, a in attributes.items()},
        "required": [name for name, a in attributes.items() if a.required],
        "additionalProperties": False,
    }


def _per_kind(field: str, kinds: dict, build) -> list[dict]:
    """One ``if <field> is K then ...`` clause per kind K, so each kind gets its own closed shape."""
    return [
        {"if": {"properties": {field: {"const": name}}, "required": [field]}, "then": build(kind)}
        for name, kind in kinds.items()
    ]


def annotation_schema(ontology: Ontology | None = None) -> dict:
    """The schema of ``annotations/gold/<doc_id>.json``."""
    o = ontology or load()
    ident = {"type": "string", "pattern": o.id_pattern}
    span = _span_properties()
    mention = {
        "type": "object",
        "properties": {"id": ident, **span, "label": {"enum": list(o.mention_labels)}, "attributes": {"type": "object"}},
        "required": ["id", "start", "end", "text", "label", "attributes"],
        "additionalProperties": False,
        "allOf": _per_kind("label", o.mention_labels, lambda m: {"properties": {"attributes": _attributes_object(m.attributes)}}),
    }
    entity = {
        "type": "object",
        "properties": {
            "id": ident,
            "name": {"type": "string", "minLength": 1, "description": "Canonical name of the real-world (or fictional) thing."},
            "kb_id": {"type": ["string", "null"], "pattern": o.kb_id_pattern, "description": "Wikidata QID, or null when not linked. Never guessed."},
            "mentions": {"type": "array", "items": ident, "minItems": 1, "uniqueItems": True},
        },
        "required": ["id", "name", "kb_id", "mentions"],
        "additionalProperties": False,
    }
    relation = {
        "type": "object",
        "properties": {"id": ident, "type": {"enum": list(o.relation_types)}, "head": ident, "tail": ident},
        "required": ["id", "type", "head", "tail"],
        "additionalProperties": False,
    }
    event = {
        "type": "object",
        "properties": {
            "id": ident,
            "type": {"enum": list(o.event_types)},
            "trigger": {
                "type": "object",
                "properties": span,
                "required": ["start", "end", "text"],
                "additionalProperties": False,
            },
            "status": {"enum": list(o.statuses)},
            "attributes": {"type": "object"},
            "arguments": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"role": {"type": "string"}, "ref": ident},
                    "required": ["role", "ref"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["id", "type", "trigger", "status", "attributes", "arguments"],
        "additionalProperties": False,
        "allOf": _per_kind(
            "type",
            o.event_types,
            lambda e: {
                "properties": {
                    "attributes": _attributes_object(e.attributes),
                    "arguments": {"items": {"properties": {"role": {"enum": list(e.roles)}}}},
                }
            },
        ),
    }
    return {
        "$schema": DRAFT,
        "$id": f"urn:diplonews:schema:annotation:{o.version}",
        "title": "diplonews gold annotation file",
        "description": "Standoff annotation of one document. Offsets are half-open [start, end) Unicode code points into the stored text.",
        "type": "object",
        "properties": {
            "doc_id": {"type": "string", "pattern": o.doc_id_pattern},
            "text_sha256": {"type": "string", "pattern": SHA256_PATTERN, "description": "sha256 of the UTF-8 bytes of corpus/<doc_id>.txt."},
            "ontology_version": {"const": o.version},
            "provenance": {
                "type": "object",
                "properties": {
                    "annotators": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
                    "annotated": {"type": "string", "pattern": DATE_PATTERN},
                    "status": {"enum": list(o.annotation_statuses)},
                    "adjudicated": {"type": "boolean"},
                },
                "required": ["annotators", "annotated", "status", "adjudicated"],
                "additionalProperties": False,
            },
            "mentions": {"type": "array", "items": {"$ref": "#/$defs/mention"}},
            "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
            "relations": {"type": "array", "items": {"$ref": "#/$defs/relation"}},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
        },
        "required": ["doc_id", "text_sha256", "ontology_version", "provenance", "mentions", "entities", "relations", "events"],
        "additionalProperties": False,
        "$defs": {"mention": mention, "entity": entity, "relation": relation, "event": event},
    }


def _closed_field(spec: dict) -> dict:
    """One closed metadata vocabulary: a single value, or (``multiple``) a set of values.

    A set may be empty in the schema: an ingested article awaits its reading before its
    regions are known; the validator's ``meta-regions`` rule asks them of texts we wrote.
    """
    one = {"enum": spec["values"]}
    if spec.get("multiple"):
        return {"type": "array", "items": one, "uniqueItems": True, "description": spec["definition"]}
    return {**one, "description": spec["definition"]}


def metadata_schema(ontology: Ontology | None = None) -> dict:
    """The schema of ``corpus/<doc_id>.meta.json``."""
    o = ontology or load()
    closed = {name: _closed_field(spec) for name, spec in o.metadata_fields.items()}
    nonempty = {"type": "string", "minLength": 1}
    properties = {
        "id": {"type": "string", "pattern": o.doc_id_pattern},
        "title": nonempty,
        "outlet": {**nonempty, "description": "Who published the text; \"diplonews\" for texts written for the corpus."},
        "url": {"type": ["string", "null"], "pattern": "^https?://"},
        "published": {"type": "string", "pattern": DATE_PATTERN, "description": "Publication date; the anchor for normalising relative dates."},
        "rights": {"type": "string", "pattern": RIGHTS_PATTERN, "description": "SPDX licence id, or LicenseRef-* for a named non-open status."},
        "rights_note": {"type": ["string", "null"], "description": "What the rights mean for reuse, where the id alone does not say."},
        "notes": {"type": ["string", "null"], "description": "Provenance notes: how a date was inferred, what an authored text is based on."},
        "story": {"type": "string", "pattern": o.doc_id_pattern, "description": "Story group: documents of one story share a split."},
        "sources": {
            "type": "array",
            "items": {"type": "string", "pattern": "^https?://"},
            "uniqueItems": True,
            "description": "The public-record pages a real-world text's facts were checked against; empty for fictional texts.",
        },
        **closed,
    }
    return {
        "$schema": DRAFT,
        "$id": f"urn:diplonews:schema:metadata:{o.version}",
        "title": "diplonews document metadata",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def prediction_schema(ontology: Ontology | None = None) -> dict:
    """The schema of one predicted document: the gold layers, keyed by doc id and text hash.

    Provenance and ontology version are optional (a system has no annotators); the layer
    shapes are the gold ones, so a gold file is also a valid prediction.
    """
    o = ontology or load()
    gold = annotation_schema(o)
    properties = {k: v for k, v in gold["properties"].items() if k != "provenance"}
    properties["provenance"] = {"type": "object"}
    properties["system"] = {"type": "string", "description": "Name of the system that made the prediction."}
    return {
        **gold,
        "$id": f"urn:diplonews:schema:prediction:{o.version}",
        "title": "diplonews prediction (one document)",
        "description": "A system's output for one document, in the gold layers. One object per line (JSONL) or one file per document.",
        "properties": properties,
        "required": ["doc_id", "text_sha256", "mentions", "entities", "relations", "events"],
    }


def _quote_properties() -> dict:
    """A span given the way a generative model can give it: the quoted text, no offsets."""
    return {
        "text": {"type": "string", "minLength": 1, "description": "The exact words of the document, as quoted (surrounding white space is ignored)."},
        "occurrence": {"type": "integer", "minimum": 1, "description": "Which occurrence of the text is meant: 1 for the first in the document."},
        "context": {"type": "string", "minLength": 1, "description": "A few words around the quote, to tell repeated occurrences apart."},
    }


def quote_prediction_schema(ontology: Ontology | None = None) -> dict:
    """The schema of one quote-level prediction: the prediction format with every span replaced by a quote.

    ``diplonews anchor`` turns quotes into offsets (see :mod:`diplonews.anchoring`); the
    text hash is optional, since a model cannot compute it (when given, it must match).
    """
    o = ontology or load()
    base = prediction_schema(o)
    quote = _quote_properties()
    mention = {**base["$defs"]["mention"],
               "properties": {"id": base["$defs"]["mention"]["properties"]["id"], **quote,
                              **{k: v for k, v in base["$defs"]["mention"]["properties"].items() if k in ("label", "attributes")}},
               "required": ["id", "text", "label", "attributes"]}
    event = base["$defs"]["event"]
    trigger = {"type": "object", "properties": quote, "required": ["text"], "additionalProperties": False}
    event = {**event, "properties": {**event["properties"], "trigger": trigger}}
    return {
        **base,
        "$id": f"urn:diplonews:schema:quote-prediction:{o.version}",
        "title": "diplonews quote-level prediction (one document)",
        "description": "A system's output for one document with quotes instead of offsets: each mention and trigger gives its "
                       "text, and optionally which occurrence (1-based) or a few words of context. `diplonews anchor` resolves them.",
        "required": [k for k in base["required"] if k != "text_sha256"],
        "$defs": {**base["$defs"], "mention": mention, "event": event},
    }


SCHEMA_FILES = {
    "annotation.schema.json": annotation_schema,
    "metadata.schema.json": metadata_schema,
    "prediction.schema.json": prediction_schema,
    "quote-prediction.schema.json": quote_prediction_schema,
}


def write_schemas(schema_dir: Path) -> list[Path]:
    """Regenerate the committed schema files from the ontology."""
    written = []
    for name, build in SCHEMA_FILES.items():
        path = Path(schema_dir) / name
        jsonio.write_json(path, build())
        written.append(path)
    return written
