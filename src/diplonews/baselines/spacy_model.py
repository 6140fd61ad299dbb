"""The ``spacy`` baseline: two NER pipelines trained from ``spacy.blank("en")`` on the train
split, one for mentions and one for event triggers; DATE values, relations, arguments,
statuses and attributes come from the shared rules in :mod:`.features`.

Deterministic: ``spacy.util.fix_random_seed(SEED)`` and a seeded shuffle; CPU only.
"""
from __future__ import annotations

import random

from .features import Doc, Found, Learned, assemble, dates, label_mention, label_trigger, learn

SEED = 0
EPOCHS = 30
DROPOUT = 0.2
SYSTEM = "spacy"


def _examples(nlp, docs: list[Doc], spans_of) -> tuple[list, int]:
    """Training examples, and how many gold spans could not be aligned to tokens (reported, not hidden)."""
    from spacy.training import Example
    from spacy.util import filter_spans

    examples, dropped = [], 0
    for doc in docs:
        made = nlp.make_doc(doc.text)
        spans = []
        for start, end, label in spans_of(doc.gold):
            span = made.char_span(start, end, label=label, alignment_mode="contract")
            if span is None:
                dropped += 1
            else:
                spans.append(span)
        kept = filter_spans(spans)
        dropped += len(spans) - len(kept)
        made.ents = kept
        examples.append(Example(nlp.make_doc(doc.text), made))
    return examples, dropped


def _train(docs: list[Doc], spans_of, epochs: int, progress):
    import spacy
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples, dropped = _examples(nlp, docs, spans_of)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=8):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
        if progress:
            progress(f"epoch {epoch + 1}/{epochs}: loss {losses.get('ner', 0.0):.1f}")
    return nlp, dropped


def _mention_spans(gold: dict):
    return [(m["start"], m["end"], m["label"]) for m in gold["mentions"]]


def _trigger_spans(gold: dict):
    return sorted({(ev["trigger"]["start"], ev["trigger"]["end"], ev["type"]) for ev in gold["events"]})


class SpacyBaseline:
    """Train with :meth:`fit`; ``dropped`` says how many gold spans did not align to tokens."""

    REQUIRES = "spacy"  # an optional dependency (the ``baselines`` extra)

    def __init__(self, epochs: int | None = None):
        self.epochs = epochs or EPOCHS

    def fit(self, train: list[Doc], progress=None) -> "SpacyBaseline":
        self.learned: Learned = learn(train)
        say = (lambda what: lambda msg: progress(f"{what} {msg}")) if progress else (lambda what: None)
        self.mentions, dropped_m = _train(train, _mention_spans, self.epochs, say("mentions"))
        self.triggers, dropped_t = _train(train, _trigger_spans, self.epochs, say("triggers"))
        self.dropped = dropped_m + dropped_t
        return self

    def predict(self, doc: Doc) -> dict:
        found = dates(doc)
        taken = [(f.start, f.end) for f in found]
        for ent in self.mentions(doc.text).ents:
            if all(ent.end_char <= s or e <= ent.start_char for s, e in taken):
                found.append(label_mention(self.learned, ent.start_char, ent.end_char, doc.text, ent.label_))
        triggers: list[Found] = [label_trigger(self.learned, e.start_char, e.end_char, doc.text, e.label_)
                                 for e in self.triggers(doc.text).ents]
        return assemble(doc, found, triggers, self.learned, SYSTEM)
