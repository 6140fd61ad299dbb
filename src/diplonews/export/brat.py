"""brat standoff (nlplab/brat): ``<doc_id>.txt`` and ``<doc_id>.ann`` per document, and the
``annotation.conf`` and ``visual.conf`` of the ontology; and the reader back to gold.

The mapping (docs/export.md shows an example):

- a mention is a T line of its label, a trigger a T line of its event type (one per event,
  so two events on one word stay two); offsets are code points into the .txt, as brat's
  server counts them; a span across a line break is written as fragments, one per line,
  which the reader joins back;
- a relation is an R line ``TYPE Arg1:T Arg2:T``; an event an E line ``TYPE:trigger
  role:T role2:T``, a repeated role numbered from its second use;
- closed attributes (``mention_type``, ``metonymic``, ``timex_type``, and an event's
  ``status``, ``stage``, ``direction``) are A lines ``name target value``, booleans as
  ``true``/``false``;
- open values are normalisations, N lines: a DATE's TIMEX3 value is ``TIMEX3:<value>``;
  an entity is ``Entity:<entity id>`` on each of its mentions, with the canonical name as
  the line's text, and its Wikidata id ``Wikidata:<QID>`` on each of its mentions;
- the gold id of each mention, relation and event is its AnnotatorNotes (a ``#`` line),
  so ids survive; an annotation added in brat without a note gets a fresh id when read.

Nothing of the gold is dropped (:data:`DROPS` is empty); the document-level record (ontology
version, provenance) is in the export's manifest, beside the brat files.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from .. import jsonio
from ..corpus import text_sha256
from ..gold import FreshIds, canonicalize
from ..ontology import Attribute, Ontology, load
from ..palette import colours
from ..problems import DiplonewsError, Location, Problem
from . import read_manifest

DROPS: tuple[str, ...] = ()
ENTITY_DB = "Entity"  # N lines that group mentions into entities
KB_DB = "Wikidata"  # N lines of an entity's kb_id
STATUS = "status"  # an event's status: a gold field, an A line in brat
NOTE = "AnnotatorNotes"
REFERENCE = "Reference"


def _event_attributes(ontology: Ontology, event_type: str) -> dict[str, Attribute]:
    """An event type's A-line attributes: the status, then the type's own attributes."""
    status = Attribute(STATUS, tuple(ontology.statuses), True, "The event's status.")
    return {STATUS: status, **ontology.event_types[event_type].attributes}


def _brat_value(value) -> str:
    """An attribute value as brat writes it: strings as they are, booleans as ``true``/``false``."""
    return value if isinstance(value, str) else json.dumps(value)


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at its line breaks (brat draws, and its .ann text holds, one line per fragment)."""
    fragments, position = [], start
    for piece in text[start:end].split("\n"):
        if piece:
            fragments.append((position, position + len(piece)))
        position += len(piece) + 1
    return fragments


def _text_bound(brat_id: str, kind: str, start: int, end: int, text: str) -> str:
    fragments = _fragments(text, start, end)
    offsets = ";".join(f"{s} {e}" for s, e in fragments)
    return f"{brat_id}\t{kind} {offsets}\t{' '.join(text[s:e] for s, e in fragments)}"


