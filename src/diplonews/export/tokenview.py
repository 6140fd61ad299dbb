"""What the token formats (CoNLL, GLiNER, TextEE) share: the dataset's tokens and sentences of a
document, and on the way back, token spans put onto a text again.

These formats keep tokens, not the text. Their readers take the corpus text when given it
(``texts``: doc id -> text) and check that the tokens spell it, so offsets come back exactly
as the gold's; without it, offsets are into the text the tokens spell, each sentence's
tokens joined by a space and sentences by a line break.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..hf.source import Document as View
from ..tokens import Tokens, spans_from_tags
from ..problems import DiplonewsError, Location, Problem


def index_spans(sentence: int, tags: list[str]) -> list[TokenSpan]:
    """The spans IOB2 ``tags`` of one sentence encode, as token ranges."""
    positions = Tokens(tags, list(range(len(tags))), list(range(1, len(tags) + 1)))
    return [TokenSpan(sentence, first, last, label) for first, last, label in sorted(spans_from_tags(positions, tags))]


def view(text: str, gold: dict) -> View:
    """The dataset's view of one document: ``tokens``, ``sentences``, ``ner_tags``, ``trigger_tags``."""
    return View(gold["doc_id"], text, {}, gold)


@dataclass(frozen=True)
class TokenSpan:
    """A labelled span of a sentence's tokens, ``[first, last)``."""

    sentence: int
    first: int
    last: int
    label: str


@dataclass
class Read:
    """What a token format gives back of one document: its sentences and labelled spans as offsets into ``text``."""

    doc_id: str
    text: str
    sentences: list[tuple[int, int]]
    mentions: list[dict]  # {label, start, end, text}, in text order
    triggers: list[dict]  # {type, start, end, text}, in text order


def align(text: str, words: list[str]) -> tuple[list[int], list[int]] | None:
    """Start and end of each word in ``text``, in order, across white space only; None when they do not spell it."""
    starts, ends, position = [], [], 0
    for word in words:
        while position < len(text) and text[position].isspace():
            position += 1
        if not word or text[position:position + len(word)] != word:
            return None
        starts.append(position)
        position += len(word)
        ends.append(position)
    return (starts, ends) if not text[position:].strip() else None


def offsets(doc_id: str, sentences: list[list[str]], text: str | None, file: str, code: str) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text (``text``, or the one the words spell) and each sentence's token offsets into it; ``code`` when they do not spell it."""
    if text is None:
        text = "\n".join(" ".join(words) for words in sentences)
    aligned = align(text, [w for words in sentences for w in words])
    if aligned is None:
        raise DiplonewsError([Problem(code, "the tokens do not spell the document's text",
                                      Location(file=file, doc_id=doc_id))])
    spans, flat = [], list(zip(*aligned))
    for words in sentences:
        spans.append(flat[:len(words)])
        flat = flat[len(words):]
    return text, spans


def assemble(doc_id: str, sentences: list[list[str]], mentions: list[TokenSpan], triggers: list[TokenSpan],
             text: str | None, file: str, code: str) -> Read:
    """A :class:`Read` of token spans over ``sentences``, put onto ``text`` (see :func:`offsets`)."""
    text, tokens = offsets(doc_id, sentences, text, file, code)

    def placed(spans: list[TokenSpan], key: str) -> list[dict]:
        out = [{key: s.label, "start": tokens[s.sentence][s.first][0], "end": tokens[s.sentence][s.last - 1][1]} for s in spans]
        return [{**d, "text": text[d["start"]:d["end"]]} for d in sorted(out, key=lambda d: (d["start"], d["end"], d[key]))]

    bounds = [(t[0][0], t[-1][1]) for t in tokens if t]
    return Read(doc_id, text, bounds, placed(mentions, "label"), placed(triggers, "type"))
