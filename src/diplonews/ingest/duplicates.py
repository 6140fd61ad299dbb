"""Exact and near-duplicate texts.

Exact: the same sha256 after normalisation. Near: Jaccard similarity of the sets of word
5-grams (lower-cased words) of at least NEAR_THRESHOLD; this catches a republished
article with a changed headline, a byline or a few edited sentences, while two reports
of one event in different words stay far below it.
"""
from __future__ import annotations

import re

from ..corpus import text_sha256

NEAR_THRESHOLD = 0.8
SHINGLE = 5


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return frozenset([tuple(words)])
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class DuplicateIndex:
    """Texts seen so far; :meth:`find` says which one a new text duplicates, if any."""

    def __init__(self):
        self.hashes: dict[str, str] = {}
        self.sets: dict[str, frozenset] = {}

    def add(self, doc_id: str, text: str) -> None:
        self.hashes[text_sha256(text)] = doc_id
        self.sets[doc_id] = shingles(text)

    def find(self, text: str) -> str | None:
        """A message naming the duplicated document, or None."""
        exact = self.hashes.get(text_sha256(text))
        if exact:
            return f"the same text as {exact}"
        mine = shingles(text)
        best = max(((jaccard(mine, theirs), doc_id) for doc_id, theirs in self.sets.items()), default=(0.0, None))
        if best[0] >= NEAR_THRESHOLD:
            return f"a near-duplicate of {best[1]} (5-gram Jaccard similarity {best[0]:.2f})"
        return None