def to_ann(text: str, gold: dict) -> str:
    """The .ann text of one gold document over its ``text`` (lines by kind: T, E, R, A, N, #)."""
    ontology, gold = load(), canonicalize(gold)
    counts: Counter = Counter()

    def new(prefix: str) -> str:
        counts[prefix] += 1
        return f"{prefix}{counts[prefix]}"

    mentions, events, relations = gold["mentions"], gold["events"], gold["relations"]
    tb = {m["id"]: new("T") for m in mentions}
    triggers = [new("T") for _ in events]
    eids = [new("E") for _ in events]
    rids = [new("R") for _ in relations]
    lines = [_text_bound(tb[m["id"]], m["label"], m["start"], m["end"], text) for m in mentions]
    lines += [_text_bound(t, ev["type"], ev["trigger"]["start"], ev["trigger"]["end"], text) for t, ev in zip(triggers, events)]
    for eid, trigger, ev in zip(eids, triggers, events):
        used: Counter = Counter()
        parts = [f"{ev['type']}:{trigger}"]
        for arg in ev["arguments"]:
            used[arg["role"]] += 1
            parts.append(f"{arg['role']}{used[arg['role']] if used[arg['role']] > 1 else ''}:{tb[arg['ref']]}")
        lines.append(f"{eid}\t{' '.join(parts)}")
    lines += [f"{rid}\t{r['type']} Arg1:{tb[r['head']]} Arg2:{tb[r['tail']]}" for rid, r in zip(rids, relations)]

    entity_of = {ref: entity for entity in gold["entities"] for ref in entity["mentions"]}
    attributes, norms = [], []
    for m in mentions:
        target = tb[m["id"]]
        for name, spec in ontology.mention_labels[m["label"]].attributes.items():
            if name not in m["attributes"]:
                continue
            value = m["attributes"][name]
            if spec.values is None:
                norms.append(f"{new('N')}\t{REFERENCE} {target} {spec.format.upper()}:{value}\t{value}")
            else:
                attributes.append(f"{new('A')}\t{name} {target} {_brat_value(value)}")
        entity = entity_of.get(m["id"])
        if entity:
            norms.append(f"{new('N')}\t{REFERENCE} {target} {ENTITY_DB}:{entity['id']}\t{entity['name']}")
            if entity["kb_id"]:
                norms.append(f"{new('N')}\t{REFERENCE} {target} {KB_DB}:{entity['kb_id']}\t{entity['name']}")
    for eid, ev in zip(eids, events):
        values = {STATUS: ev["status"], **ev["attributes"]}
        attributes += [f"{new('A')}\t{name} {eid} {_brat_value(values[name])}"
                       for name in _event_attributes(ontology, ev["type"]) if name in values]
    notes = [(tb[m["id"]], m["id"]) for m in mentions] + list(zip(eids, (ev["id"] for ev in events)))
    notes += list(zip(rids, (r["id"] for r in relations)))
    lines += attributes + norms + [f"{new('#')}\t{NOTE} {target}\t{gold_id}" for target, gold_id in notes]
    return "\n".join(lines) + "\n"


def _attribute_declarations(ontology: Ontology) -> dict[str, tuple[list[str], list[str]]]:
    """Every closed attribute: name -> (the types that carry it, its values as brat writes them)."""
    declarations: dict[str, tuple[list[str], list[str]]] = {}
    carriers = [(label, m.attributes) for label, m in ontology.mention_labels.items()]
    carriers += [(name, _event_attributes(ontology, name)) for name in ontology.event_types]
    for kind, attributes in carriers:
        for name, spec in attributes.items():
            if spec.values is None:
                continue
            kinds, values = declarations.setdefault(name, ([], []))
            kinds.append(kind)
            values += [v for v in map(_brat_value, spec.values) if v not in values]
    return declarations


def annotation_conf(ontology: Ontology) -> str:
    """brat's annotation.conf of the ontology: types, argument constraints, attributes and their values."""
    lines = [f"# Generated by `diplonews export brat` from the diplonews ontology {ontology.version}.", "", "[entities]"]
    lines += list(ontology.mention_labels)
    lines += ["", "[relations]"]
    lines += [f"{r.name}\tArg1:{'|'.join(r.head)}, Arg2:{'|'.join(r.tail)}" for r in ontology.relation_types.values()]
    lines += ["<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    lines += [f"{ev.name}\t" + ", ".join(f"{role}*:{'|'.join(labels)}" for role, labels in ev.roles.items())
              for ev in ontology.event_types.values()]
    lines += ["", "[attributes]"]
    lines += [f"{name}\tArg:{'|'.join(kinds)}, Value:{'|'.join(values)}"
              for name, (kinds, values) in _attribute_declarations(ontology).items()]
    return "\n".join(lines) + "\n"


