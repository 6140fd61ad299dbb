"""``results/leaderboard.json``: both baselines scored on validation and test, with the date
and commit that produced the scores. The dataset card renders this file."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .. import jsonio
from ..corpus import Layout
from ..scoring.corpus_eval import gold_split
from ..scoring.score import score
from . import BASELINES
from .run import predict_split, train

SPLITS = ("validation", "test")


def commit_of(root: Path) -> str:
    """The git commit of the repository at ``root``, or "unknown" outside a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def build(layout: Layout, systems=tuple(BASELINES), today: dt.date | None = None, progress=None) -> dict:
    """Train each system once on train, score it on every split that has gold documents."""
    entries = []
    for system in systems:
        model = train(layout, system, progress)
        for split in SPLITS:
            reference, metas = gold_split(layout, split)
            if not reference:
                if progress:
                    progress(f"{system}: no gold document in {split}; skipped")
                continue
            predicted = {p["doc_id"]: p for p in predict_split(layout, model, split)}
            metrics = score(reference, predicted, metas).overall.as_dict()
            entries.append({"system": system, "split": split, "documents": metrics["documents"], "metrics": metrics["metrics"]})
            if progress:
                progress(f"{system} on {split}: {metrics['documents']} documents scored")
    return {"generated": (today or dt.date.today()).isoformat(), "commit": commit_of(layout.root), "entries": entries}


def write(path: Path, board: dict) -> None:
    jsonio.write_json(path, board)
