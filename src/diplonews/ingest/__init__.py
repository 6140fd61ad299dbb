"""Bringing new raw articles into ``corpus/``: read, normalise, name, refuse duplicates, write.

``readers`` turns ``.txt``, ``.html`` and ``.jsonl`` inputs into raw records; ``normalize``
applies the text rules; ``metadata`` fills the fields an input cannot give; ``ingest``
plans and writes. Ingested documents have no gold: the validator lists them as awaiting
annotation.
"""
