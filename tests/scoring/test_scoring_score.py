"""The whole scorer in process: exact values on a fixture, and the properties the issue requires."""
from __future__ import annotations

import copy
import random

import pytest

from diplonews.problems import DiplonewsError
from diplonews.scoring import HEADLINE, score


def _with(doc: dict, **changes) -> dict:
    out = copy.deepcopy(doc)
    out.update(changes)
    return out


def _mention(doc: dict, mention_id: str) -> dict:
    return next(m for m in doc["mentions"] if m["id"] == mention_id)


def _event(doc: dict, event_id: str) -> dict:
    return next(e for e in doc["events"] if e["id"] == event_id)


@pytest.fixture
def flawed(treaty_doc) -> dict:
    """The fixture with a relation tail moved to a coreferent mention, a status and a DATE value wrong."""
    pred = copy.deepcopy(treaty_doc)
    next(r for r in pred["relations"] if r["type"] == "ROLE_OF")["tail"] = "iran2"
    _event(pred, "rat")["status"] = "completed"
    _mention(pred, "tue")["attributes"]["value"] = "2025-04-09"
    return pred


def test_exact_figures_on_the_fixture(treaty_doc, flawed):
    f = score({"fixture": treaty_doc}, {"fixture": flawed}, samples=10).figures
    assert f["mentions.strict.f1"] == 1.0
    assert (f["relations.mention.precision"], f["relations.mention.recall"]) == (0.5, 0.5)
    assert f["relations.entity.f1"] == 1.0  # iran2 is the same gold entity as iran1
    assert f["events.trigger_classification.f1"] == 1.0
    assert f["events.argument_classification.f1"] == 1.0
    assert f["events.status.accuracy"] == 2 / 3
    assert f["treaty_stages.undated.f1"] == 0.5
    assert f["treaty_stages.dated.f1"] == 0.0
    assert f["dates.value.accuracy"] == 0.0


def test_errors_say_what_went_wrong(treaty_doc, flawed, treaty_text):
    def _at(word: str) -> str:
        start = treaty_text.index(word)
        return f"[{start},{start + len(word)})"

    errors = {(e.layer, e.kind, e.reference, e.predicted) for e in score({"fixture": treaty_doc}, {"fixture": flawed}, samples=10).errors}
    assert ("dates.value", "wrong-value", f'DATE "Tuesday" {_at("Tuesday")} value=2025-04-08', f'DATE "Tuesday" {_at("Tuesday")} value=2025-04-09') in errors
    assert ("relations.mention", "missed", f'ROLE_OF(ROLE "Foreign Minister" {_at("Foreign Minister")} -> COUNTRY "Iran" {_at("Iran")})', None) in errors
    assert ("treaty_stages.undated", "missed", "(Comprehensive Strategic Partnership Treaty, ratification, pending)", None) in errors
    assert ("events.status", "wrong-value", f'TREATY_ACTION "ratify" {_at("ratify")} status=pending',
            f'TREATY_ACTION "ratify" {_at("ratify")} status=completed') in errors


def test_gold_against_itself_is_one_on_every_defined_figure(repo_gold):
    ev = score(repo_gold, copy.deepcopy(repo_gold), samples=50)
    assert repo_gold
    assert {v for v in ev.figures.values() if v is not None} == {1.0}
    assert {tuple(ci) for ci in ev.overall.intervals.values() if ci} == {(1.0, 1.0)}
    assert ev.errors == []


def test_empty_predictions_give_recall_zero(repo_gold):
    ev = score(repo_gold, {}, samples=50)
    recalls = {k: v for k, v in ev.figures.items() if k.endswith(".recall") and v is not None}
    assert recalls and set(recalls.values()) == {0.0}


def _shuffled(doc: dict, rng: random.Random) -> dict:
    out = copy.deepcopy(doc)
    for layer in ("mentions", "entities", "relations", "events"):
        rng.shuffle(out[layer])
    for ev in out["events"]:
        rng.shuffle(ev["arguments"])
    return out


def test_shuffling_either_side_changes_nothing(treaty_doc, flawed):
    base = score({"fixture": treaty_doc}, {"fixture": flawed}, samples=100)
    rng = random.Random(3)
    for _ in range(5):
        again = score({"fixture": _shuffled(treaty_doc, rng)}, {"fixture": _shuffled(flawed, rng)}, samples=100)
        assert again.figures == base.figures
        assert again.overall.intervals == base.overall.intervals
        assert sorted(map(repr, again.errors)) == sorted(map(repr, base.errors))


def test_bootstrap_is_seeded_and_brackets_the_value(repo_gold, treaty_doc, flawed):
    reference = {**{f"a{i}": _with(treaty_doc, doc_id=f"a{i}") for i in range(6)}}
    predicted = {f"a{i}": _with(flawed if i % 2 else treaty_doc, doc_id=f"a{i}") for i in range(6)}
    first, second = score(reference, predicted, samples=200), score(reference, predicted, samples=200)
    assert first.overall.intervals == second.overall.intervals
    lo, hi = first.overall.intervals["treaty_stages.undated.f1"]
    assert lo < first.overall.values["treaty_stages.undated.f1"] < hi
    assert set(first.overall.intervals) == set(HEADLINE)


def test_a_prediction_naming_an_unknown_mention_is_refused(treaty_doc):
    bad = copy.deepcopy(treaty_doc)
    bad["relations"][0]["head"] = "nobody"
    with pytest.raises(DiplonewsError, match=r"\[ref-unresolved\]"):
        score({"fixture": treaty_doc}, {"fixture": bad})


def test_a_prediction_for_an_unknown_document_is_refused(treaty_doc):
    with pytest.raises(DiplonewsError, match=r"\[prediction-unknown-doc\]"):
        score({"fixture": treaty_doc}, {"other": _with(treaty_doc, doc_id="other")})
