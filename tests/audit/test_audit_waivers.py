"""Waivers: matching findings by (code, doc_id, key), stale waivers, unusable files."""
import json

import pytest

from diplonews.audit.runner import audit
from diplonews.audit.waivers import load_waivers
from diplonews.problems import DiplonewsError


def _two_gaps(corpus):
    corpus.add("a", "[Talks]{#t1 MEETING status=completed} and [talks]{#t2 MEETING status=completed}.")


def test_audit_waiver_matches_code_doc_and_key(corpus):
    _two_gaps(corpus)
    corpus.waive({"code": "event-no-arguments", "doc_id": "a", "key": "t1", "reason": "the text names no party"},
                 {"code": "event-no-arguments", "doc_id": "b", "key": "t2", "reason": "wrong document"})
    report = audit(corpus.root)
    assert report.flatten() == [("event-no-arguments", "a", "t2"), ("waiver-stale", "b", "event-no-arguments: t2")]
    assert [(f.key, w.reason) for f, w in report.waived] == [("t1", "the text names no party")]
    assert not report.passed


def test_audit_passes_when_everything_is_waived(corpus):
    _two_gaps(corpus)
    corpus.waive(*({"code": "event-no-arguments", "doc_id": "a", "key": key, "reason": "generic"} for key in ("t1", "t2")))
    report = audit(corpus.root)
    assert report.passed and report.flatten() == [] and len(report.waived) == 2


def test_audit_corpus_wide_findings_are_waived_with_null_doc_id(corpus):
    corpus.add("a", "[Kesh]{COUNTRY @k} and [Kesh]{LOCATION @kc}.", entities="@k = Kesh Republic\n@kc = Kesh City")
    corpus.waive({"code": "label-conflict", "doc_id": None, "key": "Kesh: COUNTRY | LOCATION", "reason": "city and state share a name"})
    assert audit(corpus.root).passed


@pytest.mark.parametrize("content, code, json_path, message", [
    ("{", "json-invalid", None, "Expecting property name enclosed in double quotes"),
    ('{"code": "x"}', "waiver-invalid", "$", "must be a JSON list"),
    ('[{"code": "event-no-arguments", "doc_id": "a", "key": "t1"}]', "waiver-invalid", "$[0]", "must be an object with exactly the keys code, doc_id, key, reason"),
    ('[{"code": "nope", "doc_id": "a", "key": "t1", "reason": "r"}]', "waiver-invalid", "$[0]", "code 'nope' is not a waivable audit code"),
    ('[{"code": ["x"], "doc_id": "a", "key": "t1", "reason": "r"}]', "waiver-invalid", "$[0]", "code ['x'] is not a waivable audit code"),
    ('[{"code": "waiver-stale", "doc_id": "a", "key": "t1", "reason": "r"}]', "waiver-invalid", "$[0]", "code 'waiver-stale' is not a waivable audit code"),
    ('[{"code": "event-no-arguments", "doc_id": 3, "key": "", "reason": " "}]', "waiver-invalid", "$[0]", "doc_id must be"),
    ('[{"code": "event-no-arguments", "doc_id": "a", "key": "t1", "reason": "r"},'
     ' {"code": "event-no-arguments", "doc_id": "a", "key": "t1", "reason": "s"}]', "waiver-invalid", "$[1]", "waives the same finding as an earlier entry"),
])
def test_audit_unusable_waivers_file(tmp_path, content, code, json_path, message):
    path = tmp_path / "w.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DiplonewsError) as caught:
        load_waivers(path)
    first = caught.value.problems[0]
    assert (first.code, first.location.file, first.location.path) == (code, str(path), json_path)
    assert first.message.startswith(message)


def test_audit_reports_every_problem_of_an_entry(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps([{"code": "event-no-arguments", "doc_id": 3, "key": "", "reason": " "}]), encoding="utf-8")
    with pytest.raises(DiplonewsError) as caught:
        load_waivers(path)
    assert [(p.location.path, p.message.split(" ")[0]) for p in caught.value.problems] == [("$[0]", "doc_id"), ("$[0]", "key"), ("$[0]", "reason")]


def test_audit_missing_waivers_file_means_no_waivers(tmp_path):
    assert load_waivers(tmp_path / "absent.json") == []
