"""The authoring markup: one plain-text file holds a document, its metadata and its gold.

    {"meta": {...metadata...}, "annotation": {...provenance...}}
    === text
    [Kazem Jalali]{#jalali1 OFFICIAL @jalali}, [Iran]{COUNTRY @iran}’s [Ambassador]{#amb ROLE} ...
    ... [met]{#meet TREATY_ACTION status=completed stage=signature} ...
    === entities
    @jalali = Kazem Jalali
    @iran = Iran | Q794
    === relations
    HOLDS_ROLE jalali1 amb
    === events
    #meet participant=jalali1 time=thu

A tag ``{...}`` after ``[surface]`` holds: one label (a mention label or an event type),
``#id`` (optional; needed to refer to the item), ``@entity`` (mentions of grouped labels),
and ``key=value`` attributes (``status=`` on triggers). Attributes with an ontology default
may be left out. ``\\``, ``[`` and ``]`` in the text are written ``\\\\``, ``\\[`` and ``\\]``.
The text is everything between the ``=== text`` line and the next ``=== `` section line,
without the final line break. Spans may nest (a trigger inside a mention); crossing spans
cannot be written. Parsing never guesses: anything unclear raises a ``markup-syntax`` problem
naming the file and the line.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..gold import FreshIds, canonicalize, new_annotation
from ..ontology import Ontology, load
from ..problems import DiplonewsError

SECTIONS = ("text", "entities", "relations", "events")
SECTION_LINE = re.compile(r"^=== (\w+)$")
ESCAPES = {"\\": "\\\\", "[": "\\[", "]": "\\]"}


def _syntax_error(file: str, line: int | None, message: str) -> DiplonewsError:
    """A markup file that cannot be compiled: the file, the line and what is wrong."""
    return DiplonewsError.of("markup-syntax", message, file=file, line=line)


@dataclass
class Compiled:
    """The outcome of compiling one markup file: text, metadata, gold, and where each id was written."""

    text: str
    meta: dict
    gold: dict
    lines: dict[str, int] = field(default_factory=dict)  # annotation id -> markup line


@dataclass
class _Span:
    start: int
    end: int
    tag: str
    line: int


def _split_sections(source: str, file: str) -> tuple[str, dict[str, tuple[int, str]]]:
    """Header text, and each section's (first line number, body)."""
    lines = source.split("\n")
    if lines[-1] == "":
        lines.pop()  # the file's own final line break belongs to no section
    marks = [(i, m[1]) for i, line in enumerate(lines) if (m := SECTION_LINE.match(line))]
    names = [name for _, name in marks]
    if not names or names[0] != "text":
        raise _syntax_error(file, None, "the header must be followed by a '=== text' line")
    unknown = [n for n in names if n not in SECTIONS]
    if unknown or len(set(names)) != len(names):
        raise _syntax_error(file, None, f"sections must be distinct and among {', '.join(SECTIONS)}; got {', '.join(names)}")
    sections = {}
    for k, (i, name) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(lines)
        sections[name] = (i + 2, "\n".join(lines[i + 1 : stop]))
    return "\n".join(lines[: marks[0][0]]), sections


def _parse_text(body: str, first_line: int, file: str) -> tuple[str, list[_Span]]:
    """Strip the markup: the plain text and the tagged spans, offsets in code points."""
    out: list[str] = []
    spans: list[_Span] = []
    opened: list[tuple[int, int]] = []  # (offset in output, line)
    line, i, n = first_line, 0, len(body)
    while i < n:
        ch = body[i]
        if ch == "\\":
            if i + 1 >= n or body[i + 1] not in ESCAPES:
                raise _syntax_error(file, line, "a backslash must escape \\, [ or ]")
            out.append(body[i + 1])
            i += 2
            continue
        if ch == "[":
            opened.append((len(out), line))
        elif ch == "]":
            if not opened:
                raise _syntax_error(file, line, "']' closes no '['; write \\] for a literal bracket")
            if i + 1 >= n or body[i + 1] != "{":
                raise _syntax_error(file, line, "']' must be followed by a {tag}; write \\] for a literal bracket")
            close = body.find("}", i)
            if close < 0 or "\n" in body[i:close]:
                raise _syntax_error(file, line, "a {tag} must close with '}' on the same line")
            start, _ = opened.pop()
            spans.append(_Span(start, len(out), body[i + 2 : close], line))
            i = close + 1
            continue
        else:
            out.append(ch)
            if ch == "\n":
                line += 1
        i += 1
    if opened:
        raise _syntax_error(file, opened[-1][1], "'[' is never closed")
    return "".join(out), spans


