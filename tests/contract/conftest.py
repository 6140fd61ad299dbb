"""A small valid repository, built from markup, that each rule test breaks in one way."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplonews import jsonio
from diplonews.authoring.markup import compile_markup
from diplonews.corpus import Layout, text_sha256

DOC = "fx-001"
MARKUP = """{"meta": {"id": "fx-001", "title": "Envoy signs accord", "outlet": "diplonews", "url": null,
 "published": "2025-03-05", "language": "en", "rights": "CC-BY-4.0", "rights_note": null, "notes": null, "sources": [], "regions": ["europe"],
 "origin": "authored", "world": "fictional", "genre": "brief", "story": "fx-story", "split": "train"},
 "annotation": {"annotators": ["tester"], "annotated": "2026-11-26", "status": "gold", "adjudicated": false}}
=== text
[Ilona Varga]{#varga1 OFFICIAL @varga}, [Ostria]{#ost1 COUNTRY @ostria}’s [Ambassador]{#amb ROLE} to [Belmar]{#bel1 COUNTRY @belmar}, [signed]{#sig TREATY_ACTION status=completed stage=signature} the [Salt Accord]{#acc1 TREATY @accord mention_type=NAM} in [Port Lune]{#port1 LOCATION @port} on [Monday]{#mon DATE timex_type=DATE value=2025-03-03}.
[Varga]{#varga2 OFFICIAL @varga} [met]{#meet MEETING status=completed} the [Belmar]{#bel2 COUNTRY @belmar} [Senate]{#sen ORGANIZATION @senate mention_type=NAM}, which will [vote]{#vote TREATY_ACTION status=scheduled stage=upper_house_vote} on the [accord]{#acc2 TREATY @accord mention_type=NOM} next week.
=== entities
@varga = Ilona Varga
@accord = Salt Accord
=== relations
HOLDS_ROLE varga1 amb
ROLE_OF amb ost1
ACCREDITED_TO amb bel1
PART_OF sen bel2
=== events
#sig treaty=acc1 actor=varga1 place=port1 time=mon
#meet participant=varga2 participant=sen
#vote treaty=acc2 actor=sen party=bel2
"""


class Repo:
    """A temporary repository with one valid document, and ways to break it."""

    def __init__(self, root: Path):
        self.root = root
        self.layout = Layout(root)
        compiled = compile_markup(MARKUP)
        self.text = compiled.text
        self.write_text(compiled.text)
        self.write_meta(compiled.meta)
        self.write_gold(compiled.gold)

    def write_text(self, text: str, doc_id: str = DOC) -> None:
        path = self.layout.text_path(doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))

    def meta(self, doc_id: str = DOC) -> dict:
        return json.loads(self.layout.meta_path(doc_id).read_text(encoding="utf-8"))

    def write_meta(self, meta: dict, doc_id: str = DOC) -> None:
        jsonio.write_json(self.layout.meta_path(doc_id), meta)

    def gold(self, doc_id: str = DOC) -> dict:
        return json.loads(self.layout.gold_path(doc_id).read_text(encoding="utf-8"))

    def write_gold(self, gold: dict, doc_id: str = DOC) -> None:
        jsonio.write_json(self.layout.gold_path(doc_id), gold)

    def rehash(self, text: str) -> None:
        """Store a new text and record its hash, so only the rule under test breaks."""
        self.write_text(text)
        gold = self.gold()
        gold["text_sha256"] = text_sha256(text)
        self.write_gold(gold)

    def item(self, gold: dict, layer: str, ident: str) -> dict:
        return next(x for x in gold[layer] if x["id"] == ident)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path)
