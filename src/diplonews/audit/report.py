"""The outcome of an audit: open findings, waived findings, and how they are shown."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .findings import Finding
from .waivers import Waiver


@dataclass
class AuditReport:
    documents: int = 0
    findings: list[Finding] = field(default_factory=list)  # open: neither fixed nor waived
    waived: list[tuple[Finding, Waiver]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.findings

    def flatten(self) -> list[tuple]:
        """(code, doc_id, key) per open finding: one-line assertions in tests."""
        return [f.identity for f in self.findings]

    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def as_dict(self) -> dict:
        return {
            "passed": self.passed,
            "documents": self.documents,
            "counts": self.counts(),
            "findings": [f.as_dict() for f in self.findings],
            "waived": [{**f.as_dict(), "reason": w.reason} for f, w in self.waived],
        }

    def render_text(self) -> str:
        lines = [f.render() for f in self.findings]
        summary = ", ".join(f"{code} {n}" for code, n in self.counts().items())
        verdict = "passed" if self.passed else f"FAILED: {len(self.findings)} open finding(s) ({summary})"
        lines.append(f"{self.documents} document(s) audited, {len(self.waived)} finding(s) waived: {verdict}")
        return "\n".join(lines)
