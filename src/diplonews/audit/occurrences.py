"""Unlabelled occurrences of names labelled somewhere in the corpus.

Which strings are searched: the text of every name mention (see :mod:`.names`), unless it
is shorter than ``MIN_LENGTH`` characters or has no capital letter (all-lowercase strings
are common words far more often than names). An occurrence is a whole-word match: no word
character (Unicode ``\\w``) just before or after it; matching is case-sensitive and exact.
It is covered when a mention of any label contains it ("Duma" inside "State Duma").

All strings are searched at once with one regex compiled from a trie of them, so the
search costs about one pass over each text however many names the corpus holds.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from ..ontology import Ontology
from .documents import AuditDoc
from .findings import Finding, Place
from .names import is_name

MIN_LENGTH = 2  # keeps "UN", "EU", "US"; drops single letters
MAX_EXAMPLES = 5  # labelled places listed for a cross-document finding


def searchable(surface: str) -> bool:
    """Whether a labelled string is searched for elsewhere (see the module doc)."""
    return len(surface) >= MIN_LENGTH and any(ch.isupper() for ch in surface)


def trie_regex(strings) -> re.Pattern:
    """One pattern matching any of ``strings`` as a whole word, preferring the longest at each position.

    A trie keeps the alternation from retrying shared prefixes: at each text position the
    engine follows one branch per character instead of trying every string in turn.
    """
    trie: dict = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here
    return re.compile(rf"(?<!\w)(?:{_trie_pattern(trie)})(?!\w)")


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: longer strings first, then stop here


def _labelled(docs: list[AuditDoc], ontology: Ontology) -> dict[str, dict[str, list[Place]]]:
    """surface -> doc_id -> places of the name mentions with that exact text."""
    table: dict[str, dict[str, list[Place]]] = defaultdict(lambda: defaultdict(list))
    for doc in docs:
        for m in doc.ann["mentions"]:
            if is_name(m, ontology) and searchable(m["text"]):
                table[m["text"]][doc.doc_id].append(doc.place(m))
    return table


def _uncovered(doc: AuditDoc, pattern: re.Pattern) -> dict[str, list[Place]]:
    """surface -> unlabelled places of it in ``doc``, in text order."""
    found: dict[str, list[Place]] = defaultdict(list)
    for match in pattern.finditer(doc.text):
        if not doc.covered(match.start(), match.end()):
            found[match.group()].append(Place(doc.doc_id, text=match.group(), start=match.start(), end=match.end()))
    return found


def _labels(places: list[Place]) -> str:
    return "/".join(sorted({p.label for p in places}))


def check_unlabelled(docs: list[AuditDoc], ontology: Ontology) -> Iterator[Finding]:
    """unlabelled-in-doc and unlabelled-cross-doc: one finding per document and string."""
    labelled = _labelled(docs, ontology)
    if not labelled:
        return
    pattern = trie_regex(labelled)
    for doc in docs:
        for surface, gaps in sorted(_uncovered(doc, pattern).items()):
            offsets = ", ".join(str(p.start) for p in gaps)
            here = labelled[surface].get(doc.doc_id)
            if here:
                message = (f"{surface!r} occurs unlabelled {len(gaps)}× (at {offsets}) though it is labelled {_labels(here)} "
                           f"in this document ({', '.join(p.annotation_id for p in here)}): label it, or waive if it names something else")
                yield Finding("unlabelled-in-doc", doc.doc_id, surface, message, surface=surface, places=tuple(gaps))
                continue
            elsewhere = [p for places in labelled[surface].values() for p in places]
            examples = tuple(elsewhere[:MAX_EXAMPLES])
            message = (f"{surface!r} occurs unlabelled {len(gaps)}× (at {offsets}) though it is labelled {_labels(elsewhere)} "
                       f"in {len(labelled[surface])} other document(s): label it, or waive if it names something else here")
            yield Finding("unlabelled-cross-doc", doc.doc_id, surface, message, surface=surface, places=tuple(gaps) + examples)
