"""``diplonews audit``: output formats, exit codes, bad input, and the repository's own corpus."""
import json
from pathlib import Path

from click.testing import CliRunner

from diplonews import jsonio
from diplonews.audit.runner import audit
from diplonews.audit.waivers import load_waivers
from diplonews.cli import main
from diplonews.corpus import Layout

REPO = Path(__file__).resolve().parents[2]


def _run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), "audit", *args])


def test_audit_cli_json_has_what_a_waiver_needs(corpus):
    corpus.add("a", "[Talks]{#t1 MEETING status=completed} ended.")
    result = _run(corpus.root, "--format", "json")
    assert result.exit_code == 1
    out = json.loads(result.output)
    assert out["passed"] is False and out["documents"] == 1 and out["counts"] == {"event-no-arguments": 1}
    [finding] = out["findings"]
    assert {k: finding[k] for k in ("code", "doc_id", "key", "annotation_id", "surface")} == {
        "code": "event-no-arguments", "doc_id": "a", "key": "t1", "annotation_id": "t1", "surface": "Talks"}
    assert finding["places"] == [{"doc_id": "a", "annotation_id": "t1", "label": "MEETING", "text": "Talks", "start": 0, "end": 5}]


def test_audit_cli_text_and_exit_zero_when_waived(corpus):
    corpus.add("a", "[Talks]{#t1 MEETING status=completed} ended.")
    assert "a:t1: [event-no-arguments]" in _run(corpus.root).output
    corpus.waive({"code": "event-no-arguments", "doc_id": "a", "key": "t1", "reason": "nothing to attach"})
    result = _run(corpus.root)
    assert result.exit_code == 0
    assert result.output == "1 document(s) audited, 1 finding(s) waived: passed\n"


def test_audit_cli_bad_waivers_exit_1_without_traceback(corpus):
    corpus.add("a", "[Talks]{#t1 MEETING status=completed} ended.")
    waivers = corpus.root / "annotations" / "audit-waivers.json"
    waivers.write_text("[1]", encoding="utf-8")
    result = _run(corpus.root)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a clean exit, not a traceback
    assert result.stderr == f"{waivers}:$[0]: [waiver-invalid] must be an object with exactly the keys code, doc_id, key, reason\n"


def test_audit_invalid_document_is_a_finding_not_a_crash(corpus):
    corpus.add("a", "[Talks]{#t1 MEETING status=completed} ended.")
    (corpus.root / "annotations" / "gold" / "b.json").write_text("{", encoding="utf-8")
    (corpus.root / "corpus" / "c.txt").write_text("No gold yet.", encoding="utf-8")
    gold = json.loads((corpus.root / "annotations" / "gold" / "a.json").read_text(encoding="utf-8"))
    gold["mentions"] = [{"id": "x", "start": 0, "end": 3, "text": "Xal", "label": "ROLE", "attributes": {}}]
    (corpus.root / "annotations" / "gold" / "d.json").write_text(json.dumps({**gold, "doc_id": "d"}), encoding="utf-8")
    (corpus.root / "corpus" / "d.txt").write_text("Talks ended.", encoding="utf-8")
    report = audit(corpus.root)
    assert report.flatten() == [("event-no-arguments", "a", "t1"), ("document-invalid", "b", "b"), ("document-invalid", "d", "d")]
    assert "[span-text-mismatch]" in report.findings[2].message and "cannot be read: [json-invalid] Expecting property name" in report.findings[1].message
    assert report.documents == 3


def test_audit_passes_on_the_repository_corpus():
    """Every gold document is audited, and every finding is fixed or waived by exactly one committed waiver (none stale)."""
    layout = Layout(REPO)
    waivers = load_waivers(REPO / "annotations" / "audit-waivers.json")
    report = audit(REPO)
    assert report.documents == len(layout.gold_ids())
    assert report.flatten() == []
    assert len(report.waived) == len(waivers)


def test_audit_committed_waivers_file_is_canonical():
    """Sorted by (code, doc_id, key) and written as jsonio writes it, so diffs show only real changes."""
    path = REPO / "annotations" / "audit-waivers.json"
    entries = json.loads(path.read_text(encoding="utf-8"))
    canonical = jsonio.dumps(sorted(entries, key=lambda w: (w["code"], w["doc_id"] or "", w["key"])))
    assert path.read_text(encoding="utf-8") == canonical, "keep annotations/audit-waivers.json sorted by code, doc_id, key, in jsonio form"
