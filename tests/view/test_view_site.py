"""The site's files and pages, read as HTML: the elements of a document are its gold, the
scorer's errors are marked where they belong, and the folder is never a user's."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from conftest import DOC, REPO

from diplonews.corpus import Layout
from diplonews.problems import DiplonewsError
from diplonews.scoring.corpus_eval import gold_split


class Elements(HTMLParser):
    """Every element with a data-id, as its attributes, and the page's element ids."""

    def __init__(self):
        super().__init__()
        self.items, self.ids = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "data-id" in attrs:
            self.items.append(attrs)


def parse(path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_one_page_per_gold_document_of_the_split_and_an_index_linking_them(site):
    result, split, _, _ = site
    golds, _ = gold_split(Layout(REPO), split)
    assert sorted(p.stem for p in (result.folder / "docs").iterdir()) == sorted(golds) == result.doc_ids
    index = (result.folder / "index.html").read_text(encoding="utf-8")
    assert all(f'href="docs/{doc_id}.html"' in index for doc_id in golds)
    assert sorted(p.name for p in result.folder.iterdir()) == ["diplonews-view.json", "docs", "index.html", "timeline.html", "view.css", "view.js"]


def test_gold_elements_are_exactly_the_gold_mentions_and_triggers(site):
    result, _, gold, _ = site
    page = parse(result.folder / "docs" / f"{DOC}.html")
    first = [a for a in page.items if a["data-side"] == "gold" and "cont" not in a["class"].split()]
    expected = sorted([(m["id"], m["label"], "m") for m in gold["mentions"]] + [(e["id"], e["type"], "t") for e in gold["events"]])
    assert sorted((a["data-id"], a["data-label"], a["class"]) for a in first) == expected
    assert all(a["id"] == a["data-id"] for a in first)  # linkable as #<gold id>
    assert len(page.ids) == len(set(page.ids))


def test_the_scorers_errors_are_marked_on_both_sides(site):
    result, _, _, marks = site
    page = parse(result.folder / "docs" / f"{DOC}.html")
    found = {(a["data-side"], a["data-id"], a["data-error"]) for a in page.items if "data-error" in a}
    assert found == marks
    html = (result.folder / "docs" / f"{DOC}.html").read_text(encoding="utf-8")
    assert "<h2>Errors (" in html and "<td>spurious</td>" in html


def test_the_timeline_orders_each_treatys_stages_by_lifecycle(site):
    from diplonews.ontology import load

    result, _, _, _ = site
    html = (result.folder / "timeline.html").read_text(encoding="utf-8")
    order = {stage: i for i, stage in enumerate(load().stages)}
    sections = html.split('<section class="treaty">')[1:]
    assert sections
    for section in sections:
        stages = [chunk.split('"', 1)[0] for chunk in section.split('data-stage="')[1:]]
        assert [order[s] for s in stages] == sorted(order[s] for s in stages)


def test_a_folder_that_is_no_view_is_never_replaced(tmp_path):
    from diplonews.view import build_view

    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(DiplonewsError) as caught:
        build_view(REPO, out, split="test")
    assert [p.code for p in caught.value.problems] == ["view-out-foreign"]
    assert (out / "notes.txt").read_text() == "keep me"


def test_view_command_writes_the_site_and_names_its_index(tmp_path):
    from click.testing import CliRunner

    from diplonews.cli import main

    result = CliRunner().invoke(main, ["--root", str(REPO), "view", "--out", str(tmp_path / "v"), "--split", "validation"])
    assert result.exit_code == 0, result.output
    assert f"open {tmp_path / 'v' / 'index.html'}" in result.output
    again = CliRunner().invoke(main, ["--root", str(REPO), "view", "--out", str(tmp_path / "v"), "--split", "validation"])
    assert again.exit_code == 0  # an earlier view is replaced
