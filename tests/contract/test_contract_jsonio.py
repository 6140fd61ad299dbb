"""Deterministic JSON and writes that never leave a partial file."""
from __future__ import annotations

import pytest

from diplonews import jsonio


def test_dumps_is_canonical():
    assert jsonio.dumps({"b": 1, "a": ["é", 2]}) == '{\n  "a": [\n    "é",\n    2\n  ],\n  "b": 1\n}\n'


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        jsonio.write_atomic(path, 12345)  # not text or bytes: fails mid-write
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


def test_written_files_get_the_usual_mode(tmp_path):
    import os

    path = tmp_path / "y.json"
    jsonio.write_json(path, {"a": 1})
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~_current_umask()


def _current_umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
