"""The authoring markup: compile, render, round trip, and refusals that never guess."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplonews import jsonio
from diplonews.authoring.markup import compile_markup, render_markup
from diplonews.cli import main
from diplonews.problems import DiplonewsError
from diplonews.corpus import Layout
from diplonews.gold import read_gold

from .conftest import DOC, MARKUP

ROOT = Path(__file__).resolve().parents[2]
HEADER = MARKUP.split("=== text")[0]


def test_compile_gives_offsets_in_code_points():
    compiled = compile_markup(MARKUP)
    amb = next(m for m in compiled.gold["mentions"] if m["id"] == "amb")
    assert (amb["start"], amb["end"]) == (len("Ilona Varga, Ostria’s "), len("Ilona Varga, Ostria’s Ambassador"))
    assert compiled.text.startswith("Ilona Varga, Ostria’s Ambassador to Belmar, signed the Salt Accord in Port Lune on Monday.\n")
    assert compiled.lines["amb"] == 6


def test_nested_tags_share_a_trigger_and_escapes_are_literal():
    body = HEADER + "=== text\nIt awaits \\[final\\] [[approval]{#a TREATY_ACTION status=pending stage=unicameral_vote}]{#b TREATY_ACTION status=pending stage=upper_house_vote}.\n"
    compiled = compile_markup(body)
    assert compiled.text == "It awaits [final] approval."
    start = len("It awaits [final] ")
    assert [(e["id"], e["trigger"]["start"], e["attributes"]["stage"]) for e in compiled.gold["events"]] == [
        ("a", start, "unicameral_vote"), ("b", start, "upper_house_vote")]


def test_defaults_and_auto_ids():
    compiled = compile_markup(HEADER + "=== text\n[Ostria]{COUNTRY} and [Belmar]{COUNTRY @b} met.")
    assert [(m["id"], m["attributes"]) for m in compiled.gold["mentions"]] == [("m1", {"metonymic": False}), ("m2", {"metonymic": False})]
    assert [(e["id"], e["name"], e["mentions"]) for e in compiled.gold["entities"]] == [("e1", "Ostria", ["m1"]), ("b", "Belmar", ["m2"])]


@pytest.mark.parametrize("text, line, message", [
    ("[Ostria]{NATION}", 6, "unknown label 'NATION' in {NATION}"),
    ("[Ostria] is open", 6, "']' must be followed by a {tag}; write \\] for a literal bracket"),
    ("a\n[Ostria", 7, "'[' is never closed"),
    ("[Ostria]{COUNTRY DATE}", 6, "tag {COUNTRY DATE} has two labels"),
    ("[met]{MEETING}", 6, "trigger {MEETING} needs status="),
    ("[Ostria]{COUNTRY metonymic=maybe}", 6, "metonymic must be true or false, not 'maybe'"),
])
def test_bad_markup_names_file_and_line(text, line, message):
    with pytest.raises(DiplonewsError) as err:
        compile_markup(HEADER + "=== text\n" + text, "doc.dn")
    assert str(err.value) == f"doc.dn:{line}: [markup-syntax] {message}"


def test_render_then_compile_gives_back_the_seed_gold_exactly():
    layout = Layout(ROOT)
    doc_id = "tehrantimes-511688"
    meta = jsonio.json.loads(layout.meta_path(doc_id).read_text(encoding="utf-8"))
    gold = read_gold(layout, doc_id)
    compiled = compile_markup(render_markup(layout.read_text(doc_id), meta, gold))
    assert compiled.text == layout.read_text(doc_id)
    assert compiled.meta == meta
    assert compiled.gold == gold


def test_every_gold_document_round_trips_through_the_markup():
    layout = Layout(ROOT)
    for doc_id in layout.gold_ids():
        meta = jsonio.json.loads(layout.meta_path(doc_id).read_text(encoding="utf-8"))
        gold = read_gold(layout, doc_id)
        assert compile_markup(render_markup(layout.read_text(doc_id), meta, gold)).gold == gold, doc_id


def test_compile_refuses_to_change_an_annotated_text(repo, tmp_path):
    source = tmp_path / "doc.dn"
    source.write_text(MARKUP.replace("on [Monday]", "last [Monday]"), encoding="utf-8")
    before = repo.layout.text_path(DOC).read_bytes()
    result = CliRunner().invoke(main, ["--root", str(repo.root), "author", "compile", str(source), "--write"])
    assert result.exit_code == 1
    assert "[text-changed] the text differs from corpus/fx-001.txt" in result.output
    assert repo.layout.text_path(DOC).read_bytes() == before


def test_compile_reports_contract_problems_at_the_markup_line(tmp_path):
    source = tmp_path / "doc.dn"
    source.write_text(MARKUP.replace("HOLDS_ROLE varga1 amb", "HOLDS_ROLE varga1 ost1"), encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "author", "compile", str(source), "--write"])
    assert result.exit_code == 1
    assert result.stderr == f"{source}:12:fx-001:r1:$.relations[0].tail: [relation-argument-label] HOLDS_ROLE tail must be ROLE, not COUNTRY ('ost1')\n"
    assert not (tmp_path / "corpus").exists()


def test_compile_writes_all_three_files(tmp_path):
    source = tmp_path / "doc.dn"
    source.write_text(MARKUP, encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "author", "compile", str(source), "--write"])
    assert result.exit_code == 0, result.output
    assert result.output == f"{DOC}: new (11 mentions, 4 relations, 3 events)\nwrote 1 document(s)\n"
    again = CliRunner().invoke(main, ["--root", str(tmp_path), "author", "compile", str(source)])
    assert again.output.startswith(f"{DOC}: unchanged")
