"""``diplonews schema``: regenerate or check the JSON Schemas in schema/."""
from __future__ import annotations

from pathlib import Path

import click

from .. import jsonio, schemas
from . import main


@main.command()
@click.option("--check", is_flag=True, help="Only check that schema/ matches the ontology; exit 1 if not.")
@click.pass_obj
def schema(root: Path, check: bool) -> None:
    """Write schema/*.schema.json from the ontology (the single source of labels)."""
    folder = root / "schema"
    if check:
        stale = [name for name, build in schemas.SCHEMA_FILES.items()
                 if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != jsonio.dumps(build())]
        for name in stale:
            click.echo(f"schema/{name} is out of date with the ontology; run `diplonews schema`", err=True)
        raise SystemExit(1 if stale else 0)
    for path in schemas.write_schemas(folder):
        click.echo(f"wrote {path.relative_to(root)}")
