"""Audit findings: a stable code, where it is, what to look at, and what to do.

Codes are part of the public contract (waivers name them, tests assert them): never
rename one; add new ones to the ``audit`` area of :data:`diplonews.problems.CODES`. A finding's identity for waivers is ``(code, doc_id, key)``;
``doc_id`` is None for corpus-wide findings, which compare documents with each other.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from ..problems import codes_in

CODES = codes_in("audit")

UNWAIVABLE = frozenset({"document-invalid", "waiver-stale", "waiver-invalid"})  # fixed, never waived: they are about the audit itself


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
