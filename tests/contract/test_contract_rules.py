"""One test per validation rule: a document that breaks exactly that rule, and the exact report."""
from __future__ import annotations

import json

import pytest

from click.testing import CliRunner

from diplonews.cli import main
from diplonews import schemas
from diplonews.problems import codes_in
from diplonews.validation.schema_check import EACH, integer_paths
from diplonews.validation.validator import validate

from .conftest import DOC

GOLD = f"annotations/gold/{DOC}.json"


def problems(repo):
    return validate(repo.root).flatten()


def test_fixture_is_valid(repo):
    report = validate(repo.root)
    assert report.valid and report.documents == 1 and report.notices == []


def test_json_invalid(repo):
    repo.layout.gold_path(DOC).write_text("{", encoding="utf-8")
    assert problems(repo) == [("json-invalid", DOC, None, None)]


@pytest.mark.parametrize("layer", ["gold", "meta"])
def test_a_json_null_file_is_checked_not_skipped(repo, layer):
    """A file holding ``null`` parses: the schema must refuse it, not the reader pass it over."""
    (repo.layout.gold_path(DOC) if layer == "gold" else repo.layout.meta_path(DOC)).write_text("null", encoding="utf-8")
    assert problems(repo) == [("schema.type", DOC, None, "$")]


def test_text_encoding(repo):
    repo.layout.text_path(DOC).write_bytes(repo.text.encode("utf-8") + b"\xff")
    assert problems(repo) == [("text-encoding", DOC, None, None)]


def test_text_not_nfc(repo):
    repo.rehash(repo.text + " Cafe\u0301")
    report = validate(repo.root)
    assert report.flatten() == [("text-not-nfc", DOC, None, None)]
    assert report.problems[0].message == f"not NFC from offset {len(repo.text + ' Caf')}"


def test_text_line_endings(repo):
    repo.rehash(repo.text + "\r\n")
    assert problems(repo) == [("text-line-endings", DOC, None, None)]


def _unannotated(repo, text: str) -> list:
    """The problems of DOC once it has no gold and holds ``text``: text rules hold for every text."""
    repo.layout.gold_path(DOC).unlink()
    repo.write_text(text)
    return problems(repo)


def test_text_bom(repo):
    assert _unannotated(repo, "\ufeff" + repo.text) == [("text-bom", DOC, None, None)]


def test_text_control(repo):
    assert _unannotated(repo, repo.text[:10] + "\x00" + repo.text[10:]) == [("text-control", DOC, None, None)]
    assert validate(repo.root).problems[0].message == "control character U+0000 at offset 10"


def test_text_empty(repo):
    assert _unannotated(repo, " \n\n") == [("text-empty", DOC, None, None)]


def test_text_missing(repo):
    repo.layout.text_path(DOC).unlink()
    repo.layout.meta_path(DOC).unlink()
    assert problems(repo) == [("text-missing", DOC, None, None)]


def test_text_sha256_mismatch_names_the_document(repo):
    repo.write_text(repo.text.replace("Monday", "Friday"))
    report = validate(repo.root)
    assert report.flatten() == [("text-sha256-mismatch", DOC, None, "$.text_sha256")]
    assert report.problems[0].location.file == GOLD


def test_doc_id_unsafe(repo):
    (repo.layout.corpus_dir / "Bad_Name.txt").write_text("x", encoding="utf-8")
    found = [p for p in validate(repo.root).problems if p.code == "doc-id-unsafe"]
    assert [(p.code, p.location.file) for p in found] == [("doc-id-unsafe", "corpus/Bad_Name.txt")]


def test_doc_id_mismatch_in_gold(repo):
    gold = repo.gold()
    gold["doc_id"] = "fx-002"
    repo.write_gold(gold)
    assert problems(repo) == [("doc-id-mismatch", DOC, None, "$.doc_id")]


def test_doc_id_mismatch_in_meta(repo):
    meta = repo.meta()
    meta["id"] = "fx-002"
    repo.write_meta(meta)
    assert problems(repo) == [("doc-id-mismatch", DOC, None, "$.id")]


def test_file_unexpected(repo):
    (repo.layout.gold_dir / "notes.txt").write_text("x", encoding="utf-8")
    report = validate(repo.root)
    assert [(p.code, p.location.file) for p in report.problems] == [("file-unexpected", "annotations/gold/notes.txt")]


def test_corpus_missing(tmp_path):
    report = validate(tmp_path)
    assert report.flatten() == [("corpus-missing", None, None, None)] and report.documents == 0
    assert report.problems[0].location.file == str(tmp_path)


