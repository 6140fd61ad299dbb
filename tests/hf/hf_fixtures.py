"""Fixture repositories for the dataset tests, compiled from markup strings, and small helpers.

A module of its own (not conftest) so that tests import it by a name no other test folder uses.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")  # before datasets is imported: no network in tests
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from diplonews import jsonio  # noqa: E402
from diplonews.authoring.markup import compile_markup  # noqa: E402
from diplonews.corpus import Layout  # noqa: E402
from diplonews.gold import write_gold  # noqa: E402

REPO = Path(__file__).resolve().parents[2]

META = {
    "title": "A test document", "outlet": "diplonews", "url": None, "published": "2031-03-07",
    "rights": "CC-BY-4.0", "rights_note": None, "notes": None, "sources": [], "regions": ["europe"], "origin": "authored", "world": "fictional",
    "genre": "wire", "language": "en",
}
PROVENANCE = {"annotators": ["tester"], "annotated": "2031-03-08", "status": "gold", "adjudicated": True}


def markup(doc_id: str, split: str, story: str, body: str, status: str = "gold", **meta) -> str:
    """A markup file: header from the defaults above, then ``body`` (text and later sections)."""
    head = {"meta": {**META, "id": doc_id, "split": split, "story": story, **meta}, "annotation": {**PROVENANCE, "status": status}}
    return json.dumps(head) + "\n=== text\n" + body.strip("\n") + "\n"


ACCORD = markup("amaru-accord", "train", "andes-water-accord", """
[Amaru]{#amaru1 COUNTRY @amaru} and [Tawantia]{#taw1 COUNTRY @taw} [signed]{#sig TREATY_ACTION status=completed stage=signature} the [Andes Water Accord]{#acc1 TREATY @accord mention_type=NAM} on [Monday]{#mon DATE timex_type=DATE value=2031-03-03}.

The [accord]{#acc2 TREATY @accord mention_type=NOM} awaits [[approval]{#ta2 TREATY_ACTION status=pending stage=unicameral_vote}]{#ta3 TREATY_ACTION status=pending stage=upper_house_vote} from the [Amaru Assembly]{#asm1 ORGANIZATION @asm mention_type=NAM} and the [Tawantia Senate]{#sen1 ORGANIZATION @sen mention_type=NAM}, [Foreign Minister]{#fm ROLE} [Lia Quispe]{#quispe1 OFFICIAL @quispe} [said]{#say STATEMENT status=completed}.
=== entities
@amaru = Republic of Amaru
@taw = Tawantia
@accord = Andes Water Accord
@asm = Amaru Assembly
@sen = Tawantia Senate
@quispe = Lia Quispe
=== relations
PARTY_TO amaru1 acc1
PARTY_TO taw1 acc1
HOLDS_ROLE quispe1 fm
=== events
#sig treaty=acc1 party=amaru1 party=taw1 time=mon
#ta2 treaty=acc2 actor=asm1
#ta3 treaty=acc2 actor=sen1
#say speaker=quispe1
""")

VISIT = markup("quispe-visit", "validation", "quispe-lima-visit", """
[Lia Quispe]{#q1 OFFICIAL @quispe} [visited]{#v1 VISIT status=completed} [Lima]{#lima1 LOCATION @lima} on [Friday]{#fri DATE timex_type=DATE value=2031-03-07}, where she [met]{#m1 MEETING status=completed} officials of [Peru]{#peru1 COUNTRY @peru}.
=== entities
@quispe = Lia Quispe
@lima = Lima
@peru = Peru
=== relations
LOCATED_IN lima1 peru1
=== events
#v1 visitor=q1 destination=lima1 time=fri
#m1 participant=q1 place=lima1
""")

REJECT = markup("karvossa-rejects", "test", "karvossa-senate-vote", """
The [Karvossa]{#k1 COUNTRY @karvossa} [Senate]{#ks ORGANIZATION @ksen mention_type=NAM} [rejected]{#rej TREATY_ACTION status=failed stage=upper_house_vote} the [pact]{#p1 TREATY @pact mention_type=NOM} [last month]{#lm DATE timex_type=DATE value=2031-02}.
=== entities
@karvossa = Karvossa
@ksen = Senate of Karvossa
@pact = Karvossa–Amaru Border Pact
=== relations
PART_OF ks k1
=== events
#rej treaty=p1 actor=ks time=lm
""")

DRAFT = markup("unfinished-draft", "train", "unfinished-draft", """
[Peru]{#peru1 COUNTRY @peru} said nothing.
""", status="draft")

FIXTURE_DOCS = (ACCORD, VISIT, REJECT, DRAFT)


def write_repo(root: Path, sources=FIXTURE_DOCS, card: bool = True) -> Path:
    """A repository at ``root`` holding the compiled ``sources`` and the project's card source."""
    layout = Layout(root)
    for source in sources:
        compiled = compile_markup(source)
        doc_id = compiled.meta["id"]
        jsonio.write_atomic(layout.text_path(doc_id), compiled.text)
        jsonio.write_json(layout.meta_path(doc_id), compiled.meta)
        write_gold(layout.gold_path(doc_id), compiled.gold)
    if card:
        shutil.copy(REPO / "dataset_card.md", root / "dataset_card.md")
    return root


def load(folder: Path, config: str, cache: Path):
    from datasets import load_dataset

    return load_dataset(str(folder), config, cache_dir=str(cache))


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by relative path, with its sha256."""
    import hashlib

    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}
