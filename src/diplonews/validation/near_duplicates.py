"""One index of exact and near-duplicate texts, for ingest and for the split-leak rule.

Texts are compared by word shingles (runs of :data:`SHINGLE_WORDS` lowercased words) with
Jaccard similarity, at one of two named thresholds:

- :data:`INGEST`: an input this close to a corpus text is the same article again (a
  republished copy with a new headline, a byline, a few edited sentences); refused;
- :data:`SPLIT_LEAK`: two texts this close in different splits let a model see a test
  text while training; the corpus is invalid. Lower, since a leak needs less overlap.

Comparing every pair is quadratic, so each text keeps only a MinHash signature
(:data:`PERMUTATIONS` 32-bit values); texts whose signatures agree on a whole band become
candidates (locality-sensitive hashing), and each candidate is confirmed with the exact
Jaccard of the two texts, read again through ``read_text``. Memory grows by 240 bytes of
signature (and the doc id) a document; the work stays near linear.
"""
from __future__ import annotations

import hashlib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np

from ..corpus import text_sha256

SHINGLE_WORDS = 5
INGEST = 0.8
SPLIT_LEAK = 0.5
PERMUTATIONS = 60
BANDS = 20  # 20 bands of 3 values: a pair at Jaccard 0.5 becomes a candidate with probability 0.93, at 0.6 0.99
_WIDTH = PERMUTATIONS // BANDS
_rng = np.random.default_rng(20250412)  # fixed seed: the same signatures on every run
_A = _rng.integers(1, 1 << 63, PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 1 << 63, PERMUTATIONS, dtype=np.uint64)
WORD = re.compile(r"[^\W_]+")


def shingles(text: str) -> set[int]:
    """Hashed runs of :data:`SHINGLE_WORDS` lowercased words (the whole text if shorter)."""
    words = WORD.findall(text.lower())
    size = min(SHINGLE_WORDS, len(words)) or 1
    grams = {" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))}
    return {int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=7).digest(), "big") for g in grams}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def signature(hashes: set[int]) -> bytes:
    """MinHash of a shingle set: per permutation, the least high 32 bits of (a*x + b) mod 2^64."""
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    with np.errstate(over="ignore"):
        values = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return values.min(axis=0).astype(np.uint32).tobytes()


def _bands(sig: bytes) -> Iterator[tuple[int, bytes]]:
    step = 4 * _WIDTH
    return ((band, sig[band * step : (band + 1) * step]) for band in range(BANDS))


@dataclass(frozen=True)
class Match:
    """A stored text that (nearly) duplicates another: ``score`` 1.0 and ``exact`` for the same text."""

    doc_id: str
    score: float
    exact: bool

    def render(self) -> str:
        if self.exact:
            return f"the same text as {self.doc_id}"
        return f"a near-duplicate of {self.doc_id} (word {SHINGLE_WORDS}-gram Jaccard {self.score:.2f})"


class DuplicateIndex:
    """Texts added so far, each with a group (its split, or None); asks which of them a text duplicates."""

    def __init__(self, read_text: Callable[[str], str]):
        self.read_text = read_text  # texts are not kept: candidates are confirmed from the source
        self.ids: list[str] = []
        self.groups: list[str | None] = []
        self.hashes: dict[str, int] = {}  # sha256 -> first index
        self.buckets: list[dict[bytes, list[int]]] = [defaultdict(list) for _ in range(BANDS)]

    def add(self, doc_id: str, text: str, group: str | None = None) -> None:
        index = len(self.ids)
        self.ids.append(doc_id)
        self.groups.append(sys.intern(group) if group else None)
        self.hashes.setdefault(text_sha256(text), index)
        for band, key in _bands(signature(shingles(text))):
            self.buckets[band][key].append(index)

    def find(self, text: str, threshold: float = INGEST) -> Match | None:
        """The stored text ``text`` duplicates (exactly, or at ``threshold`` or above), or None."""
        exact = self.hashes.get(text_sha256(text))
        if exact is not None:
            return Match(self.ids[exact], 1.0, True)
        mine = shingles(text)
        candidates = {i for band, key in _bands(signature(mine)) for i in self.buckets[band].get(key, ())}
        best = max(((jaccard(mine, shingles(self.read_text(self.ids[i]))), -i) for i in candidates), default=(0.0, 0))
        score, first = best[0], -best[1]  # the highest score; among equals, the text added first
        return Match(self.ids[first], score, False) if candidates and score >= threshold else None

    def pairs_across_groups(self, threshold: float = SPLIT_LEAK, limit: int = 20) -> list[tuple[str, str, float]]:
        """(earlier id, later id, Jaccard) for texts of different groups at ``threshold`` or above (at most ``limit``).

        Within a bucket each text is paired with the first text of every other group, so
        the candidates stay linear in the corpus even when one bucket holds many texts.
        """
        candidates = set()
        for buckets in self.buckets:
            for members in buckets.values():
                first: dict[str | None, int] = {}
                for j in members:
                    first.setdefault(self.groups[j], j)
                    candidates.update((i, j) for group, i in first.items() if group != self.groups[j])
        found = []
        for i, j in sorted(candidates):
            if len(found) >= limit:
                break
            score = jaccard(shingles(self.read_text(self.ids[i])), shingles(self.read_text(self.ids[j])))
            if score >= threshold:
                found.append((self.ids[i], self.ids[j], score))
        return found
