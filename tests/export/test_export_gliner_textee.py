"""``diplonews export gliner`` and ``export textee``: the exact items and windows of a fixture, the
readers back, and over the repository exactly what each format drops (issue 10, point 1)."""
from __future__ import annotations

import json
from bisect import bisect_right

import pytest
from export_fixtures import FIXTURE, REPO, export_repository

from diplonews.authoring.markup import compile_markup
from diplonews.corpus import Layout
from diplonews.export import MANIFEST, format_module
from diplonews.export import gliner, textee
from diplonews.gold import canonicalize, gold_status_ids, read_gold
from diplonews.tokens import tokenize
from diplonews.problems import DiplonewsError
from diplonews.sentences import split


@pytest.fixture(scope="module")
def fixture():
    return compile_markup(FIXTURE.read_text(encoding="utf-8"))


def test_gliner_items_are_sentences_with_inclusive_token_spans(fixture):
    items = gliner.to_items(fixture.text, fixture.gold)
    assert [item["sentence"] for item in items] == [0, 1]
    assert items[1] == {
        "doc_id": "fixture-offsets", "sentence": 1,
        "tokenized_text": ["“", "The", "Accord", "of", "Friends", "will", "be", "ratified", "by", "Freedonia", "next", "month", ",",
                           "”", "the", "ministry", "said", ";", "it", "still", "awaits", "review", "by", "the", "Speaker", "."],
        "ner": [[2, 4, "treaty"], [9, 9, "country"], [10, 11, "date"], [15, 15, "organization"]],
    }
    assert items[0]["ner"][0] == [6, 9, "official"]  # Zoë Q ̇ uíntero: four tokens, the end inclusive
    assert gliner.label_name("ORGANIZATION") == "organization"


def test_textee_windows_hold_what_lies_in_their_sentence(fixture):
    first, second = textee.to_windows(fixture.text, fixture.gold, "en")
    assert (second["wnd_id"], second["lang"], second["text"]) == ("fixture-offsets-1", "en", fixture.text[fixture.text.index("“The"):])
    assert second["entity_mentions"][0] == {"id": "acc1", "entity_type": "TREATY", "text": "Accord of\nFriends", "start": 2, "end": 5,
                                            "attributes": {"mention_type": "NAM"}}
    assert second["event_mentions"][0] == {
        "id": "rat1", "event_type": "TREATY_ACTION", "trigger": {"text": "ratified", "start": 7, "end": 8},
        "arguments": [{"entity_id": "acc1", "role": "treaty", "text": "Accord of\nFriends", "start": 2, "end": 5},
                      {"entity_id": "fr2", "role": "actor", "text": "Freedonia", "start": 9, "end": 10},
                      {"entity_id": "fr2", "role": "party", "text": "Freedonia", "start": 9, "end": 10},
                      {"entity_id": "nm", "role": "time", "text": "next month", "start": 10, "end": 12}],
        "status": "scheduled", "attributes": {"stage": "ratification"}}
    assert [e["id"] for e in second["event_mentions"]] == ["rat1", "ta1", "ta2"]  # two treaty actions on "awaits" stay two
    assert first["relation_mentions"][0] == {"id": "hr", "relation_type": "HOLDS_ROLE", "arguments": [
        {"entity_id": "zoe1", "role": "Arg-1", "text": "Zoë Q̇uíntero", "start": 6, "end": 10},
        {"entity_id": "amb", "role": "Arg-2", "text": "Ambassador", "start": 11, "end": 12}]}


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    return {name: export_repository(tmp_path_factory, name) for name in ("gliner", "textee")}


@pytest.mark.parametrize("name", ["gliner", "textee"])
def test_export_prints_what_the_format_drops(exports, name):
    out, result = exports[name]
    module = format_module(name)
    assert result.exit_code == 0, result.output
    assert result.stdout == "".join(f"dropped: {line}\n" for line in module.DROPS) + (
        f"{name}: {len(gold_status_ids(Layout(REPO)))} document(s) written to {out}\n")
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST] + [f"{s}{module.SUFFIX}" for s in ("train", "validation", "test")])
    assert module.read is getattr(module, "read")


def _sentence_of(text: str, gold: dict):
    starts = [s.start for s in split(text, tokenize(text), gold)]
    return lambda offset: bisect_right(starts, offset) - 1


