"""Publishing a build to the Hugging Face Hub, refusing one that is absent, stale or altered.

Everything before the upload (the checks, the file list) is plain code; the upload is
one thin function that takes the ``HfApi`` object, so it can be exercised with a
recording stand-in. The token is never handled here: ``HfApi`` reads ``HF_TOKEN`` or the
login cache itself.
"""
from __future__ import annotations

from pathlib import Path

from ..problems import DiplonewsError
from .manifest import MANIFEST, changed_inputs, file_sha256, inputs_digest, read_manifest


def check_build(root: Path, folder: Path) -> list[str]:
    """The files to upload (manifest last), after checking the build is present, current and unaltered."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None:
        raise DiplonewsError.of("publish-no-build", f"no build at {folder} (no {MANIFEST}): run `diplonews build` first", file=str(folder))
    digest, _ = inputs_digest(root)
    if digest != manifest["inputs"]["sha256"]:
        changed = changed_inputs(root, folder)
        raise DiplonewsError.of("publish-stale", f"the build at {folder} is stale: the repository changed since it was built "
                                f"({', '.join(changed) or 'inputs differ'}); run `diplonews build` again", file=str(folder))
    for name, expected in manifest["outputs"].items():
        path = folder / name
        if not path.is_file() or file_sha256(path) != expected:
            raise DiplonewsError.of("publish-altered", f"the build at {folder} was altered after it was built ({name}); run `diplonews build` again",
                                    file=str(path))
    return [*manifest["outputs"], MANIFEST]


def upload(api, folder: Path, files: list[str], repo_id: str, revision: str | None = None, private: bool = False) -> object:
    """Create the dataset repository if needed and upload ``files`` of ``folder`` in one commit.

    Shards of an earlier upload that this build no longer has are deleted in the same
    commit. Returns the commit info. Untested against the real Hub here (no network):
    tests pass a recording ``api``.
    """
    api.create_repo(repo_id=repo_id, repo_type="dataset", private=private, exist_ok=True)
    if revision:
        api.create_branch(repo_id=repo_id, repo_type="dataset", branch=revision, exist_ok=True)
    return api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="dataset", revision=revision,
                             commit_message="diplonews build", allow_patterns=files, delete_patterns=["data/**"])
