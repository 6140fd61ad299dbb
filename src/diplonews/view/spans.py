"""Overlapping spans as properly nested HTML elements over a text.

HTML elements nest; annotation spans need not (a trigger inside a mention, two treaty
actions on one word, a system's span crossing a gold one). A span that crosses another
is cut at the other's boundary into fragments until nothing crosses; each fragment is an
element, the first carrying the span's ``id`` and the rest marked as its continuation, so
every item stays one linkable element plus, rarely, continuation pieces.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Span:
    """[start, end) of the text, drawn as an element with ``attrs`` (``id`` on its first fragment only)."""

    start: int
    end: int
    attrs: dict = field(hash=False)
    order: int = 0  # among equal spans, the lower order is the outer element


def _crossing_cuts(span: Span, spans: list[Span]) -> set[int]:
    """Boundaries of other spans that fall strictly inside ``span`` while the other span reaches outside it."""
    cuts = set()
    for other in spans:
        if other.start < span.start < other.end < span.end:
            cuts.add(other.end)
        if span.start < other.start < span.end < other.end:
            cuts.add(other.start)
    return cuts


def fragments(spans: list[Span]) -> list[tuple[Span, int, int, bool]]:
    """(span, start, end, first) pieces that nest: cut every crossing span until none crosses."""
    pieces = [(s, s.start, s.end, True) for s in spans if s.end > s.start]
    while True:
        as_spans = [Span(a, b, {}) for _, a, b, _ in pieces]
        out, changed = [], False
        for span, a, b, first in pieces:
            cuts = sorted(_crossing_cuts(Span(a, b, {}), as_spans))
            if not cuts:
                out.append((span, a, b, first))
                continue
            changed = True
            bounds = [a, *cuts, b]
            out += [(span, x, y, first and i == 0) for i, (x, y) in enumerate(zip(bounds, bounds[1:]))]
        pieces = out
        if not changed:
            return pieces


def _open_tag(span: Span, first: bool) -> str:
    attrs = dict(span.attrs)
    if not first:
        attrs.pop("id", None)
        attrs["class"] = f"{attrs.get('class', '')} cont".strip()
    return "<span" + "".join(f' {k}="{escape(str(v))}"' for k, v in attrs.items()) + ">"


def render(text: str, spans: list[Span]) -> str:
    """``text`` as escaped HTML with each span an element; line breaks become ``<br>``."""
    pieces = sorted(fragments(spans), key=lambda p: (p[1], -p[2], p[0].order))
    html, stack, pos = [], [], 0

    def emit(upto: int) -> None:
        nonlocal pos
        html.append(escape(text[pos:upto]).replace("\n", "<br>\n"))
        pos = upto

    for span, start, end, first in pieces:
        while stack and stack[-1] <= start:
            emit(stack.pop())
            html.append("</span>")
        emit(start)
        html.append(_open_tag(span, first))
        stack.append(end)
    while stack:
        emit(stack.pop())
        html.append("</span>")
    emit(len(text))
    return "".join(html)