def test_gliner_reads_back_every_mention_into_the_corpus_texts(exports):
    out, _ = exports["gliner"]
    layout = Layout(REPO)
    items = json.loads((out / "train.json").read_text(encoding="utf-8"))
    assert all(set(item) == {"doc_id", "sentence", "tokenized_text", "ner"} for item in items)
    back = gliner.read(out, texts=layout.read_text)
    assert sorted(d.doc_id for d in back) == gold_status_ids(layout)
    for doc in back:
        gold, text = read_gold(layout, doc.doc_id), layout.read_text(doc.doc_id)
        assert doc.mentions == [{"label": m["label"], "start": m["start"], "end": m["end"], "text": m["text"]} for m in gold["mentions"]]
        assert doc.sentences == [(s.start, s.end) for s in split(text, tokenize(text), gold)] and doc.triggers == []


def test_textee_reads_back_all_but_what_crosses_a_sentence(exports):
    """The reader gives back the gold without entities, less exactly the arguments and relations that
    reach into another sentence (2,790 of 16,423 arguments and 49 of 5,842 relations at 331 documents)."""
    out, _ = exports["textee"]
    layout = Layout(REPO)
    back = textee.read(out, texts=layout.read_text)
    assert [d["doc_id"] for d in back] == list(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["documents"])
    dropped_arguments = dropped_relations = 0
    for doc in back:
        gold, text = canonicalize(read_gold(layout, doc["doc_id"])), layout.read_text(doc["doc_id"])
        sentence, position = _sentence_of(text, gold), {m["id"]: m["start"] for m in gold["mentions"]}
        events = [{**e, "arguments": [a for a in e["arguments"] if sentence(position[a["ref"]]) == sentence(e["trigger"]["start"])]}
                  for e in gold["events"]]
        relations = [r for r in gold["relations"] if sentence(position[r["head"]]) == sentence(position[r["tail"]])]
        assert doc == {"doc_id": gold["doc_id"], "text": text, "mentions": gold["mentions"], "relations": relations, "events": events}
        dropped_arguments += sum(len(e["arguments"]) for e in gold["events"]) - sum(len(e["arguments"]) for e in events)
        dropped_relations += len(gold["relations"]) - len(relations)
    assert dropped_arguments > 0 and dropped_relations > 0  # what DROPS says is really dropped, and nothing else


def test_without_texts_textee_offsets_are_into_its_windows_joined(exports):
    out, _ = exports["textee"]
    first = textee.read(out)[0]
    assert all(first["text"][m["start"]:m["end"]] == m["text"] for m in first["mentions"])


def test_broken_items_and_windows_are_refused_with_every_problem(exports, tmp_path):
    import shutil

    for name in ("gliner", "textee"):
        shutil.copytree(exports[name][0], tmp_path / name)
    path = tmp_path / "gliner" / "test.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    items[0]["ner"].append([0, 999, "country"])
    items[1]["ner"].append([0, 0, "nation"])
    del items[2]["tokenized_text"]
    path.write_text(json.dumps(items), encoding="utf-8")
    with pytest.raises(DiplonewsError) as info:
        gliner.read(tmp_path / "gliner")
    assert [p.render() for p in info.value.problems] == [
        f"{path}:$[0]: [gliner-item] not a GLiNER item of this export: ner span [0, 999, 'country'] is outside the "
        f"{len(items[0]['tokenized_text'])} tokens (the end is inclusive)",
        f"{path}:$[1]: [gliner-item] not a GLiNER item of this export: ner label 'nation' is not one of "
        "['country', 'date', 'location', 'official', 'organization', 'person', 'role', 'treaty']",
        f"{path}:$[2]: [gliner-item] not a GLiNER item of this export: no 'tokenized_text'",
    ]
    path = tmp_path / "textee" / "test.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    window = json.loads(lines[0])
    window["event_mentions"] = [{"id": "x", "event_type": "MEETING", "trigger": {"start": 0, "end": 1, "text": window["tokens"][0]},
                                 "status": "completed", "attributes": {}, "arguments": [{"entity_id": "nobody", "role": "participant"}]}]
    path.write_text("\n".join([json.dumps(window), "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(DiplonewsError) as info:
        textee.read(tmp_path / "textee")
    assert [p.render() for p in info.value.problems] == [
        f"{path}:2: [json-invalid] Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        f"{path}:{window['doc_id']}: [textee-reference] event x argument 'nobody' is no entity mention of its window"]
