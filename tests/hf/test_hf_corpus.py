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
from diplonews.hf.tokenize import Tokens, spans_from_tags
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
