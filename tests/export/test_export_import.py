"""``diplonews import``: a brat (or spaCy) export edited elsewhere comes back into the gold;
nothing is written unless every document is a corpus document with its exact text and valid."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from export_fixtures import REPO

from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.gold import read_gold

DOCS = ("c1a-03-somalia-kenya-icj", "c1a-01-afcfta-in-force")


@pytest.fixture
def repo(tmp_path):
    """A repository of two of the corpus's documents, and its brat export."""
    root = tmp_path / "repo"
    for doc_id in DOCS:
        for rel in (f"corpus/{doc_id}.txt", f"corpus/{doc_id}.meta.json", f"annotations/gold/{doc_id}.json"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / rel, root / rel)
    run(root, "export", "brat", "--out", str(tmp_path / "brat"))
    return root, tmp_path / "brat"


def run(root, *args):
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    return result


def add_role(folder, doc_id: str, word: str) -> tuple[int, int]:
    """Add a ROLE mention on the first unannotated occurrence of ``word``, as a brat user would."""
    text = (folder / f"{doc_id}.txt").read_text(encoding="utf-8")
    ann = folder / f"{doc_id}.ann"
    start = text.index(word)
    ann.write_text(ann.read_text(encoding="utf-8") + f"T999\tROLE {start} {start + len(word)}\t{word}\n", encoding="utf-8")
    return start, start + len(word)


def test_an_unedited_export_changes_nothing(repo):
    root, brat = repo
    result = run(root, "import", "brat", str(brat), "--write")
    assert result.exit_code == 0, result.output
    assert sorted(result.output.splitlines()) == sorted([f"{d}: unchanged" for d in DOCS] + ["wrote 0 file(s)"])


def test_an_added_mention_comes_back_and_only_its_document_is_written(repo):
    root, brat = repo
    before = {d: (root / f"annotations/gold/{d}.json").read_bytes() for d in DOCS}
    start, end = add_role(brat, DOCS[0], "judges")
    checked = run(root, "import", "brat", str(brat))
    assert checked.exit_code == 0, checked.output
    assert "checked only; pass --write to write" in checked.output
    assert {d: (root / f"annotations/gold/{d}.json").read_bytes() for d in DOCS} == before
    written = run(root, "import", "brat", str(brat), "--write", "--annotator", "editor")
    assert written.exit_code == 0, written.output
    assert "wrote 1 file(s)" in written.output
    gold = read_gold(Layout(root), DOCS[0])
    assert [(m["start"], m["end"], m["text"]) for m in gold["mentions"] if m["label"] == "ROLE" and m["start"] == start] == [(start, end, "judges")]
    assert gold["provenance"]["annotators"][-1] == "editor"
    assert (root / f"annotations/gold/{DOCS[1]}.json").read_bytes() == before[DOCS[1]]
    assert run(root, "validate").exit_code == 0


def test_a_changed_text_is_refused_and_nothing_is_written(repo):
    root, brat = repo
    before = (root / f"annotations/gold/{DOCS[0]}.json").read_bytes()
    add_role(brat, DOCS[0], "judges")
    txt = brat / f"{DOCS[1]}.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "\nA line added in brat.\n", encoding="utf-8")
    result = run(root, "import", "brat", str(brat), "--write")
    assert result.exit_code == 1
    assert f"{brat}:{DOCS[1]}: [import-text-changed]" in result.output
    assert (root / f"annotations/gold/{DOCS[0]}.json").read_bytes() == before


def test_an_invalid_edit_is_refused_with_its_rule(repo):
    root, brat = repo
    ann = brat / f"{DOCS[0]}.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + "T998\tROLE 4 6\tHA\n", encoding="utf-8")  # "THE HAGUE": ends inside a word
    result = run(root, "import", "brat", str(brat), "--write")
    assert result.exit_code == 1
    assert "[token-boundary]" in result.output


def test_a_lossy_format_is_refused(repo, tmp_path):
    root, _ = repo
    assert run(root, "export", "conll", "--out", str(tmp_path / "conll")).exit_code == 0
    result = run(root, "import", "conll", str(tmp_path / "conll"))
    assert result.exit_code == 1
    assert "[import-lossy] conll drops" in result.output
