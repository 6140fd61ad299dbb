"""Relaxed matching (head token, overlap) and DocRED's Ign F1, beside the strict figures."""
from __future__ import annotations

import copy

from diplonews.scoring import HEADLINE, score
from diplonews.scoring.relations import seen_facts
from diplonews.scoring.relaxed import head_token
from diplonews.scoring.score import RELAXED


def _mention(text: str, start: int = 0) -> dict:
    return {"text": text, "start": start, "end": start + len(text)}


def test_the_head_token_is_the_last_word_before_a_preposition():
    assert head_token(_mention("Ministry of Foreign Affairs", 10)) == (10, 10 + len("Ministry"))
    assert head_token(_mention("the Foreign Minister")) == (len("the Foreign "), len("the Foreign Minister"))
    assert head_token(_mention("Iran’s Foreign Minister")) == (len("Iran’s Foreign "), len("Iran’s Foreign Minister"))
    assert head_token(_mention("Iran")) == (0, 4)


def _widen_role(doc: dict, text: str) -> dict:
    """The prediction of ``doc`` whose ROLE mention 'Foreign Minister' also takes in "Iran's " before it."""
    predicted = copy.deepcopy(doc)
    role = next(m for m in predicted["mentions"] if m["id"] == "fm")
    role.update(start=0, text=text[:role["end"]])
    return predicted


def test_a_wider_argument_is_wrong_strictly_and_right_by_head_and_overlap(treaty_doc, treaty_text):
    evaluation = score({"fixture": treaty_doc}, {"fixture": _widen_role(treaty_doc, treaty_text)}, samples=10)
    f = evaluation.figures
    assert (f["relations.mention.f1"], f["relations.mention_head.f1"], f["relations.mention_overlap.f1"]) == (0.0, 1.0, 1.0)
    assert (f["events.argument_classification.f1"], f["events.argument_classification_head.f1"],
            f["events.argument_classification_overlap.f1"]) == (1.0, 1.0, 1.0)


def test_overlap_pairs_one_to_one_so_a_repeated_prediction_counts_once(treaty_doc):
    predicted = copy.deepcopy(treaty_doc)
    # the gold HOLDS_ROLE overlaps both predictions; ROLE_OF is of another type and matches neither
    predicted["relations"] = [{"id": "r1", "type": "HOLDS_ROLE", "head": "ara", "tail": "fm"},
                              {"id": "r2", "type": "HOLDS_ROLE", "head": "ara", "tail": "fm"}]
    f = score({"fixture": treaty_doc}, {"fixture": predicted}, samples=10).figures
    assert (f["relations.mention_overlap.precision"], f["relations.mention_overlap.recall"]) == (0.5, 0.5)


def test_ign_f1_leaves_the_correct_facts_seen_in_train_out_of_precision(treaty_doc):
    train = {**treaty_doc, "relations": [r for r in treaty_doc["relations"] if r["type"] == "HOLDS_ROLE"]}
    seen = seen_facts([train])
    assert ("HOLDS_ROLE", "Abbas Araghchi", "Foreign Minister") in seen
    predicted = copy.deepcopy(treaty_doc)
    predicted["relations"].append({"id": "extra", "type": "HOLDS_ROLE", "head": "ara", "tail": "duma"})
    f = score({"fixture": treaty_doc}, {"fixture": predicted}, samples=10, seen=seen).figures
    assert (f["relations.entity.precision"], f["relations.entity.recall"]) == (2 / 3, 1.0)
    assert (f["relations.entity_ign.precision"], f["relations.entity_ign.recall"], f["relations.entity_ign.f1"]) == (0.5, 1.0, 2 / 3)


def test_without_train_facts_ign_f1_is_undefined_and_relaxed_figures_are_not_headlines(treaty_doc):
    f = score({"fixture": treaty_doc}, {"fixture": treaty_doc}, samples=10).figures
    assert f["relations.entity_ign.f1"] is None
    assert {n: f[n] for n in RELAXED if n != "relations.entity_ign.f1"} == {n: 1.0 for n in RELAXED if n != "relations.entity_ign.f1"}
    assert not set(RELAXED) & set(HEADLINE)
