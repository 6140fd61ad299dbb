"""The card: its YAML is what the Hub reads, and its sections show the corpus actually built."""
import json

import pytest
from hf_fixtures import write_repo
from huggingface_hub import DatasetCard, metadata_load

from diplonews.hf.builder import build
from diplonews.problems import DiplonewsError
from diplonews.hf.card import MARKER


def test_hub_parses_the_card_yaml(built):
    _, result = built
    readme = result.folder / "README.md"
    meta = metadata_load(readme)
    card = DatasetCard.load(readme)
    assert card.data.pretty_name == "diplonews"
    assert meta["license"] == "cc-by-4.0"  # every fixture document is CC-BY-4.0
    assert meta["language_creators"] == ["expert-generated"]
    assert meta["size_categories"] == ["n<1K"]
    configs = {c["config_name"]: [f["split"] for f in c["data_files"]] for c in meta["configs"]}
    assert configs["treaty_stages"] == ["train", "test"]  # the empty validation split is not declared
    assert [c["config_name"] for c in meta["configs"] if c.get("default")] == ["documents"]
    assert {i["config_name"] for i in meta["dataset_info"]} == set(configs)


def test_card_renders_the_corpus_statistics_and_no_markers(built):
    _, result = built
    text = (result.folder / "README.md").read_text(encoding="utf-8")
    assert not MARKER.search(text)
    assert "| documents | 3 | 1 | 1 | 1 |" in text
    assert "| TREATY_ACTION | 4 | 3 | 0 | 1 |" in text
    assert "| upper_house_vote | 0 | 0 | 0 | 1 | 0 | 1 | 0 |" in text  # stage x status: one pending, one failed
    assert "| treaties | 2 | 1 | 0 | 1 |" in text
    assert "![label distribution](images/label_distribution.png)" in text
    assert (result.folder / "images" / "label_distribution.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "No results yet" in text and "No inter-annotator agreement study" in text
    assert "| `sentences` | one sentence (no sentence cuts a mention or trigger): its offsets, text, tokens and IOB2 tags | 2 | 1 | 1 |" in text
    assert "| sentences | min | median | p90 | p99 | max |\n|---|---|---|---|---|---|\n| 4 | 9 | 14 | 19 | 19 | 19 |" in text
    assert "| tokens | 1-10 | 11-20 | 21-40 | 41-80 | 81-120 | 121-200 | >200 |\n|---|---|---|---|---|---|---|---|\n| sentences | 1 | 3 | 0 | 0 | 0 | 0 | 0 |" in text


def test_label_tables_follow_the_ontology(built):
    from diplonews.ontology import load

    _, result = built
    text = (result.folder / "README.md").read_text(encoding="utf-8")
    for label in load().mention_labels.values():
        assert f"| `{label.name}` | {label.definition} |" in text
    for stage, meaning in load().stage_labels.items():
        assert f"| `{stage}` | {meaning} |" in text


def test_leaderboard_agreement_and_mixed_rights(tmp_path):
    from hf_fixtures import ACCORD, markup

    seed = markup("seed-article", "train", "seed-story", "[Iran]{#i1 COUNTRY @iran} spoke.", origin="published", world="real",
                  rights="LicenseRef-Outlet", rights_note="© Outlet; reuse needs permission.")
    root = write_repo(tmp_path / "repo", (ACCORD, seed))
    (root / "results").mkdir()
    (root / "results" / "leaderboard.json").write_text(json.dumps({"generated": "2031-03-09", "commit": "0123456789abcdef0123",
        "entries": [{"system": "rules", "split": "test", "metrics": {"mention strict F1": {"value": 0.5, "ci95": [0.25, 0.75]}}}]}))
    round_dir = root / "annotations" / "agreement" / "round-7"
    for side in ("first-pass", "second-pass"):
        (round_dir / side).mkdir(parents=True)
    (round_dir / "report.json").write_text(json.dumps({"documents": ["amaru-accord"], "metrics": {"mention F1": 0.9, "event F1": None},
                                                       "ci95": {"mention F1": [0.85, 0.95]}}))
    (round_dir / "notes.md").write_text("Two annotators.\n")
    (root / "annotations" / "agreement" / "round-8").mkdir()  # no passes: not a round, not shown
    result = build(root, tmp_path / "out")
    text = (result.folder / "README.md").read_text(encoding="utf-8")
    assert "| metric | rules (test) |" in text
    assert "| mention strict F1 | 0.500 [0.250, 0.750] |" in text
    assert "Scored on 2031-03-09 at commit `0123456789ab`" in text
    assert "**Round `round-7`.**\n\nTwo annotators.\n\nMeasured on 1 doubly annotated document(s)." in text
    assert "| mention F1 | 0.900 [0.850, 0.950] |" in text and "| event F1 | n/a |" in text and "round-8" not in text
    assert "| `LicenseRef-Outlet` | 1 | © Outlet; reuse needs permission. |" in text
    meta = DatasetCard.load(result.folder / "README.md").data.to_dict()
    assert (meta["license"], meta["license_name"]) == ("other", "per-document-rights")
    assert meta["language_creators"] == ["found", "expert-generated"]


def test_missing_card_source_refuses_the_build(tmp_path):
    root = write_repo(tmp_path / "repo", card=False)
    with pytest.raises(DiplonewsError, match=r"^dataset_card.md: \[card-source\] is missing"):
        build(root, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_unknown_section_marker_refuses_the_build(tmp_path):
    root = write_repo(tmp_path / "repo")
    card = root / "dataset_card.md"
    card.write_text(card.read_text(encoding="utf-8") + "\n<!-- diplonews:nonsense -->\n", encoding="utf-8")
    with pytest.raises(DiplonewsError, match=r"^dataset_card.md: \[card-source\] names unknown generated sections: nonsense"):
        build(root, tmp_path / "out")


def test_malformed_leaderboard_is_named(tmp_path):
    root = write_repo(tmp_path / "repo")
    (root / "results").mkdir()
    (root / "results" / "leaderboard.json").write_text(json.dumps({"entries": []}))
    with pytest.raises(DiplonewsError, match=r"^results/leaderboard.json: \[card-input\] unexpected shape \(KeyError\('generated'\)\)"):
        build(root, tmp_path / "out")
