"""Validation findings: a stable rule code, where it is, and what is wrong.

Rule codes are part of the public contract (users grep for them, tests assert them):
never rename one; add new ones. Schema violations get ``schema.<keyword>`` codes.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

RULES: dict[str, str] = {
    "json-invalid": "The file is not valid JSON.",
    "text-encoding": "The corpus text is not valid UTF-8.",
    "text-not-nfc": "The corpus text is not in Unicode NFC.",
    "text-line-endings": "The corpus text contains a carriage return; only LF line ends are allowed.",
    "text-missing": "An annotation file has no corpus text.",
    "text-sha256-mismatch": "The text_sha256 recorded in the annotation file differs from the stored text's hash.",
    "doc-id-unsafe": "A file name does not give a safe document id (lowercase letters, digits, inner hyphens).",
    "doc-id-mismatch": "The doc_id (or metadata id) in a file differs from its file name.",
    "file-unexpected": "A file in corpus/ or annotations/gold/ is not one the layout defines.",
    "meta-missing": "A corpus text has no metadata file.",
    "meta-date": "The published date is not a real calendar date.",
    "meta-sources": "A real-world text written for the corpus lists no sources its facts were checked against, or a fictional text lists some.",
    "meta-regions": "A text written for the corpus names no region (an ingested article may wait for its reading).",
    "story-split": "Documents of one story are stored in different splits.",
    "id-duplicate": "An annotation id is used twice in one document.",
    "span-out-of-range": "A span's offsets are not 0 <= start < end <= len(text).",
    "span-text-mismatch": "A span's text differs from text[start:end].",
    "span-untrimmed": "A span starts or ends with white space.",
    "span-duplicate": "Two items of one layer have the same span.",
    "span-overlap": "Two items of one layer overlap; layers are flat.",
    "ref-unresolved": "A reference names no mention of the document.",
    "relation-argument-label": "A relation's head or tail has a label the relation type does not allow.",
    "relation-self": "A relation links a mention to itself.",
    "relation-duplicate": "The same relation (type, head, tail) is annotated twice.",
    "event-argument-label": "An event argument's mention has a label the role does not allow.",
    "event-argument-duplicate": "The same argument (role, mention) is given twice in one event.",
    "date-value": "A DATE value is not a well-formed TIMEX3 value of its timex_type.",
    "entity-mixed-labels": "An entity groups mentions of different labels.",
    "entity-label-not-coreferent": "An entity groups mentions of a label that is not grouped (ROLE, DATE).",
    "entity-mention-shared": "A mention belongs to more than one entity.",
    "entity-mention-missing": "A mention of a grouped label belongs to no entity.",
}
NOTICES: dict[str, str] = {
    "unannotated": "A corpus text has no gold annotation yet (awaiting annotation); not an error.",
}


@dataclass(frozen=True)
class Problem:
    """One finding. ``path`` is a JSON path into ``file`` (``$.mentions[3].text``) or None for whole files."""

    rule: str
    message: str
    file: str
    doc_id: str | None = None
    annotation_id: str | None = None
    path: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    def render(self) -> str:
        where = ":".join(x for x in (self.file, self.doc_id, self.annotation_id, self.path) if x)
        return f"{where}: [{self.rule}] {self.message}"
