"""Two builds of the same repository are byte-identical."""
from hf_fixtures import tree_hashes

from diplonews.hf.builder import build


def test_double_build_is_byte_identical(repo, tmp_path):
    build(repo, tmp_path / "one")
    build(repo, tmp_path / "two")
    one, two = tree_hashes(tmp_path / "one"), tree_hashes(tmp_path / "two")
    assert one == two
    assert "data/documents/train-00000-of-00001.parquet" in one and "images/stage_status.png" in one


def test_rebuild_in_place_gives_the_same_bytes(repo, tmp_path):
    build(repo, tmp_path / "out")
    first = tree_hashes(tmp_path / "out")
    build(repo, tmp_path / "out")
    assert tree_hashes(tmp_path / "out") == first
