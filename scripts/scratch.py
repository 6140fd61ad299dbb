"""A scratch folder for a benchmark that is removed however the run ends.

Benchmarks write synthetic corpora of several gigabytes. ``tempfile.TemporaryDirectory``
removes its folder on an exception or Ctrl-C, but a process ended by SIGTERM or SIGHUP
(``kill``, a CI timeout, a closed terminal) runs no ``finally`` at all. While the folder
exists, those signals are turned into ``SystemExit`` so that the clean-up runs; SIGKILL
cannot be caught, which is why the folder's prefix names the benchmark.
"""
from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _exit(signum: int, frame) -> None:
    sys.exit(128 + signum)


@contextmanager
def scratch_folder(prefix: str, dir: Path | None = None) -> Iterator[Path]:
    """A fresh folder under ``dir`` (default: the system's temporary folder), removed on leaving."""
    previous = {s: signal.signal(s, _exit) for s in SIGNALS}
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=dir))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for s, handler in previous.items():
            signal.signal(s, handler)
