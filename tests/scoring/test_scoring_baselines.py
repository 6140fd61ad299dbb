"""Both baselines on the tiny repository: they train on train only, and their output is a
valid prediction the scorer accepts. spaCy training is kept to two epochs here."""
from __future__ import annotations

import json

from click.testing import CliRunner

from diplonews.baselines.data import split_docs
from diplonews.baselines.leaderboard import build
from diplonews.baselines.rules import RulesBaseline
from diplonews.baselines.spacy_model import SpacyBaseline
from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.predictions import read_predictions


def test_rules_baseline_writes_predictions_the_reader_accepts(tiny_repo, tmp_path):
    out = tmp_path / "rules.jsonl"
    result = CliRunner().invoke(main, ["--root", str(tiny_repo), "baseline", "rules", "--split", "test", "--out", str(out)])
    assert result.exit_code == 0, result.output
    predicted = read_predictions(out, Layout(tiny_repo))
    assert list(predicted) == ["seed-test"]
    assert predicted["seed-test"]["mentions"] and predicted["seed-test"]["events"]


def test_rules_baseline_recalls_its_own_train_gazetteer(tiny_repo):
    train = split_docs(Layout(tiny_repo), "train", with_gold=True)
    pred = RulesBaseline().fit(train).predict(train[0])
    gold_spans = {(m["start"], m["end"], m["label"]) for m in train[0].gold["mentions"]}
    found = {(m["start"], m["end"], m["label"]) for m in pred["mentions"]}
    assert len(gold_spans & found) / len(gold_spans) > 0.8


def test_spacy_baseline_is_deterministic_and_valid(tiny_repo):
    layout = Layout(tiny_repo)
    train, test = split_docs(layout, "train", True), split_docs(layout, "test", False)
    first = SpacyBaseline(epochs=2).fit(train).predict(test[0])
    second = SpacyBaseline(epochs=2).fit(train).predict(test[0])
    assert first == second
    path = tiny_repo / "spacy.jsonl"
    path.write_text(json.dumps(first) + "\n", encoding="utf-8")
    assert list(read_predictions(path, layout)) == ["seed-test"]


def test_leaderboard_has_an_entry_per_system_and_split(tiny_repo, monkeypatch):
    monkeypatch.setattr("diplonews.baselines.spacy_model.EPOCHS", 2)
    board = build(Layout(tiny_repo))
    assert [(e["system"], e["split"]) for e in board["entries"]] == [("rules", "validation"), ("rules", "test"), ("spacy", "validation"), ("spacy", "test")]
    metric = board["entries"][0]["metrics"]["mentions.strict.f1"]
    assert 0 <= metric["value"] <= 1 and len(metric["ci95"]) == 2
    assert board["commit"] == "unknown"  # the tiny repository is no git checkout


def test_baseline_without_train_documents_is_a_clear_error(tmp_path):
    (tmp_path / "corpus").mkdir()
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "baseline", "rules"])
    assert result.exit_code == 1
    assert "no gold document is in the 'train' split" in result.stderr


def test_a_missing_optional_package_is_named_with_its_install_command(tiny_repo, monkeypatch):
    import importlib.util

    from click.testing import CliRunner

    from diplonews.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "spacy" else real(name, *a))
    result = CliRunner().invoke(main, ["--root", str(tiny_repo), "baseline", "spacy", "--split", "test"])
    assert result.exit_code == 1
    assert "the spacy baseline needs the 'spacy' package: pip install -e '.[baselines]'" in result.output
