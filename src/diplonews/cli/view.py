"""``diplonews view``: a static, offline HTML site of the gold, and a system's errors beside it."""
from __future__ import annotations

from pathlib import Path

import click

from ..ontology import load
from . import main
from .progress import progress_bar


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write (replaced only when complete, and only if empty or an earlier view).")
@click.option("--pred", "pred_path", type=click.Path(exists=True, path_type=Path), default=None,
              help="Predictions (as for evaluate): each page shows them beside the gold, errors marked.")
@click.option("--split", type=click.Choice(load().metadata_fields["split"]["values"]), default=None,
              help="Only the documents of this split (default: every gold document).")
@click.pass_obj
def view(root: Path, out: Path, pred_path: Path | None, split: str | None) -> None:
    """Write a browsable site: an index with a filter, a page per document (mentions by label,
    triggers, and on selection the entity chain, relations and event frames), and a treaty
    timeline. Open <out>/index.html in a browser; nothing is fetched from the network.
    """
    from ..view import build_view

    result = build_view(root, out, pred_path, split, progress=progress_bar("writing pages"))
    scored = " with the system's errors" if result.scored else ""
    click.echo(f"view: {len(result.doc_ids)} document page(s){scored} written to {result.folder}; open {result.folder / 'index.html'}")