def test_meta_missing(repo):
    repo.layout.meta_path(DOC).unlink()
    assert problems(repo) == [("meta-missing", DOC, None, None)]


def test_meta_date(repo):
    meta = repo.meta()
    meta["published"] = "2025-02-30"
    repo.write_meta(meta)
    assert problems(repo) == [("meta-date", DOC, None, "$.published")]


def test_provenance_date(repo):
    gold = repo.gold()
    gold["provenance"]["annotated"] = "2025-02-30"
    repo.write_gold(gold)
    assert problems(repo) == [("provenance-date", DOC, None, "$.provenance.annotated")]


@pytest.mark.parametrize(("world", "origin", "sources", "expected"), [
    ("fictional", "authored", ["https://example.org/record"], [("meta-sources", DOC, None, "$.sources")]),
    ("real", "authored", [], [("meta-sources", DOC, None, "$.sources")]),
    ("real", "authored", ["https://example.org/record"], []),
    ("real", "published", [], []),  # a published article is its own source
])
def test_meta_sources(repo, world, origin, sources, expected):
    repo.write_meta({**repo.meta(), "world": world, "origin": origin, "sources": sources})
    assert problems(repo) == expected


@pytest.mark.parametrize(("origin", "regions", "expected"), [
    ("authored", [], [("meta-regions", DOC, None, "$.regions")]),
    ("authored", ["africa", "europe"], []),
    ("published", [], []),  # an ingested article awaits its reading
    ("authored", ["europe", "europe"], [("schema.uniqueItems", DOC, None, "$.regions")]),
    ("authored", ["atlantis"], [("schema.enum", DOC, None, "$.regions[0]")]),
])
def test_meta_regions(repo, origin, regions, expected):
    repo.write_meta({**repo.meta(), "origin": origin, "regions": regions})
    assert problems(repo) == expected


def test_meta_schema_names_field(repo):
    meta = repo.meta()
    meta["world"] = "imaginary"
    repo.write_meta(meta)
    assert problems(repo) == [("schema.enum", DOC, None, "$.world")]


def test_story_split(repo):
    repo.write_text("Another text.", "fx-002")
    meta = repo.meta()
    meta.update(id="fx-002", split="test")
    repo.write_meta(meta, "fx-002")
    report = validate(repo.root)
    assert report.flatten() == [("story-split", DOC, None, "$.split")]
    assert report.problems[0].message == "story 'fx-story' spans splits (test: fx-002; train: fx-001)"


def test_split_leak_of_a_copied_text_in_another_story_and_split(repo):
    repo.write_text(repo.layout.read_text(DOC), "fx-002")  # the same text, passed off as another story
    meta = repo.meta()
    meta.update(id="fx-002", split="test", story="other-story")
    repo.write_meta(meta, "fx-002")
    report = validate(repo.root)
    assert report.flatten() == [("split-leak", "fx-002", None, "$.split")]
    assert report.problems[0].message == "near-duplicate: fx-001 (train) and fx-002 (test): word 5-gram Jaccard 1.00 >= 0.5"
    meta.update(split="train")  # the same text twice in one split is no leak
    repo.write_meta(meta, "fx-002")
    assert validate(repo.root).valid


def test_unannotated_is_a_notice_not_an_error(repo):
    repo.layout.gold_path(DOC).unlink()
    report = validate(repo.root)
    assert report.valid
    assert [(n.code, n.location.doc_id) for n in report.notices] == [("unannotated", DOC)]


def test_id_duplicate(repo):
    gold = repo.gold()
    gold["relations"][0]["id"] = "amb"
    repo.write_gold(gold)
    assert problems(repo) == [("id-duplicate", DOC, "amb", "$.relations[0].id")]


def test_span_out_of_range(repo):
    gold = repo.gold()
    mention = repo.item(gold, "mentions", "mon")
    mention["end"] = len(repo.text) + 5
    repo.write_gold(gold)
    assert problems(repo) == [("span-out-of-range", DOC, "mon", "$.mentions[6]")]


def test_span_text_mismatch(repo):
    gold = repo.gold()
    repo.item(gold, "mentions", "amb")["text"] = "Envoy"
    repo.write_gold(gold)
    assert problems(repo) == [("span-text-mismatch", DOC, "amb", "$.mentions[2].text")]


def test_span_text_mismatch_in_trigger(repo):
    gold = repo.gold()
    repo.item(gold, "events", "meet")["trigger"]["text"] = "meets"
    repo.write_gold(gold)
    assert problems(repo) == [("span-text-mismatch", DOC, "meet", "$.events[1].trigger.text")]


