"""The documents a baseline trains on or predicts for, read from the repository."""
from __future__ import annotations

import datetime as dt

from ..corpus import Layout
from ..gold import gold_status_ids, read_gold
from .features import Doc


def split_docs(layout: Layout, split: str, with_gold: bool) -> list[Doc]:
    """The gold-status documents of ``split``, in doc id order."""
    docs = []
    for doc_id in gold_status_ids(layout):
        meta = layout.read_meta(doc_id)
        if meta.get("split") == split:
            docs.append(Doc(doc_id, layout.read_text(doc_id), dt.date.fromisoformat(meta["published"]),
                            read_gold(layout, doc_id) if with_gold else None))
    return docs
