"""``diplonews schema``: regenerate or check what is derived from the ontology.

That is the JSON Schemas in schema/ and the generated tables of annotations/GUIDELINES.md.
"""
from __future__ import annotations

from pathlib import Path

import click

from .. import guidelines, jsonio, schemas
from . import main

GUIDELINES = Path("annotations") / "GUIDELINES.md"


def _derived(root: Path) -> dict[Path, str]:
    """Every derived file with the content the ontology says it must have."""
    out = {root / "schema" / name: jsonio.dumps(build()) for name, build in schemas.SCHEMA_FILES.items()}
    out[root / GUIDELINES] = guidelines.refresh((root / GUIDELINES).read_text(encoding="utf-8"))
    return out


@main.command()
@click.option("--check", is_flag=True, help="Only check that the derived files match the ontology; exit 1 if not.")
@click.pass_obj
def schema(root: Path, check: bool) -> None:
    """Write schema/*.schema.json and the GUIDELINES tables from the ontology (the single source of labels)."""
    derived = _derived(root)
    stale = [path for path, content in derived.items() if not path.exists() or path.read_text(encoding="utf-8") != content]
    if check:
        for path in stale:
            click.echo(f"{path.relative_to(root)} is out of date with the ontology; run `diplonews schema`", err=True)
        raise SystemExit(1 if stale else 0)
    for path in stale:
        jsonio.write_atomic(path, derived[path])
        click.echo(f"wrote {path.relative_to(root)}")
