"""Templated writing: phrasing shared by many documents, and passages two documents share.

A corpus written for a benchmark must not teach a model its writers' habits. Two checks
compare the texts (not the annotations) across the corpus:

- ``phrase-common``: a run of 8 ordinary words (all lower case, letters only, so names and
  numbers break a run) appears in more than 2% of the documents, and in at least 3;
- ``passage-shared``: two documents share a run of 12 words (any words, compared case-folded).

Words are :attr:`.documents.AuditDoc.words` (word characters, inner apostrophes and
hyphens kept), so punctuation and line breaks never hide a repeat.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from ..ontology import Ontology
from .documents import AuditDoc
from .findings import Finding, Place

PHRASE_WORDS = 8
PHRASE_SHARE = 0.02
PHRASE_MIN_DOCS = 3
PASSAGE_WORDS = 12

def _ordinary(word: str) -> bool:
    """A lower-case word of letters only: not a name, not a number."""
    return word.islower() and re.sub(r"['’-]", "", word).isalpha()


def _runs(words: list[str], n: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(index of the first word, the n words) for every run of n consecutive words."""
    for i in range(len(words) - n + 1):
        yield i, tuple(words[i:i + n])


def _ordinary_runs(doc: AuditDoc, n: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The n-word runs of ordinary words only, found with one pass over the words.

    A streak counter says how many ordinary words end at each position, so a run is
    tested once, not word by word (the corpus has hundreds of thousands of runs).
    """
    words = [w.group() for w in doc.words]
    streak = 0
    for i, word in enumerate(words):
        streak = streak + 1 if _ordinary(word) else 0
        if streak >= n:
            yield i - n + 1, tuple(words[i - n + 1:i + 1])


def _place(doc: AuditDoc, i: int, n: int) -> Place:
    start, end = doc.words[i].start(), doc.words[i + n - 1].end()
    return Place(doc.doc_id, None, None, doc.text[start:end], start, end)


def _merge_overlapping(starts: list[int], n: int) -> list[tuple[int, int]]:
    """(first word, word count) of each maximal stretch covered by n-word runs starting at ``starts``."""
    stretches: list[list[int]] = []
    for i in sorted(starts):
        if stretches and i == stretches[-1][0] + stretches[-1][1] - n + 1:
            stretches[-1][1] += 1
        else:
            stretches.append([i, n])
    return [(i, length) for i, length in stretches]


def check_common_phrases(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """phrase-common: one finding per longest phrase that too many documents share.

    Overlapping 8-word runs shared by the same documents are one phrase, reported where it
    stands in each of them, so a repeated sentence is one finding, not one per word.
    """
    at: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for doc in docs:
        for i, run in _ordinary_runs(doc, PHRASE_WORDS):
            at[run].setdefault(doc.doc_id, i)
    limit = max(PHRASE_MIN_DOCS - 1, PHRASE_SHARE * len(docs))
    by_docs: dict[tuple[str, ...], list[dict[str, int]]] = defaultdict(list)
    for run, starts in at.items():
        if len(starts) > limit:
            by_docs[tuple(sorted(starts))].append(starts)
    by_id = {doc.doc_id: doc for doc in docs}
    for ids, runs in sorted(by_docs.items()):
        lead = ids[0]
        for first, length in _merge_overlapping([r[lead] for r in runs], PHRASE_WORDS):
            shift = {d: next(r[d] for r in runs if r[lead] == first) for d in ids}
            places = tuple(_place(by_id[d], shift[d], length) for d in ids)
            phrase = " ".join(w.group() for w in by_id[lead].words[first:first + length])
            yield Finding("phrase-common", None, phrase,
                          f"{len(ids)} documents use the phrase {phrase!r} (limit: {PHRASE_SHARE:.0%} of the corpus, "
                          f"at least {PHRASE_MIN_DOCS}): reword all but one or two", None, phrase, places)


def check_shared_passages(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """passage-shared: one finding per pair of documents sharing a 12-word run, at its first place."""
    seen: dict[tuple[str, ...], tuple[AuditDoc, int]] = {}
    pairs: dict[tuple[str, str], tuple[Place, Place, str]] = {}
    for doc in docs:
        for i, key in _runs([w.group().casefold() for w in doc.words], PASSAGE_WORDS):
            if key not in seen:
                seen[key] = (doc, i)
                continue
            other, j = seen[key]
            pair = (other.doc_id, doc.doc_id)
            if other is not doc and pair not in pairs:
                pairs[pair] = (_place(other, j, PASSAGE_WORDS), _place(doc, i, PASSAGE_WORDS), " ".join(key))
    for (a, b), (pa, pb, run) in sorted(pairs.items()):
        yield Finding("passage-shared", None, f"{a} | {b}",
                      f"{a} and {b} share the {PASSAGE_WORDS}-word run {run!r}: rewrite one of them", None, run, (pa, pb))
