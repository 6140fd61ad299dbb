"""The card's figures, as PNG bytes that are the same on every build.

Figures are drawn with matplotlib's Agg canvas at a fixed size and dpi, and saved with no
PNG metadata (matplotlib would otherwise stamp its version as ``Software``), so two
builds with the same matplotlib give the same bytes.
"""
from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

DPI = 100
SIZE = (8, 4.5)
FILES = {"label_distribution": "images/label_distribution.png", "stage_status": "images/stage_status.png"}


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def label_distribution(stats: dict) -> bytes:
    """Mentions per label, one bar group per split."""
    fig = Figure(figsize=SIZE)
    ax = fig.add_subplot()
    labels = list(stats["total"]["mentions"])
    splits = list(stats["splits"])
    width = 0.8 / len(splits)
    for i, split in enumerate(splits):
        counts = [stats["splits"][split]["mentions"][label] for label in labels]
        ax.bar([x + i * width for x in range(len(labels))], counts, width, label=split)
    ax.set_xticks([x + width * (len(splits) - 1) / 2 for x in range(len(labels))], labels, rotation=30, ha="right")
    ax.set_ylabel("mentions")
    ax.set_title("Entity mentions per label and split")
    ax.legend()
    fig.tight_layout()
    return _png(fig)


def stage_status(stats: dict) -> bytes:
    """Treaty actions by lifecycle stage (rows) and status (columns), as a heat map with counts."""
    table = stats["total"]["stage_status"]
    stages, statuses = list(table), list(next(iter(table.values())))
    values = [[table[stage][status] for status in statuses] for stage in stages]
    fig = Figure(figsize=(8, 7))
    ax = fig.add_subplot()
    ax.imshow(values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(statuses)), statuses, rotation=30, ha="right")
    ax.set_yticks(range(len(stages)), stages)
    top = max(max(row) for row in values) or 1
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if value:
                ax.text(c, r, str(value), ha="center", va="center", fontsize=8, color="white" if value > top / 2 else "black")
    ax.set_title("Treaty actions: stage x status")
    fig.tight_layout()
    return _png(fig)


def render(stats: dict) -> dict[str, bytes]:
    """Every figure, by its path in the build folder."""
    return {FILES["label_distribution"]: label_distribution(stats), FILES["stage_status"]: stage_status(stats)}
