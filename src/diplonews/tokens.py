"""The tokenisation of the corpus (the ``ner`` and ``sentences`` configs, the token
exports, the token-boundary rule of validation), and IOB2 tags to and from spans.

A token is a maximal run of letters and digits (Python's Unicode ``\\w`` without ``_``);
every other character that is not white space is a token of its own (punctuation, ``_``,
symbols, a combining mark that follows no letter). White space never belongs to a token.
Offsets are code points into the stored text, like the gold spans. ``Iran’s`` is
``Iran`` ``’`` ``s``; ``U.S.`` is ``U`` ``.`` ``S`` ``.``; ``2025-04-10`` is five tokens.

A gold span whose start or end falls inside a token cannot be tagged without moving it:
validation refuses it (``token-boundary``), and :func:`tag` refuses it too rather than
shift a boundary, for spans that never went through validation.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .problems import DiplonewsError

TOKEN = re.compile(r"[^\W_]+|\S")


@dataclass(frozen=True)
class Tokens:
    """The tokens of one text, as parallel lists."""

    texts: list[str]
    starts: list[int]
    ends: list[int]


def tokenize(text: str) -> Tokens:
    matches = list(TOKEN.finditer(text))
    return Tokens([m.group() for m in matches], [m.start() for m in matches], [m.end() for m in matches])


def iob_names(labels) -> list[str]:
    """IOB2 tag names: O, then B-X and I-X for each label in order (the ClassLabel names of the tag columns)."""
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


def word_count(tokens: Tokens) -> int:
    """Tokens that are runs of letters or digits (punctuation left out)."""
    return sum(1 for t in tokens.texts if t[0].isalnum())


@dataclass(frozen=True)
class Span:
    """A labelled span to tag; ``ann_id`` names it in errors."""

    start: int
    end: int
    label: str
    ann_id: str


def token_range(tokens: Tokens, start: int, end: int) -> tuple[int, int] | None:
    """The indices of the first and last token of [start, end), or None when the span does
    not start at a token's start and end at a token's end."""
    first = bisect_left(tokens.starts, start)
    last = bisect_left(tokens.ends, end)
    if first >= len(tokens.starts) or tokens.starts[first] != start or last >= len(tokens.ends) or tokens.ends[last] != end:
        return None
    return first, last


def tag(tokens: Tokens, spans: list[Span], doc_id: str, text: str) -> list[str]:
    """IOB2 tag names for ``tokens``; spans must be flat (identical spans count once)."""
    tags = ["O"] * len(tokens.texts)
    for span in spans:
        found = token_range(tokens, span.start, span.end)
        if found is None:
            raise DiplonewsError.of("token-boundary", f"[{span.start}, {span.end}) {text[span.start : span.end]!r} does not fall on token boundaries",
                                    doc_id=doc_id, annotation_id=span.ann_id)
        first, last = found
        tags[first] = f"B-{span.label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{span.label}"
    return tags


def spans_from_tags(tokens: Tokens, tags: list[str]) -> set[tuple[int, int, str]]:
    """The (start, end, label) spans that IOB2 ``tags`` encode; an I- that continues nothing starts a span."""
    out = set()
    current: list | None = None
    for start, end, name in zip(tokens.starts, tokens.ends, tags):
        prefix, _, label = name.partition("-")
        if prefix == "I" and current and current[2] == label:
            current[1] = end
            continue
        if current:
            out.add(tuple(current))
        current = [start, end, label] if prefix in ("B", "I") else None
    if current:
        out.add(tuple(current))
    return out