@dataclass
class _Tag:
    label: str
    id: str | None
    entity: str | None
    attrs: dict


def _parse_tag(span: _Span, ontology: Ontology, file: str) -> _Tag:
    label = ident = entity = None
    attrs: dict = {}
    for token in span.tag.split():
        if token.startswith("#"):
            ident = token[1:]
        elif token.startswith("@"):
            entity = token[1:]
        elif "=" in token:
            key, value = token.split("=", 1)
            attrs[key] = value
        elif token in ontology.mention_labels or token in ontology.event_types:
            if label:
                raise _syntax_error(file, span.line, f"tag {{{span.tag}}} has two labels")
            label = token
        else:
            raise _syntax_error(file, span.line, f"unknown label {token!r} in {{{span.tag}}}")
    if not label:
        raise _syntax_error(file, span.line, f"tag {{{span.tag}}} has no label")
    return _Tag(label, ident, entity, attrs)


def _typed_attributes(tag: _Tag, spec: dict, line: int, file: str) -> dict:
    """Attribute values with their ontology types (booleans), defaults filled in."""
    out = {}
    for key, raw in tag.attrs.items():
        attr = spec.get(key)
        if attr is not None and attr.values is not None and all(isinstance(v, bool) for v in attr.values):
            if raw not in ("true", "false"):
                raise _syntax_error(file, line, f"{key} must be true or false, not {raw!r}")
            out[key] = raw == "true"
        else:
            out[key] = raw
    for key, attr in spec.items():
        if key not in out and attr.default is not None:
            out[key] = attr.default
    return out


def _parse_entities(body: str, first_line: int, file: str) -> dict[str, tuple[str, str | None, int]]:
    """@key = Name | Q123 lines: key -> (name, kb_id, line)."""
    out = {}
    for k, line in enumerate(body.split("\n")):
        if not line.strip():
            continue
        m = re.match(r"^@(\S+)\s*=\s*(.+?)\s*(?:\|\s*(\S+))?\s*$", line)
        if not m:
            raise _syntax_error(file, first_line + k, "an entity line reads '@key = Canonical name' or '@key = Canonical name | Q123'")
        if m[1] in out:
            raise _syntax_error(file, first_line + k, f"entity @{m[1]} is described twice")
        out[m[1]] = (m[2], m[3], first_line + k)
    return out


