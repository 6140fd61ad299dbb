"""The outcome of a validation run: problems, notices, and how it is shown."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem


@dataclass
class Report:
    documents: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    def flatten(self) -> list[tuple]:
        """(code, doc_id, annotation_id, path) per problem: one-line assertions in tests."""
        return [(p.code, p.location.doc_id, p.location.annotation_id, p.location.path) for p in self.problems]

    def as_dict(self) -> dict:
        return {
            "valid": self.valid,
            "documents": self.documents,
            "errors": [p.as_dict() for p in self.problems],
            "notices": [p.as_dict() for p in self.notices],
        }

    def render_text(self) -> str:
        lines = [p.render() for p in self.problems]
        lines += [f"notice: {p.render()}" for p in self.notices]
        verdict = "valid" if self.valid else f"INVALID: {len(self.problems)} error(s)"
        lines.append(f"{self.documents} document(s) checked, {len(self.notices)} notice(s): {verdict}")
        return "\n".join(lines)
