"""Schema validation with a compiled fast path, and integers that are integers.

Valid documents (nearly all of them) are checked by ``jsonschema-rs``, which is compiled;
only a document it rejects is run through ``jsonschema``'s pure-Python validator, whose
errors carry the keyword and path needed for a precise report.

JSON Schema counts ``82.0`` as an integer (a number with no fraction), and both
validators follow it; but an offset of ``82.0`` cannot index a text, and every tool that
reads the file would crash on it. So the detailed validator's ``integer`` is Python's
(``int``, not ``bool``), and a document holding any float skips the fast path.
"""
from __future__ import annotations

from functools import cache

import jsonschema
import jsonschema_rs

from .. import schemas
from ..problems import Location, Problem

_STRICT_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool))
StrictValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=_STRICT_TYPES)


def has_float(instance) -> bool:
    """Whether a float stands anywhere in a parsed JSON document (walked without recursion)."""
    stack = [instance]
    while stack:
        node = stack.pop()
        if isinstance(node, float):
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


class SchemaChecker:
    """Checks instances against one schema; returns Problems with JSON paths and annotation ids."""

    def __init__(self, schema: dict):
        jsonschema.Draft202012Validator.check_schema(schema)
        self._fast = jsonschema_rs.validator_for(schema)
        self._detailed = StrictValidator(schema)

    def check(self, instance, file: str, doc_id: str | None) -> list[Problem]:
        if not has_float(instance) and self._fast.is_valid(instance):
            return []
        return [
            Problem(f"schema.{error.validator}", error.message,
                    Location(file, doc_id, _nearest_id(instance, error.absolute_path), error.json_path))
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
