"""Errors of the Label Studio bridge: each names what went wrong and where."""
from __future__ import annotations

from dataclasses import dataclass


class LabelStudioError(Exception):
    """Base of the errors this package raises for bad input or a refusing server."""


class ConfigError(LabelStudioError):
    """The ontology cannot be expressed as a labeling config."""


class TaskError(LabelStudioError):
    """Tasks cannot be made (unknown document, predictions that do not fit)."""


class ClientError(LabelStudioError):
    """The server refused a request or could not be reached; the API key is never included."""


@dataclass(frozen=True)
class ExportProblem:
    """One reason an export cannot become gold: which task, which region, what is wrong."""

    rule: str
    message: str
    task: int | str | None = None
    doc_id: str | None = None
    region: str | None = None

    def render(self) -> str:
        where = [f"task {self.task}" if self.task is not None else "export"]
        if self.doc_id:
            where.append(f"doc {self.doc_id}")
        if self.region:
            where.append(f"region {self.region}")
        return f"{', '.join(where)}: [{self.rule}] {self.message}"


class ExportError(LabelStudioError):
    """An export that does not convert; nothing was written. ``problems`` lists every reason."""

    def __init__(self, problems: list[ExportProblem]):
        self.problems = problems
        super().__init__("\n".join(p.render() for p in problems))
