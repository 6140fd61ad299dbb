"""``diplonews export``: the gold corpus in an exchange format (docs/export.md)."""
from __future__ import annotations

from pathlib import Path

import click

from ..export import FORMATS
from ..ontology import load
from . import main
from .progress import progress_bar


@main.command(epilog="\b\nFormats:\n" + "\n".join(f"  {name}: {about}" for name, about in sorted(FORMATS.items())))
@click.argument("format_name", metavar="FORMAT", type=click.Choice(sorted(FORMATS)))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write (replaced only when complete, and only if empty or an earlier export).")
@click.option("--split", type=click.Choice(load().metadata_fields["split"]["values"]), default=None,
              help="Only the documents of this split (default: every gold document).")
@click.option("--triggers", is_flag=True, help="conll only: add a column of IOB2 event-trigger tags.")
@click.pass_obj
def export(root: Path, format_name: str, out: Path, split: str | None, triggers: bool) -> None:
    """Export the gold documents to FORMAT, with a reader back (diplonews.export; docs/export.md).

    The corpus is validated first. What the format cannot hold is printed; the export's
    manifest (diplonews-export.json) keeps each document's split and provenance.
    """
    from ..export import export as run_export, format_module

    options = {"triggers": True} if triggers else {}
    unknown = sorted(set(options) - set(getattr(format_module(format_name), "OPTIONS", {})))
    if unknown:
        raise click.UsageError(f"--{unknown[0]} is not an option of {format_name}")
    result = run_export(root, format_name, out, split, progress=progress_bar(f"exporting {format_name}"), **options)
    for dropped in result.drops:
        click.echo(f"dropped: {dropped}")
    click.echo(f"{format_name}: {len(result.doc_ids)} document(s) written to {result.folder}"
               + ("" if result.drops else f"; {format_name} holds every layer, nothing dropped"))
