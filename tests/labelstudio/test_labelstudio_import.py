"""``ls import`` on exports from the real server: bad ones are refused whole, annotators are kept."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diplonews.cli import main
from diplonews.gold import read_gold
from diplonews.labelstudio import importer
from diplonews.problems import DiplonewsError


def _snapshot(root):
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _result(export: list) -> list:
    return export[0]["annotations"][0]["result"]


def _relabel_amb(export):
    next(i for i in _result(export) if i.get("id") == "amb" and i["type"] == "labels")["value"]["labels"] = ["AMBASSADOR"]


def _dangling(export):
    _result(export).append({"from_id": "zoe1", "to_id": "ghost", "type": "relation", "direction": "right", "labels": ["HOLDS_ROLE"]})


def _orphan_choice(export):
    _result(export).append({"id": "lonely", "from_name": "status", "to_name": "text", "type": "choices", "value": {"start": 0, "end": 2, "choices": ["completed"]}})


def _changed_text(export):
    export[0]["data"]["text"] = export[0]["data"]["text"].replace("Freedonia", "Freedonja", 1)


def _unknown_doc(export):
    export[0]["data"]["doc_id"] = "no-such-doc"


BAD = {
    "unknown label": (_relabel_amb, "{path}:task {task}:fixture-offsets:region amb: [ls-unknown-label] unknown mention label 'AMBASSADOR'"),
    "relation to a missing region": (_dangling, "{path}:task {task}:fixture-offsets:region ghost: [ls-relation-dangling] relation zoe1->ghost points to missing region 'ghost'"),
    "choice with no region": (_orphan_choice, "{path}:task {task}:fixture-offsets:region lonely: [ls-region-missing] choices 'status' belongs to no labelled region"),
    "changed text": (_changed_text, "{path}:task {task}:fixture-offsets: [ls-text-changed] the task's text differs from the corpus text; re-push the document"),
    "unknown doc id": (_unknown_doc, "{path}:task {task}:no-such-doc: [ls-unknown-doc] no corpus text for doc id 'no-such-doc'"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_export_names_task_and_region_and_writes_nothing(case, server_export, fixture_corpus):
    path = server_export(fixture_corpus)
    export = json.loads(path.read_text(encoding="utf-8"))
    spoil, message = BAD[case]
    spoil(export)
    path.write_text(json.dumps(export), encoding="utf-8")
    before = _snapshot(fixture_corpus.root)
    result = CliRunner().invoke(main, ["--root", str(fixture_corpus.root), "ls", "import", str(path), "--write"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message.format(path=path, task=export[0]["id"]), f"1 problem(s) in {path}; nothing written"]
    assert result.stdout == ""
    assert _snapshot(fixture_corpus.root) == before


def test_malformed_json_is_refused(fixture_corpus, tmp_path):
    path = tmp_path / "export.json"
    path.write_text('[{"id": 1, "data": ', encoding="utf-8")
    with pytest.raises(DiplonewsError) as refused:
        importer.plan_import(path, fixture_corpus)
    assert [p.code for p in refused.value.problems] == ["ls-export-json"]
    assert refused.value.problems[0].render() == f"{path}:1: [ls-export-json] Expecting value: line 1 column 20 (char 19)"


def test_ground_truth_is_chosen_and_other_annotators_are_kept(server_export, fixture_corpus):
    path = server_export(fixture_corpus)
    export = json.loads(path.read_text(encoding="utf-8"))
    mine = export[0]["annotations"][0]
    theirs = json.loads(json.dumps(mine))
    theirs.update(id=mine["id"] + 1000, completed_by={"id": 99, "email": "Lena.K@example.org"}, ground_truth=False, updated_at="2099-01-01T00:00:00Z")
    theirs["result"] = [i for i in theirs["result"] if i.get("id") != "thu" and i.get("to_id") != "thu"]
    mine["ground_truth"] = True
    export[0]["annotations"].append(theirs)
    path.write_text(json.dumps(export), encoding="utf-8")
    original = read_gold(fixture_corpus, "fixture-offsets")
    changes = importer.plan_import(path, fixture_corpus)
    assert [c.render() for c in changes] == ["fixture-offsets: unchanged (+1 annotator version(s): lena.k)"]
    written = importer.write_import(fixture_corpus, changes)
    version_path = fixture_corpus.root / "annotations" / "annotators" / "lena.k" / "fixture-offsets.json"
    assert written == [version_path]
    assert read_gold(fixture_corpus, "fixture-offsets") == original
    version = json.loads(version_path.read_text(encoding="utf-8"))
    assert version["provenance"] == {"annotators": ["lena.k"], "annotated": "2099-01-01", "status": "draft", "adjudicated": False}
    assert [m["id"] for m in version["mentions"]] == [m["id"] for m in original["mentions"] if m["id"] != "thu"]


def test_a_region_whose_value_is_not_an_object_is_named():
    from diplonews.labelstudio.convert import result_to_annotation
    from diplonews.ontology import load

    item = {"id": "r1", "type": "labels", "from_name": "mention", "to_name": "text", "value": "Ostria"}
    ann, problems = result_to_annotation([item], 7, "doc-a", "Ostria signed.", {}, {}, load())
    assert ann is None
    assert [p.render() for p in problems] == [
        "task 7:doc-a:region r1: [ls-result-type] result item of unknown kind, or malformed (ids, value or labels of the wrong type): "
        + repr(item)[:80]]  # the item is shown cut at 80 characters


@pytest.mark.parametrize("item", [
    {"id": "r1", "type": "labels", "from_name": "mention", "value": {"start": 0, "end": 6, "labels": [["COUNTRY"]]}},
    {"id": ["r1"], "type": "labels", "from_name": "mention", "value": {"start": 0, "end": 6, "labels": ["COUNTRY"]}},
    {"id": "r1", "type": "labels", "from_name": {"x": 1}, "value": {"start": 0, "end": 6, "labels": ["COUNTRY"]}},
    {"type": "relation", "from_id": ["a"], "to_id": "b", "labels": ["HOLDS_ROLE"]},
    {"type": "relation", "from_id": "a", "to_id": "b", "labels": [{"HOLDS_ROLE": 1}]},
], ids=["label a list", "id a list", "control an object", "arrow end a list", "arrow label an object"])
def test_a_malformed_result_item_is_a_problem_not_a_crash(item):
    from diplonews.labelstudio.convert import result_to_annotation
    from diplonews.ontology import load

    ann, problems = result_to_annotation([item], 7, "doc-a", "Ostria signed.", {}, {}, load())
    assert ann is None and [(p.code, p.location.task, p.location.doc_id) for p in problems] == [("ls-result-type", 7, "doc-a")]


def test_a_hand_edited_way_back_is_refused_by_task(fixture_corpus, tmp_path):
    """``data.diplonews`` (what the way back needs) that is not what ``ls tasks`` wrote is ls-task-shape."""
    from diplonews.labelstudio.tasks import build_tasks

    [task] = build_tasks(fixture_corpus, ["fixture-offsets"])
    task["id"] = 5
    task["data"]["diplonews"]["relations"] = "none"
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    before = _snapshot(fixture_corpus.root)
    result = CliRunner().invoke(main, ["--root", str(fixture_corpus.root), "ls", "import", str(path), "--write"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:task 5:fixture-offsets: [ls-task-shape] data.diplonews is not what `diplonews ls tasks` writes; re-push the document",
        f"1 problem(s) in {path}; nothing written"]
    assert _snapshot(fixture_corpus.root) == before
