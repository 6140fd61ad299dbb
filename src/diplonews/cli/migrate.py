"""``diplonews migrate``: bring gold annotated under an older ontology version to the current one."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpus import Layout
from . import main


@main.command()
@click.option("--write", is_flag=True, help="Rewrite the files (default: list what would change).")
@click.pass_obj
def migrate(root: Path, write: bool) -> None:
    """Migrate annotations/gold/ and the agreement rounds' passes to the packaged ontology
    version, one documented step per version (see the diplonews.migrate module)."""
    from .. import migrate as migration  # the gold model and the ontology
    from ..ontology import load

    layout = Layout(root)
    changes = migration.plan(layout)  # a DiplonewsError is shown by the CLI's one error path
    for change in changes:
        click.echo(f"{change.path.relative_to(layout.root)}: {change.before} -> {load().version}")
    if write:
        migration.apply(changes)
        click.echo(f"migrated {len(changes)} file(s)")
    else:
        click.echo(f"{len(changes)} file(s) to migrate; pass --write to rewrite them")
