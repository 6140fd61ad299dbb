"""``diplonews evaluate`` through the CLI: output, exit codes, and clean refusals."""
from __future__ import annotations

import json

import pytest

from click.testing import CliRunner

from diplonews.cli import main
from diplonews.corpus import Layout


def _run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), "evaluate", *args])


def test_gold_as_predictions_scores_one_with_intervals(tiny_repo):
    result = _run(tiny_repo, "--pred", str(Layout(tiny_repo).gold_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == 1
    assert out["metrics"]["mentions.strict.f1"] == {"value": 1.0, "ci95": [1.0, 1.0]}
    assert set(out["subsets"]) == {"world=real", "origin=authored"}
    assert "2 predicted document(s) outside split 'test' ignored" in result.stderr


def test_markdown_lists_errors_per_document(tiny_repo, tmp_path):
    gold = json.loads(Layout(tiny_repo).gold_path("seed-test").read_text(encoding="utf-8"))
    dropped = gold["mentions"][0]
    gold["mentions"] = gold["mentions"][1:]
    gold["entities"], gold["relations"], gold["events"] = [], [], []
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = _run(tiny_repo, "--pred", str(pred), "--errors")
    assert result.exit_code == 0, result.output
    assert "#### seed-test" in result.stdout
    assert f'- mentions missed: {dropped["label"]} "{dropped["text"]}" [{dropped["start"]},{dropped["end"]}) -> (none)' in result.stdout


def test_a_prediction_on_another_text_is_refused_without_traceback(tiny_repo, tmp_path):
    gold = json.loads(Layout(tiny_repo).gold_path("seed-test").read_text(encoding="utf-8"))
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({**gold, "text_sha256": "0" * 64}) + "\n", encoding="utf-8")
    result = _run(tiny_repo, "--pred", str(pred))
    assert result.exit_code == 1
    assert "[text-sha256-mismatch]" in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_split_is_an_error_not_a_crash(tiny_repo):
    result = _run(tiny_repo, "--pred", str(Layout(tiny_repo).gold_dir), "--split", "nosuch")
    assert result.exit_code == 1
    assert "no gold document is in split 'nosuch'" in result.stderr


def _seed_prediction(tiny_repo) -> dict:
    return json.loads(Layout(tiny_repo).gold_path("seed-test").read_text(encoding="utf-8"))


def _beyond_text(pred):
    pred["mentions"][0]["end"] = 10**6


def _wrong_text(pred):
    pred["mentions"][0]["text"] = "not the text"


def _duplicate_id(pred):
    pred["mentions"][1]["id"] = pred["mentions"][0]["id"]


def _missing_member(pred):
    pred["entities"][0]["mentions"].append("no-such-mention")


@pytest.mark.parametrize("damage, code", [(_beyond_text, "span-out-of-range"), (_wrong_text, "span-text-mismatch"),
                                          (_duplicate_id, "id-duplicate"), (_missing_member, "ref-unresolved")])
def test_a_prediction_that_breaks_a_structural_rule_is_refused_not_scored(tiny_repo, tmp_path, damage, code):
    pred = _seed_prediction(tiny_repo)
    damage(pred)
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(pred) + "\n", encoding="utf-8")
    result = _run(tiny_repo, "--pred", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert [line.split(": ", 1)[1].split("]")[0] for line in result.stderr.splitlines() if f"[{code}]" in line] == [f"[{code}"]
    assert result.stderr.startswith(f"{path}:1:seed-test:")


def test_a_label_rule_broken_by_a_prediction_is_scored_as_an_error(tiny_repo, tmp_path):
    pred = _seed_prediction(tiny_repo)
    relation = next(r for r in pred["relations"] if r["type"] == "HOLDS_ROLE")
    relation["head"], relation["tail"] = relation["tail"], relation["head"]  # ROLE -> OFFICIAL: a wrong prediction, not a broken file
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(pred) + "\n", encoding="utf-8")
    result = _run(tiny_repo, "--pred", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["metrics"]["relations.entity.f1"]["value"] < 1.0


def test_an_empty_prediction_file_is_refused(tiny_repo, tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text("", encoding="utf-8")
    result = _run(tiny_repo, "--pred", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"{path}: [prediction-empty] holds no prediction\n"


def test_predictions_for_no_document_of_the_split_are_refused(tiny_repo, tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(Layout(tiny_repo).gold_path("seed-train").read_text(encoding="utf-8").replace("\n", "") + "\n", encoding="utf-8")
    result = _run(tiny_repo, "--pred", str(path), "--split", "test")
    assert result.exit_code == 1
    assert result.stderr == f"{path}: [prediction-no-match] none of the 1 predicted document(s) is a gold document of split 'test'\n"
