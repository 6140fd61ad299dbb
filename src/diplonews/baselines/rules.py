"""The ``rules`` baseline: gazetteers of mentions and triggers learned from the train split,
date patterns, and the shared relation and argument rules."""
from __future__ import annotations

import re

from .features import Doc, Found, Learned, assemble, dates, label_mention, label_trigger, learn

MIN_SURFACE = 3  # shorter surfaces ("it", "he") match too much to be worth a gazetteer entry
SYSTEM = "rules"


def _pattern(surfaces, flags=0) -> re.Pattern | None:
    """Alternation of whole-word surfaces, longest first so the longest wins at a position."""
    kept = sorted((s for s in surfaces if len(s) >= MIN_SURFACE), key=lambda s: (-len(s), s))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, kept)) + r")(?!\w)", flags) if kept else None


class RulesBaseline:
    """Train once with :meth:`fit`, then :meth:`predict` any document."""

    def fit(self, train: list[Doc], progress=None) -> "RulesBaseline":
        self.learned: Learned = learn(train)
        self.mention_re = _pattern(self.learned.mentions)
        self.trigger_re = _pattern(self.learned.triggers, re.IGNORECASE)
        return self

    def predict(self, doc: Doc) -> dict:
        found = dates(doc)
        taken = [(f.start, f.end) for f in found]
        for m in self.mention_re.finditer(doc.text) if self.mention_re else ():
            if all(m.end() <= s or e <= m.start() for s, e in taken):
                found.append(label_mention(self.learned, m.start(), m.end(), doc.text))
        triggers: list[Found] = [label_trigger(self.learned, m.start(), m.end(), doc.text)
                                 for m in (self.trigger_re.finditer(doc.text) if self.trigger_re else ())]
        return assemble(doc, found, triggers, self.learned, SYSTEM)