def visual_conf(ontology: Ontology) -> str:
    """brat's visual.conf: a readable name and a colour for each mention label and event type."""
    kinds = [*ontology.mention_labels, *ontology.event_types]
    lines = [f"# Generated by `diplonews export brat` from the diplonews ontology {ontology.version}.", "", "[labels]"]
    lines += [f"{kind} | {kind.replace('_', ' ').capitalize()}" for kind in kinds]
    lines += ["", "[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
              "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5", "ATTRIBUTE_DEFAULT\tglyph:*"]
    lines += [f"{kind}\tbgColor:{colour}" for kind, colour in colours(ontology).items()]
    return "\n".join(lines) + "\n"


def write(folder: Path, documents: Iterable) -> None:
    """Each document's .txt (the exact corpus text) and .ann, then the two configuration files."""
    for doc in documents:
        jsonio.write_atomic(folder / f"{doc.doc_id}.txt", doc.text)
        jsonio.write_atomic(folder / f"{doc.doc_id}.ann", to_ann(doc.text, doc.gold))
    ontology = load()
    jsonio.write_atomic(folder / "annotation.conf", annotation_conf(ontology))
    jsonio.write_atomic(folder / "visual.conf", visual_conf(ontology))


def _span(text: str, offsets: str, shown: str) -> tuple[int, int]:
    """The one continuous span of a T line's fragments ``s e;s e``, checked against the text."""
    try:
        fragments = [tuple(int(x) for x in part.split(" ")) for part in offsets.split(";")]
    except ValueError:
        raise DiplonewsError.of("brat-line", f"offsets {offsets!r} are not 'start end' pairs") from None
    if any(len(f) != 2 or not 0 <= f[0] < f[1] <= len(text) for f in fragments):
        raise DiplonewsError.of("brat-line", f"offsets {offsets!r} are not 0 <= start < end <= {len(text)}")
    gaps = [text[a[1]:b[0]] for a, b in zip(fragments, fragments[1:])]
    if any(not gap or set(gap) != {"\n"} for gap in gaps):
        raise DiplonewsError.of("brat-span-text", f"fragments {offsets!r} are not one span cut at line breaks")
    if shown != " ".join(text[s:e] for s, e in fragments):
        raise DiplonewsError.of("brat-span-text", f"text {shown!r} differs from the .txt at {offsets}")
    return fragments[0][0], fragments[-1][1]


class _Reader:
    """The lines of one .ann file, read by kind, then resolved into a gold document."""

    def __init__(self, text: str):
        self.text, self.ontology = text, load()
        self.spans: dict[str, tuple[str, int, int]] = {}  # T id -> (type, start, end)
        self.events: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}  # E id -> (type, trigger, [(role, T)])
        self.relations: dict[str, tuple[str, str, str]] = {}  # R id -> (type, head, tail)
        self.attributes: list[tuple[int, str, str, str]] = []  # (line, name, target, value)
        self.norms: list[tuple[int, str, str, str, str]] = []  # (line, target, db, ref, text)
        self.notes: dict[str, tuple[int, str]] = {}  # target -> (line, gold id)
        self.lines: dict[str, int] = {}  # brat id -> its line

    def line(self, number: int, line: str) -> None:
        fields = line.split("\t")
        brat_id, kind = fields[0], fields[0][:1]
        shape = {"T": 3, "E": 2, "R": 2, "A": 2, "N": 3, "#": 3}
        if kind not in shape:
            raise DiplonewsError.of("brat-line", f"{brat_id!r}: not a line the export writes (T, E, R, A, N or #)")
        if len(fields) != shape[kind]:
            raise DiplonewsError.of("brat-line", f"{brat_id}: {shape[kind]} tab-separated fields expected, found {len(fields)}")
        if brat_id in self.lines:
            raise DiplonewsError.of("brat-line", f"{brat_id} is used twice (line {self.lines[brat_id]})")
        self.lines[brat_id] = number
        words = fields[1].split(" ")
        if kind == "T":
            if words[0] not in self.ontology.mention_labels and words[0] not in self.ontology.event_types:
                raise DiplonewsError.of("brat-line", f"{brat_id}: {words[0]!r} is neither a mention label nor an event type")
            self.spans[brat_id] = (words[0], *_span(self.text, " ".join(words[1:]), fields[2]))
        elif kind == "E":
            event_type, _, trigger = words[0].partition(":")
            if event_type not in self.ontology.event_types:
                raise DiplonewsError.of("brat-line", f"{brat_id}: {event_type!r} is not an event type")
            arguments = [(role.rstrip("0123456789"), target) for role, _, target in (w.partition(":") for w in words[1:])]
            self.events[brat_id] = (event_type, trigger, arguments)
        elif kind == "R":
            if len(words) != 3 or not words[1].startswith("Arg1:") or not words[2].startswith("Arg2:"):
                raise DiplonewsError.of("brat-line", f"{brat_id}: 'TYPE Arg1:T Arg2:T' expected")
            self.relations[brat_id] = (words[0], words[1][5:], words[2][5:])
        elif kind == "A":
            if len(words) != 3:
                raise DiplonewsError.of("brat-line", f"{brat_id}: 'name target value' expected")
            self.attributes.append((number, *words))
        elif kind == "N":
            if len(words) != 3 or words[0] != REFERENCE or ":" not in words[2]:
                raise DiplonewsError.of("brat-line", f"{brat_id}: '{REFERENCE} target DB:ID' expected")
            db, _, ref = words[2].partition(":")
            self.norms.append((number, words[1], db, ref, fields[2]))
        else:
            if len(words) != 2 or words[0] != NOTE:
                raise DiplonewsError.of("brat-line", f"{brat_id}: '{NOTE} target' expected")
            if words[1] in self.notes:
                raise DiplonewsError.of("brat-line", f"{brat_id}: {words[1]} has a note already")
            self.notes[words[1]] = (number, fields[2])


