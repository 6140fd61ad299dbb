"""``build``: the gold corpus in, a dataset folder out, all or nothing.

The corpus is validated first and refused if invalid (a leak between splits is a
validation rule). The new build is written into a temporary folder beside the target and
swapped in only when complete, so a failed build (invalid corpus, a span off token
boundaries) leaves any previous build exactly as it was.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .. import jsonio
from ..corpus import Layout
from ..gold import gold_status_ids
from ..problems import DiplonewsError
from ..sentences import length_summary
from ..stats import Accumulator, pending_counts
from ..validation.validator import require_valid
from . import features as F
from .card import render_card
from .manifest import INPUTS, MANIFEST, read_manifest, write_manifest
from .labels import write_labels
from .plots import render as render_plots
from .rows import BUILDERS
from .source import iter_documents
from .writer import ShardedWriter

Progress = Callable[[Iterable, int], Iterable]


@dataclass
class BuildResult:
    folder: Path
    stats: dict
    counts: dict[str, dict[str, int]]  # config -> split -> rows
    manifest: dict
    sentence_lengths: dict  # the token-length distribution of the sentences config (sentences.length_summary)


def _no_progress(items: Iterable, total: int) -> Iterable:
    return items


def build(root: Path, out: Path, progress: Progress = _no_progress) -> BuildResult:
    """Validate the repository at ``root`` and build its dataset into ``out`` (replaced only on success).

    Raises DiplonewsError with every reason a build is refused; ``out`` is then as it was.
    """
    root, out = Path(root).resolve(), Path(out).resolve()
    require_valid(root)
    result = jsonio.write_folder(out, lambda work: _build_into(Layout(root), work, progress), MANIFEST, _listed,
                                 "a diplonews build", code="build-out-foreign")
    result.folder = out
    return result


def _listed(path: Path) -> set[str]:
    """The files a build's manifest accounts for: its outputs and the input listing."""
    return set(read_manifest(path.parent)["outputs"]) | {INPUTS}


def _build_into(layout: Layout, folder: Path, progress: Progress) -> BuildResult:
    ids = gold_status_ids(layout)
    writers = {(c, s): ShardedWriter(folder / "data" / c, c, s, F.features(c)) for c in F.CONFIGS for s in F.SPLITS}
    stats, errors, lengths = Accumulator(), [], []
    for doc in progress(iter_documents(layout, ids), len(ids)):
        split = doc.meta["split"]
        try:
            for config, rows in BUILDERS.items():
                for row in rows(doc):
                    writers[(config, split)].add(row)
        except DiplonewsError as exc:  # a sentence over the token limit
            errors += [p.at(file=str(layout.gold_path(doc.doc_id).relative_to(layout.root))) for p in exc.problems]
        stats.add(doc)
        lengths += [s.last - s.first for s in doc.sentences]
    if errors:
        raise DiplonewsError(errors)
    for writer in writers.values():
        writer.close()
    write_labels(folder)
    counts = {c: {s: writers[(c, s)].rows for s in F.SPLITS} for c in F.CONFIGS}
    result = stats.result(pending_counts(layout, ids))
    for name, data in render_plots(result).items():
        jsonio.write_atomic(folder / name, data)
    summary = length_summary(lengths)
    jsonio.write_atomic(folder / "README.md", render_card(layout.root, result, counts, summary))
    jsonio.write_json(folder / "stats.json", result)
    return BuildResult(folder, result, counts, write_manifest(layout.root, folder), summary)
