"""``diplonews evaluate`` through the CLI: output, exit codes, and clean refusals."""
from __future__ import annotations

import json

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
