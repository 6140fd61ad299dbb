"""``diplonews baseline`` and ``diplonews leaderboard``: train the baselines, write their
predictions, and score them into results/leaderboard.json."""
from __future__ import annotations

from pathlib import Path

import click

from .. import jsonio
from ..baselines import BASELINES
from ..corpus import Layout
from . import main


def _progress(message: str) -> None:
    click.echo(message, err=True)


@main.command()
@click.argument("system", type=click.Choice(sorted(BASELINES)))
@click.option("--split", default="test", show_default=True, help="Split to predict (training always uses train).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSONL file to write (default: results/predictions/<system>-<split>.jsonl).")
@click.pass_obj
def baseline(root: Path, system: str, split: str, out: Path | None) -> None:
    """Train SYSTEM (rules or spacy) on the train split and write its predictions for --split."""
    from ..baselines.run import predict_split, train  # the validator: jsonschema

    layout = Layout(root)
    out = out or root / "results" / "predictions" / f"{system}-{split}.jsonl"
    jsonio.check_writable(out)  # before training, not after it
    predictions = predict_split(layout, train(layout, system, _progress), split)
    jsonio.write_jsonl(out, predictions)
    click.echo(f"wrote {len(predictions)} prediction(s) to {out}")


@main.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write (default: results/leaderboard.json).")
@click.pass_obj
def leaderboard(root: Path, out: Path | None) -> None:
    """Train both baselines, score them on validation and test (95% CIs), write the leaderboard file."""
    from ..baselines import leaderboard as board  # the scorer: numpy

    out = out or root / "results" / "leaderboard.json"
    jsonio.check_writable(out)  # before minutes of training, not after them
    result = board.build(Layout(root), progress=_progress)
    board.write(out, result)
    click.echo(f"wrote {len(result['entries'])} entr(ies) to {out}")
