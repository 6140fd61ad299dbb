"""The text rules every ingested document obeys, so offsets mean the same everywhere.

In this order:

1. line ends: CRLF, CR, U+2028 and U+2029 become LF;
2. Unicode NFC;
3. tabs, no-break and other Unicode space separators become a plain space; other
   control characters (C0/C1 except LF) and U+FEFF are removed; zero-width joiners and
   variation selectors stay (emoji sequences need them);
4. within a line, runs of spaces become one space, and lines are stripped;
5. more than one blank line in a row becomes one blank line;
6. blank lines at the start and end are dropped; the text has no final line break.
"""
from __future__ import annotations

import re
import unicodedata

LINE_ENDS = re.compile(r"\r\n|\r|\u2028|\u2029")
BLANK_RUNS = re.compile(r"\n{3,}")
SPACES = re.compile(r" {2,}")


def _clean_char(ch: str) -> str:
    if ch == "\n":
        return ch
    if ch == "\t" or unicodedata.category(ch) == "Zs":
        return " "
    if unicodedata.category(ch) == "Cc" or ch == "\ufeff":
        return ""
    return ch


def normalize_text(raw: str) -> str:
    """``raw`` under the rules of this module (idempotent: normalising twice changes nothing)."""
    text = unicodedata.normalize("NFC", LINE_ENDS.sub("\n", raw))
    text = "".join(_clean_char(ch) for ch in text)
    text = "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return BLANK_RUNS.sub("\n\n", text).strip("\n")
