"""Deterministic JSON on disk, and writes that never leave a half-written file.

Everything the project keeps in git goes through :func:`dumps`, so that a diff
shows only what changed; every write goes through :func:`write_atomic`.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def dumps(obj) -> str:
    """Canonical JSON text: sorted keys, two-space indent, UTF-8 as is, one final newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_json(path: Path, obj) -> None:
    write_atomic(path, dumps(obj))
