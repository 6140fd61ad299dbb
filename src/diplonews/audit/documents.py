"""The gold documents an audit reads, with the lookups its checks share.

Only documents that pass validation are audited: the checks rely on the data contract
(resolved references, flat mention spans, allowed labels). A document that fails it
becomes a ``document-invalid`` finding instead of a crash or a misleading result.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..corpus import Layout
from ..gold import read_gold
from ..problems import DiplonewsError
from ..validation.validator import check_annotation
from .findings import Finding, Place

WORD = re.compile(r"\w+(?:['’-]\w+)*")  # a word: word characters, inner apostrophes and hyphens kept


@dataclass
class AuditDoc:
    """One valid gold document and its text."""

    doc_id: str
    text: str
    ann: dict
    mentions: dict[str, dict] = field(init=False)

    def __post_init__(self):
        self.mentions = {m["id"]: m for m in self.ann["mentions"]}

    @property
    def entities(self) -> list[dict]:
        return self.ann["entities"]

    @property
    def relations(self) -> list[dict]:
        return self.ann["relations"]

    @property
    def events(self) -> list[dict]:
        return self.ann["events"]

    def label(self, mention_id: str) -> str:
        return self.mentions[mention_id]["label"]

    def entity_label(self, entity: dict) -> str:
        """The label of an entity's mentions (validation guarantees they share one, and that there is one)."""
        return self.label(entity["mentions"][0])

    def entity_place(self, entity: dict) -> Place:
        return Place(self.doc_id, entity["id"], self.entity_label(entity), entity["name"])

    def place(self, item: dict) -> Place:
        """Where a mention, or an event's trigger, stands."""
        span = item.get("trigger", item)
        return Place(self.doc_id, item["id"], item.get("label") or item["type"], span["text"], span["start"], span["end"])

    @cached_property
    def words(self) -> list[re.Match]:
        """The text's words, in order: computed once for the checks that compare texts."""
        return list(WORD.finditer(self.text))

    @cached_property
    def _spans(self) -> tuple[list[int], list[int]]:
        ordered = sorted((m["start"], m["end"]) for m in self.ann["mentions"])
        return [s for s, _ in ordered], [e for _, e in ordered]

    def covered(self, start: int, end: int) -> bool:
        """Whether a mention contains [start, end). Mentions are flat, so only the last one starting at or before ``start`` can."""
        starts, ends = self._spans
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and ends[i] >= end


def load_documents(layout: Layout) -> tuple[list[AuditDoc], list[Finding]]:
    """Every gold document that passes validation, and a finding for each that does not."""
    docs, findings = [], []
    for doc_id in layout.gold_ids():
        reason = None
        try:
            ann = read_gold(layout, doc_id)
            text = layout.read_text(doc_id)
        except DiplonewsError as exc:  # missing text, bad JSON, bad UTF-8
            reason = f"cannot be read: [{exc.problems[0].code}] {exc.problems[0].message}"
        else:
            problems = check_annotation(ann, text, str(layout.gold_path(doc_id)), doc_id)
            if problems:
                reason = f"has {len(problems)} validation problem(s), the first [{problems[0].code}] {problems[0].message}"
        if reason:
            findings.append(Finding("document-invalid", doc_id, doc_id, f"left out of the audit: it {reason}; run `diplonews validate`"))
        else:
            docs.append(AuditDoc(doc_id, text, ann))
    return docs, findings
