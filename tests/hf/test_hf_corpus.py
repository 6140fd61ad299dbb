"""The repository's own corpus, whatever it holds now: it builds, and every document round trips."""
import json
import shutil

import pytest
from hf_fixtures import REPO, load

from diplonews import jsonio
from diplonews.corpus import Layout
from diplonews.hf.builder import build
from diplonews.hf.restore import gold_from_row
from diplonews.gold import gold_status_ids
from diplonews.tokens import Tokens, spans_from_tags
from diplonews.validation.validator import validate


@pytest.fixture(scope="module")
def repo_build(tmp_path_factory):
    if not validate(REPO).valid:
        pytest.skip("the repository corpus is invalid right now; `diplonews validate` says why")
    out = tmp_path_factory.mktemp("repo-build")
    for name in ("corpus", "annotations", "results", "dataset_card.md"):  # a copy, so a build never touches the checkout
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, out / "repo" / name)
        elif source.is_file():
            shutil.copy(source, out / "repo" / name)
    return out / "repo", build(out / "repo", out / "dist"), out / "cache"


def test_every_gold_document_round_trips(repo_build):
    root, result, cache = repo_build
    layout = Layout(root)
    seen = []
    for split in (ds := load(result.folder, "documents", cache)):
        for row in ds[split]:
            assert jsonio.dumps(gold_from_row(row)) == layout.gold_path(row["doc_id"]).read_text(encoding="utf-8")
            seen.append(row["doc_id"])
    assert sorted(seen) == gold_status_ids(layout)


def test_every_ner_row_gives_back_its_spans(repo_build):
    root, result, cache = repo_build
    ds = load(result.folder, "ner", cache)
    for split in ds:
        ner, triggers = ds[split].features["ner_tags"].feature, ds[split].features["trigger_tags"].feature
        for row in ds[split]:
            gold = json.loads(Layout(root).gold_path(row["doc_id"]).read_text(encoding="utf-8"))
            tokens = Tokens(row["tokens"], row["token_starts"], row["token_ends"])
            assert spans_from_tags(tokens, [ner.int2str(i) for i in row["ner_tags"]]) == {(m["start"], m["end"], m["label"]) for m in gold["mentions"]}
            assert spans_from_tags(tokens, [triggers.int2str(i) for i in row["trigger_tags"]]) == {
                (e["trigger"]["start"], e["trigger"]["end"], e["type"]) for e in gold["events"]}


def test_every_sentence_row_holds_whole_mentions_and_at_most_max_tokens(repo_build):
    """The repository's sentences: each document's rows hold its tokens in order, every mention and
    trigger lies inside one sentence (its tags give it back there), and none is over MAX_TOKENS."""
    from diplonews.sentences import MAX_TOKENS

    root, result, cache = repo_build
    layout = Layout(root)
    ds = load(result.folder, "sentences", cache)
    ner_ds = load(result.folder, "ner", cache)
    ner = {row["doc_id"]: row for split in ner_ds for row in ner_ds[split]}
    by_doc: dict[str, list] = {}
    for split in ds:
        names, triggers = ds[split].features["ner_tags"].feature, ds[split].features["trigger_tags"].feature
        for row in ds[split]:
            assert len(row["tokens"]) <= MAX_TOKENS
            tokens = Tokens(row["tokens"], row["token_starts"], row["token_ends"])
            spans = spans_from_tags(tokens, [names.int2str(i) for i in row["ner_tags"]])
            spans |= spans_from_tags(tokens, [triggers.int2str(i) for i in row["trigger_tags"]])
            by_doc.setdefault(row["doc_id"], []).append((row, spans))
    assert sorted(by_doc) == gold_status_ids(layout)
    for doc_id, rows in by_doc.items():
        gold, doc = json.loads(layout.gold_path(doc_id).read_text(encoding="utf-8")), ner[doc_id]
        assert [r["index"] for r, _ in rows] == list(range(len(rows)))
        assert [t for r, _ in rows for t in r["tokens"]] == doc["tokens"]
        assert [(r["start"], r["end"]) for r, _ in rows] == [(s["start"], s["end"]) for s in doc["sentences"]]
        assert all(r["text"] == doc["text"][r["start"]:r["end"]] for r, _ in rows)
        expected = {(m["start"], m["end"], m["label"]) for m in gold["mentions"]}
        expected |= {(e["trigger"]["start"], e["trigger"]["end"], e["type"]) for e in gold["events"]}
        assert set().union(*(spans for _, spans in rows)) == expected
    assert sum(map(len, by_doc.values())) == result.sentence_lengths["sentences"]
