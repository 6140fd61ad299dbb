"""An :class:`Evaluation` as JSON or as Markdown tables."""
from __future__ import annotations

import json

from ..anchoring import RULES, AnchorReport
from .score import HEADLINE, RELAXED, Evaluation
from .mentions import SCHEMES


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def _ci(ci) -> str:
    return "n/a" if ci is None else f"[{ci[0]:.4f}, {ci[1]:.4f}]"


def to_json(ev: Evaluation, with_errors: bool, anchoring: AnchorReport | None = None) -> str:
    out = ev.as_dict(with_errors)
    if anchoring is not None:
        out["anchoring"] = anchoring.as_dict()
    return json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True)


def _anchoring_section(report: AnchorReport) -> list[str]:
    """How the quotes were anchored (by rule), what was dropped (by code), and each dropped item or unreadable line."""
    lines = ["", "### Anchoring", "", report.summary() + ".", "", "| rule | quotes |", "|---|---|"]
    lines += [f"| {rule} | {report.resolved[rule]} |" for rule in RULES]
    if report.problems:
        lines += ["", "| code | items dropped, or lines unreadable |", "|---|---|"] + [f"| {c} | {n} |" for c, n in sorted(report.dropped.items())]
        lines += [""] + [f"- {p.render()}" for p in report.problems]
    return lines


def _per_label_table(ev: Evaluation) -> list[str]:
    labels = sorted({k.split(".")[2] for k in ev.figures if k.startswith("mentions.") and k.count(".") == 3})
    lines = ["| label | " + " | ".join(f"{s} P / R / F1" for s in SCHEMES) + " |", "|---|" + "---|" * len(SCHEMES)]
    for label in labels:
        cells = [" / ".join(_num(ev.figures[f"mentions.{s}.{label}.{m}"]) for m in ("precision", "recall", "f1")) for s in SCHEMES]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def to_markdown(ev: Evaluation, with_errors: bool, anchoring: AnchorReport | None = None) -> str:
    lines = [f"## Scores ({ev.overall.documents} documents)", "",
             f"95% intervals: percentile bootstrap over documents, {ev.samples} samples, seed {ev.seed}.", "",
             "| metric | value | 95% CI |", "|---|---|---|"]
    lines += [f"| {n} | {_num(ev.overall.values[n])} | {_ci(ev.overall.intervals[n])} |" for n in HEADLINE]
    lines += ["", "### Relaxed and Ign figures (beside strict, never instead)", "", "| metric | value |", "|---|---|"]
    lines += [f"| {n} | {_num(ev.figures[n])} |" for n in RELAXED]
    lines += ["", "### Mentions per label", ""] + _per_label_table(ev)
    if ev.subsets:
        names = list(ev.subsets)
        lines += ["", "### By subset", "", "| metric | " + " | ".join(f"{n} ({ev.subsets[n].documents})" for n in names) + " |",
                  "|---|" + "---|" * len(names)]
        lines += [f"| {m} | " + " | ".join(_num(ev.subsets[n].values[m]) for n in names) + " |" for m in HEADLINE]
    if anchoring is not None:
        lines += _anchoring_section(anchoring)
    if with_errors:
        lines += ["", "### Errors"]
        for doc in ev.documents:
            if doc.errors:
                lines += ["", f"#### {doc.doc_id}", ""] + [f"- {e.render()}" for e in doc.errors]
    return "\n".join(lines) + "\n"
