"""``diplonews codes``: every problem code diplonews can report, with what it means."""
from __future__ import annotations

import click

from .. import jsonio
from ..problems import AREAS, CODES
from . import main


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def codes(fmt: str) -> None:
    """List the registry of problem codes (docs/codes.md is the same list, generated)."""
    if fmt == "json":
        click.echo(jsonio.dumps({c.name: {"area": c.area, "description": c.description} for c in CODES.values()}), nl=False)
        return
    width = max(map(len, CODES))
    for area in AREAS:
        for c in (c for c in CODES.values() if c.area == area):
            click.echo(f"{c.name:{width}}  {c.area:11}  {c.description}")
