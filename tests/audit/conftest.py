"""Fixture corpora for the audit tests: small repositories built in tmp dirs from markup."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplonews.authoring.compile import plan, write
from diplonews.audit.runner import audit
from diplonews.corpus import Layout

META = {
    "title": "A fixture", "outlet": "diplonews", "url": None, "published": "2025-04-12", "rights": "CC-BY-4.0",
    "rights_note": None, "notes": None, "sources": [], "regions": ["europe"], "origin": "authored", "world": "fictional", "genre": "brief",
    "split": "train", "language": "en",
}
PROVENANCE = {"annotators": ["fixture"], "annotated": "2026-01-01", "adjudicated": False, "status": "gold"}


class FixtureCorpus:
    """A repository under construction: add documents as markup, then audit it."""

    def __init__(self, root: Path):
        self.root = root
        (root / "corpus").mkdir(parents=True)
        (root / "annotations" / "gold").mkdir(parents=True)

    def add(self, doc_id: str, text: str, entities: str = "", relations: str = "", events: str = "") -> None:
        """Compile and write one document (the validator must accept it, as for real gold)."""
        header = json.dumps({"meta": {**META, "id": doc_id, "story": doc_id}, "annotation": PROVENANCE})
        source = "\n".join([header, "=== text", text, "=== entities", entities, "=== relations", relations, "=== events", events]) + "\n"
        path = self.root / f"{doc_id}.markup"
        path.write_text(source, encoding="utf-8")
        write(Layout(self.root), plan(Layout(self.root), [path]))
        path.unlink()

    def waive(self, *waivers: dict) -> None:
        (self.root / "annotations" / "audit-waivers.json").write_text(json.dumps(list(waivers)), encoding="utf-8")

    def findings(self, *codes: str) -> list[tuple]:
        """(code, doc_id, key) of the open findings, only of ``codes`` when given."""
        return [f for f in audit(self.root).flatten() if not codes or f[0] in codes]


@pytest.fixture
def corpus(tmp_path) -> FixtureCorpus:
    return FixtureCorpus(tmp_path / "repo")
