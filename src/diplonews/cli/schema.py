"""``diplonews schema``: regenerate or check what is derived from the ontology and the code registry.

That is the JSON Schemas in schema/, the generated tables of annotations/GUIDELINES.md
and the table of problem codes, docs/codes.md.
"""
from __future__ import annotations

from pathlib import Path

import click

from .. import guidelines, jsonio, problems, schemas
from . import main
from .output import fail

GUIDELINES = Path("annotations") / "GUIDELINES.md"
CODES = Path("docs") / "codes.md"


def _derived(root: Path) -> dict[Path, str]:
    """Every derived file with the content the ontology and the code registry say it must have."""
    out = {root / "schema" / name: jsonio.dumps(build()) for name, build in schemas.SCHEMA_FILES.items()}
    out[root / GUIDELINES] = guidelines.refresh(jsonio.read_text(root / GUIDELINES, str(GUIDELINES)), str(GUIDELINES))
    out[root / CODES] = problems.codes_table()
    return out


@main.command()
@click.option("--check", is_flag=True, help="Only check that the derived files match the ontology; exit 1 if not.")
@click.pass_obj
def schema(root: Path, check: bool) -> None:
    """Write schema/*.schema.json and the GUIDELINES tables from the ontology (the single source of labels)."""
    derived = _derived(root)
    stale = [path for path, content in derived.items() if not path.is_file() or jsonio.read_text(path) != content]
    if check:
        if stale:
            fail([problems.Problem("derived-stale", "is out of date with the ontology or the code registry; run `diplonews schema`",
                                   problems.Location(str(path.relative_to(root)))) for path in stale])
        return
    for path in stale:
        jsonio.write_atomic(path, derived[path])
        click.echo(f"wrote {path.relative_to(root)}")
