"""Leak checks between splits: no story, and no identical or near-identical text, in two splits.

Texts are compared by word shingles (runs of five lowercased words) with Jaccard
similarity. Comparing every pair is quadratic, so each text keeps only a MinHash
signature (:data:`PERMUTATIONS` 32-bit values); texts whose signatures agree on a whole
band become candidates (locality-sensitive hashing), and each candidate pair across two
splits is confirmed with the exact Jaccard of the two texts, read again from disk.
Memory grows by 240 bytes of signature (and the doc id) a document; the work stays near linear.
"""
from __future__ import annotations

import hashlib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

import numpy as np

SHINGLE_WORDS = 5
THRESHOLD = 0.5  # Jaccard of shingle sets at or above which two texts are near-duplicates
PERMUTATIONS = 60
BANDS = 20  # 20 bands of 3 values: a pair at Jaccard 0.5 becomes a candidate with probability 0.93, at 0.6 0.99
MAX_REPORTED = 20
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


@dataclass(frozen=True)
class Leak:
    """Two documents in different splits that share a story or (nearly) a text."""

    kind: str  # "story" or "near-duplicate"
    first: tuple[str, str]  # (doc_id, split)
    second: tuple[str, str]
    detail: str

    def render(self) -> str:
        return f"{self.kind}: {self.first[0]} ({self.first[1]}) and {self.second[0]} ({self.second[1]}): {self.detail}"


class LeakChecker:
    """Collects each document's story, split and text signature while a build streams them."""

    def __init__(self):
        self.ids: list[str] = []
        self.splits: list[str] = []  # one shared str object per split name
        self.stories: dict[str, tuple[str, str]] = {}  # story -> first (doc_id, split)
        self.story_leaks: list[Leak] = []
        self.signatures = bytearray()  # PERMUTATIONS uint32 values per document, back to back

    def add(self, doc_id: str, story: str, split: str, text: str) -> None:
        first = self.stories.setdefault(story, (doc_id, split))
        if first[1] != split:
            self.story_leaks.append(Leak("story", first, (doc_id, split), f"story {story!r}"))
        self.ids.append(doc_id)
        self.splits.append(sys.intern(split))
        self.signatures += signature(shingles(text))

    def _candidates(self) -> list[tuple[int, int]]:
        """Index pairs in different splits whose signatures agree on at least one band."""
        matrix = np.frombuffer(self.signatures, dtype=np.uint32).reshape(-1, PERMUTATIONS)
        width = PERMUTATIONS // BANDS
        pairs = set()
        for band in range(BANDS):
            buckets: dict[bytes, dict[str, int]] = defaultdict(dict)  # band value -> split -> first doc index
            for i, key in enumerate(map(bytes, matrix[:, band * width : (band + 1) * width])):
                by_split = buckets[key]
                by_split.setdefault(self.splits[i], i)
                pairs.update((j, i) for split, j in by_split.items() if split != self.splits[i])
        return sorted(pairs)

    def leaks(self, read_text: Callable[[str], str]) -> list[Leak]:
        """Every story leak, and near-duplicate pairs confirmed by exact Jaccard (at most :data:`MAX_REPORTED`)."""
        found = list(self.story_leaks)
        for i, j in self._candidates():
            if len(found) >= MAX_REPORTED:
                break
            score = jaccard(shingles(read_text(self.ids[i])), shingles(read_text(self.ids[j])))
            if score >= THRESHOLD:
                found.append(Leak("near-duplicate", (self.ids[i], self.splits[i]), (self.ids[j], self.splits[j]),
                                  f"word {SHINGLE_WORDS}-gram Jaccard {score:.2f} >= {THRESHOLD}"))
        return found
