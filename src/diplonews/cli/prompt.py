"""``diplonews prompt``: one self-contained instruction per document, for any batch LLM interface."""
from __future__ import annotations

from pathlib import Path

import click

from .. import jsonio
from ..corpus import Layout
from ..problems import DiplonewsError
from . import main


@main.command()
@click.option("--split", default="test", show_default=True, help="Split to write prompts for; 'all' for every gold document.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="JSONL file to write: {\"doc_id\", \"prompt\"} a line.")
@click.option("--shots", default=0, show_default=True, type=click.IntRange(min=0),
              help="Examples per prompt: the first N gold documents of train (by id), never the document itself.")
@click.pass_obj
def prompt(root: Path, split: str, out: Path, shots: int) -> None:
    """Write a prompt for each gold document of --split: guidelines from the ontology, the TIMEX3 rule with the
    document's published date, the quote-level output schema and the text. No gold of the document is in it.

    Score the model's answers with `diplonews evaluate --quotes ANSWERS` (raw completions accepted).
    """
    from ..prompting import EXAMPLE_SPLIT, prompt_records
    from ..scoring.corpus_eval import gold_split  # the validator: jsonschema
    from ..validation.validator import require_valid

    jsonio.check_writable(out)
    layout = Layout(root)
    require_valid(root)
    reference, metas = gold_split(layout, None if split == "all" else split)
    if not reference:
        raise DiplonewsError.of("prompt-no-documents", f"no gold document is in split {split!r}; no prompt to write")
    train_ids = sorted(gold_split(layout, EXAMPLE_SPLIT)[0]) if shots else []
    records = prompt_records(layout, reference, metas, train_ids, shots)
    jsonio.write_jsonl(out, records)
    click.echo(f"wrote {len(records)} prompt(s) to {out}", err=True)
