"""The ``labels.parquet`` table of a build: every ClassLabel id of every config with its name.

``datasets`` keeps ClassLabel names only in the Parquet schema metadata, which DuckDB
``COPY`` and Polars ``write_parquet`` drop; a plain table of (config, field, id, name)
keeps the names reachable from SQL or a dataframe with one join.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from datasets import ClassLabel, List

from . import features as F

FILE = "labels.parquet"


def _class_labels(feature, path: str) -> Iterator[tuple[str, ClassLabel]]:
    """(dotted field path, ClassLabel) for each ClassLabel inside ``feature``; lists add no step."""
    if isinstance(feature, ClassLabel):
        yield path, feature
    elif isinstance(feature, List):
        yield from _class_labels(feature.feature, path)
    elif isinstance(feature, dict):
        for key, sub in feature.items():
            yield from _class_labels(sub, f"{path}.{key}" if path else key)


def label_rows() -> list[dict]:
    """One row per (config, field, id): the table ``labels.parquet`` holds, in config and field order."""
    return [{"config": config, "field": field, "id": i, "name": name}
            for config in F.CONFIGS
            for field, label in _class_labels(dict(F.features(config)), "")
            for i, name in enumerate(label.names)]


def write_labels(folder: Path) -> Path:
    """Write ``labels.parquet`` into the build ``folder`` (same rows, same bytes, every time)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(folder) / FILE
    schema = pa.schema([("config", pa.string()), ("field", pa.string()), ("id", pa.int32()), ("name", pa.string())])
    pq.write_table(pa.Table.from_pylist(label_rows(), schema=schema), path, compression="zstd")
    return path
