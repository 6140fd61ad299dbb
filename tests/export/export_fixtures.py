"""What every format's tests share: the repository's gold, round-tripped, and exported through the CLI.

A module of its own (not conftest) so that tests import it by a name no other test folder uses.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from click.testing import CliRunner

from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.gold import canonicalize, read_gold

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "labelstudio" / "data" / "offsets.markup"  # emoji, ZWJ, combining marks, CJK, a span over a line break


def round_trip_failures(back: Callable[[str, str, dict], dict]) -> list[str]:
    """The ids of the repository's gold files (drafts too) for which ``back(doc_id, text, canonical gold)`` is not that gold."""
    layout = Layout(REPO)
    assert layout.gold_ids()
    failures = []
    for doc_id in layout.gold_ids():
        gold = canonicalize(read_gold(layout, doc_id))
        if back(doc_id, layout.read_text(doc_id), gold) != gold:
            failures.append(doc_id)
    return failures


def export_repository(tmp_path_factory, name: str, *args: str):
    """(out folder, CLI result) of ``diplonews export NAME`` over the whole repository."""
    out = tmp_path_factory.mktemp(name) / "out"
    return out, CliRunner().invoke(main, ["--root", str(REPO), "export", name, "--out", str(out), *args])
