"""The JSON object in a model's raw completion.

Models wrap their answer: a ```json fence, a sentence before it, a remark after it. The
rule is fixed so that every user reads completions alike: the first fenced block that
parses as a JSON object; failing that, the first balanced ``{...}`` that parses. Nothing
else is repaired (no trailing commas removed, no quotes added): a completion that is not
JSON is reported, and its document scored as empty.
"""
from __future__ import annotations

import json
import re

FENCE = re.compile(r"```[A-Za-z0-9_-]*[ \t]*\n(.*?)```", re.S)


def _as_object(text: str) -> dict | None:
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def balanced_objects(text: str):
    """Each ``{...}`` of ``text`` whose braces balance, outside JSON strings, in order of its opening brace."""
    start = text.find("{")
    while start != -1:
        end = _closing(text, start)
        if end is not None:
            yield text[start:end]
        start = text.find("{", start + 1)


def _closing(text: str, start: int) -> int | None:
    """The index after the brace that closes the one at ``start``; None if it never closes."""
    depth, in_string, escaped = 0, False, False
    for i in range(start, len(text)):
        char = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def extract_json(completion: str) -> dict | None:
    """The JSON object a completion answers with, by the rule of this module; None if it has none."""
    for block in FENCE.findall(completion):
        found = _as_object(block.strip())
        if found is not None:
            return found
    for candidate in balanced_objects(completion):
        found = _as_object(candidate)
        if found is not None:
            return found
    return None
