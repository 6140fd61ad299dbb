"""``diplonews validate``: check the repository against the data contract."""
from __future__ import annotations

import json
from pathlib import Path

import click

from . import main
from .output import EXIT_PROBLEMS


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def validate(root: Path, paths: tuple[Path, ...], fmt: str) -> None:
    """Check texts, metadata and gold annotations (all of them, or those under PATHS).

    Every problem is reported with its code, file, document, annotation id and JSON
    path. Exits 0 only when everything is valid; texts awaiting annotation are notices.
    A root with no corpus/ is a problem (corpus-missing), not an empty valid corpus.
    """
    from ..validation.validator import validate as run_validation  # jsonschema, jsonschema-rs

    report = run_validation(root, list(paths) or None)
    click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) if fmt == "json" else report.render_text())
    if not report.valid:
        raise SystemExit(EXIT_PROBLEMS)
