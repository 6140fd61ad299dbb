"""diplonews stats: exact counts on the fixture corpus."""
import json

from click.testing import CliRunner

from diplonews.cli import main
from diplonews.stats import corpus_stats


def test_counts_per_split(repo):
    stats = corpus_stats(repo)
    total, train = stats["total"], stats["splits"]["train"]
    assert (total["documents"], train["documents"], stats["splits"]["test"]["documents"]) == (3, 1, 1)
    assert total["mentions"]["COUNTRY"] == 4 and total["mentions"]["PERSON"] == 0
    assert total["relations"] == {"HOLDS_ROLE": 1, "ROLE_OF": 0, "ACCREDITED_TO": 0, "AFFILIATED_WITH": 0, "PART_OF": 1, "LOCATED_IN": 1, "PARTY_TO": 2}
    assert total["events"]["TREATY_ACTION"] == 4 and train["events"]["TREATY_ACTION"] == 3
    assert total["statuses"]["pending"] == 2 and total["statuses"]["failed"] == 1
    assert total["stage_status"]["upper_house_vote"] == {"completed": 0, "ongoing": 0, "scheduled": 0, "pending": 1, "proposed": 0, "failed": 1, "cancelled": 0}
    assert total["worlds"] == {"real": 0, "fictional": 3}
    assert total["rights"] == {"CC-BY-4.0": 3}
    assert stats["distinct"]["treaties"] == {"total": 2, "train": 1, "validation": 0, "test": 1, "names": ["Andes Water Accord", "Karvossa–Amaru Border Pact"]}
    assert stats["distinct"]["countries"]["names"] == ["Karvossa", "Peru", "Republic of Amaru", "Tawantia"]
    assert stats["pending"] == {"drafts": 1, "unannotated": 0}


def test_words_and_tokens(repo):
    stats = corpus_stats(repo)["splits"]["test"]
    # "The Karvossa Senate rejected the pact last month." : 8 words and the full stop
    assert (stats["words"], stats["tokens"]) == (8, 9)


def test_cli_json_and_text(repo):
    runner = CliRunner()
    as_json = runner.invoke(main, ["--root", str(repo), "stats", "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == corpus_stats(repo)
    as_text = runner.invoke(main, ["--root", str(repo), "stats"])
    assert as_text.exit_code == 0
    assert "documents      3      1           1     1" in as_text.stdout
    assert "Not in the dataset: 1 draft(s), 0 unannotated text(s)" in as_text.stdout
