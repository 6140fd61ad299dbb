"""diplonews stats: exact counts on the fixture corpus."""
import json

from click.testing import CliRunner

from diplonews.cli import main
from diplonews.stats import _length_summary, corpus_stats


def test_counts_per_split(repo):
    stats = corpus_stats(repo)
    total, train = stats["total"], stats["splits"]["train"]
    assert (total["documents"], train["documents"], stats["splits"]["test"]["documents"]) == (3, 1, 1)
    assert total["mentions"]["COUNTRY"] == 4 and total["mentions"]["PERSON"] == 0
    assert total["relations"] == {"HOLDS_ROLE": 1, "ROLE_OF": 0, "ACCREDITED_TO": 0, "AFFILIATED_WITH": 0, "PART_OF": 1, "LOCATED_IN": 1, "PARTY_TO": 2, "MEMBER_OF": 0}
    assert total["events"]["TREATY_ACTION"] == 4 and train["events"]["TREATY_ACTION"] == 3
    assert total["statuses"]["pending"] == 2 and total["statuses"]["failed"] == 1
    assert total["stage_status"]["upper_house_vote"] == {"completed": 0, "ongoing": 0, "scheduled": 0, "pending": 1, "proposed": 0, "failed": 1, "cancelled": 0}
    assert total["worlds"] == {"real": 0, "fictional": 3}
    assert total["regions"] == {"africa": 0, "latin_america_caribbean": 0, "south_southeast_asia": 0, "east_asia_pacific": 0,
                                "middle_east_north_africa": 0, "europe": 3, "north_america": 0, "central_asia_caucasus": 0}
    assert set(total["real_regions"].values()) == {0}  # every fixture text is fictional
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


def test_lengths_decades_and_real_states(repo):
    stats = corpus_stats(repo)
    total = stats["total"]
    assert total["lengths"] == {"0-149": 3, "150-299": 0, "300-499": 0, "500-799": 0, "800-1199": 0, "1200+": 0}
    assert total["decades"] == {"2030s": 3}
    assert stats["distinct"]["real_countries"] == {"total": 0, "train": 0, "validation": 0, "test": 0, "names": []}
    words = sorted(s["words"] for s in stats["splits"].values())  # one document per split
    assert stats["length"] == {"min": words[0], "median": words[1], "max": words[2], "over_500": 0.0, "over_800": 0.0}
    assert words[0] == 8  # the test document, counted in test_words_and_tokens


def test_length_summary_median_and_long_shares():
    assert _length_summary([100, 900, 300, 600]) == {"min": 100, "median": 450, "max": 900, "over_500": 0.5, "over_800": 0.25}
    assert _length_summary([501, 200, 800]) == {"min": 200, "median": 501, "max": 800, "over_500": 0.6667, "over_800": 0.0}
    assert _length_summary([])["median"] is None
