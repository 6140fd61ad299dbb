"""``diplonews ingest``: HTML main text and metadata, normalisation, ids, duplicate refusal."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.problems import DiplonewsError
from diplonews.ingest.ingest import plan_ingest, write_ingest
from diplonews.ingest.metadata import slugify, split_for, unique_id
from diplonews.ingest.normalize import normalize_text
from diplonews.validation.validator import validate

PAGE = Path(__file__).parent / "data" / "harbourcourier-water-accord.html"
ARTICLE = (
    "Freedonia and Sylvania sign water-sharing accord\n"
    "FREDONIA CITY – Foreign Minister Rufus T. Firefly of Freedonia and his Sylvanian counterpart, Ambassador Trentino, "
    "signed a water-sharing accord on Friday after two years of negotiations mediated by the River Basin Commission.\n"
    "The agreement divides the flow of the Marx River between the two countries during the dry season and creates a joint "
    "monitoring office in the border town of Zeppo.\n"
    "“This accord turns a source of conflict into a shared resource,” Firefly told reporters after the ceremony, adding "
    "that the Freedonian parliament would vote on ratification next month.\n"
    "Sylvania’s cabinet approved the text on Wednesday. The accord enters into force thirty days after both parties have "
    "exchanged their instruments of ratification."
)


@pytest.fixture
def empty_repo(tmp_path) -> Layout:
    layout = Layout(tmp_path / "repo")
    layout.corpus_dir.mkdir(parents=True)
    return layout


def test_an_html_page_gives_its_main_text_and_metadata(empty_repo):
    [doc] = plan_ingest(empty_repo, [PAGE], {})
    assert doc.text == ARTICLE
    assert doc.meta == {
        "id": "harbourcourier-water-accord",
        "title": "Freedonia and Sylvania sign water-sharing accord",
        "outlet": "The Harbour Courier",
        "url": "https://harbourcourier.example/world/2026/03/14/freedonia-sylvania-water-accord",
        "published": "2026-03-14",
        "rights": "LicenseRef-unverified",
        "rights_note": "Rights not checked yet: do not redistribute the text before they are.",
        "notes": f"Ingested from {PAGE}.",
        "story": "harbourcourier-water-accord",
        "origin": "published",
        "world": "real",
        "genre": "news_report",
        "split": "train",
        "sources": [],
        "regions": [],
        "language": "en",
    }


def test_ingesting_twice_is_refused_as_a_duplicate(empty_repo):
    runner = CliRunner()
    args = ["--root", str(empty_repo.root), "ingest", str(PAGE), "--world", "fictional", "--write"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [
        f"harbourcourier-water-accord: {len(ARTICLE)} characters, 2026-03-14, The Harbour Courier: Freedonia and Sylvania sign water-sharing accord (from {PAGE})",
        "wrote 1 document(s)",
    ]
    stored = sorted(p.name for p in empty_repo.corpus_dir.iterdir())
    second = runner.invoke(main, args)
    assert second.exit_code == 1
    assert second.stderr.splitlines() == [f"reading {PAGE}", f"{PAGE}: [ingest-duplicate] refused, the same text as harbourcourier-water-accord", "nothing ingested"]
    assert sorted(p.name for p in empty_repo.corpus_dir.iterdir()) == stored == ["harbourcourier-water-accord.meta.json", "harbourcourier-water-accord.txt"]
    report = validate(empty_repo.root)
    assert report.valid and [(n.code, n.location.doc_id) for n in report.notices] == [("unannotated", "harbourcourier-water-accord")]


def test_a_near_duplicate_is_refused_naming_the_document(empty_repo, tmp_path):
    write_ingest(empty_repo, plan_ingest(empty_repo, [PAGE], {}))
    edited = ARTICLE.replace("on Wednesday", "on Thursday").replace("Freedonia and Sylvania sign", "Freedonia, Sylvania sign")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "Wire Copy 1", "text": edited, "outlet": "Wire", "published": "2026-03-15"}) + "\n", encoding="utf-8")
    with pytest.raises(DiplonewsError) as refused:
        plan_ingest(empty_repo, [feed], {})
    assert str(refused.value) == f"{feed}:1: [ingest-duplicate] refused, a near-duplicate of harbourcourier-water-accord (word 5-gram Jaccard 0.89)"


def test_jsonl_and_txt_inputs_get_safe_unique_ids_and_defaults(empty_repo, tmp_path):
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "Émile's Report!", "text": "First text about talks.", "outlet": "Wire", "published": "2026-01-02", "story": "Talks 2026"},
        {"id": "emile-s-report", "text": "Second, different text about a visit.", "outlet": "Wire", "published": "2026-01-03", "story": "Talks 2026",
         "regions": ["europe"]},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    note = tmp_path / "Minister's Note.txt"
    note.write_text("\ufeffNote title\r\n\r\n\r\n\r\nBody\u00a0 text.\t\r\n", encoding="utf-8")
    docs = plan_ingest(empty_repo, [feed, note], {"outlet": "Ministry", "published": "2026-01-04", "origin": "authored", "world": "fictional",
                                                       "regions": ["africa"]})
    assert [(d.doc_id, d.meta["story"], d.meta["split"], d.meta["origin"], d.meta["outlet"], d.meta["regions"]) for d in docs] == [
        ("emile-s-report", "talks-2026", "train", "authored", "Wire", ["africa"]),
        ("emile-s-report-2", "talks-2026", "train", "authored", "Wire", ["europe"]),  # the input's own field wins
        ("minister-s-note", "minister-s-note", "train", "authored", "Ministry", ["africa"]),
    ]
    assert docs[2].text == "Note title\n\nBody text." and docs[2].meta["title"] == "Note title"


def test_an_input_without_outlet_or_date_is_refused(empty_repo, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Some text.", encoding="utf-8")
    with pytest.raises(DiplonewsError) as refused:
        plan_ingest(empty_repo, [note], {"outlet": "Ministry"})
    assert str(refused.value) == f"{note}: [ingest-metadata] no published in the input; give --published"


def test_normalisation_rules():
    raw = "  A\u0301b\tc\u00a0\u00a0d  \r\nline\u2028two\x07 \ufeff\n\n\n\nend 👩\u200d⚕️\n"
    assert normalize_text(raw) == "Áb c d\nline\ntwo\n\nend 👩\u200d⚕️"
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)


def test_ids_are_safe_and_unique():
    assert slugify("Tehran Times — 511688") == "tehran-times-511688"
    assert slugify("—") == "doc"
    assert len(slugify("x" * 200)) == 80
    assert unique_id("a", {"a", "a-2"}) == "a-3"
    assert unique_id("x" * 80, {"x" * 80}) == "x" * 78 + "-2"


def test_the_split_follows_the_story():
    # sha256 as an integer mod 10: story-c -> 8, story-f -> 0, story-10 -> 9
    assert [split_for(s, {}) for s in ("story-c", "story-f", "story-10")] == ["validation", "train", "test"]
    assert split_for("story-c", {"story-c": "test"}) == "test"
