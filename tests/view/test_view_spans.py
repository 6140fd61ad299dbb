"""Overlapping spans become nested elements: crossing spans are cut, equal spans nest by order."""
from __future__ import annotations

from diplonews.view.spans import Span, fragments, render


def test_nested_and_equal_spans_nest_without_cuts():
    text = "The Senate approved it."
    html = render(text, [Span(4, 10, {"id": "a"}), Span(4, 10, {"id": "b"}, 1), Span(11, 19, {"id": "c"})])
    assert html == 'The <span id="a"><span id="b">Senate</span></span> <span id="c">approved</span> it.'


def test_crossing_spans_are_cut_at_each_other_and_only_first_pieces_have_the_id():
    text = "abcdefghij"
    html = render(text, [Span(0, 6, {"id": "x", "class": "m"}), Span(4, 10, {"id": "y", "class": "t"})])
    assert html == ('<span id="x" class="m">abcd</span><span class="m cont"><span id="y" class="t">ef</span></span>'
                    '<span class="t cont">ghij</span>')


def test_cutting_repeats_until_nothing_crosses():
    spans = [Span(0, 10, {"id": "s"}), Span(5, 8, {"id": "t"}), Span(6, 12, {"id": "u"})]
    pieces = sorted((s.attrs["id"], a, b, first) for s, a, b, first in fragments(spans))
    assert pieces == [("s", 0, 6, True), ("s", 6, 10, False), ("t", 5, 6, True), ("t", 6, 8, False),
                      ("u", 6, 8, True), ("u", 8, 10, False), ("u", 10, 12, False)]


def test_text_is_escaped_and_line_breaks_kept():
    assert render("a<b\n&c", [Span(0, 1, {"data-x": 'q"'})]) == '<span data-x="q&quot;">a</span>&lt;b<br>\n&amp;c'
