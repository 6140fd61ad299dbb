"""The seed article is document one, byte for byte, and the repository is valid."""
from __future__ import annotations

from pathlib import Path

from diplonews.corpus import Layout, text_sha256
from diplonews.gold import read_gold
from diplonews.validation.validator import validate

ROOT = Path(__file__).resolve().parents[2]
SEED = "tehrantimes-511688"


def test_seed_text_is_stored_exactly():
    raw = Layout(ROOT).text_path(SEED).read_bytes()
    text = raw.decode("utf-8")
    assert len(text) == 2142 and not text.endswith("\n")
    assert text.startswith("TEHRAN — Kazem Jalali, Iran’s Ambassador to Russia")
    assert read_gold(Layout(ROOT), SEED)["text_sha256"] == text_sha256(text)


def test_seed_gold_has_the_treaty_timeline():
    gold = read_gold(Layout(ROOT), SEED)
    stages = sorted((e["attributes"]["stage"], e["status"]) for e in gold["events"] if e["type"] == "TREATY_ACTION")
    assert stages == [
        ("legislative_submission", "proposed"),
        ("lower_house_vote", "completed"), ("lower_house_vote", "completed"), ("lower_house_vote", "completed"),
        ("signature", "completed"), ("signature", "completed"),
        ("unicameral_vote", "pending"),
        ("upper_house_vote", "pending"), ("upper_house_vote", "scheduled"),
    ]


def test_repository_is_valid():
    report = validate(ROOT)
    assert report.problems == []