def compile_markup(source: str, file: str = "<markup>", ontology: Ontology | None = None) -> Compiled:
    """Turn a markup file into its text, metadata and gold annotation (canonical order)."""
    o = ontology or load()
    header, sections = _split_sections(source, file)
    try:
        head = json.loads(header)
        meta, provenance = head["meta"], head["annotation"]
    except (json.JSONDecodeError, RecursionError, KeyError, TypeError) as exc:
        raise _syntax_error(file, 1, f"the header must be a JSON object with 'meta' and 'annotation': {exc!r}") from None
    if not (isinstance(meta, dict) and isinstance(provenance, dict)):
        raise _syntax_error(file, 1, "the header's 'meta' and 'annotation' must be JSON objects")
    text_line, body = sections["text"]
    text, spans = _parse_text(body, text_line, file)
    tags = [(span, _parse_tag(span, o, file)) for span in spans]
    ids = FreshIds({t.id for _, t in tags if t.id})
    seen: dict[str, int] = {}
    for span, tag in tags:
        if tag.id and tag.id in seen:
            raise _syntax_error(file, span.line, f"id #{tag.id} is already used on line {seen[tag.id]}")
        if tag.id:
            seen[tag.id] = span.line
    gold = new_annotation(meta.get("id", ""), text, provenance)
    lines: dict[str, int] = {}
    groups: dict[str, list[str]] = {}
    for span, tag in sorted(tags, key=lambda st: (st[0].start, st[0].end)):
        surface = {"start": span.start, "end": span.end, "text": text[span.start : span.end]}
        if tag.label in o.mention_labels:
            ident = tag.id or ids.next("m")
            attrs = _typed_attributes(tag, o.mention_labels[tag.label].attributes, span.line, file)
            gold["mentions"].append({"id": ident, **surface, "label": tag.label, "attributes": attrs})
            if tag.entity or o.mention_labels[tag.label].coreferent:
                groups.setdefault(tag.entity or ids.next("e"), []).append(ident)
        else:
            ident = tag.id or ids.next("v")
            if tag.entity:
                raise _syntax_error(file, span.line, f"an event trigger ({tag.label}) cannot belong to an entity")
            attrs = _typed_attributes(tag, o.event_types[tag.label].attributes, span.line, file)
            status = attrs.pop("status", None)
            if status is None:
                raise _syntax_error(file, span.line, f"trigger {{{span.tag}}} needs status=")
            gold["events"].append({"id": ident, "type": tag.label, "trigger": surface, "status": status, "attributes": attrs, "arguments": []})
        lines[ident] = span.line
    _add_entities(gold, groups, sections, ids, lines, file)
    _add_relations(gold, sections, ids, lines, file)
    _add_arguments(gold, sections, lines, file)
    return Compiled(text=text, meta=meta, gold=canonicalize(gold), lines=lines)


def _add_entities(gold: dict, groups: dict[str, list[str]], sections: dict, ids: FreshIds, lines: dict, file: str) -> None:
    first_line, body = sections.get("entities", (0, ""))
    described = _parse_entities(body, first_line, file)
    for key, (_, _, line) in described.items():
        if key not in groups:
            raise _syntax_error(file, line, f"entity @{key} has no mention in the text")
    by_id = {m["id"]: m for m in gold["mentions"]}
    for key, refs in groups.items():
        name, kb_id, line = described.get(key, (by_id[refs[0]]["text"], None, lines[refs[0]]))
        gold["entities"].append({"id": key, "name": name, "kb_id": kb_id, "mentions": refs})
        lines.setdefault(key, line)
        ids.taken.add(key)


def _add_relations(gold: dict, sections: dict, ids: FreshIds, lines: dict, file: str) -> None:
    first_line, body = sections.get("relations", (0, ""))
    for k, line in enumerate(body.split("\n")):
        tokens = line.split()
        if not tokens:
            continue
        ident = tokens.pop(0)[1:] if tokens[0].startswith("#") else None
        if len(tokens) != 3:
            raise _syntax_error(file, first_line + k, "a relation line reads '[#id] TYPE head tail'")
        if ident and ident in lines:
            raise _syntax_error(file, first_line + k, f"id #{ident} is already used")
        ident = ident or ids.next("r")
        ids.taken.add(ident)
        gold["relations"].append({"id": ident, "type": tokens[0], "head": tokens[1], "tail": tokens[2]})
        lines[ident] = first_line + k


