"""Errors of ingestion: each names the input and the reason."""
from __future__ import annotations


class IngestError(ValueError):
    """An input that cannot become a corpus document (unreadable, no text, duplicate, bad metadata)."""