def test_span_untrimmed(repo):
    gold = repo.gold()
    mention = repo.item(gold, "mentions", "amb")
    mention["end"] += 1
    mention["text"] += " "
    repo.write_gold(gold)
    assert problems(repo) == [("span-untrimmed", DOC, "amb", "$.mentions[2]")]


def test_token_boundary(repo):
    gold = repo.gold()
    mention = repo.item(gold, "mentions", "amb")  # "Ambassador" -> "Ambassado": ends inside a token
    mention["end"] -= 1
    mention["text"] = mention["text"][:-1]
    repo.write_gold(gold)
    assert problems(repo) == [("token-boundary", DOC, "amb", "$.mentions[2]")]


def test_span_duplicate(repo):
    gold = repo.gold()
    copy = dict(repo.item(gold, "mentions", "port1"), id="port2")
    gold["mentions"].insert(6, copy)
    gold["entities"].append({"id": "port_b", "name": "Port Lune", "kb_id": None, "mentions": ["port2"]})
    repo.write_gold(gold)
    assert problems(repo) == [("span-duplicate", DOC, "port2", "$.mentions[6]")]


def test_span_overlap(repo):
    gold = repo.gold()
    start = repo.text.index("Accord in")
    gold["mentions"].append({"id": "bad", "start": start, "end": start + len("Accord in"), "text": "Accord in",
                             "label": "LOCATION", "attributes": {}})
    gold["entities"].append({"id": "bad_e", "name": "x", "kb_id": None, "mentions": ["bad"]})
    repo.write_gold(gold)
    assert problems(repo) == [("span-overlap", DOC, "bad", "$.mentions[11]")]


def test_two_treaty_actions_of_different_stages_may_share_a_trigger(repo):
    gold = repo.gold()
    vote = repo.item(gold, "events", "vote")
    gold["events"].append(dict(vote, id="vote2", attributes={"stage": "ratification"}))
    repo.write_gold(gold)
    assert problems(repo) == []
    gold["events"][-1]["attributes"] = {"stage": "upper_house_vote"}
    repo.write_gold(gold)
    assert problems(repo) == [("span-duplicate", DOC, "vote2", "$.events[3].trigger")]


def test_ref_unresolved(repo):
    gold = repo.gold()
    repo.item(gold, "events", "meet")["arguments"][0]["ref"] = "nobody"
    repo.write_gold(gold)
    assert problems(repo) == [("ref-unresolved", DOC, "meet", "$.events[1].arguments[0].ref")]


def test_relation_argument_label(repo):
    gold = repo.gold()
    gold["relations"][0]["tail"] = "ost1"  # HOLDS_ROLE varga1 -> a COUNTRY
    repo.write_gold(gold)
    assert problems(repo) == [("relation-argument-label", DOC, "r1", "$.relations[0].tail")]


def test_relation_self(repo):
    gold = repo.gold()
    gold["relations"][3]["tail"] = "sen"  # PART_OF sen -> sen
    repo.write_gold(gold)
    assert problems(repo) == [("relation-self", DOC, "r4", "$.relations[3]")]


def test_relation_duplicate(repo):
    gold = repo.gold()
    gold["relations"].append(dict(gold["relations"][0], id="r9"))
    repo.write_gold(gold)
    assert problems(repo) == [("relation-duplicate", DOC, "r9", "$.relations[4]")]


def test_event_argument_label(repo):
    gold = repo.gold()
    repo.item(gold, "events", "sig")["arguments"][0]["ref"] = "port1"  # treaty = a LOCATION
    repo.write_gold(gold)
    assert problems(repo) == [("event-argument-label", DOC, "sig", "$.events[0].arguments[0]")]


def test_event_argument_duplicate(repo):
    gold = repo.gold()
    meet = repo.item(gold, "events", "meet")
    meet["arguments"].append(dict(meet["arguments"][0]))
    repo.write_gold(gold)
    assert problems(repo) == [("event-argument-duplicate", DOC, "meet", "$.events[1].arguments[2]")]


def test_date_value(repo):
    gold = repo.gold()
    repo.item(gold, "mentions", "mon")["attributes"]["value"] = "2025-02-30"
    repo.write_gold(gold)
    assert problems(repo) == [("date-value", DOC, "mon", "$.mentions[6].attributes.value")]


def test_entity_mixed_labels(repo):
    gold = repo.gold()
    gold["entities"] = [e for e in gold["entities"] if e["id"] != "port"]
    repo.item(gold, "entities", "belmar")["mentions"].append("port1")
    repo.write_gold(gold)
    assert problems(repo) == [("entity-mixed-labels", DOC, "belmar", "$.entities[2].mentions")]


