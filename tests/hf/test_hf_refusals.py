"""A build that cannot be right is refused, with reasons, and the previous build survives."""
import json

import pytest
from click.testing import CliRunner
from hf_fixtures import ACCORD, REJECT, VISIT, markup, tree_hashes, write_repo

from diplonews.cli import main
from diplonews.hf.builder import build
from diplonews.problems import DiplonewsError


def _run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args], catch_exceptions=False)


def test_corrupt_corpus_exits_nonzero_with_validator_errors_and_keeps_the_previous_build(repo):
    out = repo / "dist" / "diplonews"
    assert _run(repo, "build").exit_code == 0
    before = tree_hashes(out)
    gold = repo / "annotations" / "gold" / "amaru-accord.json"
    ann = json.loads(gold.read_text(encoding="utf-8"))
    ann["mentions"][0]["end"] += 1  # "Amaru" -> "Amaru " : span text no longer matches
    gold.write_text(json.dumps(ann), encoding="utf-8")
    result = _run(repo, "build")
    assert result.exit_code == 1
    assert "annotations/gold/amaru-accord.json:amaru-accord:amaru1:$.mentions[0].text: [span-text-mismatch]" in result.stderr
    assert "build refused" in result.stderr
    assert tree_hashes(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["diplonews"]  # no temporary folder left behind


def test_span_off_token_boundaries_is_refused_by_validation_and_so_by_the_build(tmp_path):
    from diplonews.validation.validator import validate

    odd = markup("iranian-envoy", "train", "iranian-envoy", "[Iran]{#iran1 COUNTRY @iran}ian envoys met.")
    root = write_repo(tmp_path / "repo", (odd,))
    expected = ("annotations/gold/iranian-envoy.json:iranian-envoy:iran1:$.mentions[0]: [token-boundary] [0, 4) 'Iran' does not start "
                "and end on token boundaries (a token is a run of letters and digits, or one other character)")
    assert [p.render() for p in validate(root).problems] == [expected]
    with pytest.raises(DiplonewsError) as info:
        build(root, tmp_path / "out")
    assert str(info.value) == expected
    assert not (tmp_path / "out").exists()


def test_near_duplicate_text_in_two_splits_is_named(tmp_path):
    twin = ACCORD.replace('"amaru-accord"', '"amaru-accord-copy"').replace('"train"', '"test"').replace('"andes-water-accord"', '"other-story"')
    root = write_repo(tmp_path / "repo", (ACCORD, twin, VISIT, REJECT))
    with pytest.raises(DiplonewsError) as info:
        build(root, tmp_path / "out")
    leak = ("corpus/amaru-accord-copy.meta.json:amaru-accord-copy:$.split: [split-leak] "
            "near-duplicate: amaru-accord (train) and amaru-accord-copy (test): word 5-gram Jaccard 1.00 >= 0.5")
    assert str(info.value) == leak
    result = CliRunner().invoke(main, ["--root", str(root), "validate"])  # the one gate: validate refuses it as well
    assert result.exit_code == 1
    assert leak in result.output


def test_refuses_to_replace_a_folder_that_is_not_a_build(repo, tmp_path):
    other = tmp_path / "precious"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(DiplonewsError) as info:
        build(repo, other)
    assert str(info.value) == f"{other}: [build-out-foreign] exists and is not a diplonews build (no manifest.json); refusing to replace it"
    assert (other / "notes.txt").read_text() == "keep me"


def test_a_manifest_of_the_right_name_does_not_make_a_folder_a_build(repo, tmp_path):
    other = tmp_path / "precious"
    other.mkdir()
    (other / "manifest.json").write_text('{"mine": true}')
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(DiplonewsError) as info:
        build(repo, other)
    assert str(info.value) == (f"{other}: [build-out-foreign] exists and is not a diplonews build "
                               "(its manifest.json does not list the files of an output); refusing to replace it")
    assert sorted(p.name for p in other.iterdir()) == ["manifest.json", "notes.txt"]


def test_an_earlier_build_is_replaced_but_not_once_it_holds_a_file_of_the_user(repo, tmp_path):
    out = tmp_path / "dist"
    build(repo, out)
    build(repo, out)  # an earlier build is replaced
    (out / "data" / "my-notes.txt").write_text("keep me")
    with pytest.raises(DiplonewsError) as info:
        build(repo, out)
    assert str(info.value) == (f"{out}: [build-out-foreign] exists and is not a diplonews build "
                               "(it holds files its manifest.json does not list: data/my-notes.txt); refusing to replace it")
    assert (out / "data" / "my-notes.txt").read_text() == "keep me"
