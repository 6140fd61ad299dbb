"""``diplonews author``: write or fix a document and its gold by hand, through the markup."""
from __future__ import annotations

from pathlib import Path

import click

from .. import jsonio
from ..corpus import Layout
from ..problems import DiplonewsError
from . import main


@main.group()
def author() -> None:
    """Author gold by hand: markup files compile to corpus/ and annotations/gold/."""


@author.command("compile")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--write", is_flag=True, help="Write the files (default: check and report only).")
@click.option("--replace-text", is_flag=True, help="Allow a document's stored text to change.")
@click.pass_obj
def compile_cmd(root: Path, sources: tuple[Path, ...], write: bool, replace_text: bool) -> None:
    """Compile markup SOURCES; nothing is written unless every one is valid and --write is given."""
    from ..authoring import compile as authoring  # the validator: jsonschema

    layout = Layout(root)
    planned = authoring.plan(layout, list(sources), replace_text=replace_text)
    for item in planned:
        click.echo(f"{item.compiled.meta['id']}: {item.status} ({len(item.compiled.gold['mentions'])} mentions, "
                   f"{len(item.compiled.gold['relations'])} relations, {len(item.compiled.gold['events'])} events)")
    if write:
        authoring.write(layout, planned)
        click.echo(f"wrote {len(planned)} document(s)")
    else:
        click.echo("checked only; pass --write to write")


@author.command("render")
@click.argument("doc_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.pass_obj
def render_cmd(root: Path, doc_id: str, output: Path | None) -> None:
    """Print the markup of DOC_ID, to edit and compile back."""
    from ..authoring import compile as authoring  # the validator: jsonschema

    layout = Layout(root)
    if not layout.gold_path(doc_id).is_file():
        raise DiplonewsError.of("author-no-gold", f"no gold annotation for {doc_id!r} in {layout.gold_dir}", doc_id=doc_id)
    text = authoring.render(layout, doc_id)
    if output:
        jsonio.write_atomic(output, text)
    else:
        click.echo(text, nl=False)
