"""What counts as a name, and when two names agree: shared by the label and entity checks.

Names are mentions of the grouped (coreferent) labels, the ones that name things; for a
label with a ``mention_type`` attribute, only its NAM mentions. Metonymic mentions
("Tehran" for Iran) name something other than what they stand for, so the checks that
compare a string with its label or entity leave them out.
"""
from __future__ import annotations

import os
import re
from functools import cache
from itertools import product

from ..ontology import Ontology

MENTION_TYPE, NAME_TYPE = "mention_type", "NAM"
METONYMIC = "metonymic"
WORD = re.compile(r"\w+")
MIN_PREFIX = 4  # "Iran" ~ "Iranian", "Russia" ~ "Russian", "China" ~ "Chinese"
MIN_LOWER_WORD = 5  # lowercase words this long carry a name ("headquarters"); shorter ones ("of", "the", "and") do not
MAX_ACRONYM = 10  # longest run of words an acronym is looked for in


def is_name(mention: dict, ontology: Ontology) -> bool:
    """Whether a mention is a name of a thing (see the module doc)."""
    spec = ontology.mention_labels[mention["label"]]
    if not spec.coreferent:
        return False
    return MENTION_TYPE not in spec.attributes or mention["attributes"].get(MENTION_TYPE) == NAME_TYPE


def is_metonymic(mention: dict) -> bool:
    return mention["attributes"].get(METONYMIC) is True


def name_words(text: str) -> list[str]:
    """The words that carry a name, case-folded: those with a capital letter or digit, and long lowercase
    words ("headquarters"); short lowercase ones ("of", "the", "al-") are left out."""
    return [w.casefold() for w in WORD.findall(text) if not w.islower() or len(w) >= MIN_LOWER_WORD]


@cache
def _acronyms(text: str) -> frozenset[str]:
    """Acronyms a name may go by: the initials of any run of its words, capitalised words required and
    lowercase ones optional ("UNCLOS" and "UN" in "United Nations Convention on the Law of the Sea")."""
    words = WORD.findall(text)
    found = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + MAX_ACRONYM) + 1):
            options = [("", w[0].upper()) if w.islower() else (w[0].upper(),) for w in words[i:j]]
            found.update("".join(letters) for letters in product(*options))
    return frozenset(a for a in found if len(a) > 1)


def _acronym_candidates(text: str) -> set[str]:
    """What in a mention may be an acronym: all of it when in capitals ("U.S." -> "US"), and each word in capitals ("UN")."""
    words = WORD.findall(text)
    whole = "".join(words)
    return {w for w in [whole, *words] if len(w) > 1 and w.isupper()}


def _words_agree(a: str, b: str) -> bool:
    """Equal, or sharing a prefix long enough to be the same stem ("Iran" and "Iranian")."""
    return a == b or len(os.path.commonprefix([a, b])) >= MIN_PREFIX


def names_agree(a: str, b: str) -> bool:
    """Whether two names plausibly name the same thing: a shared word or stem, or an acronym of a run of the other's words."""
    if any(_words_agree(x, y) for x in name_words(a) for y in name_words(b)):
        return True
    return bool(_acronym_candidates(a) & _acronyms(b) or _acronym_candidates(b) & _acronyms(a))
