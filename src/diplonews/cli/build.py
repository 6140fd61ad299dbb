"""``diplonews build``: validate the corpus and build the Hugging Face dataset folder."""
from __future__ import annotations

from pathlib import Path

import click

from ..problems import DiplonewsError
from . import main
from .output import fail
from .progress import progress_bar


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Build folder (default: dist/diplonews/ under the repository root).")
@click.pass_obj
def build(root: Path, out: Path | None) -> None:
    """Build the dataset: Parquet configs, card, figures and manifest.

    The corpus is validated first; an invalid corpus, a span off token boundaries or a
    leak between splits stops the build with every reason, and leaves any previous build
    in OUT untouched. Only documents with gold status go in.
    """
    from ..hf.builder import build as build_dataset  # datasets, pyarrow, matplotlib

    out = out or root / "dist" / "diplonews"
    try:
        result = build_dataset(root, out, progress=progress_bar("building"))
    except DiplonewsError as exc:
        fail(exc.problems, summary=f"build refused: {len(exc.problems)} problem(s); {out} left as it was")
    for config, splits in result.counts.items():
        click.echo(f"{config}: " + ", ".join(f"{split} {n}" for split, n in splits.items()))
    lengths = result.sentence_lengths
    click.echo(f"tokens per sentence: min {lengths['min']}, median {lengths['median']}, p90 {lengths['p90']}, "
               f"p99 {lengths['p99']}, max {lengths['max']} ({lengths['sentences']} sentences)")
    click.echo(f"built {result.stats['total']['documents']} document(s) into {result.folder}")
