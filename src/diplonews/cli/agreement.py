"""``diplonews agreement``: inter-annotator agreement between two folders of annotations."""
from __future__ import annotations

from pathlib import Path

import click

from .. import jsonio
from ..corpus import Layout
from . import main


@main.command()
@click.argument("first", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("second", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of <doc_id>.txt: the texts the annotators saw, where corpus/ has since been corrected.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the report as JSON here.")
@click.pass_obj
def agreement(root: Path, first: Path, second: Path, texts: Path | None, out: Path | None) -> None:
    """Score SECOND against FIRST (folders of <doc_id>.json gold-format files) on their shared documents."""
    from ..agreement import measure  # the scorer: numpy

    if out:
        jsonio.check_writable(out)  # before the report is shown as done
    report = measure(Layout(root), first, second, texts)
    click.echo(f"{len(report['documents'])} document(s): {report['second']} against {report['first']}")
    for name, value in report["metrics"].items():
        ci = report["ci95"].get(name)
        click.echo(f"  {name:38} {'n/a' if value is None else f'{value:.3f}'}" + (f"  [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else ""))
    if out:
        jsonio.write_json(out, report)
        click.echo(f"wrote {out}")
