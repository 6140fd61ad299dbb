"""The ner tokenisation and IOB2 tags, on exact examples."""
import pytest

from diplonews.tokens import Span, spans_from_tags, tag, tokenize, word_count
from diplonews.problems import DiplonewsError


def test_tokens_are_letter_digit_runs_and_single_other_characters():
    text = "Iran’s U.S. talks, 2025-04-10 (snake_case) Ş"
    tokens = tokenize(text)
    assert tokens.texts == ["Iran", "’", "s", "U", ".", "S", ".", "talks", ",", "2025", "-", "04", "-", "10", "(", "snake", "_", "case", ")", "Ş"]
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends)] == tokens.texts
    assert word_count(tokens) == 11


def test_tags_and_back():
    text = "Kazem Jalali met Grushko in Moscow"
    tokens = tokenize(text)
    spans = [Span(0, 12, "OFFICIAL", "m1"), Span(17, 24, "OFFICIAL", "m2"), Span(28, 34, "LOCATION", "m3")]
    tags = tag(tokens, spans, "doc", text)
    assert tags == ["B-OFFICIAL", "I-OFFICIAL", "O", "B-OFFICIAL", "O", "B-LOCATION"]
    assert spans_from_tags(tokens, tags) == {(0, 12, "OFFICIAL"), (17, 24, "OFFICIAL"), (28, 34, "LOCATION")}


def test_adjacent_spans_of_one_label_stay_apart():
    text = "Iran Russia"
    tokens = tokenize(text)
    tags = tag(tokens, [Span(0, 4, "COUNTRY", "a"), Span(5, 11, "COUNTRY", "b")], "doc", text)
    assert tags == ["B-COUNTRY", "B-COUNTRY"]
    assert spans_from_tags(tokens, tags) == {(0, 4, "COUNTRY"), (5, 11, "COUNTRY")}


@pytest.mark.parametrize("start,end", [(0, 4), (1, 7), (2, 5)])
def test_span_inside_a_token_is_refused_with_its_name(start, end):
    text = "Iranian envoy"
    with pytest.raises(DiplonewsError) as info:
        tag(tokenize(text), [Span(start, end, "COUNTRY", "iran1")], "doc-a", text)
    assert str(info.value) == f"doc-a:iran1: [token-boundary] [{start}, {end}) {text[start:end]!r} does not fall on token boundaries"
