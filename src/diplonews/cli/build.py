"""``diplonews build``: the main job. For now it validates the corpus and reports on it."""
from __future__ import annotations

from pathlib import Path

import click

from ..validation.validator import validate as run_validation
from . import main


@main.command()
@click.pass_obj
def build(root: Path) -> None:
    """Validate the corpus and report (the dataset build itself arrives with the Hugging Face issue)."""
    report = run_validation(root)
    click.echo(report.render_text())
    if not report.valid:
        raise SystemExit(1)
