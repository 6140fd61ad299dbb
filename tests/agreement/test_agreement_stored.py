"""The agreement figures the card publishes are what `diplonews agreement` computes today."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplonews.agreement import measure, stored_rounds
from diplonews.corpus import Layout

REPO = Layout(Path(__file__).resolve().parents[2])
ROUNDS = stored_rounds(REPO)


def test_the_repository_stores_its_rounds():
    assert [r.name for r in ROUNDS] == ["round-1", "round-c1", "round-c2", "round-c3", "round-c4", "round-c5"]


@pytest.mark.parametrize("done", ROUNDS, ids=lambda r: r.name)
def test_stored_report_equals_the_recomputed_one(done):
    stored = json.loads(done.report.read_text(encoding="utf-8"))
    assert measure(REPO, done.first, done.second, done.texts) == stored
    assert done.notes.is_file()