def _add_arguments(gold: dict, sections: dict, lines: dict, file: str) -> None:
    first_line, body = sections.get("events", (0, ""))
    events = {ev["id"]: ev for ev in gold["events"]}
    done = set()
    for k, line in enumerate(body.split("\n")):
        tokens = line.split()
        if not tokens:
            continue
        where = first_line + k
        if not tokens[0].startswith("#") or tokens[0][1:] not in events:
            raise _syntax_error(file, where, f"an events line starts with the #id of a trigger in the text, not {tokens[0]!r}")
        ident = tokens[0][1:]
        if ident in done:
            raise _syntax_error(file, where, f"arguments of #{ident} are given twice")
        done.add(ident)
        for token in tokens[1:]:
            if "=" not in token:
                raise _syntax_error(file, where, f"an argument reads role=mention_id, not {token!r}")
            role, ref = token.split("=", 1)
            events[ident]["arguments"].append({"role": role, "ref": ref})


def _escape(text: str) -> str:
    return "".join(ESCAPES.get(ch, ch) for ch in text)


def _tag(label: str, ident: str, extra: list[str], attrs: dict, spec: dict) -> str:
    tokens = [f"#{ident}", label, *extra]
    for key in sorted(attrs, key=lambda k: (k != "status", k)):
        value = attrs[key]
        if key in spec and spec[key].default is not None and spec[key].default == value:
            continue
        tokens.append(f"{key}={str(value).lower() if isinstance(value, bool) else value}")
    return "{" + " ".join(tokens) + "}"


def render_markup(text: str, meta: dict, gold: dict, ontology: Ontology | None = None) -> str:
    """The markup of a gold document: compiling it gives back exactly ``gold`` (canonical)."""
    o = ontology or load()
    entity_of = {ref: e["id"] for e in gold["entities"] for ref in e["mentions"]}
    items = []  # (start, end, tag)
    for m in gold["mentions"]:
        extra = [f"@{entity_of[m['id']]}"] if m["id"] in entity_of else []
        items.append((m["start"], m["end"], _tag(m["label"], m["id"], extra, m["attributes"], o.mention_labels[m["label"]].attributes)))
    for ev in gold["events"]:
        attrs = {"status": ev["status"], **ev["attributes"]}
        items.append((ev["trigger"]["start"], ev["trigger"]["end"], _tag(ev["type"], ev["id"], [], attrs, o.event_types[ev["type"]].attributes)))
    _refuse_crossing(items, gold["doc_id"])
    opens: dict[int, list] = {}
    closes: dict[int, list] = {}
    for start, end, tag in items:
        opens.setdefault(start, []).append((end, tag))
        closes.setdefault(end, []).append((start, tag))
    out = []
    for i in range(len(text) + 1):
        for start, tag in sorted(closes.get(i, []), key=lambda x: -x[0]):  # inner (later start) closes first
            out.append("]" + tag)
        out.append("[" * len(opens.get(i, [])))
        if i < len(text):
            out.append(_escape(text[i]))
    header = json.dumps({"meta": meta, "annotation": gold["provenance"]}, ensure_ascii=False, indent=2, sort_keys=True)
    parts = [header, "=== text", "".join(out), "=== entities"]
    for e in gold["entities"]:
        parts.append(f"@{e['id']} = {e['name']}" + (f" | {e['kb_id']}" if e["kb_id"] else ""))
    parts.append("=== relations")
    parts += [f"#{r['id']} {r['type']} {r['head']} {r['tail']}" for r in gold["relations"]]
    parts.append("=== events")
    parts += [f"#{ev['id']} " + " ".join(f"{a['role']}={a['ref']}" for a in ev["arguments"]) for ev in gold["events"] if ev["arguments"]]
    return "\n".join(parts) + "\n"


def _refuse_crossing(items: list[tuple[int, int, str]], doc_id: str) -> None:
    ordered = sorted(items, key=lambda x: (x[0], -x[1]))
    stack: list[tuple[int, int, str]] = []
    for start, end, tag in ordered:
        while stack and stack[-1][1] <= start:
            stack.pop()
        if stack and end > stack[-1][1]:
            raise DiplonewsError.of("markup-crossing", f"spans {stack[-1][2]} and {tag} cross; the markup can only nest spans", doc_id=doc_id)
        stack.append((start, end, tag))