def from_ann(doc_id: str, text: str, ann: str, provenance: dict, ontology_version: str, file: str) -> dict:
    """The gold document of a brat ``.ann`` over ``text``; every unreadable line is a problem naming ``file``."""
    reader, problems, broken = _Reader(text), [], set()

    def problem(code: str, message: str, line: int | None = None, about: str | None = None) -> None:
        """A problem, unless it is ``about`` an annotation whose own line was refused (said once, there)."""
        if about not in broken:
            problems.append(Problem(code, message, Location(file=file, doc_id=doc_id, line=line)))

    for number, line in enumerate(ann.split("\n"), 1):
        if line:
            try:
                reader.line(number, line)
            except DiplonewsError as exc:  # the line's problem, placed
                problems += [p.at(file=file, doc_id=doc_id, line=number) for p in exc.problems]
                broken.add(line.split("\t")[0])
    ontology = reader.ontology
    ids = FreshIds({gold_id for _, gold_id in reader.notes.values()} | {ref for _, _, db, ref, _ in reader.norms if db == ENTITY_DB})

    def gold_id(target: str, prefix: str) -> str:
        return reader.notes[target][1] if target in reader.notes else ids.next(prefix)

    mentions = {t: {"id": gold_id(t, "m"), "label": kind, "start": s, "end": e, "text": text[s:e], "attributes": {}}
                for t, (kind, s, e) in reader.spans.items() if kind in ontology.mention_labels}

    def ref(target: str, where: str) -> str:
        if target not in mentions:
            problem("brat-reference", f"{where} names {target!r}, which is no mention", reader.lines[where], target)
            return target
        return mentions[target]["id"]

    events, used_triggers = {}, set()
    for eid, (event_type, trigger, arguments) in reader.events.items():
        kind, s, e = reader.spans.get(trigger, (None, 0, 0))
        if kind != event_type:
            problem("brat-reference", f"{eid} has trigger {trigger!r}, which is no {event_type} trigger", reader.lines[eid], trigger)
        used_triggers.add(trigger)
        events[eid] = {"id": gold_id(eid, "e"), "type": event_type, "trigger": {"start": s, "end": e, "text": text[s:e]},
                       "attributes": {}, "arguments": [{"role": role, "ref": ref(t, eid)} for role, t in arguments]}
    for t, (kind, _, _) in reader.spans.items():
        if kind in ontology.event_types and t not in used_triggers:
            problem("brat-reference", f"trigger {t} belongs to no event", reader.lines[t])
    relations = [{"id": gold_id(rid, "r"), "type": kind, "head": ref(head, rid), "tail": ref(tail, rid)}
                 for rid, (kind, head, tail) in reader.relations.items()]
    for target, (line, _) in reader.notes.items():
        if target not in mentions and target not in events and target not in reader.relations:
            problem("brat-reference", f"a note on {target!r}, which is no mention, event or relation", line, target)

    for line, name, target, value in reader.attributes:
        if target in mentions:
            owner, specs = mentions[target]["attributes"], ontology.mention_labels[mentions[target]["label"]].attributes
        elif target in events:
            owner, specs = events[target]["attributes"], _event_attributes(ontology, events[target]["type"])
        else:
            problem("brat-reference", f"attribute {name} of {target!r}, which is no mention or event", line, target)
            continue
        values = {_brat_value(v): v for v in specs[name].values or ()} if name in specs else {}
        if value not in values:
            problem("brat-line", f"{value!r} is not a value of {name} on {target}", line)
        elif name == STATUS:
            events[target][STATUS] = values[value]
        else:
            owner[name] = values[value]

    entities: dict[str, dict] = {}
    kb: dict[str, tuple[str, int]] = {}  # mention T -> (Wikidata id, line)
    for line, target, db, value, shown in reader.norms:
        if target not in mentions:
            problem("brat-reference", f"a normalisation of {target!r}, which is no mention", line, target)
            continue
        mention = mentions[target]
        formats = {spec.format.upper(): name for name, spec in ontology.mention_labels[mention["label"]].attributes.items() if spec.format}
        if db == ENTITY_DB:
            entity = entities.setdefault(value, {"id": value, "names": set(), "mentions": []})
            entity["names"].add(shown)
            entity["mentions"].append(target)
        elif db == KB_DB:
            kb[target] = (value, line)
        elif db in formats:
            mention["attributes"][formats[db]] = value
        else:
            problem("brat-line", f"normalisation database {db!r} is not one the export writes on a {mention['label']}", line)
    gold_entities = []
    for entity in entities.values():
        kb_ids = {kb[t][0] if t in kb else None for t in entity["mentions"]}
        if len(entity["names"]) > 1 or len(kb_ids) > 1:
            problem("brat-entity", f"the mentions of entity {entity['id']} disagree: names {sorted(entity['names'])}, "
                                   f"kb ids {sorted(kb_ids, key=str)}")
        gold_entities.append({"id": entity["id"], "name": min(entity["names"]), "kb_id": min(kb_ids, key=str),
                              "mentions": [mentions[t]["id"] for t in entity["mentions"]]})
    in_entity = {t for entity in entities.values() for t in entity["mentions"]}
    for t, (_, line) in kb.items():
        if t not in in_entity:
            problem("brat-entity", f"{t} has a {KB_DB} id but belongs to no entity", line)
    if problems:
        raise DiplonewsError(problems)
    return canonicalize({
        "doc_id": doc_id, "text_sha256": text_sha256(text), "ontology_version": ontology_version, "provenance": provenance,
        "mentions": list(mentions.values()), "entities": gold_entities, "relations": relations, "events": list(events.values()),
    })


def read(folder: Path) -> list[dict]:
    """The gold documents of an export folder, in the manifest's order; every problem of every file at once."""
    folder, manifest = Path(folder), read_manifest(folder)
    golds, problems = [], []
    for doc_id, entry in manifest["documents"].items():
        ann_path = folder / f"{doc_id}.ann"
        try:
            text = jsonio.read_text(folder / f"{doc_id}.txt")
            golds.append(from_ann(doc_id, text, jsonio.read_text(ann_path), entry["provenance"],
                                  manifest["ontology_version"], str(ann_path)))
        except DiplonewsError as exc:
            problems += exc.problems
    if problems:
        raise DiplonewsError(problems)
    return golds
