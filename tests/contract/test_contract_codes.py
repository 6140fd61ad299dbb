"""The registry of problem codes: every code the package emits is registered, listed by
``diplonews codes``, and shown in the generated docs/codes.md."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplonews import schemas
from diplonews.audit.findings import Finding
from diplonews.cli import main
from diplonews.problems import AREAS, CODES, SCHEMA_KEYWORDS, DiplonewsError, Location, Problem, codes_table

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "diplonews"
CODE_SHAPE = re.compile(r"^[a-z]+(?:-[a-z0-9]+)+$")
MAKERS = {"Problem", "Finding", "of", "problem", "_conflicts"}  # the calls whose first argument is a code
# JSON Schema keywords that only structure or describe: their errors are reported under an assertion keyword
NOT_ASSERTIONS = {"$schema", "$id", "$defs", "$ref", "title", "description", "properties", "items", "allOf", "if", "then"}


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None}


def emitted_codes() -> dict[str, list[str]]:
    """code -> places in src/ that spell it as the code of a problem or finding."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            spelled = [node.args[0]] if name in MAKERS and node.args else []
            spelled += [k.value for k in node.keywords if k.arg == "code"]
            for arg in spelled:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_code_spelled_in_src_is_registered():
    assert {code: where for code, where in emitted_codes().items() if code not in CODES} == {}


def test_every_registered_code_is_emitted_somewhere():
    """No dead entry: each code is spelled by some gate (schema.* come from the schema keywords)."""
    unused = set(CODES) - set(emitted_codes()) - {f"schema.{k}" for k in SCHEMA_KEYWORDS}
    assert unused == set()


def test_no_code_is_formatted_into_a_message_by_hand():
    """``[code]`` is added by Problem.render only; a message spelling one would bypass the registry."""
    inline = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                inline += [f"{path.relative_to(ROOT)}:{node.lineno} {m}" for m in re.findall(r"\[[a-z]+(?:-[a-z0-9]+)+\]", node.value)]
    assert inline == []


def test_a_problem_or_finding_with_an_unregistered_code_cannot_be_made():
    """So every code the tests trigger, anywhere, is registered: an unregistered one would fail the test."""
    with pytest.raises(ValueError, match="unregistered problem code 'no-such-code'"):
        Problem("no-such-code", "x")
    with pytest.raises(ValueError, match="unknown audit code 'span-overlap'"):
        Finding("span-overlap", "a", "k", "a validation code is not an audit finding")


def test_every_assertion_keyword_of_the_schemas_has_a_code():
    keywords: set[str] = set()

    def walk(node, keys_are_names=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if not keys_are_names:
                    keywords.add(key)
                walk(value, key in ("properties", "$defs") and not keys_are_names)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for build in schemas.SCHEMA_FILES.values():
        walk(build())
    assert keywords - NOT_ASSERTIONS == set(SCHEMA_KEYWORDS)


def test_problem_renders_and_serialises_its_location():
    p = Problem("span-overlap", "spans cross", Location("annotations/gold/a.json", "a", "m2", "$.mentions[1]"))
    assert p.render() == "annotations/gold/a.json:a:m2:$.mentions[1]: [span-overlap] spans cross"
    assert p.as_dict() == {"code": "span-overlap", "message": "spans cross", "location": {
        "file": "annotations/gold/a.json", "doc_id": "a", "annotation_id": "m2", "path": "$.mentions[1]",
        "line": None, "task": None, "region": None}}
    assert Problem("ls-offsets", "bad", Location("e.json", "a", task=3, region="r1")).render() == "e.json:task 3:a:region r1: [ls-offsets] bad"
    assert Problem("io-read", "gone").render() == "[io-read] gone"
    assert str(DiplonewsError.of("markup-syntax", "odd", file="d.dn", line=4)) == "d.dn:4: [markup-syntax] odd"


def test_codes_command_lists_the_registry():
    text = CliRunner().invoke(main, ["codes"])
    assert text.exit_code == 0
    lines = text.output.splitlines()
    assert len(lines) == len(CODES)
    width = max(map(len, CODES))
    assert lines[0] == f"{'io-read':{width}}  io           {CODES['io-read'].description}"
    as_json = CliRunner().invoke(main, ["codes", "--format", "json"])
    assert json.loads(as_json.output) == {c.name: {"area": c.area, "description": c.description} for c in CODES.values()}


def test_docs_codes_table_is_the_generated_one():
    assert (ROOT / "docs" / "codes.md").read_text(encoding="utf-8") == codes_table()


def test_every_code_belongs_to_a_listed_area_and_every_area_has_codes():
    """codes_table and ``diplonews codes`` list by area: a code of an unlisted area would vanish from both."""
    assert {c.area for c in CODES.values()} == set(AREAS)
    assert all(name == code.name for name, code in CODES.items())
