"""Mention schemes: exact values, order independence, overlaps, and agreement with nervaluate."""
from __future__ import annotations

import random
from collections import Counter

from nervaluate import Evaluator

from diplonews.scoring.counts import ALL
from diplonews.scoring.matching import match_spans
from diplonews.scoring.mentions import SCHEMES, count_spans, mention_figures, per_scheme
from diplonews.scoring.synthetic import perturb_spans


def _counts(ref, pred, scheme, label=ALL):
    counts = per_scheme(count_spans(ref, pred)[0])
    return {k: counts[("mentions", scheme, label, k)] for k in ("cor", "inc", "par", "mis", "spu")}


TEXT = "Kazem Jalali met Alexander Grushko in Moscow"
JALALI = (0, len("Kazem Jalali"), "OFFICIAL")
GRUSHKO = (TEXT.index("Alexander"), TEXT.index(" in"), "OFFICIAL")
MOSCOW = (TEXT.index("Moscow"), len(TEXT), "LOCATION")


def test_each_scheme_on_one_of_every_outcome():
    gold = [JALALI, GRUSHKO, MOSCOW]
    pred = [
        (0, len("Kazem"), "OFFICIAL"),  # boundary error on Jalali
        (GRUSHKO[0], GRUSHKO[1], "PERSON"),  # right span, wrong label
        (TEXT.index("met"), TEXT.index("met") + 3, "ROLE"),  # spurious
    ]  # Moscow missed
    assert _counts(gold, pred, "strict") == {"cor": 0, "inc": 2, "par": 0, "mis": 1, "spu": 1}
    assert _counts(gold, pred, "exact") == {"cor": 1, "inc": 1, "par": 0, "mis": 1, "spu": 1}
    assert _counts(gold, pred, "partial") == {"cor": 1, "inc": 0, "par": 1, "mis": 1, "spu": 1}
    assert _counts(gold, pred, "ent_type") == {"cor": 1, "inc": 1, "par": 0, "mis": 1, "spu": 1}
    assert _counts(gold, pred, "strict", "PERSON") == {"cor": 0, "inc": 0, "par": 0, "mis": 0, "spu": 1}
    counts, _ = count_spans(gold, pred)
    figs = mention_figures(counts)
    assert figs["mentions.partial.precision"] == 1.5 / 3  # (COR + PAR/2) / ACT
    assert figs["mentions.partial.recall"] == 1.5 / 3
    assert figs["mentions.strict.f1"] == 0.0


def test_one_prediction_over_two_gold_spans_is_order_independent():
    """nervaluate's issue #40: with the wide span first it took the first overlap greedily."""
    left, right = (0, 5, "COUNTRY"), (6, 12, "COUNTRY")
    wide, narrow = (0, 12, "COUNTRY"), (0, 5, "COUNTRY")
    results = {tuple(tuple(sorted(_counts([left, right], order, s).items())) for s in SCHEMES) for order in ([wide, narrow], [narrow, wide])}
    assert len(results) == 1
    assert _counts([left, right], [wide, narrow], "strict") == {"cor": 1, "inc": 1, "par": 0, "mis": 0, "spu": 0}


def test_nested_and_overlapping_predictions_each_count_once():
    gold = [(0, 10, "ORGANIZATION")]
    pred = [(0, 10, "ORGANIZATION"), (0, 4, "COUNTRY"), (2, 8, "ORGANIZATION"), (0, 10, "ORGANIZATION")]
    assert _counts(gold, pred, "strict") == {"cor": 1, "inc": 0, "par": 0, "mis": 0, "spu": 3}
    assert _counts(gold, pred, "ent_type") == {"cor": 1, "inc": 0, "par": 0, "mis": 0, "spu": 3}


def test_augmenting_path_moves_an_earlier_overlap():
    """Greedy matching would give the first prediction the first gold span and leave one unpaired."""
    gold = [(0, 5, "ORGANIZATION"), (6, 9, "ORGANIZATION")]
    pred = [(3, 8, "ORGANIZATION"), (1, 4, "ORGANIZATION")]
    assert _counts(gold, pred, "ent_type") == {"cor": 2, "inc": 0, "par": 0, "mis": 0, "spu": 0}


def _nervaluate(gold_docs, pred_docs, labels):
    """nervaluate's figures on half-open spans (it takes inclusive ends)."""
    def conv(docs):
        return [[{"label": l, "start": s, "end": e - 1} for s, e, l in doc] for doc in docs]
    return Evaluator(conv(gold_docs), conv(pred_docs), tags=labels, loader="dict").evaluate()


def test_figures_equal_nervaluate_where_it_is_right(repo_gold):
    labels = sorted({m["label"] for d in repo_gold.values() for m in d["mentions"]})
    rng = random.Random(7)
    gold_docs = [[(m["start"], m["end"], m["label"]) for m in d["mentions"]] for d in repo_gold.values()] * 20
    pred_docs = [perturb_spans(g, rng, labels) for g in gold_docs]
    theirs = _nervaluate(gold_docs, pred_docs, labels)
    total = sum((count_spans(g, p)[0] for g, p in zip(gold_docs, pred_docs)), start=count_spans([], [])[0])
    ours = mention_figures(total)
    for scheme in SCHEMES:
        for measure in ("precision", "recall", "f1"):
            assert abs(ours[f"mentions.{scheme}.{measure}"] - getattr(theirs["overall"][scheme], measure)) < 1e-12
            for label in labels:
                assert abs(ours[f"mentions.{scheme}.{label}.{measure}"] - getattr(theirs["entities"][label][scheme], measure)) < 1e-12


def _by_definition(ref, pred):
    """Each scheme run as written in SCHEMES, on all spans and on each label's spans."""
    out = Counter()
    for scheme, stages in SCHEMES.items():
        groups = {ALL: (ref, pred)} | {l: ([s for s in ref if s[2] == l], [s for s in pred if s[2] == l]) for l in {s[2] for s in ref + pred}}
        for label, (r, p) in groups.items():
            matched = match_spans(r, p, stages)
            for outcome, _, _ in matched.pairs:
                out[("mentions", scheme, label, outcome)] += 1
            out[("mentions", scheme, label, "mis")] += len(matched.missed)
            out[("mentions", scheme, label, "spu")] += len(matched.spurious)
    return out


def test_shared_stages_give_the_counts_of_each_scheme_as_defined():
    rng = random.Random(11)
    labels = ["A", "B", "C"]
    for _ in range(300):
        def spans(n):
            out = []
            for _ in range(n):
                s = rng.randrange(30)
                out.append((s, s + rng.randrange(1, 8), rng.choice(labels)))
            return out
        ref, pred = spans(rng.randrange(6)), spans(rng.randrange(8))
        fast = +per_scheme(count_spans(ref, pred)[0])
        assert fast == +_by_definition(ref, pred), (ref, pred)
