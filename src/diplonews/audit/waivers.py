"""The committed waivers file: findings a person looked at and accepted, each with a reason.

``annotations/audit-waivers.json`` is a JSON list of ``{"code", "doc_id", "key", "reason"}``;
``code``, ``doc_id`` and ``key`` are copied from a finding (``doc_id`` is null for a
corpus-wide one). A waiver that matches no finding is reported as ``waiver-stale``, so the
file never keeps excuses for problems that are gone or have changed.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import jsonio
from ..corpus import Layout
from ..problems import DiplonewsError, Location, Problem
from .findings import CODES, UNWAIVABLE, Finding

FIELDS = ("code", "doc_id", "key", "reason")


@dataclass(frozen=True)
class Waiver:
    code: str
    doc_id: str | None
    key: str
    reason: str

    @property
    def identity(self) -> tuple[str, str | None, str]:
        return self.code, self.doc_id, self.key


def waivers_path(layout: Layout) -> Path:
    return layout.root / "annotations" / "audit-waivers.json"


def _entry_problems(entry) -> list[str]:
    """What is wrong with one entry of the list (nothing when it is a usable waiver)."""
    if not isinstance(entry, dict) or set(entry) != set(FIELDS):
        return [f"must be an object with exactly the keys {', '.join(FIELDS)}"]
    problems = []
    if not isinstance(entry["code"], str) or entry["code"] not in CODES or entry["code"] in UNWAIVABLE:
        problems.append(f"code {entry['code']!r} is not a waivable audit code")
    if entry["doc_id"] is not None and not isinstance(entry["doc_id"], str):
        problems.append("doc_id must be a document id, or null for a corpus-wide finding")
    if not isinstance(entry["key"], str) or not entry["key"]:
        problems.append("key must be the finding's key (a non-empty string)")
    if not isinstance(entry["reason"], str) or not entry["reason"].strip():
        problems.append("reason must say why the finding is acceptable")
    return problems


def load_waivers(path: Path) -> list[Waiver]:
    """The waivers in ``path`` (none if it does not exist); raises DiplonewsError listing every bad entry."""
    if not path.exists():
        return []
    raw = jsonio.read_json(path)
    if not isinstance(raw, list):
        raise DiplonewsError.of("waiver-invalid", "must be a JSON list of waivers", file=str(path), path="$")
    problems, waivers, seen = [], [], set()
    for i, entry in enumerate(raw):
        wrong = _entry_problems(entry)
        problems += [Problem("waiver-invalid", message, Location(str(path), path=f"$[{i}]")) for message in wrong]
        if wrong:
            continue
        waiver = Waiver(**entry)
        if waiver.identity in seen:
            problems.append(Problem("waiver-invalid", "waives the same finding as an earlier entry", Location(str(path), path=f"$[{i}]")))
        seen.add(waiver.identity)
        waivers.append(waiver)
    if problems:
        raise DiplonewsError(problems)
    return waivers


def apply_waivers(findings: Iterable[Finding], waivers: list[Waiver]) -> tuple[list[Finding], list[tuple[Finding, Waiver]]]:
    """(open findings, with a waiver-stale finding per unused waiver; waived findings with their waivers)."""
    by_identity = {w.identity: w for w in waivers}
    open_, waived, used = [], [], set()
    for finding in findings:
        waiver = by_identity.get(finding.identity)
        if waiver:
            waived.append((finding, waiver))
            used.add(waiver.identity)
        else:
            open_.append(finding)
    for w in waivers:
        if w.identity not in used:
            open_.append(Finding("waiver-stale", w.doc_id, f"{w.code}: {w.key}",
                                 f"the waiver of [{w.code}] {w.key!r} matches no finding (fixed, or its key changed): remove or update it"))
    return open_, waived
