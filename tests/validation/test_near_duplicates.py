"""The one near-duplicate index: exact copies, near copies at each named threshold, pairs across splits."""
from __future__ import annotations

from diplonews.validation.near_duplicates import INGEST, SPLIT_LEAK, DuplicateIndex

ACCORD = ("Amaru and Tawantia signed the Andes Water Accord on Monday in Lima, ending four years of talks "
          "over the glacier rivers that feed both countries. The foreign ministers of both states initialled "
          "every page, and the treaty now goes to the two parliaments for ratification before the dry season.")
# the same article with the end of its last sentence rewritten: 0.72 of the 5-grams shared
EDITED = ACCORD.replace("and the treaty now goes to the two parliaments for ratification before the dry season.",
                        "and the treaty now goes to both legislatures before the rains.")
OTHER = "The Karvossa Senate rejected the border pact last month after a long debate on fishing rights in the bay."


def index(texts: dict[str, tuple[str, str | None]]) -> DuplicateIndex:
    found = DuplicateIndex(lambda doc_id: texts[doc_id][0])
    for doc_id, (text, group) in texts.items():
        found.add(doc_id, text, group)
    return found


def test_the_same_text_is_an_exact_match():
    match = index({"a": (ACCORD, None), "b": (OTHER, None)}).find(ACCORD)
    assert (match.doc_id, match.exact, match.render()) == ("a", True, "the same text as a")


def test_an_edited_copy_is_a_leak_but_not_an_ingest_duplicate():
    texts = {"a": (ACCORD, "train"), "b": (OTHER, "train")}
    match = index(texts).find(EDITED, SPLIT_LEAK)
    assert (match.doc_id, match.exact, round(match.score, 2)) == ("a", False, 0.72)
    assert match.render() == "a near-duplicate of a (word 5-gram Jaccard 0.72)"
    assert index(texts).find(EDITED, INGEST) is None


def test_pairs_are_reported_across_splits_only():
    texts = {"a": (ACCORD, "train"), "b": (OTHER, "test"), "c": (EDITED, "test"), "d": (ACCORD, "train")}
    assert [(x, y, round(s, 2)) for x, y, s in index(texts).pairs_across_groups(SPLIT_LEAK)] == [("a", "c", 0.72), ("c", "d", 0.72)]
    same_split = {"a": (ACCORD, "train"), "d": (ACCORD, "train"), "b": (OTHER, "test")}
    assert index(same_split).pairs_across_groups(SPLIT_LEAK) == []
