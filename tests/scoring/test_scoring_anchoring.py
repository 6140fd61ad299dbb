"""Anchoring quotes to offsets: the rules in their order, drops reported and never guessed,
and the gold of the test split, quoted, anchored back to exactly itself."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from diplonews.anchoring import Anchor, DocumentIndex, anchor_document, normalise, quotes_from_gold, resolve
from diplonews.completions import extract_json
from diplonews.corpus import Layout
from diplonews.gold import canonicalize
from diplonews.problems import Location, Problem
from diplonews.scoring import HEADLINE, score

REPO = Path(__file__).resolve().parents[2]

TEXT = "Iran’s  foreign minister said “no deal” — and Iran  left. Iranians"


def _resolve(document: str, **quote) -> Anchor | Problem:
    return resolve(DocumentIndex(document), quote)


def test_an_occurrence_picks_the_nth_exact_occurrence_counting_inside_words():
    assert _resolve(TEXT, text="Iran", occurrence=2) == Anchor(len("Iran’s  foreign minister said “no deal” — and "),
                                                             len("Iran’s  foreign minister said “no deal” — and Iran"), "occurrence")
    start = len("Iran’s  foreign minister said “no deal” — and Iran  left. ")
    assert _resolve(TEXT, text="Iran", occurrence=3) == Anchor(start, start + 4, "occurrence")


def test_a_unique_exact_text_needs_no_occurrence():
    start = len("Iran’s  ")
    assert _resolve(TEXT, text="foreign minister") == Anchor(start, start + len("foreign minister"), "unique")


def test_straight_quotes_and_single_spaces_resolve_to_the_curly_doubled_original():
    assert _resolve(TEXT, text="Iran's foreign minister") == Anchor(0, len("Iran’s  foreign minister"), "normalised")
    start = len("Iran’s  foreign minister said ")
    assert _resolve(TEXT, text='"no deal" - and') == Anchor(start, start + len("“no deal” — and"), "normalised")
    start = len("Iran’s  foreign minister said “no deal” — and ")
    assert _resolve(TEXT, text="IRAN LEFT") == Anchor(start, start + len("Iran  left"), "normalised")


def test_normalising_maps_every_character_back_to_the_original():
    folded, origin = normalise("A\u2014 \t“B”")
    assert folded == 'a- "b"'
    assert origin == [0, 1, 3, 4, 5, 6]


def test_an_ambiguous_quote_is_reported_not_guessed():
    assert _resolve(TEXT, text="Iran") == Problem("quote-ambiguous", "'Iran' occurs 3 times and neither occurrence nor context says which")


def test_a_context_picks_the_nearest_occurrence_and_a_tie_stays_ambiguous():
    start = len("Iran’s  foreign minister said “no deal” — and ")
    assert _resolve(TEXT, text="Iran", context="and Iran left") == Anchor(start, start + 4, "context")
    assert _resolve("a b a", text="a", context="b") == Problem("quote-ambiguous", "'a' occurs 2 times equally near its context 'b'")
    assert _resolve(TEXT, text="Iran", context="Tehran said") == Problem(
        "quote-context-not-found", "the context 'Tehran said' of 'Iran' does not occur in the text")


def test_a_missing_quote_and_an_occurrence_out_of_range_are_reported():
    assert _resolve(TEXT, text="Tehran") == Problem(
        "quote-not-found", "'Tehran' does not occur in the text, even after normalising quotes, dashes, spaces and case")
    assert _resolve(TEXT, text="Iran", occurrence=4) == Problem("quote-occurrence-out-of-range", "occurrence 4 of 'Iran' asked for; the text has 3")


def _quoted(mentions: list[dict], relations=(), entities=(), events=()) -> dict:
    return {"doc_id": "d1", "mentions": mentions, "entities": list(entities), "relations": list(relations), "events": list(events)}


def test_items_referring_to_a_dropped_mention_are_dropped_and_listed():
    text = "Iran and Iran met Oman."
    quoted = _quoted(
        [{"id": "m1", "text": "Iran", "label": "COUNTRY", "attributes": {}},
         {"id": "m2", "text": "Oman", "label": "COUNTRY", "attributes": {}}],
        relations=[{"id": "r1", "type": "PART_OF", "head": "m1", "tail": "m2"}],
        entities=[{"id": "e1", "name": "Iran", "kb_id": None, "mentions": ["m1"]},
                  {"id": "e2", "name": "Oman", "kb_id": None, "mentions": ["m2", "m9"]}],
        events=[{"id": "v1", "type": "MEETING", "trigger": {"text": "met"}, "status": "completed", "attributes": {},
                 "arguments": [{"role": "participant", "ref": "m1"}, {"role": "participant", "ref": "m2"}]}])
    predicted, report = anchor_document(quoted, text, Location("q.jsonl", line=7))
    assert predicted["mentions"] == [{"id": "m2", "start": len("Iran and Iran met "), "end": len("Iran and Iran met Oman"),
                                      "text": "Oman", "label": "COUNTRY", "attributes": {}}]
    assert predicted["relations"] == []
    assert predicted["entities"] == [{"id": "e2", "name": "Oman", "kb_id": None, "mentions": ["m2"]}]
    assert predicted["events"][0]["arguments"] == [{"role": "participant", "ref": "m2"}]
    assert predicted["events"][0]["trigger"] == {"start": len("Iran and Iran "), "end": len("Iran and Iran met"), "text": "met"}
    assert [p.render() for p in report.problems] == [
        "q.jsonl:7:d1:m1:$.mentions[0]: [quote-ambiguous] 'Iran' occurs 2 times and neither occurrence nor context says which",
        "q.jsonl:7:d1:e1:$.entities[0].mentions[0]: [quote-ref-dropped] member mention 'm1', which was dropped",
        "q.jsonl:7:d1:e1:$.entities[0]: [quote-ref-dropped] every member of the entity was dropped, so the entity is too",
        "q.jsonl:7:d1:e2:$.entities[1].mentions[1]: [quote-ref-unknown] member mention 'm9', which the prediction does not have",
        "q.jsonl:7:d1:r1:$.relations[0].head: [quote-ref-dropped] the head is mention 'm1', which was dropped",
        "q.jsonl:7:d1:v1:$.events[0].arguments[0]: [quote-ref-dropped] the participant argument is mention 'm1', which was dropped",
    ]
    assert report.resolved == Counter({"unique": 2})
    assert report.kept == Counter({"mentions": 1, "entities": 1, "relations": 0, "events": 1})


def test_a_repeated_id_drops_the_later_item():
    quoted = _quoted([{"id": "m1", "text": "Iran", "label": "COUNTRY", "attributes": {}},
                      {"id": "m1", "text": "Oman", "label": "COUNTRY", "attributes": {}}])
    predicted, report = anchor_document(quoted, "Iran met Oman.")
    assert [m["text"] for m in predicted["mentions"]] == ["Iran"]
    assert [(p.code, p.location.annotation_id, p.location.path) for p in report.problems] == [("quote-id-duplicate", "m1", "$.mentions[1]")]


def test_every_gold_test_document_quoted_with_occurrences_anchors_back_to_its_gold(repo_gold):
    layout = Layout(REPO)
    reference, predicted, resolved = {}, {}, Counter()
    for doc_id, gold in repo_gold.items():
        if layout.read_meta(doc_id)["split"] != "test":
            continue
        text = layout.read_text(doc_id)
        predicted[doc_id], report = anchor_document(quotes_from_gold(gold, text), text)
        assert report.problems == [], doc_id
        assert predicted[doc_id] == {"doc_id": doc_id, "text_sha256": gold["text_sha256"],
                                     **{k: canonicalize(gold)[k] for k in ("mentions", "entities", "relations", "events")}}, doc_id
        reference[doc_id] = gold
        resolved.update(report.resolved)
    assert len(reference) > 0
    assert sum(resolved.values()) == sum(len(g["mentions"]) + len(g["events"]) for g in reference.values())
    evaluation = score(reference, predicted, samples=20)
    assert evaluation.figures["mentions.strict.f1"] == 1.0
    assert {n: evaluation.figures[n] for n in HEADLINE if evaluation.figures[n] is not None} == \
        {n: 1.0 for n in HEADLINE if evaluation.figures[n] is not None}
    assert evaluation.errors == []


@pytest.mark.parametrize("completion, expected", [
    ('Here it is:\n```json\n{"a": 1}\n```\nDone.', {"a": 1}),
    ('```\n{"a": 2}\n```', {"a": 2}),
    ('Sure. {"a": "a } in a string", "b": {"c": 3}} and {"d": 4}', {"a": "a } in a string", "b": {"c": 3}}),
    ('{not json} then {"a": 5}', {"a": 5}),
    ("I cannot annotate this article.", None),
    ('{"a": 1', None),
])
def test_the_json_object_of_a_completion(completion, expected):
    assert extract_json(completion) == expected
