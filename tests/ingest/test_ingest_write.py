"""``ingest --write`` is all or nothing: an interruption leaves the corpus as it was."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.ingest.ingest import plan_ingest, write_ingest

TEXTS = {
    "envoy.txt": "The envoy of Ostria arrived in Port Lune on Monday for two days of talks on the salt trade.",
    "senate.txt": "The Belmar Senate voted on Tuesday to ratify the Salt Accord signed in March by both governments.",
    "visit.txt": "The foreign minister of Belmar will visit Ostria next month, her first trip abroad since taking office.",
}
DEFAULTS = {"outlet": "Test Wire", "published": "2025-03-05", "regions": ["europe"]}


@pytest.fixture
def inputs(tmp_path) -> tuple[Path, list[Path]]:
    root = tmp_path / "repo"
    (root / "corpus").mkdir(parents=True)
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return root, paths


def test_an_interrupted_write_leaves_the_corpus_as_it_was_and_the_ingest_can_be_run_again(inputs):
    root, paths = inputs
    layout = Layout(root)
    written = []

    def interrupt_after_two(doc_id: str) -> None:
        written.append(doc_id)
        if len(written) == 2:
            raise KeyboardInterrupt  # what Ctrl-C raises in the middle of the renames

    with pytest.raises(KeyboardInterrupt):
        write_ingest(layout, plan_ingest(layout, paths, DEFAULTS), progress=interrupt_after_two)
    assert written == ["envoy", "senate"]
    assert list((root / "corpus").iterdir()) == []  # the two moved documents were taken back, nothing staged is left

    write_ingest(layout, plan_ingest(layout, paths, DEFAULTS))  # not refused as duplicates of a half-written corpus
    assert sorted(p.name for p in (root / "corpus").iterdir()) == [
        "envoy.meta.json", "envoy.txt", "senate.meta.json", "senate.txt", "visit.meta.json", "visit.txt"]
    assert layout.read_text("senate") == TEXTS["senate.txt"]


def test_the_command_shows_its_progress_and_writes_every_document(inputs):
    root, paths = inputs
    result = CliRunner().invoke(main, ["--root", str(root), "ingest", *map(str, paths), "--outlet", "Test Wire",
                                       "--published", "2025-03-05", "--region", "europe", "--write"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("wrote")] == [
        "wrote 1/3 envoy", "wrote 2/3 senate", "wrote 3/3 visit"]
    assert result.stdout.splitlines()[-1] == "wrote 3 document(s)"
    assert len(Layout(root).text_ids()) == 3
