"""The built dataset loads offline with its declared features, and gives back the gold exactly."""
import json

import pytest
from hf_fixtures import load

from diplonews import jsonio
from diplonews.corpus import Layout
from diplonews.hf import features as F
from diplonews.hf.restore import gold_from_row, meta_from_row
from diplonews.tokens import Tokens, spans_from_tags

EXPECTED_ROWS = {
    "documents": {"train": 1, "validation": 1, "test": 1},
    "ner": {"train": 1, "validation": 1, "test": 1},
    "sentences": {"train": 2, "validation": 1, "test": 1},
    "relations": {"train": 3, "validation": 1, "test": 1},
    "events": {"train": 4, "validation": 2, "test": 1},
    "treaty_stages": {"train": 3, "validation": 0, "test": 1},
}


def test_row_counts(built):
    _, result = built
    assert result.counts == EXPECTED_ROWS


@pytest.mark.parametrize("config", F.CONFIGS)
def test_every_config_loads_offline_with_declared_features(built, config, tmp_path):
    root, result = built
    ds = load(result.folder, config, tmp_path)
    assert {split: ds[split].num_rows for split in ds} == {s: n for s, n in EXPECTED_ROWS[config].items() if n}
    for split in ds:
        assert ds[split].features == F.features(config)


def test_drafts_stay_out(built, tmp_path):
    _, result = built
    ids = [row["doc_id"] for split in load(result.folder, "documents", tmp_path).values() for row in split]
    assert sorted(ids) == ["amaru-accord", "karvossa-rejects", "quispe-visit"]


def test_documents_round_trip_to_the_source_files(built, tmp_path):
    root, result = built
    layout = Layout(root)
    ds = load(result.folder, "documents", tmp_path)
    for split in ds:
        for row in ds[split]:
            assert jsonio.dumps(gold_from_row(row)) == layout.gold_path(row["doc_id"]).read_text(encoding="utf-8")
            assert jsonio.dumps(meta_from_row(row)) == layout.meta_path(row["doc_id"]).read_text(encoding="utf-8")
            assert row["text"] == layout.read_text(row["doc_id"])


def test_ner_tags_give_back_the_source_spans(built, tmp_path):
    root, result = built
    gold = {d: json.loads(p.read_text(encoding="utf-8")) for d, p in ((p.stem, p) for p in Layout(root).gold_dir.glob("*.json"))}
    ds = load(result.folder, "ner", tmp_path)
    for split in ds:
        names = ds[split].features["ner_tags"].feature.names
        trigger_names = ds[split].features["trigger_tags"].feature.names
        for row in ds[split]:
            tokens = Tokens(row["tokens"], row["token_starts"], row["token_ends"])
            ann = gold[row["doc_id"]]
            assert spans_from_tags(tokens, [names[i] for i in row["ner_tags"]]) == {(m["start"], m["end"], m["label"]) for m in ann["mentions"]}
            triggers = {(e["trigger"]["start"], e["trigger"]["end"], e["type"]) for e in ann["events"]}
            assert spans_from_tags(tokens, [trigger_names[i] for i in row["trigger_tags"]]) == triggers


def test_shared_trigger_is_one_tag_and_two_treaty_rows(built, tmp_path):
    _, result = built
    ds = load(result.folder, "ner", tmp_path)["train"]
    names = ds.features["trigger_tags"].feature.names
    row = ds[0]
    tagged = [(tok, names[t]) for tok, t in zip(row["tokens"], row["trigger_tags"]) if t]
    assert tagged == [("signed", "B-TREATY_ACTION"), ("approval", "B-TREATY_ACTION"), ("said", "B-STATEMENT")]
    stages = load(result.folder, "treaty_stages", tmp_path)["train"]
    stage, status = stages.features["stage"], stages.features["status"]
    rows = [(r["event_id"], r["treaty"], stage.int2str(r["stage"]), status.int2str(r["status"]), r["date"], r["actors"], r["parties"]) for r in stages]
    assert rows == [
        ("sig", "Andes Water Accord", "signature", "completed", "2031-03-03", [], ["Republic of Amaru", "Tawantia"]),
        ("ta2", "Andes Water Accord", "unicameral_vote", "pending", None, ["Amaru Assembly"], []),
        ("ta3", "Andes Water Accord", "upper_house_vote", "pending", None, ["Tawantia Senate"], []),
    ]


def test_relation_rows_carry_their_paragraph(built, tmp_path):
    root, result = built
    rows = load(result.folder, "relations", tmp_path)["train"]
    holds = next(r for r in rows if r["head"]["text"] == "Lia Quispe")
    text = Layout(root).read_text("amaru-accord")
    assert holds["context"]["text"] == text.split("\n\n")[1]
    assert holds["context"]["start"] == text.index("The accord")
    assert (holds["head"]["entity"], holds["tail"]["text"], holds["tail"]["entity"]) == ("quispe", "Foreign Minister", None)


def test_event_arguments_are_resolved(built, tmp_path):
    _, result = built
    rows = load(result.folder, "events", tmp_path)["test"]
    roles = rows.features["arguments"].feature["role"]
    assert [(roles.int2str(a["role"]), a["text"], a["entity"]) for a in rows[0]["arguments"]] == [
        ("treaty", "pact", "pact"), ("actor", "Senate", "ksen"), ("time", "last month", None)]
