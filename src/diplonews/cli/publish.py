"""``diplonews publish``: upload a current build to the Hugging Face Hub."""
from __future__ import annotations

from pathlib import Path

import click

from ..problems import DiplonewsError
from . import main


@main.command()
@click.option("--repo-id", required=True, help="Hub dataset repository, OWNER/NAME.")
@click.option("--build-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The build to upload (default: dist/diplonews/ under the repository root).")
@click.option("--revision", default=None, help="Branch to upload to (created if missing; default: main).")
@click.option("--private", is_flag=True, help="Create the repository as private if it does not exist.")
@click.option("--dry-run", is_flag=True, help="Check the build and list the files that would be uploaded; upload nothing.")
@click.pass_obj
def publish(root: Path, repo_id: str, build_dir: Path | None, revision: str | None, private: bool, dry_run: bool) -> None:
    """Upload the build to REPO_ID, refusing a build that is absent, stale or altered.

    The token comes from HF_TOKEN or the `huggingface-cli login` cache; it is never read
    or written by diplonews.
    """
    from ..hf.publish import check_build, upload

    folder = build_dir or root / "dist" / "diplonews"
    files = check_build(root, folder)
    if dry_run:
        for name in files:
            click.echo(name)
        click.echo(f"dry run: {len(files)} file(s) would be uploaded to {repo_id}" + (f"@{revision}" if revision else ""))
        return
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    # The Hub's HTTP errors, and its HTTP library's own (a refused or failed connection), whose
    # base HfHubHTTPError extends: httpx2's in huggingface_hub 2.x; requests' errors are OSErrors.
    failures = (OSError, HfHubHTTPError.__mro__[1])
    try:
        info = upload(HfApi(), folder, files, repo_id, revision=revision, private=private)
    except failures as exc:
        raise DiplonewsError.of("publish-upload", f"upload to {repo_id} failed: {exc}", file=str(folder)) from None
    click.echo(f"uploaded {len(files)} file(s) to {repo_id}: {getattr(info, 'commit_url', info)}")
