"""``diplonews anchor``: quote-level predictions (or raw completions) to predictions with offsets."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .. import jsonio
from ..corpus import Layout
from . import main


def report_anchoring(report, fmt: str) -> None:
    """The anchoring report: every dropped item on stderr, then the summary (or all of it as JSON on stdout)."""
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, sort_keys=True))
        return
    for problem in report.problems:
        click.echo(problem.render(), err=True)
    click.echo(report.summary(), err=True)


@main.command()
@click.argument("quotes", type=click.Path(exists=True, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL file of predictions with offsets to write (replaced atomically).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to show the report: text on stderr, or JSON on stdout.")
@click.pass_obj
def anchor(root: Path, quotes: Path, out: Path, fmt: str) -> None:
    """Resolve the quotes in QUOTES (schema/quote-prediction.schema.json, or {"doc_id", "completion"} lines) to offsets.

    Rules, in order: the given occurrence; the exact text if unique; the same after
    normalising quotes, dashes, white space and case; the occurrence nearest the context.
    Ambiguous and missing quotes are dropped, never guessed, and listed with their code,
    document and item id, as is every item referring to a dropped mention. A line that
    cannot be read or breaks the schema is refused (exit 1) and nothing is written.
    """
    from ..quotes import anchor_file  # jsonschema

    jsonio.check_writable(out)
    predicted, report = anchor_file(quotes, Layout(root))
    jsonio.write_jsonl(out, [predicted[d] for d in sorted(predicted)])
    report_anchoring(report, fmt)
    if fmt == "text":
        click.echo(f"wrote {len(predicted)} prediction(s) to {out}", err=True)
