"""Validation throughput against plain ``jsonschema``, on the same documents.

Builds a synthetic corpus by replicating the repository's gold documents under new ids
(default: about 3,000 documents) in a temporary folder, then times, per document:
  1. read + parse only (text, metadata and annotation files; json.loads),
  2. schema-only validation with plain jsonschema Draft202012Validator (after parsing),
  3. diplonews full validation (`validate`: reading, parsing, schemas with the compiled
     fast path, and every semantic and corpus rule).
and prints throughputs and the ratios the data-contract issue sets:
full validation >= 10x plain jsonschema, and <= 2x the parse time.

    python scripts/bench_validate.py [--docs 3000]
"""
from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

import jsonschema

from diplonews import jsonio, schemas
from diplonews.corpus import Layout
from diplonews.validation.validator import validate

from scratch import scratch_folder  # scripts/ is on the path when a script runs

ROOT = Path(__file__).resolve().parents[1]


def scale_corpus(source: Layout, target: Layout, count: int) -> list[str]:
    """Copy the gold documents round-robin under new ids until ``count`` exist."""
    gold_ids = source.gold_ids()
    made = []
    for n in range(count):
        doc_id = gold_ids[n % len(gold_ids)]
        new_id = f"syn-{n:06d}"
        meta = json.loads(source.meta_path(doc_id).read_text(encoding="utf-8"))
        meta.update(id=new_id, story=new_id)
        gold = json.loads(source.gold_path(doc_id).read_text(encoding="utf-8"))
        gold["doc_id"] = new_id
        target.corpus_dir.mkdir(parents=True, exist_ok=True)
        target.gold_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source.text_path(doc_id), target.text_path(new_id))
        target.meta_path(new_id).write_text(jsonio.dumps(meta), encoding="utf-8")
        target.gold_path(new_id).write_text(jsonio.dumps(gold), encoding="utf-8")
        made.append(new_id)
    return made


def read_and_parse(layout: Layout, doc_ids: list[str]) -> list[tuple[dict, dict]]:
    out = []
    for doc_id in doc_ids:
        layout.read_text(doc_id)
        meta = json.loads(layout.meta_path(doc_id).read_bytes())
        out.append((meta, json.loads(layout.gold_path(doc_id).read_bytes())))
    return out


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with scratch_folder("dn-bench-validate-") as tmp:
        layout = Layout(Path(tmp))
        doc_ids = scale_corpus(Layout(ROOT), layout, args.docs)
        n = len(doc_ids)
        parsed = read_and_parse(layout, doc_ids)
        annotation = jsonschema.Draft202012Validator(schemas.annotation_schema())
        metadata = jsonschema.Draft202012Validator(schemas.metadata_schema())

        def plain_schema_only():
            for meta, gold in parsed:
                assert not list(metadata.iter_errors(meta)) and not list(annotation.iter_errors(gold))

        def full():
            assert validate(layout.root).valid

        t_parse = best_of(args.runs, lambda: read_and_parse(layout, doc_ids))
        t_plain = best_of(1, plain_schema_only)
        t_full = best_of(args.runs, full)
    print(f"documents: {n} (replicated from {len(Layout(ROOT).gold_ids())} gold documents)")
    print(f"read + parse only:                 {n / t_parse:10.0f} docs/s")
    print(f"plain jsonschema, schema only:     {n / t_plain:10.0f} docs/s (parsing not counted)")
    print(f"diplonews validate, all rules:     {n / t_full:10.0f} docs/s (reading and parsing included)")
    print(f"full validation vs plain jsonschema: {t_plain / t_full:6.1f}x faster (target >= 10x)")
    print(f"full validation vs parse time:       {t_full / t_parse:6.2f}x the time (target <= 2x)")


if __name__ == "__main__":
    main()
