"""Agreement between two annotators: exact figures for a known disagreement."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from contract.conftest import DOC, Repo
from diplonews import jsonio
from diplonews.cli import main


@pytest.fixture
def sides(tmp_path):
    repo = Repo(tmp_path / "repo")
    first, second = tmp_path / "first", tmp_path / "second"
    gold = repo.gold()
    jsonio.write_json(first / f"{DOC}.json", gold)
    other = json.loads(json.dumps(gold))
    other["mentions"] = [m for m in other["mentions"] if m["id"] != "port1"]  # misses "Port Lune"
    other["entities"] = [e for e in other["entities"] if e["id"] != "port"]
    sig = repo.item(other, "events", "sig")
    sig["arguments"] = [a for a in sig["arguments"] if a["ref"] != "port1"]
    repo.item(other, "events", "vote")["attributes"]["stage"] = "ratification"  # disagrees on one stage
    jsonio.write_json(second / f"{DOC}.json", other)
    return repo, first, second


def test_agreement_figures_are_exact(sides):
    repo, first, second = sides
    out = repo.root / "report.json"
    result = CliRunner().invoke(main, ["--root", str(repo.root), "agreement", str(first), str(second), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["documents"] == [DOC]
    metrics = report["metrics"]
    assert metrics["mentions.strict.f1"] == pytest.approx(2 * 10 / (10 + 11))
    assert metrics["events.trigger_classification.f1"] == 1.0
    assert metrics["events.argument_classification.f1"] == pytest.approx(2 * 8 / (8 + 9))
    assert metrics["treaty_stages.undated.f1"] == 0.5
    assert report["per_document"][DOC]["treaty_stages.undated.f1"] == 0.5


def test_an_invalid_side_is_refused_with_its_problem(sides):
    repo, first, second = sides
    broken = json.loads((second / f"{DOC}.json").read_text(encoding="utf-8"))
    broken["mentions"][0]["text"] = "Somebody"
    jsonio.write_json(second / f"{DOC}.json", broken)
    result = CliRunner().invoke(main, ["--root", str(repo.root), "agreement", str(first), str(second)])
    assert result.exit_code == 1
    assert "[span-text-mismatch]" in result.output and "varga1" in result.output


def test_a_round_is_scored_on_the_texts_its_annotators_saw(sides, tmp_path):
    repo, first, second = sides
    texts = tmp_path / "texts"
    texts.mkdir()
    seen = repo.layout.read_text(DOC)
    (texts / f"{DOC}.txt").write_text(seen, encoding="utf-8")
    repo.write_text(seen + " A sentence added after the round.")
    args = ["--root", str(repo.root), "agreement", str(first), str(second)]
    corrected = CliRunner().invoke(main, args)
    assert corrected.exit_code == 1 and "[text-sha256-mismatch]" in corrected.output
    kept = CliRunner().invoke(main, [*args, "--texts", str(texts)])
    assert kept.exit_code == 0, kept.output
    assert "mentions.strict.f1                     0.952" in kept.output
