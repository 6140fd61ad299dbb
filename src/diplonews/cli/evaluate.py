"""``diplonews evaluate``: score a system's predictions against the gold of one split."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpus import Layout
from ..problems import DiplonewsError
from . import main


@main.command()
@click.option("--pred", "pred_path", type=click.Path(exists=True, path_type=Path),
              help="Predictions: a JSONL file (one document a line) or a folder of <doc_id>.json files.")
@click.option("--quotes", "quotes_path", type=click.Path(exists=True, path_type=Path),
              help="Quote-level predictions or raw completions ({\"doc_id\", \"completion\"} lines): anchored, then scored.")
@click.option("--split", default="test", show_default=True, help="Split to score on; 'all' for every gold document.")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="markdown", show_default=True)
@click.option("--errors", "with_errors", is_flag=True, help="List each missed, spurious and mislabelled item, per document.")
@click.pass_obj
def evaluate(root: Path, pred_path: Path | None, quotes_path: Path | None, split: str, fmt: str, with_errors: bool) -> None:
    """Score predictions: mentions, relations, events, treaty stages and dates, with 95% bootstrap CIs.

    Gold documents of the split that have no prediction count as empty predictions
    (recall 0). Predictions for documents outside the split are ignored, with a notice.
    Predictions that cannot be read or break the schema are refused, every problem listed.
    With --quotes, a line that cannot be read is listed (code, line) and its document scored
    as empty; dropped quotes count as misses; the anchoring report is part of the output.
    """
    if (pred_path is None) == (quotes_path is None):
        raise click.UsageError("give exactly one of --pred and --quotes")
    from ..scoring.corpus_eval import evaluate_file, evaluate_quotes  # numpy, jsonschema
    from ..scoring.render import to_json, to_markdown

    chosen = None if split == "all" else split
    if quotes_path is not None:
        evaluation, outside, anchoring = evaluate_quotes(Layout(root), quotes_path, chosen)
    else:
        (evaluation, outside), anchoring = evaluate_file(Layout(root), pred_path, chosen), None
    if evaluation.overall.documents == 0:
        raise DiplonewsError.of("evaluate-no-documents", f"no gold document is in split {split!r}; nothing to score")
    if outside:
        click.echo(f"notice: {len(outside)} predicted document(s) outside split {split!r} ignored", err=True)
    rendered = to_json(evaluation, with_errors, anchoring) if fmt == "json" else to_markdown(evaluation, with_errors, anchoring)
    click.echo(rendered, nl=fmt == "json")
