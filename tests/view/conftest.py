"""The viewer built from this repository's corpus: the split holding DOC, with a perturbed
prediction of DOC whose every mention and trigger error is known in advance."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from diplonews.corpus import Layout
from diplonews.gold import read_gold

REPO = Path(__file__).resolve().parents[2]
DOC = "c1a-03-somalia-kenya-icj"


def _referenced(gold: dict) -> set[str]:
    return ({a["ref"] for e in gold["events"] for a in e["arguments"]}
            | {r["head"] for r in gold["relations"]} | {r["tail"] for r in gold["relations"]})


def perturbed(gold: dict, text: str) -> tuple[dict, set[tuple[str, str, str]]]:
    """A prediction of ``gold`` with one mention missed, one mislabelled, one off in boundary,
    one spurious and one trigger missed; and the (side, id, kind) marks the view must show."""
    pred = copy.deepcopy(gold)
    free = [m for m in pred["mentions"] if m["id"] not in _referenced(gold) and not m["attributes"]]
    dropped, relabelled, shrunk = free[0], free[1], free[2]
    pred["mentions"] = [m for m in pred["mentions"] if m is not dropped]
    for e in pred["entities"]:
        e["mentions"] = [m for m in e["mentions"] if m != dropped["id"]]
    pred["entities"] = [e for e in pred["entities"] if e["mentions"]]
    relabelled["label"] = "PERSON" if relabelled["label"] != "PERSON" else "ROLE"
    shrunk["start"] += 1
    shrunk["text"] = text[shrunk["start"]:shrunk["end"]]
    covered = {i for m in gold["mentions"] for i in range(m["start"], m["end"])} | \
              {i for e in gold["events"] for i in range(e["trigger"]["start"], e["trigger"]["end"])}
    start = next(i for i in range(len(text) - 3) if text[i:i + 3] == "the" and not covered & set(range(i, i + 3)))
    pred["mentions"].append({"id": "spur1", "label": "ROLE", "start": start, "end": start + 3, "text": "the", "attributes": {}})
    missed_event = pred["events"].pop(0)
    marks = {("gold", dropped["id"], "missed"), ("gold", relabelled["id"], "mislabelled"), ("pred", relabelled["id"], "mislabelled"),
             ("gold", shrunk["id"], "boundary"), ("pred", shrunk["id"], "boundary"), ("pred", "spur1", "spurious"),
             ("gold", missed_event["id"], "missed")}
    return pred, marks


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """(folder of the view with predictions, the split, the gold of DOC, the expected error marks)."""
    from diplonews.view import build_view

    layout = Layout(REPO)
    gold, text = read_gold(layout, DOC), layout.read_text(DOC)
    pred, marks = perturbed(gold, text)
    tmp = tmp_path_factory.mktemp("view")
    (tmp / "pred.jsonl").write_text(json.dumps(pred) + "\n", encoding="utf-8")
    split = layout.read_meta(DOC)["split"]
    result = build_view(REPO, tmp / "site", tmp / "pred.jsonl", split)
    return result, split, gold, marks
