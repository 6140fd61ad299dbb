"""Sentences (issue 10, point 2): split once, never through a mention or trigger, and the
``sentences`` config and the ``ner`` config's sentence offsets as ``datasets`` reads them."""
import pytest
from hf_fixtures import load, markup, write_repo

from diplonews.authoring.markup import compile_markup
from diplonews.hf.builder import build
from diplonews.tokens import tokenize
from diplonews.problems import DiplonewsError
from diplonews.sentences import MAX_TOKENS, length_summary, split

NO_GOLD = {"mentions": [], "events": []}


def _texts(text: str, gold: dict = NO_GOLD) -> list[str]:
    return [text[s.start:s.end] for s in split(text, tokenize(text), gold)]


def test_lines_and_full_stops_end_sentences_abbreviations_do_not():
    text = "TEHRAN, May 2 (diplonews)\nThe U.S. envoy met Mr. Araghchi. They spoke.\n\n  Talks resume today!"
    assert _texts(text) == ["TEHRAN, May 2 (diplonews)", "The U.S. envoy met Mr. Araghchi.", "They spoke.", "Talks resume today!"]


def test_sentences_hold_every_token_once_with_token_ranges():
    text = "Iran spoke. Russia listened."
    tokens = tokenize(text)
    sentences = split(text, tokens, NO_GOLD)
    assert [(s.start, s.end, s.first, s.last) for s in sentences] == [
        (0, len("Iran spoke."), 0, 3), (len("Iran spoke. "), len(text), 3, 6)]


def test_a_boundary_inside_a_mention_or_trigger_merges_the_sentences():
    text = "They met at Boundary Marker No. 1 on Friday. Then they left."
    marker = {"start": text.index("Boundary"), "end": text.index(" on Friday")}
    assert _texts(text) == ["They met at Boundary Marker No.", "1 on Friday.", "Then they left."]
    assert _texts(text, {"mentions": [marker], "events": []}) == ["They met at Boundary Marker No. 1 on Friday.", "Then they left."]
    trigger = {"trigger": {"start": text.index("No."), "end": text.index(" on")}}
    assert _texts(text, {"mentions": [], "events": [trigger]}) == ["They met at Boundary Marker No. 1 on Friday.", "Then they left."]


def test_a_mention_across_a_line_break_keeps_its_lines_in_one_sentence():
    fixture = compile_markup((__import__("pathlib").Path(__file__).parents[1] / "labelstudio" / "data" / "offsets.markup").read_text(encoding="utf-8"))
    texts = _texts(fixture.text, fixture.gold)
    accord = next(m for m in fixture.gold["mentions"] if m["label"] == "TREATY")
    assert "\n" in accord["text"]
    assert sum(accord["text"] in t for t in texts) == 1


def test_length_summary_bands_and_quantiles():
    summary = length_summary([1, 5, 12, 30, 30, 90, 201])
    assert summary == {"sentences": 7, "min": 1, "median": 30, "p90": 201, "p99": 201, "max": 201,
                       "bands": {"1-10": 2, "11-20": 1, "21-40": 2, "41-80": 0, "81-120": 1, "121-200": 0, ">200": 1}}


def test_sentences_config_rows_as_datasets_reads_them(built, tmp_path):
    root, result = built
    ds = load(result.folder, "sentences", tmp_path)
    assert {split: ds[split].num_rows for split in ds} == {"train": 2, "validation": 1, "test": 1}
    rows = ds["train"]
    names = rows.features["ner_tags"].feature.names
    triggers = rows.features["trigger_tags"].feature.names
    text = (root / "corpus" / "amaru-accord.txt").read_text(encoding="utf-8")
    second = rows[1]
    start = text.index("The accord")
    assert (second["doc_id"], second["index"], second["start"], second["end"]) == ("amaru-accord", 1, start, len(text.rstrip("\n")))
    assert second["text"] == text[start:].rstrip("\n")
    assert second["tokens"][:4] == ["The", "accord", "awaits", "approval"]
    assert second["token_starts"][:2] == [start, start + len("The ")]
    assert [text[s:e] for s, e in zip(second["token_starts"], second["token_ends"])] == second["tokens"]
    assert [names[i] for i in second["ner_tags"]][:3] == ["O", "B-TREATY", "O"]
    assert [(t, triggers[i]) for t, i in zip(second["tokens"], second["trigger_tags"]) if i] == [
        ("approval", "B-TREATY_ACTION"), ("said", "B-STATEMENT")]
    assert rows[0]["text"] == "Amaru and Tawantia signed the Andes Water Accord on Monday."


def test_ner_rows_carry_the_text_and_the_same_sentences(built, tmp_path):
    root, result = built
    ner = load(result.folder, "ner", tmp_path)["train"][0]
    sentences = load(result.folder, "sentences", tmp_path)["train"]
    assert ner["text"] == (root / "corpus" / "amaru-accord.txt").read_text(encoding="utf-8")
    assert [(s["start"], s["end"]) for s in ner["sentences"]] == [(r["start"], r["end"]) for r in sentences]
    for s, row in zip(ner["sentences"], sentences):
        assert ner["tokens"][s["token_start"]:s["token_end"]] == row["tokens"]
        assert ner["ner_tags"][s["token_start"]:s["token_end"]] == row["ner_tags"]


def test_a_sentence_over_the_limit_refuses_the_build(tmp_path):
    words = " ".join(["word"] * MAX_TOKENS)
    root = write_repo(tmp_path / "repo", (markup("run-on", "train", "run-on", words + " [Iran]{#i1 COUNTRY @iran} spoke"),))
    with pytest.raises(DiplonewsError) as info:
        build(root, tmp_path / "out")
    assert str(info.value) == (f"annotations/gold/run-on.json:run-on: [sentence-too-long] sentence 0 [0, {len(words + ' Iran spoke')}) "
                               f"has {MAX_TOKENS + 2} tokens, over {MAX_TOKENS}")
    assert not (tmp_path / "out").exists()