def test_entity_label_not_coreferent(repo):
    gold = repo.gold()
    gold["entities"].append({"id": "when", "name": "Monday", "kb_id": None, "mentions": ["mon"]})
    repo.write_gold(gold)
    assert problems(repo) == [("entity-label-not-coreferent", DOC, "when", "$.entities[6].mentions[0]")]


def test_entity_mention_shared(repo):
    gold = repo.gold()
    gold["entities"].append({"id": "varga_b", "name": "Varga", "kb_id": None, "mentions": ["varga2"]})
    repo.write_gold(gold)
    assert problems(repo) == [("entity-mention-shared", DOC, "varga_b", "$.entities[6].mentions[0]")]


def test_entity_mention_missing(repo):
    gold = repo.gold()
    gold["entities"] = [e for e in gold["entities"] if e["id"] != "port"]
    repo.write_gold(gold)
    assert problems(repo) == [("entity-mention-missing", DOC, "port1", "$.mentions[5]")]


def test_stage_only_on_treaty_actions(repo):
    gold = repo.gold()
    repo.item(gold, "events", "meet")["attributes"] = {"stage": "signature"}
    repo.write_gold(gold)
    assert problems(repo) == [("schema.additionalProperties", DOC, "meet", "$.events[1].attributes")]


def test_treaty_action_needs_a_known_stage(repo):
    gold = repo.gold()
    repo.item(gold, "events", "sig")["attributes"] = {"stage": "handshake"}
    repo.write_gold(gold)
    assert problems(repo) == [("schema.enum", DOC, "sig", "$.events[0].attributes.stage")]


def test_required_attribute_missing(repo):
    gold = repo.gold()
    repo.item(gold, "mentions", "acc1")["attributes"] = {}
    repo.write_gold(gold)
    assert problems(repo) == [("schema.required", DOC, "acc1", "$.mentions[4].attributes")]


def test_role_must_belong_to_the_event_type(repo):
    gold = repo.gold()
    repo.item(gold, "events", "meet")["arguments"][0]["role"] = "visitor"
    repo.write_gold(gold)
    assert problems(repo) == [("schema.enum", DOC, "meet", "$.events[1].arguments[0].role")]


def test_a_float_offset_is_not_an_integer(repo):
    """JSON Schema would take 13.0 as an integer; the contract does not (it cannot index a text)."""
    gold = repo.gold()
    repo.item(gold, "events", "sig")["trigger"]["end"] = float(repo.item(gold, "events", "sig")["trigger"]["end"])
    repo.write_gold(gold)
    assert problems(repo) == [("schema.type", DOC, "sig", "$.events[0].trigger.end")]


def test_the_integer_places_of_the_schema_are_the_offsets():
    assert integer_paths(schemas.annotation_schema()) == {
        ("mentions", EACH, "start"), ("mentions", EACH, "end"), ("events", EACH, "trigger", "start"), ("events", EACH, "trigger", "end")}


def test_every_rule_has_a_test():
    tested = {name.removeprefix("test_").replace("_", "-") for name in globals() if name.startswith("test_")}
    untested = {code for code in codes_in("validation") if not any(t.startswith(code) for t in tested)}
    assert untested == set()


def test_cli_reports_every_problem_and_exits_non_zero(repo):
    gold = repo.gold()
    repo.item(gold, "mentions", "amb")["text"] = "Envoy"
    repo.item(gold, "mentions", "mon")["attributes"]["value"] = "soon"
    repo.write_gold(gold)
    result = CliRunner().invoke(main, ["--root", str(repo.root), "validate"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{GOLD}:{DOC}:amb:$.mentions[2].text: [span-text-mismatch] text 'Envoy' differs from text[{len('Ilona Varga, Ostria’s ')}:{len('Ilona Varga, Ostria’s Ambassador')}] = 'Ambassador'",
        f"{GOLD}:{DOC}:mon:$.mentions[6].attributes.value: [date-value] 'soon' is not a TIMEX3 DATE value (or 'unresolvable')",
        "1 document(s) checked, 0 notice(s): INVALID: 2 error(s)",
    ]
    as_json = json.loads(CliRunner().invoke(main, ["--root", str(repo.root), "validate", "--format", "json"]).output)
    assert [(e["code"], e["location"]["annotation_id"]) for e in as_json["errors"]] == [("span-text-mismatch", "amb"), ("date-value", "mon")]
    assert as_json["valid"] is False


def test_cli_valid_repo_exits_zero(repo):
    result = CliRunner().invoke(main, ["--root", str(repo.root), "validate"])
    assert (result.exit_code, result.output) == (0, "1 document(s) checked, 0 notice(s): valid\n")
