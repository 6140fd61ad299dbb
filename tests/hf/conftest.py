"""Fixtures of the dataset tests; the fixture data and helpers are in hf_fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest
from hf_fixtures import write_repo


@pytest.fixture
def repo(tmp_path) -> Path:
    return write_repo(tmp_path / "repo")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture repository and its build (built once per test module)."""
    from diplonews.hf.builder import build

    root = write_repo(tmp_path_factory.mktemp("built") / "repo")
    result = build(root, root / "dist" / "diplonews")
    return root, result
