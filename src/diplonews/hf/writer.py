"""Streaming, sharded Parquet: rows go to disk in small batches, never all held at once.

A :class:`ShardedWriter` writes one split of one config as ``<split>-00000-of-0000N.parquet``.
N is known only at the end, so shards are written under a temporary name and renamed
by :meth:`ShardedWriter.close`. Row order, batch size and shard size are fixed, and
Parquet files carry no timestamps, so the same rows always give the same bytes.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import Features

from .encode import row_encoder

BATCH_ROWS = 256  # rows held in memory per writer before they go to disk (one row group)
SHARD_ROWS = {"documents": 5_000, "ner": 5_000}  # rows per shard file; configs not named use DEFAULT_SHARD_ROWS
DEFAULT_SHARD_ROWS = 200_000


def shard_name(split: str, index: int, count: int) -> str:
    return f"{split}-{index:05d}-of-{count:05d}.parquet"


class ShardedWriter:
    """Rows of one config and split, encoded with its features and written in shards."""

    def __init__(self, folder: Path, config: str, split: str, features: Features):
        self.folder, self.split = Path(folder), split
        self.schema = features.arrow_schema
        self.encode = row_encoder(features)
        self.shard_rows = SHARD_ROWS.get(config, DEFAULT_SHARD_ROWS)
        self.batch: list[dict] = []
        self.parts: list[Path] = []
        self.writer: pq.ParquetWriter | None = None
        self.in_shard = 0
        self.rows = 0

    def add(self, row: dict) -> None:
        self.batch.append(self.encode(row))
        if len(self.batch) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        while self.batch:
            if self.writer is None or self.in_shard >= self.shard_rows:
                self._next_shard()
            take = self.batch[: self.shard_rows - self.in_shard]
            self.batch = self.batch[len(take):]
            self.writer.write_table(pa.Table.from_pylist(take, schema=self.schema))
            self.in_shard += len(take)
            self.rows += len(take)

    def _next_shard(self) -> None:
        if self.writer is not None:
            self.writer.close()
        path = self.folder / f".{self.split}-{len(self.parts):05d}.partial"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.parts.append(path)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.in_shard = 0

    def close(self) -> list[Path]:
        """Finish the last shard and give every shard its final name; a split with no rows writes no file.

        ``datasets`` refuses a split whose files hold no rows, so an empty split is left out.
        """
        self._flush()
        if self.writer is None:
            return []
        self.writer.close()
        final = [self.folder / shard_name(self.split, i, len(self.parts)) for i in range(len(self.parts))]
        for part, path in zip(self.parts, final):
            part.rename(path)
        return final
