"""``diplonews ingest``: add raw articles (.txt, .html, .jsonl) to corpus/."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpus import Layout
from ..ontology import load
from ..problems import DiplonewsError
from . import main
from .output import fail

VOCAB = load().metadata_fields


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--outlet", help="Outlet, where the input does not say.")
@click.option("--published", help="Publication date YYYY-MM-DD, where the input does not say.")
@click.option("--story", help="Story id (default: the document id).")
@click.option("--origin", type=click.Choice(VOCAB["origin"]["values"]), help="Default: published.")
@click.option("--world", type=click.Choice(VOCAB["world"]["values"]), help="Default: real.")
@click.option("--genre", type=click.Choice(VOCAB["genre"]["values"]), help="Default: news_report.")
@click.option("--region", "regions", multiple=True, type=click.Choice(VOCAB["regions"]["values"]), help="A region the texts are about (repeatable; default: none yet).")
@click.option("--rights", help="SPDX id or LicenseRef-* (default: LicenseRef-unverified).")
@click.option("--write", is_flag=True, help="Write the files (default: check and report only).")
@click.pass_obj
def ingest(root: Path, paths: tuple[Path, ...], write: bool, **defaults) -> None:
    """Add the articles in PATHS to corpus/ with metadata; they then await annotation.

    Texts are normalised (NFC, LF line ends, spaces; see docs/ingest.md), HTML is reduced to
    its main text, ids are made safe and unique, and exact or near duplicates of corpus
    texts are refused. Nothing is written unless every input is accepted and --write is given,
    and the write is all or nothing: an interrupted ingest leaves the corpus as it was.
    """
    from ..ingest.ingest import plan_ingest, write_ingest  # the validator: jsonschema; trafilatura for HTML

    layout = Layout(root)
    defaults["regions"] = list(defaults["regions"]) or None
    try:
        planned = plan_ingest(layout, list(paths), defaults, progress=lambda p: click.echo(f"reading {p}", err=True))
    except DiplonewsError as exc:
        fail(exc.problems, summary="nothing ingested")
    for item in planned:
        click.echo(f"{item.doc_id}: {len(item.text)} characters, {item.meta['published']}, {item.meta['outlet']}: {item.meta['title']} (from {item.source})")
    if write:
        done = iter(range(1, len(planned) + 1))
        write_ingest(layout, planned, progress=lambda doc_id: click.echo(f"wrote {next(done)}/{len(planned)} {doc_id}", err=True))
        click.echo(f"wrote {len(planned)} document(s)")
    else:
        click.echo("checked only; pass --write to write")
