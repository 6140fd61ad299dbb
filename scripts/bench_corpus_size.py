"""What the corpus size costs: validate, audit and build on the first 61 documents and on all of them.

The corpus issue asks that the cost per document stay flat as the corpus grows. This copies
the repository twice into a temporary folder, once with the 61 documents of corpus v0 (the
seed and the r1/r2/f1/f2 stories) and once whole, times each operation on both in this
process, and prints seconds, milliseconds per document and the per-document ratio
(all / first 61; 1.0 is flat, above it grows faster than the corpus). The temporary folder
is removed on exit, interrupted or not.

    python scripts/bench_corpus_size.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from bench_validate import best_of  # the fastest of N runs (scripts/ is on the path when run as a script)
from diplonews.audit.runner import audit
from diplonews.corpus import Layout
from diplonews.hf.builder import build
from diplonews.validation.validator import validate

from scratch import scratch_folder  # scripts/ is on the path when a script runs

ROOT = Path(__file__).resolve().parents[1]
FIRST = ("f1-", "f2-", "r1-", "r2-", "tehrantimes-")  # corpus v0: 61 documents
COPIED = ("dataset_card.md", "results", "annotations/GUIDELINES.md", "annotations/agreement")


def make_repo(target: Path, doc_ids: list[str]) -> Layout:
    """A repository holding ``doc_ids`` only (texts, metadata, gold) plus what the build reads."""
    source, layout = Layout(ROOT), Layout(target)
    layout.corpus_dir.mkdir(parents=True)
    layout.gold_dir.mkdir(parents=True)
    for doc_id in doc_ids:
        for path, dest in ((source.text_path(doc_id), layout.text_path(doc_id)), (source.meta_path(doc_id), layout.meta_path(doc_id)),
                           (source.gold_path(doc_id), layout.gold_path(doc_id))):
            shutil.copyfile(path, dest)
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copyfile(src, target / name)
    return layout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest counts")
    args = parser.parse_args()
    every = Layout(ROOT).gold_ids()
    first = [d for d in every if d.startswith(FIRST)]
    with scratch_folder("dn-bench-size-") as tmp:
        repos = {"first": make_repo(Path(tmp) / "first", first), "all": make_repo(Path(tmp) / "all", every)}
        operations = {
            "validate": lambda root: validate(root),
            "audit": lambda root: audit(root),
            "build": lambda root: build(root, root / "dist"),
        }
        print(f"documents: first {len(first)}, all {len(every)}")
        print(f"{'operation':10} {'first s':>9} {'all s':>9} {'first ms/doc':>13} {'all ms/doc':>11} {'per-doc ratio':>14}")
        for name, run in operations.items():
            secs = {key: best_of(args.repeat, lambda: run(layout.root)) for key, layout in repos.items()}
            per = {key: 1000 * secs[key] / len(ids) for key, ids in (("first", first), ("all", every))}
            print(f"{name:10} {secs['first']:9.2f} {secs['all']:9.2f} {per['first']:13.1f} {per['all']:11.1f} {per['all'] / per['first']:14.2f}")


if __name__ == "__main__":
    main()
