"""One colour per mention label and event type, shared by every screen that draws them.

The colours are displaCy's entity colours, handed out in ontology order (mention labels,
then event types), so the brat export and the viewer colour a label alike and no label
list is typed here.
"""
from __future__ import annotations

from .ontology import Ontology

PALETTE = ("#aa9cfc", "#c887fb", "#e4e7d2", "#7aecec", "#feca74", "#ff9561", "#ff8197", "#bfe1d9",
           "#ffeb80", "#9cc9cc", "#bfeeb7", "#f0d0ff", "#ddd", "#e4e7d2")


def colours(ontology: Ontology) -> dict[str, str]:
    """Mention label or event type -> its colour."""
    kinds = [*ontology.mention_labels, *ontology.event_types]
    return {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}
