"""Relaxed matching of relations and event arguments, reported beside the strict figures.

Exact match understates systems that find the right argument with other boundaries ("the
Foreign Minister" for "Foreign Minister"), generative ones most. Two relaxations, each a
figure of its own and never a headline:

* ``head``: an argument matches when its head token is the reference's: the last word
  before the first preposition or conjunction ("Ministry of Foreign Affairs" -> "Ministry",
  "the Foreign Minister" -> "Minister"). Items are keyed by the head tokens' offsets, so
  matching is the same multiset intersection as strict.
* ``overlap``: an argument matches when its span shares a code point with the reference's.
  One prediction may overlap several reference items, so the pairs are a maximum
  one-to-one matching (augmenting paths), visited in sorted order: order-independent.

Types and roles must still be equal; mention labels are not compared (as in
``argument_classification``). Counted as ``relations.mention_head``,
``relations.mention_overlap``, ``events.argument_classification_head`` and
``events.argument_classification_overlap``.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from .counts import add_keyed
from .matching import keyed_match, match_compatible, overlaps
from .views import DocView

WORD = re.compile(r"\w+(?:['’-]\w+)*")
# words that end the head phrase of an English noun phrase ("Ministry | of Foreign Affairs")
BREAKS = frozenset({"of", "for", "on", "to", "in", "at", "with", "from", "between", "against", "by", "over", "and", "or"})


def head_token(mention: dict) -> tuple[int, int]:
    """Offsets of the mention's head token: the last word before the first break word (else its last word)."""
    words = list(WORD.finditer(mention["text"]))
    if not words:
        return mention["start"], mention["end"]
    before = []
    for word in words:
        if before and word[0].lower() in BREAKS:
            break
        before.append(word)
    head = before[-1]
    return mention["start"] + head.start(), mention["start"] + head.end()


def _relation_args(doc: dict) -> list[tuple[str, dict, dict]]:
    view = DocView(doc)
    return [(r["type"], view.mentions[r["head"]], view.mentions[r["tail"]]) for r in doc["relations"]]


def _event_args(doc: dict) -> list[tuple[str, dict]]:
    view = DocView(doc)
    return [((ev["type"], a["role"]), view.mentions[a["ref"]]) for ev in doc["events"] for a in ev["arguments"]]


def _span(m: dict) -> tuple[int, int]:
    return m["start"], m["end"]


def _count_overlap(counts: Counter, task: str, variant: str, reference: Sequence[tuple], predicted: Sequence[tuple],
                   compatible: Callable[[tuple, tuple], bool]) -> None:
    matched = match_compatible(reference, predicted, compatible)
    add_keyed(counts, task, variant, len(matched.pairs), len(predicted), len(reference))


def _count_head(counts: Counter, task: str, variant: str, reference: list[tuple], predicted: list[tuple]) -> None:
    add_keyed(counts, task, variant, len(keyed_match(reference, predicted).pairs), len(predicted), len(reference))


def score_relaxed(reference: dict, predicted: dict) -> Counter:
    """The relaxed counts of one document (relations at mention level, event argument classification)."""
    counts: Counter = Counter()
    ref_rel, pred_rel = _relation_args(reference), _relation_args(predicted)
    _count_head(counts, "relations", "mention_head",
                [(t, head_token(h), head_token(a)) for t, h, a in ref_rel], [(t, head_token(h), head_token(a)) for t, h, a in pred_rel])
    _count_overlap(counts, "relations", "mention_overlap",
                   [(t, _span(h), _span(a)) for t, h, a in ref_rel], [(t, _span(h), _span(a)) for t, h, a in pred_rel],
                   lambda r, p: r[0] == p[0] and overlaps(r[1], p[1]) and overlaps(r[2], p[2]))
    ref_arg, pred_arg = _event_args(reference), _event_args(predicted)
    _count_head(counts, "events", "argument_classification_head",
                [(k, head_token(m)) for k, m in ref_arg], [(k, head_token(m)) for k, m in pred_arg])
    _count_overlap(counts, "events", "argument_classification_overlap",
                   [(k, _span(m)) for k, m in ref_arg], [(k, _span(m)) for k, m in pred_arg],
                   lambda r, p: r[0] == p[0] and overlaps(r[1], p[1]))
    return counts


VARIANTS = (("relations", "mention_head"), ("relations", "mention_overlap"),
            ("events", "argument_classification_head"), ("events", "argument_classification_overlap"))
