"""What counts as a name, and when two names agree: shared by the label and entity checks.

Names are mentions of the grouped (coreferent) labels, the ones that name things; for a
label with a ``mention_type`` attribute, only its NAM mentions. Metonymic mentions
("Tehran" for Iran) name something other than what they stand for, so the checks that
compare a string with its label or entity leave them out.
"""
from __future__ import annotations

import os
import re

from ..ontology import Ontology

MENTION_TYPE, NAME_TYPE = "mention_type", "NAM"
METONYMIC = "metonymic"
WORD = re.compile(r"\w+")
MIN_PREFIX = 4  # "Iran" ~ "Iranian", "Russia" ~ "Russian", "China" ~ "Chinese"


def is_name(mention: dict, ontology: Ontology) -> bool:
    """Whether a mention is a name of a thing (see the module doc)."""
    spec = ontology.mention_labels[mention["label"]]
    if not spec.coreferent:
        return False
    return MENTION_TYPE not in spec.attributes or mention["attributes"].get(MENTION_TYPE) == NAME_TYPE


def is_metonymic(mention: dict) -> bool:
    return mention["attributes"].get(METONYMIC) is True


def name_words(text: str) -> list[str]:
    """The words of a name that carry it: those with a capital letter or digit ("of", "the", "al-" do not), case-folded."""
    return [w.casefold() for w in WORD.findall(text) if not w.islower()]


def _initials(text: str) -> set[str]:
    """Acronyms a name may go by: initials of all its words, and of its capitalised words ("JCPOA", "UN")."""
    words = WORD.findall(text)
    return {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}


def _acronym(text: str) -> str | None:
    """The letters of an all-capitals mention ("U.S." -> "US"), or None for any other mention."""
    letters = "".join(WORD.findall(text))
    return letters if len(letters) > 1 and letters.isupper() else None


def _words_agree(a: str, b: str) -> bool:
    """Equal, or sharing a prefix long enough to be the same stem ("Iran" and "Iranian")."""
    return a == b or len(os.path.commonprefix([a, b])) >= MIN_PREFIX


def names_agree(a: str, b: str) -> bool:
    """Whether two names plausibly name the same thing: a shared word or stem, or one is the other's acronym."""
    if any(_words_agree(x, y) for x in name_words(a) for y in name_words(b)):
        return True
    return _acronym(a) in _initials(b) or _acronym(b) in _initials(a)
