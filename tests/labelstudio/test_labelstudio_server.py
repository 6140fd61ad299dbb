"""Against a real Label Studio server: the config is accepted, and gold survives a round trip."""
from __future__ import annotations

import json
import secrets
from datetime import datetime, timezone
import xml.etree.ElementTree as ET

import pytest

from diplonews.gold import canonicalize, read_gold
from diplonews.labelstudio import client, importer
from diplonews.labelstudio.config import labeling_config
from diplonews.problems import DiplonewsError


def _title() -> str:
    return f"test-{secrets.token_hex(4)}"


def test_server_accepts_the_generated_config(sdk):
    project = sdk.projects.create(title=_title(), label_config=labeling_config())
    stored = ET.fromstring(sdk.projects.get(id=project.id).label_config)
    assert stored.find("Text").attrib == {"name": "text", "value": "$text"}
    assert [label.get("value") for label in stored.find("Labels[@name='trigger']")] == ["MEETING", "VISIT", "NEGOTIATION", "STATEMENT", "TREATY_ACTION", "PERSONNEL"]


def test_server_refuses_a_broken_config(sdk):
    from label_studio_sdk.core.api_error import ApiError

    broken = labeling_config().replace('name="status" toName="text"', 'name="status" toName="nowhere"')
    with pytest.raises(ApiError) as refused:
        sdk.projects.create(title=_title(), label_config=broken)
    assert refused.value.status_code == 400


def test_a_wrong_key_is_refused_without_being_shown(ls_server):
    wrong = "wrong-" + secrets.token_hex(8)
    with pytest.raises(DiplonewsError) as refused:
        client.push(ls_server.url, wrong, [], None, _title())
    assert str(refused.value).startswith(f"[ls-server] set up the project: Label Studio at {ls_server.url} answered 401")
    assert wrong not in str(refused.value)


def test_every_gold_document_of_the_corpus_comes_back_unchanged(round_trip, repo_layout):
    layout = repo_layout
    changes = round_trip(layout)
    assert [c.doc_id for c in changes] == layout.gold_ids()
    for change in changes:
        assert change.render() == f"{change.doc_id}: unchanged"
        assert change.annotation == read_gold(layout, change.doc_id)


def test_offsets_survive_emoji_cjk_combining_marks_quotes_and_line_breaks(round_trip, fixture_corpus):
    before = {d: fixture_corpus.gold_path(d).read_bytes() for d in fixture_corpus.gold_ids()}
    changes = round_trip(fixture_corpus)
    assert [c.render() for c in changes] == ["fixture-offsets: unchanged"]
    assert importer.write_import(fixture_corpus, changes) == []
    assert {d: fixture_corpus.gold_path(d).read_bytes() for d in fixture_corpus.gold_ids()} == before
    spans = {m["id"]: (m["start"], m["end"], m["text"]) for m in changes[0].annotation["mentions"]}
    prefix = "\U0001F1EB\U0001F1F7\U0001F469\u200d\u2695\ufe0f "  # flag, ZWJ sequence, space
    assert spans["zoe1"] == (len(prefix), len(prefix + "Zoë Q\u0307uíntero"), "Zoë Q\u0307uíntero")
    assert spans["jp1"][2] == "日本" and spans["acc1"][2] == "Accord of\nFriends"


SPEAKER = 205  # offset of "Speaker" in the fixture text (checked in the test)


def _edit(doc_id: str, result: list[dict]) -> list[dict]:
    """A span added, a relation deleted, a stage changed, a date value changed."""
    out = []
    for item in result:
        if item.get("from_id") == "tokyo1" and item.get("to_id") == "jp1":
            continue  # the LOCATED_IN arrow
        if item.get("from_name") == "treaty_action_stage" and item["id"] == "rat1":
            item = {**item, "value": {**item["value"], "choices": ["signature"]}}
        if item.get("from_name") == "date_value" and item["id"] == "thu":
            item = {**item, "value": {**item["value"], "text": ["2026-01-08"]}}
        out.append(item)
    return out + [{"id": "Zq3xY8wLpA", "from_name": "mention", "to_name": "text", "type": "labels", "origin": "manual",
                   "value": {"start": SPEAKER, "end": SPEAKER + len("Speaker"), "text": "Speaker", "labels": ["ROLE"]}}]


def test_an_api_edit_comes_back_as_exactly_that_edit(round_trip, fixture_corpus):
    original = read_gold(fixture_corpus, "fixture-offsets")
    assert fixture_corpus.read_text("fixture-offsets")[SPEAKER:] == "Speaker."
    changes = round_trip(fixture_corpus, _edit)
    assert [c.render() for c in changes] == ["fixture-offsets: +mentions m1; -relations loc; ~mentions thu; ~events rat1"]
    importer.write_import(fixture_corpus, changes)
    written = read_gold(fixture_corpus, "fixture-offsets")
    expected = json.loads(json.dumps(original))
    expected["mentions"].append({"id": "m1", "start": SPEAKER, "end": SPEAKER + 7, "text": "Speaker", "label": "ROLE", "attributes": {}})
    expected["relations"] = [r for r in expected["relations"] if r["id"] != "loc"]
    next(m for m in expected["mentions"] if m["id"] == "thu")["attributes"]["value"] = "2026-01-08"
    next(e for e in expected["events"] if e["id"] == "rat1")["attributes"]["stage"] = "signature"
    today = datetime.now(timezone.utc).date().isoformat()  # the server stamps annotations in UTC
    expected["provenance"] = {"annotators": ["ci", "fixture"], "annotated": today, "status": "gold", "adjudicated": False}
    assert written == canonicalize(expected)
