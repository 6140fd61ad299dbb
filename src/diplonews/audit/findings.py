"""Audit findings: a stable code, where it is, what to look at, and what to do.

Codes are part of the public contract (waivers name them, tests assert them): never
rename one; add new ones. A finding's identity for waivers is ``(code, doc_id, key)``;
``doc_id`` is None for corpus-wide findings, which compare documents with each other.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

CODES: dict[str, str] = {
    "label-conflict": "One surface string carries different mention labels in the corpus (metonymic mentions left out).",
    "unlabelled-in-doc": "A name labelled in this document also occurs in it unlabelled.",
    "unlabelled-cross-doc": "A name labelled in other documents occurs in this one unlabelled.",
    "entity-mention-mismatch": "A name mention shares no word with its entity's canonical name or its other name mentions.",
    "entity-name-labels": "One canonical name is used for entities of different labels.",
    "kb-id-names": "One kb_id is used for entities with different canonical names.",
    "official-without-role": "An OFFICIAL has no HOLDS_ROLE or AFFILIATED_WITH relation though a ROLE mention stands next to it.",
    "treaty-action-no-treaty": "A TREATY_ACTION event has no treaty argument.",
    "event-no-arguments": "An event has no arguments at all.",
    "date-unresolvable": "A time expression's value is 'unresolvable'.",
    "role-unlinked": "A ROLE mention is in no relation and is no event's argument.",
    "relation-pattern-rare": "A relation pattern (type, head label, tail label) occurs once in the corpus.",
    "argument-pattern-rare": "An event argument pattern (event type, role, argument label) occurs once in the corpus.",
    "phrase-common": "A run of 8 ordinary (lower-case) words appears in more than 2% of the documents (and in at least 3).",
    "passage-shared": "Two documents share a run of 12 words.",
    "document-invalid": "A gold document fails validation and is left out of the audit.",
    "waiver-stale": "A waiver matches no finding.",
}

UNWAIVABLE = frozenset({"document-invalid", "waiver-stale"})  # fixed, never waived: they are about the audit itself


@dataclass(frozen=True)
class Place:
    """One place a finding points at: an annotation, or an unlabelled span of text."""

    doc_id: str
    annotation_id: str | None = None
    label: str | None = None  # the mention label, event type or entity label
    text: str | None = None  # the span's text, or an entity's canonical name
    start: int | None = None
    end: int | None = None

    def render(self) -> str:
        where = ":".join(x for x in (self.doc_id, self.annotation_id) if x)
        span = f" [{self.start}, {self.end})" if self.start is not None else ""
        return f"{where}{span} " + " ".join(x for x in (self.label, repr(self.text) if self.text else None) if x)


@dataclass(frozen=True)
class Finding:
    """One audit finding. ``key`` is what a waiver names, stable while the finding stands."""

    code: str
    doc_id: str | None
    key: str
    message: str
    annotation_id: str | None = None
    surface: str | None = None
    places: tuple[Place, ...] = ()

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown audit code {self.code!r}")

    @property
    def identity(self) -> tuple[str, str | None, str]:
        return self.code, self.doc_id, self.key

    def sort_key(self) -> tuple:
        return (self.doc_id is not None, self.doc_id or "", self.code, self.key)

    def as_dict(self) -> dict:
        return {**asdict(self), "places": [asdict(p) for p in self.places]}

    def render(self) -> str:
        where = ":".join(x for x in (self.doc_id or "(corpus)", self.annotation_id) if x)
        lines = [f"{where}: [{self.code}] {self.message} (key: {self.key!r})"]
        lines += [f"    at {place.render()}" for place in self.places]
        return "\n".join(lines)


def variant_key(identity: str, variants) -> str:
    """The key of a finding about one thing seen in several variants, e.g. ``Tehran: COUNTRY | LOCATION``.

    The variants are part of the key so that a waiver goes stale, and the finding comes
    back, when a new variant appears that nobody has looked at yet.
    """
    return f"{identity}: {' | '.join(variants)}"
