"""Sentence boundaries of a gold document, split once, for every view that needs sentences.

The ``sentences`` and ``ner`` configs of the dataset and the spaCy and CoNLL exports all
take their sentences from :func:`split`, so they agree on every boundary.

How a text is split, and why:

1. **Lines first.** A line break ends a sentence: headings, datelines and speaker turns
   have no final stop, and a punctuation-based splitter would run them into the next
   sentence.
2. **spaCy's rule-based** ``sentencizer`` on each line (a blank English pipeline: the
   tokenizer's exceptions keep ``U.S.`` and ``Mr.`` whole, so no boundary falls after
   them). Rule-based and modelless, it gives the same boundaries on every machine.
3. **Boundaries fall on tokens.** A sentence starts at a token of
   :func:`diplonews.tokens.tokenize` and ends at one; white space between sentences
   belongs to none. A boundary inside a token is dropped.
4. **No boundary cuts an annotation.** Where a boundary falls inside a mention or an event
   trigger, the sentences on both sides are merged, so each mention and trigger lies in one
   sentence and IOB2 tags never continue across sentences.

Sentences are half-open ``[start, end)`` code-point spans of the document text, like every
offset of the corpus; they hold every token of the text, in order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .tokens import Tokens

MAX_TOKENS = 200  # the longest sentence the sentences config promises; a longer one refuses the build
LENGTH_BANDS = ((1, 10), (11, 20), (21, 40), (41, 80), (81, 120), (121, MAX_TOKENS))


@dataclass(frozen=True)
class Sentence:
    """One sentence: its code-point span and its tokens' index range ``[first, last)``."""

    start: int
    end: int
    first: int
    last: int


@cache
def _pipeline():
    import spacy  # heavy: only when sentences are made

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _candidate_starts(text: str) -> set[int]:
    """Where lines and spaCy's sentences start: the first character that is not white space."""
    starts, position = set(), 0
    lines = text.split("\n")
    for line, doc in zip(lines, _pipeline().pipe(lines)):
        for sent in doc.sents:
            stripped = sent.text.lstrip()
            if stripped:
                starts.add(position + sent.start_char + len(sent.text) - len(stripped))
        position += len(line) + 1
    return starts


def annotated_spans(gold: dict) -> list[tuple[int, int]]:
    """The spans no boundary may cut: every mention and every event trigger."""
    return [(m["start"], m["end"]) for m in gold["mentions"]] + [(e["trigger"]["start"], e["trigger"]["end"]) for e in gold["events"]]


def split(text: str, tokens: Tokens, gold: dict) -> list[Sentence]:
    """The sentences of ``text`` (tokenised as ``tokens``), none cutting a mention or trigger of ``gold``."""
    if not tokens.starts:
        return []
    token_at = {start: i for i, start in enumerate(tokens.starts)}
    cut = set()
    for start, end in annotated_spans(gold):
        cut.update(range(start + 1, end))  # a sentence may not start strictly inside
    firsts = sorted({0} | {token_at[s] for s in _candidate_starts(text) if s in token_at and s not in cut})
    bounds = firsts + [len(tokens.starts)]
    return [Sentence(tokens.starts[a], tokens.ends[b - 1], a, b) for a, b in zip(bounds, bounds[1:])]


def length_summary(lengths: list[int]) -> dict:
    """The token-length distribution of sentences: count, quantiles, and rows per length band."""
    ordered = sorted(lengths)

    def quantile(q: float) -> int:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0

    bands = {}
    for low, high in LENGTH_BANDS:
        bands[f"{low}-{high}"] = sum(1 for n in ordered if low <= n <= high)
    bands[f">{MAX_TOKENS}"] = sum(1 for n in ordered if n > MAX_TOKENS)
    return {"sentences": len(ordered), "min": quantile(0), "median": quantile(0.5), "p90": quantile(0.9),
            "p99": quantile(0.99), "max": ordered[-1] if ordered else 0, "bands": bands}
