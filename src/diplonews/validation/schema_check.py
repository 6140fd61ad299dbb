"""Schema validation with a compiled fast path.

Valid documents (nearly all of them) are checked by ``jsonschema-rs``, which is compiled;
only a document it rejects is run through ``jsonschema``'s pure-Python validator, whose
errors carry the keyword and path needed for a precise report.
"""
from __future__ import annotations

from functools import cache

import jsonschema
import jsonschema_rs

from .. import schemas
from .problems import Problem


class SchemaChecker:
    """Checks instances against one schema; returns Problems with JSON paths and annotation ids."""

    def __init__(self, schema: dict):
        jsonschema.Draft202012Validator.check_schema(schema)
        self._fast = jsonschema_rs.validator_for(schema)
        self._detailed = jsonschema.Draft202012Validator(schema)

    def check(self, instance, file: str, doc_id: str | None) -> list[Problem]:
        if self._fast.is_valid(instance):
            return []
        return [
            Problem(
                rule=f"schema.{error.validator}",
                message=error.message,
                file=file,
                doc_id=doc_id,
                annotation_id=_nearest_id(instance, error.absolute_path),
                path=error.json_path,
            )
            for error in sorted(self._detailed.iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
        ]


def _nearest_id(instance, path) -> str | None:
    """The ``id`` of the innermost item on ``path`` that has one, so a person can find it.

    The top-level object is not an item (a metadata file's ``id`` is the document's).
    """
    found, node = None, instance
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


@cache
def annotation_checker() -> SchemaChecker:
    return SchemaChecker(schemas.annotation_schema())


@cache
def metadata_checker() -> SchemaChecker:
    return SchemaChecker(schemas.metadata_schema())
