"""Benchmark `diplonews build` on synthetic corpora: peak RSS and time per document.

    PYTHONPATH=src python scripts/bench_build.py [--sizes 10000 100000] [--source ROOT] [--workdir DIR]

Each corpus replicates the gold documents of ``--source`` (default: this repository)
under new ids (``<id>-x000123``, same story and split), in a temporary folder. Each
measurement runs in a fresh process, so peak RSS is that of one build alone. For
attribution, the validator (which the build runs first) is also measured on its own.
Targets: peak RSS at the largest size within 1.5x of the smallest, time per document
within 1.3x.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scratch import scratch_folder  # scripts/ is on the path when a script runs

REPO = Path(__file__).resolve().parents[1]


def make_corpus(source: Path, target: Path, size: int) -> None:
    """``size`` documents replicated from the gold documents of ``source``, streamed to disk."""
    from diplonews import jsonio
    from diplonews.corpus import Layout
    from diplonews.gold import gold_status_ids
    from diplonews.hf.source import read_document

    src = Layout(source)
    originals = [read_document(src, doc_id) for doc_id in gold_status_ids(src)]
    dst = Layout(target)
    dst.corpus_dir.mkdir(parents=True)
    dst.gold_dir.mkdir(parents=True)
    shutil.copy(source / "dataset_card.md", target / "dataset_card.md")
    for i in range(size):
        doc = originals[i % len(originals)]
        doc_id = f"{doc.doc_id}-x{i:06d}"
        dst.text_path(doc_id).write_bytes(doc.text.encode("utf-8"))
        dst.meta_path(doc_id).write_text(jsonio.dumps({**doc.meta, "id": doc_id}), encoding="utf-8")
        dst.gold_path(doc_id).write_text(jsonio.dumps({**doc.gold, "doc_id": doc_id}), encoding="utf-8")


def measure(mode: str, root: Path, out: Path) -> dict:
    """Run one build (or validation) in this process and report its wall time and peak RSS."""
    from diplonews.hf.builder import build
    from diplonews.validation.validator import validate

    start = time.perf_counter()
    if mode == "build":
        documents = build(root, out).stats["total"]["documents"]
    else:
        report = validate(root)
        assert report.valid, report.render_text()
        documents = report.documents
    seconds = time.perf_counter() - start
    return {"mode": mode, "documents": documents, "seconds": seconds,
            "ms_per_doc": 1000 * seconds / documents, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child(mode: str, root: Path, out: Path) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--root", str(root), "--out", str(out)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)  # killed with us: run() ends it on any exception
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--source", type=Path, default=REPO)
    parser.add_argument("--workdir", type=Path, default=None, help="where synthetic corpora go (default: a temp folder)")
    parser.add_argument("--child", choices=["build", "validate"], help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.root, args.out)))
        return
    results = {}
    for size in args.sizes:
        with scratch_folder(f"dn-bench-build-{size}-", args.workdir) as work:
            make_corpus(args.source, work / "repo", size)
            results[size] = {mode: child(mode, work / "repo", work / "dist") for mode in ("validate", "build")}
        for mode, r in results[size].items():
            print(f"{size:>7} docs  {mode:<8}  {r['ms_per_doc']:6.2f} ms/doc  {r['seconds']:8.1f} s  peak RSS {r['peak_rss_mb']:7.1f} MB", flush=True)
    small, large = min(results), max(results)
    if small != large:
        for mode in ("validate", "build"):
            a, b = results[small][mode], results[large][mode]
            print(f"{mode}: {large}/{small}: peak RSS x{b['peak_rss_mb'] / a['peak_rss_mb']:.2f} (target <= 1.5), "
                  f"time per doc x{b['ms_per_doc'] / a['ms_per_doc']:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
