"""A progress bar on stderr for long library loops (the library takes it as a plain callable)."""
from __future__ import annotations

import sys
from typing import Iterable, Iterator

import click


def progress_bar(label: str):
    """A ``progress(items, total)`` callable that shows ``label`` and a bar on stderr while items are consumed."""

    def progress(items: Iterable, total: int) -> Iterator:
        with click.progressbar(items, length=total, label=label, file=sys.stderr) as bar:
            yield from bar

    return progress
