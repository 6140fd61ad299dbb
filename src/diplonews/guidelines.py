"""The label tables of ``annotations/GUIDELINES.md``, generated from the ontology.

The guidelines are prose written by people, with tables that must never drift from the
ontology: each table sits between ``<!-- BEGIN GENERATED: name -->`` and
``<!-- END GENERATED: name -->`` and is rewritten by :func:`refresh`.
"""
from __future__ import annotations

import re

from .ontology import Ontology, load
from .problems import DiplonewsError


def _row(*cells: str) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _attrs(attributes) -> str:
    parts = []
    for a in attributes.values():
        values = "/".join(str(v).lower() if isinstance(v, bool) else str(v) for v in a.values) if a.values else "TIMEX3 value"
        parts.append(f"`{a.name}` ({'required' if a.required else 'optional'}): {values}")
    return "; ".join(parts) or "none"


def mention_table(o: Ontology) -> str:
    lines = [_row("label", "definition", "grouped into entities", "attributes"), _row("---", "---", "---", "---")]
    lines += [_row(f"`{m.name}`", m.definition, "yes" if m.coreferent else "no", _attrs(m.attributes)) for m in o.mention_labels.values()]
    return "\n".join(lines)


def relation_table(o: Ontology) -> str:
    lines = [_row("relation", "head", "tail", "definition"), _row("---", "---", "---", "---")]
    lines += [_row(f"`{r.name}`", ", ".join(r.head), ", ".join(r.tail), r.definition) for r in o.relation_types.values()]
    return "\n".join(lines)


def event_table(o: Ontology) -> str:
    lines = [_row("event type", "definition", "roles (allowed argument labels)", "attributes"), _row("---", "---", "---", "---")]
    for e in o.event_types.values():
        roles = "; ".join(f"`{role}`: {', '.join(labels)}" for role, labels in e.roles.items())
        lines.append(_row(f"`{e.name}`", e.definition, roles, _attrs(e.attributes) if e.attributes else "none"))
    return "\n".join(lines)


def status_table(o: Ontology) -> str:
    lines = [_row("status", "definition"), _row("---", "---")]
    lines += [_row(f"`{name}`", definition) for name, definition in o.statuses.items()]
    return "\n".join(lines)


def stage_table(o: Ontology) -> str:
    lines = [_row("order", "stage", "meaning"), _row("---", "---", "---")]
    lines += [_row(str(i), f"`{stage}`", label) for i, (stage, label) in enumerate(o.stage_labels.items(), start=1)]
    return "\n".join(lines)


TABLES = {"mentions": mention_table, "relations": relation_table, "events": event_table, "statuses": status_table, "stages": stage_table}
BLOCK = re.compile(r"(<!-- BEGIN GENERATED: (\w+) -->\n)(.*?)(<!-- END GENERATED: \2 -->)", re.S)


def refresh(markdown: str, file: str = "GUIDELINES.md", ontology: Ontology | None = None) -> str:
    """``markdown`` (the text of ``file``) with every generated block rewritten from the ontology."""
    o = ontology or load()

    def fill(match: re.Match) -> str:
        if match[2] not in TABLES:
            raise DiplonewsError.of("derived-block", f"unknown generated block {match[2]!r}; known: {', '.join(TABLES)}", file=file)
        return f"{match[1]}{TABLES[match[2]](o)}\n{match[4]}"

    return BLOCK.sub(fill, markdown)
