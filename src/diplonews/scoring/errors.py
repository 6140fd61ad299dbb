"""One scoring error: what the reference had, what the system predicted, and in which layer."""
from __future__ import annotations

from dataclasses import asdict, dataclass

MISSED, SPURIOUS, MISLABELLED, BOUNDARY, WRONG_VALUE = "missed", "spurious", "mislabelled", "boundary", "wrong-value"


@dataclass(frozen=True)
class ScoringError:
    """``reference`` / ``predicted`` are readable renderings (None for the side that has nothing)."""

    doc_id: str
    layer: str
    kind: str
    reference: str | None
    predicted: str | None

    def as_dict(self) -> dict:
        return asdict(self)

    def render(self) -> str:
        sides = " -> ".join(x if x is not None else "(none)" for x in (self.reference, self.predicted))
        return f"{self.layer} {self.kind}: {sides}"
