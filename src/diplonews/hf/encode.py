"""Label names to ClassLabel ids, compiled once per config from its features.

``Features.encode_example`` does the same walk for every row; compiling the walk once
makes encoding several times faster, which matters at 100k documents.
"""
from __future__ import annotations

from typing import Callable

from datasets import ClassLabel, Features, List

Encoder = Callable[[object], object] | None  # None: the value passes unchanged


def compile_encoder(feature) -> Encoder:
    """A function mapping a value of ``feature`` (label names) to its stored form (label ids)."""
    if isinstance(feature, ClassLabel):
        ids = {name: i for i, name in enumerate(feature.names)}
        return lambda value: None if value is None else ids[value]
    if isinstance(feature, List):
        inner = compile_encoder(feature.feature)
        return None if inner is None else (lambda values: [inner(v) for v in values])
    if isinstance(feature, dict):
        fields = {key: compile_encoder(sub) for key, sub in feature.items()}
        if all(enc is None for enc in fields.values()):
            return None
        return lambda value: None if value is None else {key: (enc(value[key]) if enc else value[key]) for key, enc in fields.items()}
    return None


def row_encoder(features: Features) -> Callable[[dict], dict]:
    encode = compile_encoder(dict(features))
    return encode or (lambda row: row)
