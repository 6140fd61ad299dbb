"""``diplonews import``: an export edited elsewhere (brat, spaCy) back into the gold."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpus import Layout
from ..export import FORMATS
from ..problems import DiplonewsError
from . import main
from .output import fail


@main.command("import")
@click.argument("format_name", metavar="FORMAT", type=click.Choice(sorted(FORMATS)))
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--write", is_flag=True, help="Write the gold files (default: report the changes only).")
@click.option("--annotator", default=None, help="Name added to the provenance of every document whose layers change (with today's date).")
@click.pass_obj
def import_cmd(root: Path, format_name: str, folder: Path, write: bool, annotator: str | None) -> None:
    """Read an export FOLDER of a lossless FORMAT back and report, per document, what it changes.

    Every document must be a corpus document with its exact corpus text and must pass
    validation; nothing is written unless all do and --write is given (docs/export.md).
    """
    from ..export import back

    try:
        changes = back.plan(root, format_name, folder, annotator)
    except DiplonewsError as exc:
        fail(exc.problems, summary=f"{len(exc.problems)} problem(s) in {folder}; nothing written")
    for change in changes:
        click.echo(change.render())
    if write:
        from ..changes import write_changed

        click.echo(f"wrote {len(write_changed(Layout(root), changes))} file(s)")
    else:
        click.echo("checked only; pass --write to write")
