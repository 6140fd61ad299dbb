"""Gold written under an older ontology, brought to the current one.

Every gold file records the ``ontology_version`` it was annotated under, and the schema
accepts only the current one, so a new ontology version never leaves old gold silently
half-valid: ``diplonews migrate --write`` rewrites it, one step per version, and the
tests run the migration over the repository to prove nothing is left behind.

A step changes only what the new version decides mechanically. What needs a reading
(a membership the text states, now a ``MEMBER_OF`` relation) is annotation work, not
migration, and is left to the annotators.

Steps:

- 1.0.0 → 1.1.0: an ``amendment`` whose trigger is a word of extending or renewing
  ("extend", "extension", "renewed", "prolong") becomes the new stage ``extension``
  (guidelines v1.0 forced term extensions into ``amendment``); the new stage
  ``referendum`` and relation ``MEMBER_OF`` have no old counterpart.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import jsonio
from .corpus import Layout
from .gold import canonicalize
from .ontology import load
from .problems import DiplonewsError

EXTENDING = re.compile(r"\b(extend\w*|extension\w*|renew\w*|prolong\w*)\b", re.IGNORECASE)


def _to_1_1_0(gold: dict) -> dict:
    for event in gold["events"]:
        if event["type"] == load().treaty_action_type and event["attributes"].get("stage") == "amendment" \
                and EXTENDING.search(event["trigger"]["text"]):
            event["attributes"]["stage"] = "extension"
    return gold


STEPS: dict[str, tuple[str, Callable[[dict], dict]]] = {"1.0.0": ("1.1.0", _to_1_1_0)}  # from -> (to, step)


def migrate(gold: dict, target: str | None = None) -> dict:
    """A copy of ``gold`` brought to ``target`` (default: the packaged ontology's version).

    A version no chain of steps leads from is a DiplonewsError (``migrate-version``).
    """
    target = target or load().version
    out = copy.deepcopy(gold)
    while out["ontology_version"] != target:
        if out["ontology_version"] not in STEPS:
            raise DiplonewsError.of("migrate-version", f"no migration from ontology version {out['ontology_version']!r} to {target!r}",
                                    doc_id=gold.get("doc_id"), path="$.ontology_version")
        version, step = STEPS[out["ontology_version"]]
        out = step(out)
        out["ontology_version"] = version
    return canonicalize(out)


@dataclass(frozen=True)
class Change:
    """A gold file to rewrite, and the ontology version it was annotated under (it goes to the current one)."""

    path: Path
    before: str


def gold_files(layout: Layout) -> Iterator[Path]:
    """Every gold-format file of the repository: the gold, and both passes of each agreement round."""
    yield from sorted(layout.gold_dir.glob("*.json"))
    if layout.agreement_dir.is_dir():
        yield from sorted(layout.agreement_dir.glob("*/*-pass/*.json"))


def plan(layout: Layout) -> list[Change]:
    """The files a migration would rewrite (nothing is written); every file no step leads from is one problem."""
    changes, problems = [], []
    for path in gold_files(layout):
        gold = jsonio.read_json(path)
        try:
            migrated = migrate(gold)
        except DiplonewsError as exc:
            problems += [p.at(file=str(path.relative_to(layout.root))) for p in exc.problems]
            continue
        if migrated != gold:
            changes.append(Change(path, gold["ontology_version"]))
    if problems:
        raise DiplonewsError(problems)
    return changes


def apply(changes: list[Change]) -> None:
    """Rewrite each planned file (each one atomically: a temporary file, then a rename)."""
    for change in changes:
        jsonio.write_json(change.path, migrate(jsonio.read_json(change.path)))
