"""Ontology migrations: each step's exact effect, and a repository with nothing left to migrate."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from contract.conftest import DOC
from diplonews import migrate as migration
from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.ontology import load
from diplonews.validation.validator import validate


def as_1_0_0(gold: dict, trigger: str) -> dict:
    """``gold`` as ontology 1.0.0 stored it: the vote recast as an amendment triggered by ``trigger``."""
    old = json.loads(json.dumps(gold))
    old["ontology_version"] = "1.0.0"
    vote = next(e for e in old["events"] if e["id"] == "vote")
    vote["attributes"]["stage"] = "amendment"
    vote["trigger"]["text"] = trigger
    return old


@pytest.mark.parametrize(("trigger", "stage"), [("extended", "extension"), ("Renewal", "extension"), ("prolonging", "extension"),
                                                 ("amended", "amendment"), ("revised", "amendment")])
def test_1_0_0_amendments_of_a_term_become_extensions(repo, trigger, stage):
    migrated = migration.migrate(as_1_0_0(repo.gold(), trigger))
    assert migrated["ontology_version"] == load().version == "1.1.0"
    assert next(e for e in migrated["events"] if e["id"] == "vote")["attributes"] == {"stage": stage}
    other = {k: v for k, v in migrated.items() if k not in ("events", "ontology_version")}
    assert other == {k: v for k, v in repo.gold().items() if k not in ("events", "ontology_version")}


def test_current_gold_is_left_as_it_is(repo):
    assert migration.migrate(repo.gold()) == repo.gold()
    assert migration.plan(repo.layout) == []


def test_an_unknown_version_is_refused_by_name(repo):
    gold = repo.gold()
    gold["ontology_version"] = "0.9.0"
    repo.write_gold(gold)
    before = repo.layout.gold_path(DOC).read_bytes()
    result = CliRunner().invoke(main, ["--root", str(repo.root), "migrate", "--write"])
    assert result.exit_code == 1
    assert f"annotations/gold/{DOC}.json:{DOC}:$.ontology_version: [migrate-version] no migration from ontology version '0.9.0' to '1.1.0'" in result.output
    assert repo.layout.gold_path(DOC).read_bytes() == before


def test_the_command_lists_then_writes_and_the_repository_is_valid_again(repo):
    old = as_1_0_0(repo.gold(), "amended")
    old["events"] = [e for e in old["events"] if e["id"] != "vote"] + [repo.item(repo.gold(), "events", "vote")]
    repo.write_gold(old)
    assert validate(repo.root).flatten() == [("schema.const", DOC, None, "$.ontology_version")]
    runner = CliRunner()
    listed = runner.invoke(main, ["--root", str(repo.root), "migrate"])
    assert listed.exit_code == 0 and f"annotations/gold/{DOC}.json: 1.0.0 -> 1.1.0" in listed.output
    assert repo.gold()["ontology_version"] == "1.0.0"  # listing writes nothing
    written = runner.invoke(main, ["--root", str(repo.root), "migrate", "--write"])
    assert written.exit_code == 0 and "migrated 1 file(s)" in written.output
    assert validate(repo.root).valid and repo.gold()["ontology_version"] == "1.1.0"


def test_the_repository_has_nothing_left_to_migrate():
    """The committed gold and agreement passes are all at the packaged ontology's version."""
    layout = Layout(Path(__file__).resolve().parents[2])
    assert list(migration.gold_files(layout)) and migration.plan(layout) == []
