"""Bad input never ends in a traceback or a wrong exit code: each class of damage gives its
problem code, names where it is, exits 1, and leaves every file as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplonews.cli import main

from .conftest import DOC

GOLD = f"annotations/gold/{DOC}.json"
START = len("Ilona Varga, ")  # where mention ost1 ("Ostria") starts


def snapshot(folder: Path) -> dict:
    """Every path under ``folder`` with its bytes (None for folders and links that lead nowhere)."""
    return {p.relative_to(folder): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def invoke(root: Path, *args: str):
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exc_info  # never a traceback
    return result


def refused(tmp_path: Path, root: Path, *args: str):
    """Run a command that must fail on its input: exit 1 and nothing on disk changed."""
    before = snapshot(tmp_path)
    result = invoke(root, *args)
    assert result.exit_code == 1, result.output
    assert snapshot(tmp_path) == before
    return result


def float_offset(repo) -> None:
    gold = repo.gold()
    repo.item(gold, "mentions", "ost1")["start"] = float(START)
    repo.write_gold(gold)


FLOAT = f"{GOLD}:{DOC}:ost1:$.mentions[1].start: [schema.type] {float(START)} is not of type 'integer'"


@pytest.mark.parametrize("args, stdout, stderr", [
    (["validate"], [FLOAT, "1 document(s) checked, 0 notice(s): INVALID: 1 error(s)"], []),
    (["stats"], [], [FLOAT]),
    (["build", "--out", "{out}"], [], [FLOAT, "build refused: 1 problem(s); {out} left as it was"]),
    (["evaluate", "--split", "train", "--pred", "annotations/gold"], [], [FLOAT]),
    (["baseline", "rules", "--split", "train", "--out", "{out}"], [], [FLOAT]),
    (["audit"], [f"{DOC}: [document-invalid] left out of the audit: it has 1 validation problem(s), the first [schema.type] "
                 f"{float(START)} is not of type 'integer'; run `diplonews validate` (key: '{DOC}')",
                 "1 document(s) audited, 0 finding(s) waived: FAILED: 1 open finding(s) (document-invalid 1)"], []),
])
def test_a_float_offset_is_refused_by_the_schema(repo, tmp_path, args, stdout, stderr):
    """Every command that reads the gold validates it first, and the schema refuses 13.0 as an offset."""
    float_offset(repo)
    out = str(tmp_path / "out")
    result = refused(tmp_path, repo.root, *(a.format(out=out) if a != "annotations/gold" else str(repo.layout.gold_dir) for a in args))
    assert (result.stdout.splitlines(), result.stderr.splitlines()) == ([s.format(out=out) for s in stdout], [s.format(out=out) for s in stderr])


def test_a_float_offset_in_json_format(repo, tmp_path):
    float_offset(repo)
    result = refused(tmp_path, repo.root, "validate", "--format", "json")
    assert json.loads(result.stdout)["errors"] == [{"code": "schema.type", "message": f"{float(START)} is not of type 'integer'", "location": {
        "file": GOLD, "doc_id": DOC, "annotation_id": "ost1", "path": "$.mentions[1].start", "line": None, "task": None, "region": None}}]
    stats = refused(tmp_path, repo.root, "stats", "--format", "json")
    assert [(p["code"], p["location"]["path"]) for p in json.loads(stats.stdout)["problems"]] == [("schema.type", "$.mentions[1].start")]


@pytest.mark.parametrize("make", ["folder", "dangling link"])
@pytest.mark.parametrize("args, stream", [(["validate"], "stdout"), (["stats"], "stderr"), (["build", "--out", "{out}"], "stderr")])
def test_a_gold_path_that_is_no_file_is_named(repo, tmp_path, make, args, stream):
    path = repo.layout.gold_dir / "fx-002.json"
    if make == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "nowhere.json")
    result = refused(tmp_path, repo.root, *(a.format(out=tmp_path / "out") for a in args))
    first = getattr(result, stream).splitlines()[0]
    assert first == "annotations/gold/fx-002.json: [file-unexpected] a folder or a broken link, not a file"


def test_stats_names_a_truncated_gold_file(repo, tmp_path):
    text = repo.layout.gold_path(DOC).read_text(encoding="utf-8")
    repo.layout.gold_path(DOC).write_text(text[: text.index('"mentions"')], encoding="utf-8")
    line = text[: text.index('"mentions"')].count("\n") + 1
    result = refused(tmp_path, repo.root, "stats")
    assert result.stderr.startswith(f"{GOLD}:{line}:{DOC}: [json-invalid] Expecting property name enclosed in double quotes: line {line}")


def test_agreement_names_a_truncated_file(repo, tmp_path):
    side = tmp_path / "second"
    side.mkdir()
    (side / f"{DOC}.json").write_text('{"doc_id": "fx-001", "mentions": [', encoding="utf-8")
    result = refused(tmp_path, repo.root, "agreement", str(repo.layout.gold_dir), str(side))
    assert result.stderr == f"{side / DOC}.json:1:{DOC}: [json-invalid] Expecting value: line 1 column 35 (char 34)\n"


def test_json_nested_too_deeply_is_a_problem(repo, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = refused(tmp_path, repo.root, "evaluate", "--pred", str(deep), "--split", "train")
    assert result.stderr == f"{deep}: [io-nesting] the JSON nests too deeply to be read\n"


BINARY = b"\xff\xfe\x00\x01 not text"


@pytest.mark.parametrize("args", [["evaluate", "--split", "train", "--pred", "{file}"], ["author", "compile", "{file}", "--write"],
                                  ["ingest", "{file}", "--write"], ["ls", "import", "{file}", "--write"]],
                         ids=["evaluate", "author compile", "ingest", "ls import"])
def test_binary_bytes_are_named_not_decoded(repo, tmp_path, args):
    file = tmp_path / ("input.txt" if args[0] == "ingest" else "input.jsonl")
    file.write_bytes(BINARY)
    result = refused(tmp_path, repo.root, *(a.format(file=file) for a in args))
    assert result.stderr.splitlines()[-2 if args[0] in ("ingest", "ls") else -1] == (
        f"{file}: [io-encoding] not UTF-8 text: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")


@pytest.mark.parametrize("args", [
    ["ls", "config", "-o", "{out}"],
    ["ls", "tasks", "-o", "{out}"],
    ["ls", "pull", "--project", "1", "-o", "{out}", "--url", "http://127.0.0.1:9", "--api-key", "unused"],  # before any request
    ["author", "render", DOC, "-o", "{out}"],
    ["agreement", "{gold}", "{gold}", "--out", "{out}"],
    ["baseline", "rules", "--split", "train", "--out", "{out}"],
    ["leaderboard", "--out", "{out}"],
    ["build", "--out", "{out}"],
], ids=lambda args: " ".join(args[:2]))
def test_an_unwritable_output_is_named_before_any_work(repo, tmp_path, args):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder must be", encoding="utf-8")
    out = blocker / "output"
    result = refused(tmp_path, repo.root, *(a.format(out=out, gold=repo.layout.gold_dir) for a in args))
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"{out}: [io-write] cannot be written: {blocker} is a file, not a folder"


@pytest.mark.parametrize("how", ["--root", "DIPLONEWS_ROOT", "no such folder"])
def test_validate_without_a_corpus_fails(tmp_path, how):
    empty = tmp_path / ("missing" if how == "no such folder" else "empty")
    if how != "no such folder":
        empty.mkdir()
    before = snapshot(tmp_path)
    args, env = (["validate"], {"DIPLONEWS_ROOT": str(empty)}) if how == "DIPLONEWS_ROOT" else (["--root", str(empty), "validate"], {})
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{empty}: [corpus-missing] no corpus/ folder under {empty}: give --root or set DIPLONEWS_ROOT",
                                          "0 document(s) checked, 0 notice(s): INVALID: 1 error(s)"]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["audit", "stats"])
def test_audit_and_stats_without_a_corpus_fail(tmp_path, command):
    result = refused(tmp_path, tmp_path, command)
    assert result.stderr == f"{tmp_path}: [corpus-missing] no corpus/ folder under {tmp_path}: give --root or set DIPLONEWS_ROOT\n"


def test_a_usage_error_exits_2(repo):
    result = CliRunner().invoke(main, ["--root", str(repo.root), "validate", "--format", "yaml"])
    assert result.exit_code == 2


def _paths(node, prefix=()):
    """Every JSON path of a document, descending into the first item of each list."""
    yield prefix
    children = node.items() if isinstance(node, dict) else enumerate(node[:1]) if isinstance(node, list) else ()
    for key, value in children:
        yield from _paths(value, (*prefix, key))


def _set(node, path, value):
    if not path:
        return value
    node = json.loads(json.dumps(node))
    parent = node
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return node


# accepted: null where the schema allows it (an entity's kb_id; url, rights_note and notes of the metadata)
@pytest.mark.parametrize("layer, cases, accepted", [("gold", 138, 1), ("meta", 54, 3)])
def test_a_wrong_type_anywhere_is_a_problem_not_a_traceback(repo, tmp_path, layer, cases, accepted):
    """Each value of the fixture's gold or metadata replaced by null, a float or a nested list:
    no traceback, and stats refuses exactly what validate refuses (null is valid where a field is nullable)."""
    target = repo.layout.gold_path(DOC) if layer == "gold" else repo.layout.meta_path(DOC)
    original = json.loads(target.read_text(encoding="utf-8"))
    exits = []
    for path in _paths(original):
        for value in (None, 1.5, [[1]]):
            target.write_text(json.dumps(_set(original, path, value)), encoding="utf-8")
            checked, counted = invoke(repo.root, "validate"), invoke(repo.root, "stats")
            assert checked.exit_code == counted.exit_code in (0, 1), (path, value, checked.output, counted.output)
            exits.append(checked.exit_code)
    assert (len(exits), exits.count(0)) == (cases, accepted)
