"""A ``documents`` row back to the repository's files: text, metadata and gold annotation.

This is the inverse of :func:`diplonews.hf.rows.documents`: ClassLabel ids become names
again and attributes a label does not carry (null in the row) are dropped, so the gold
written from a row is byte-identical to the gold file it was built from.
"""
from __future__ import annotations

from datasets import ClassLabel, List

from ..gold import canonicalize
from . import features as F


def decode(feature, value):
    """``value`` of ``feature`` with every ClassLabel id turned back into its name."""
    if value is None:
        return None
    if isinstance(feature, ClassLabel):
        return feature.int2str(value)
    if isinstance(feature, List):
        return [decode(feature.feature, v) for v in value]
    if isinstance(feature, dict):
        return {key: decode(sub, value[key]) for key, sub in feature.items()}
    return value


def _present(attrs: dict) -> dict:
    return {key: value for key, value in attrs.items() if value is not None}


def meta_from_row(row: dict) -> dict:
    """The ``corpus/<doc_id>.meta.json`` object of a ``documents`` row."""
    named = decode(F.features("documents"), row)
    return {"id": named["doc_id"], **{name: named[name] for name in F.metadata_fields()}}


def gold_from_row(row: dict) -> dict:
    """The gold annotation (canonical order) of a ``documents`` row as ``datasets`` gives it."""
    named = decode(F.features("documents"), row)
    return canonicalize({
        "doc_id": named["doc_id"],
        "text_sha256": named["text_sha256"],
        "ontology_version": named["ontology_version"],
        "provenance": named["provenance"],
        "mentions": [{**m, "attributes": _present(m["attributes"])} for m in named["mentions"]],
        "entities": named["entities"],
        "relations": named["relations"],
        "events": [{**ev, "attributes": _present(ev["attributes"])} for ev in named["events"]],
    })
