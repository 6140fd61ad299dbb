"""Schema validation with a compiled fast path, and integers that are integers.

Valid documents (nearly all of them) are checked by ``jsonschema-rs``, which is compiled;
only a document it rejects is run through ``jsonschema``'s pure-Python validator, whose
errors carry the keyword and path needed for a precise report.

JSON Schema counts ``82.0`` as an integer (a number with no fraction), and both
validators follow it; but an offset of ``82.0`` cannot index a text, and every tool that
reads the file would crash on it. So the detailed validator's ``integer`` is Python's
(``int``, not ``bool``), and a document the fast path accepts is still sent to it when a
float stands where the schema wants an integer. Those places are found once per schema
(:func:`integer_paths`), so the check looks at a few values per item, not the whole tree.
"""
from __future__ import annotations

from functools import cache
from typing import Iterator

import jsonschema
import jsonschema_rs

from .. import schemas
from ..problems import Location, Problem

_STRICT_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool))
StrictValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=_STRICT_TYPES)
EACH = "*"  # a step into every item of a list


def integer_paths(schema: dict) -> set[tuple[str, ...]]:
    """The paths (keys, with :data:`EACH` for list items) of every value ``schema`` types as integer.

    Follows ``properties``, ``items``, local ``$ref`` and the ``then`` of ``allOf`` clauses:
    what the generated schemas use.
    """
    def walk(node, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        if node.get("type") == "integer" or isinstance(node.get("type"), list) and "integer" in node["type"]:
            yield path
        for name, sub in node.get("properties", {}).items():
            yield from walk(sub, (*path, name))
        yield from walk(node.get("items"), (*path, EACH))
        for clause in node.get("allOf", []):
            yield from walk(clause.get("then", clause), path)

    return set(walk(schema, ()))


def _values(node, path: tuple[str, ...]) -> list:
    """The values at ``path`` in a parsed document (none where a key is absent or a shape differs)."""
    nodes = [node]
    for key in path:
        if key == EACH:
            nodes = [item for n in nodes if isinstance(n, list) for item in n]
        else:
            nodes = [n[key] for n in nodes if isinstance(n, dict) and key in n]
    return nodes


class SchemaChecker:
    """Checks instances against one schema; returns Problems with JSON paths and annotation ids."""

    def __init__(self, schema: dict):
        jsonschema.Draft202012Validator.check_schema(schema)
        self._fast = jsonschema_rs.validator_for(schema)
        self._detailed = StrictValidator(schema)
        self._integers = sorted(integer_paths(schema))

    def check(self, instance, file: str, doc_id: str | None) -> list[Problem]:
        if self._fast.is_valid(instance) and not self._float_for_integer(instance):
            return []
        return [
            Problem(f"schema.{error.validator}", error.message,
                    Location(file, doc_id, _nearest_id(instance, error.absolute_path), error.json_path))
            for error in sorted(self._detailed.iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
        ]


    def _float_for_integer(self, instance) -> bool:
        return any(isinstance(value, float) for path in self._integers for value in _values(instance, path))


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
