"""``diplonews stats``: what the gold corpus holds, in total and per split."""
from __future__ import annotations

from pathlib import Path

import click

from .. import jsonio
from . import main
from .progress import progress_bar


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def stats(root: Path, fmt: str) -> None:
    """Count documents, words, tokens, mentions per label, relations and events per type,
    statuses, treaty stages (and stage x status), worlds, origins, genres, regions, rights,
    lengths, decades, and distinct treaties and (real) countries, per split. Only gold documents count.
    """
    from ..stats import corpus_stats, render_text  # the validator: jsonschema

    result = corpus_stats(root, progress=progress_bar("counting"))
    click.echo(jsonio.dumps(result) if fmt == "json" else render_text(result), nl=False)
