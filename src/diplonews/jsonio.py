"""The boundary where files are read and written: deterministic JSON, atomic writes, and
every failure of the file system or of a file's bytes turned into a problem naming the path.

Everything the project keeps in git goes through :func:`dumps`, so that a diff shows only
what changed; every write goes through :func:`write_atomic`, so none leaves a half-written
file. Readers raise :class:`~diplonews.problems.DiplonewsError` (``io-read``,
``io-encoding``, ``json-invalid``, ``io-nesting``) instead of OSError, UnicodeDecodeError,
JSONDecodeError or RecursionError, so no caller shows a traceback for a bad file.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

from .problems import DiplonewsError


def dumps(obj) -> str:
    """Canonical JSON text: sorted keys, two-space indent, UTF-8 as is, one final newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def dumps_line(obj) -> str:
    """One JSON Lines line: sorted keys, no indent, UTF-8 as is, one final newline."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n"


def _reason(exc: OSError) -> str:
    """What the system said ("Permission denied"), without the traceback; for a file standing
    where a folder of the path must be, which folder (the system only says "File exists")."""
    if isinstance(exc, FileExistsError):
        return f"{exc.filename} is a file, not a folder"
    if isinstance(exc, NotADirectoryError):
        return "a folder on its path is a file"
    return exc.strerror or str(exc)


def read_bytes(path: Path, file: str | None = None) -> bytes:
    """The bytes of ``path``; ``file`` is how problems name it (default: the path)."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise DiplonewsError.of("io-read", f"cannot be read: {_reason(exc)}", file=file or str(path)) from None


def read_text(path: Path, file: str | None = None) -> str:
    """The file as UTF-8 text, decoded strictly (a byte-order mark is kept: it is a character of the text)."""
    try:
        return read_bytes(path, file).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DiplonewsError.of("io-encoding", f"not UTF-8 text: {exc}", file=file or str(path)) from None


def loads(text: str, file: str):
    """Parsed JSON, or a problem naming ``file`` (and the line, for a syntax error)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DiplonewsError.of("json-invalid", str(exc), file=file, line=exc.lineno) from None
    except RecursionError:
        raise DiplonewsError.of("io-nesting", "the JSON nests too deeply to be read", file=file) from None


def read_json(path: Path, file: str | None = None):
    return loads(read_text(path, file), file or str(path))


def write_error(path: Path, exc: OSError) -> DiplonewsError:
    """An ``io-write`` problem for ``path``: what any writer of outputs raises instead of an OSError."""
    return DiplonewsError.of("io-write", f"cannot be written: {_reason(exc)}", file=str(path))


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; give the usual mode
        os.replace(tmp, path)
    except BaseException as exc:
        os.unlink(tmp)
        if isinstance(exc, OSError):
            raise write_error(path, exc) from None
        raise


def check_writable(path: Path) -> None:
    """Refuse, before a long job, an output that could not be written at its end."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".probe")
    except OSError as exc:
        raise write_error(path, exc) from None
    os.close(fd)
    os.unlink(tmp)


T = TypeVar("T")


def write_folder(out: Path, fill: Callable[[Path], T], marker: str, listed: Callable[[Path], set[str] | None],
                 what: str, code: str) -> T:
    """Run ``fill(work)`` on a fresh folder beside ``out``, then put it in place of ``out``, all or nothing.

    ``out`` is replaced only when it is absent, empty, or proved an earlier output of the
    same kind (``what``): its ``marker`` file lists every file the folder holds
    (``listed(marker path)`` gives that list, None when the marker is not of the right
    shape). Anything else is refused with the problem ``code``, so a user's folder is never
    deleted because it happens to hold a file of the right name. When ``fill`` raises,
    ``out`` is left exactly as it was and nothing of the new folder remains.
    """
    out = Path(out)
    reason = "it is not a folder" if out.exists() and not out.is_dir() else \
        _foreign(out, marker, listed) if out.is_dir() and any(out.iterdir()) else None
    if reason:
        raise DiplonewsError.of(code, f"exists and is not {what} ({reason}); refusing to replace it", file=str(out))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.staging-"))
    except OSError as exc:
        raise write_error(out, exc) from None
    try:
        result = fill(work)
        _swap(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return result


def folder_files(folder: Path) -> list[str]:
    """Every file under ``folder``, as sorted POSIX paths relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if p.is_file())


def listed_files(manifest: Path) -> set[str] | None:
    """The ``files`` a JSON manifest lists (exports, views), for :func:`write_folder`; None when it lists none."""
    files = read_json(manifest)
    files = files.get("files") if isinstance(files, dict) else None
    return set(files) if isinstance(files, list) and all(isinstance(f, str) for f in files) else None


def _foreign(folder: Path, marker: str, listed: Callable[[Path], set[str] | None]) -> str | None:
    """Why ``folder`` is not an earlier output whose ``marker`` lists its files; None when it is one."""
    if not (folder / marker).is_file():
        return f"no {marker}"
    try:
        files = listed(folder / marker)
    except DiplonewsError:
        files = None
    if files is None:
        return f"its {marker} does not list the files of an output"
    unlisted = [f for f in folder_files(folder) if f not in files | {marker}]
    if not unlisted:
        return None
    more = f" and {len(unlisted) - 3} more" if len(unlisted) > 3 else ""
    return f"it holds files its {marker} does not list: {', '.join(unlisted[:3])}{more}"


def _swap(new: Path, out: Path) -> None:
    """Put ``new`` in place of ``out``: the old folder moves aside first and is removed last."""
    old = None
    try:
        if out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.previous-"))
            os.replace(out, old / "previous")
        os.replace(new, out)
    except OSError as exc:
        raise write_error(out, exc) from None
    if old:
        shutil.rmtree(old)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_json(path: Path, obj) -> None:
    write_atomic(path, dumps(obj))


def write_jsonl(path: Path, records: list[dict]) -> None:
    """One record a line, keys sorted, written atomically: the same records always give the same bytes."""
    write_atomic(path, "".join(map(dumps_line, records)))
