"""``diplonews audit``: cross-document consistency of the gold, with committed waivers."""
from __future__ import annotations

import json
from pathlib import Path

import click

from . import main
from .output import EXIT_PROBLEMS


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--waivers", "waivers_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Waivers file (default: annotations/audit-waivers.json under the root).")
@click.pass_obj
def audit(root: Path, fmt: str, waivers_file: Path | None) -> None:
    """Check the gold for inconsistencies between and within documents.

    Reports strings labelled differently, names left unlabelled, entities whose names
    disagree, officials without their role, incomplete events and roles, and patterns seen
    only once. Each finding has a code, a document (none for corpus-wide ones) and a key;
    a waiver copies those three and adds a reason (see docs/audit.md).

    Exits 0 when every finding is fixed or waived, 1 when some are open or the audit
    cannot run (no corpus, or an unusable waivers file).
    """
    from ..audit.runner import audit as run_audit  # the validator: jsonschema

    report = run_audit(root, waivers_file)
    click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) if fmt == "json" else report.render_text())
    if not report.passed:
        raise SystemExit(EXIT_PROBLEMS)
