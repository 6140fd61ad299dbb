"""publish refuses absent, stale or altered builds; the upload is one thin call."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplonews.cli import main
from diplonews.hf.builder import build
from diplonews.hf.publish import check_build, upload
from diplonews.problems import DiplonewsError

SRC = str(Path(__file__).resolve().parents[2] / "src")
FILES = [
    "README.md",
    "data/documents/test-00000-of-00001.parquet",
    "data/documents/train-00000-of-00001.parquet",
    "data/documents/validation-00000-of-00001.parquet",
    "data/events/test-00000-of-00001.parquet",
    "data/events/train-00000-of-00001.parquet",
    "data/events/validation-00000-of-00001.parquet",
    "data/ner/test-00000-of-00001.parquet",
    "data/ner/train-00000-of-00001.parquet",
    "data/ner/validation-00000-of-00001.parquet",
    "data/relations/test-00000-of-00001.parquet",
    "data/relations/train-00000-of-00001.parquet",
    "data/relations/validation-00000-of-00001.parquet",
    "data/sentences/test-00000-of-00001.parquet",
    "data/sentences/train-00000-of-00001.parquet",
    "data/sentences/validation-00000-of-00001.parquet",
    "data/treaty_stages/test-00000-of-00001.parquet",
    "data/treaty_stages/train-00000-of-00001.parquet",
    "images/label_distribution.png",
    "images/stage_status.png",
    "inputs.sha256",
    "labels.parquet",
    "stats.json",
    "manifest.json",
]


class RecordingApi:
    """Stands in for huggingface_hub.HfApi: records each call and its arguments."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        def call(**kwargs):
            self.calls.append((name, kwargs))
            return f"{name}-result"

        return call


def test_current_build_lists_its_files(repo):
    build(repo, repo / "dist" / "diplonews")
    assert check_build(repo, repo / "dist" / "diplonews") == FILES


def test_absent_build_is_refused(repo):
    with pytest.raises(DiplonewsError, match=r"\[publish-no-build\] no build at .* run `diplonews build` first"):
        check_build(repo, repo / "dist" / "diplonews")


def test_stale_build_names_the_changed_inputs(repo):
    out = repo / "dist" / "diplonews"
    build(repo, out)
    meta = repo / "corpus" / "quispe-visit.meta.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace("A test document", "Retitled"), encoding="utf-8")
    (repo / "results").mkdir()
    (repo / "results" / "leaderboard.json").write_text("{}")
    with pytest.raises(DiplonewsError, match=r"\[publish-stale\] .* stale: .*\(corpus/quispe-visit.meta.json, results/leaderboard.json\)"):
        check_build(repo, out)


def test_altered_build_is_refused(repo):
    out = repo / "dist" / "diplonews"
    build(repo, out)
    (out / "README.md").write_text("edited by hand")
    with pytest.raises(DiplonewsError, match=r"README.md: \[publish-altered\] .* altered after it was built \(README.md\)"):
        check_build(repo, out)


def test_dry_run_lists_files_and_uploads_nothing(repo):
    build(repo, repo / "dist" / "diplonews")
    result = CliRunner().invoke(main, ["--root", str(repo), "publish", "--repo-id", "me/diplonews", "--dry-run"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [*FILES, f"dry run: {len(FILES)} file(s) would be uploaded to me/diplonews"]


def test_cli_refuses_a_stale_build_with_a_message(repo):
    build(repo, repo / "dist" / "diplonews")
    (repo / "annotations" / "gold" / "quispe-visit.json").unlink()
    result = CliRunner().invoke(main, ["--root", str(repo), "publish", "--repo-id", "me/diplonews", "--dry-run"])
    assert result.exit_code == 1
    assert "stale" in result.stderr and "annotations/gold/quispe-visit.json" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content, code, message", [
    ('{"inputs": ', "json-invalid", "Expecting value: line 1 column 12 (char 11)"),
    ("[]", "publish-altered", "is not the manifest a build writes (inputs.sha256, outputs); run `diplonews build` again"),
])
def test_a_damaged_manifest_is_refused_by_name(repo, content, code, message):
    manifest = repo / "dist" / "diplonews" / "manifest.json"
    build(repo, manifest.parent)
    manifest.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(repo), "publish", "--repo-id", "me/diplonews", "--dry-run"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"{manifest}{':1' if code == 'json-invalid' else ''}: [{code}] {message}\n"


def test_an_unreachable_hub_is_a_problem_not_a_traceback(repo):
    """A real upload attempt, to a local port nothing listens on (no network needed)."""
    build(repo, repo / "dist" / "diplonews")
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_TOKEN": "hf_not_a_token", "PYTHONPATH": SRC}
    result = subprocess.run([sys.executable, "-m", "diplonews", "--root", str(repo), "publish", "--repo-id", "me/diplonews"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"{repo / 'dist' / 'diplonews'}: [publish-upload] upload to me/diplonews failed: ")
    assert "Traceback" not in result.stderr


def test_upload_is_one_repo_creation_and_one_folder_upload(tmp_path):
    api = RecordingApi()
    assert upload(api, tmp_path, ["README.md", "manifest.json"], "me/diplonews", revision="v1", private=True) == "upload_folder-result"
    assert api.calls == [
        ("create_repo", {"repo_id": "me/diplonews", "repo_type": "dataset", "private": True, "exist_ok": True}),
        ("create_branch", {"repo_id": "me/diplonews", "repo_type": "dataset", "branch": "v1", "exist_ok": True}),
        ("upload_folder", {"folder_path": str(tmp_path), "repo_id": "me/diplonews", "repo_type": "dataset", "revision": "v1",
                           "commit_message": "diplonews build", "allow_patterns": ["README.md", "manifest.json"], "delete_patterns": ["data/**"]}),
    ]


def test_upload_to_the_default_branch_creates_no_branch(tmp_path):
    api = RecordingApi()
    upload(api, tmp_path, ["README.md"], "me/diplonews")
    assert [name for name, _ in api.calls] == ["create_repo", "upload_folder"]
