"""Fixtures of the scoring tests: exact-value documents written in the authoring markup,
the repository's gold (whatever exists when the tests run) and a tiny repository copy."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from diplonews.authoring.markup import compile_markup
from diplonews.corpus import Layout
from diplonews.gold import read_gold

REPO = Path(__file__).resolve().parents[2]

HEADER = {"meta": {"id": "fixture"}, "annotation": {"annotators": ["t"], "annotated": "2025-01-01", "status": "gold", "adjudicated": False}}

# A small document with every layer: two treaty stages share no trigger; a date; two relations.
TREATY_MARKUP = """\
=== text
[Iran]{#iran1 COUNTRY @iran}'s [Foreign Minister]{#fm ROLE} [Abbas Araghchi]{#ara OFFICIAL @ara} [said]{#say STATEMENT status=completed} the [Duma]{#duma ORGANIZATION mention_type=NAM @duma} [approved]{#vote TREATY_ACTION status=completed stage=lower_house_vote} the [treaty]{#t1 TREATY mention_type=NOM @csp} on [Tuesday]{#tue DATE timex_type=DATE value=2025-04-08}; [Iran]{#iran2 COUNTRY @iran} has yet to [ratify]{#rat TREATY_ACTION status=pending stage=ratification} [it]{#t2 TREATY mention_type=NOM @csp}.
=== entities
@iran = Iran | Q794
@ara = Abbas Araghchi
@duma = State Duma
@csp = Comprehensive Strategic Partnership Treaty
=== relations
HOLDS_ROLE ara fm
ROLE_OF fm iran1
=== events
#say speaker=ara
#vote actor=duma treaty=t1 time=tue
#rat party=iran2 treaty=t2
"""


def compile_doc(body: str, doc_id: str = "fixture") -> tuple[str, dict]:
    """(text, gold) of a markup body (everything from ``=== text`` on)."""
    header = {**HEADER, "meta": {"id": doc_id}}
    compiled = compile_markup(json.dumps(header) + "\n" + body)
    return compiled.text, compiled.gold


@pytest.fixture
def treaty_doc() -> dict:
    return compile_doc(TREATY_MARKUP)[1]


@pytest.fixture
def treaty_text() -> str:
    return compile_doc(TREATY_MARKUP)[0]


@pytest.fixture
def repo_gold() -> dict[str, dict]:
    """Every gold document of the repository, as it is when the tests run."""
    layout = Layout(REPO)
    return {d: read_gold(layout, d) for d in layout.gold_ids()}


SEED = "tehrantimes-511688"
# new id -> (split, world, origin, the repository document copied); three different texts,
# since one text in two splits is a split leak that validation refuses
TINY_SPLITS = {"seed-train": ("train", "real", "published", "r1-04-iran-russia-treaty-timeline"),
               "seed-dev": ("validation", "fictional", "authored", "f1-06-qasirah-suspension-analysis"),
               "seed-test": ("test", "real", "authored", SEED)}


@pytest.fixture
def tiny_repo(tmp_path: Path) -> Path:
    """A repository of three gold documents under new ids, one per split: the seed is the test document."""
    src = Layout(REPO)
    dst = Layout(tmp_path)
    dst.corpus_dir.mkdir(parents=True)
    dst.gold_dir.mkdir(parents=True)
    meta = json.loads(src.meta_path(SEED).read_text(encoding="utf-8"))
    for doc_id, (split, world, origin, source) in TINY_SPLITS.items():
        gold = read_gold(src, source)
        shutil.copyfile(src.text_path(source), dst.text_path(doc_id))
        sources = ["https://example.org/checked"] if (world, origin) == ("real", "authored") else []  # valid metadata: meta-sources
        dst.meta_path(doc_id).write_text(json.dumps({**meta, "id": doc_id, "split": split, "world": world, "origin": origin,
                                                     "story": doc_id, "sources": sources}), encoding="utf-8")
        dst.gold_path(doc_id).write_text(json.dumps({**gold, "doc_id": doc_id}), encoding="utf-8")
    return tmp_path
