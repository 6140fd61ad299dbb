"""What both baselines learn from the train split and share: gazetteers of mentions and
triggers, relation and argument rules from label pairs and distance, and the assembly of a
prediction document from found spans.

Everything is learned from gold annotations; no label is spelled here (the ontology gives
attribute defaults, and the train split gives the rest).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..corpus import text_sha256
from ..ontology import load
from .timex import find_dates

SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+|\n+")
MAX_GAP = 40  # characters between two mentions beyond which no relation is proposed
KEEP_RATE = 0.5  # a learned rule is kept when it was right at least this often in train


@dataclass(frozen=True)
class Doc:
    doc_id: str
    text: str
    published: dt.date
    gold: dict | None = None


@dataclass(frozen=True)
class Found:
    """A span a baseline found: a mention (label) or a trigger (event type)."""

    start: int
    end: int
    label: str
    attributes: dict = field(default_factory=dict)
    status: str | None = None  # triggers only


def sentence_ids(text: str) -> tuple[list[int], callable]:
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
    return starts, lambda offset: bisect_right(starts, offset) - 1


def _gap_bucket(gap: int) -> int:
    return 0 if gap <= 3 else 1 if gap <= 15 else 2


def _most_common(counter: Counter):
    return counter.most_common(1)[0][0] if counter else None


def _pair_keys(mentions: list[dict], text: str):
    """(key, head, tail) for ordered pairs of mentions in one sentence at most MAX_GAP apart."""
    _, sentence = sentence_ids(text)
    ordered = sorted(mentions, key=lambda m: (m["start"], m["end"]))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            gap = b["start"] - a["end"]
            if gap > MAX_GAP:
                break
            if gap < 0 or sentence(a["start"]) != sentence(b["start"]):
                continue
            yield (a["label"], b["label"], "forward", _gap_bucket(gap)), a, b
            yield (b["label"], a["label"], "backward", _gap_bucket(gap)), b, a


@dataclass
class Learned:
    mentions: dict[str, tuple[str, dict]]  # surface -> (label, attributes)
    triggers: dict[str, tuple[str, str, dict]]  # lowercased surface -> (type, status, attributes)
    type_defaults: dict[str, tuple[str, dict]]  # event type -> (status, attributes) most often seen
    relation_rules: dict[tuple, str]  # (head label, tail label, direction, gap bucket) -> relation type
    role_rules: dict[tuple[str, str], str]  # (event type, mention label) -> role


def learn(train: list[Doc]) -> Learned:
    """Gazetteers and rules from the gold of the train documents."""
    surfaces: dict[str, Counter] = defaultdict(Counter)
    triggers: dict[str, Counter] = defaultdict(Counter)
    by_type: dict[str, Counter] = defaultdict(Counter)
    pairs, related = Counter(), defaultdict(Counter)
    roles, role_seen = defaultdict(Counter), Counter()
    for doc in train:
        gold, text = doc.gold, doc.text
        by_id = {m["id"]: m for m in gold["mentions"]}
        for m in gold["mentions"]:
            if m["label"] != DATE_LABEL:
                surfaces[m["text"]][(m["label"], json.dumps(m["attributes"], sort_keys=True))] += 1
        for ev in gold["events"]:
            shape = (ev["type"], ev["status"], json.dumps(ev["attributes"], sort_keys=True))
            triggers[ev["trigger"]["text"].lower()][shape] += 1
            by_type[ev["type"]][shape[1:]] += 1
        rel_of = {(r["head"], r["tail"]): r["type"] for r in gold["relations"]}
        for key, head, tail in _pair_keys(gold["mentions"], text):
            pairs[key] += 1
            if (head["id"], tail["id"]) in rel_of:
                related[key][rel_of[(head["id"], tail["id"])]] += 1
        _, sentence = sentence_ids(text)
        for ev in gold["events"]:
            here = [m for m in gold["mentions"] if sentence(m["start"]) == sentence(ev["trigger"]["start"])]
            role_seen.update((ev["type"], m["label"]) for m in here)
            for arg in ev["arguments"]:
                roles[(ev["type"], by_id[arg["ref"]]["label"])][arg["role"]] += 1
    return Learned(
        mentions={s: _unpack(_most_common(c)) for s, c in surfaces.items()},
        triggers={s: (lambda t: (t[0], t[1], json.loads(t[2])))(_most_common(c)) for s, c in triggers.items()},
        type_defaults={t: (c.most_common(1)[0][0][0], json.loads(c.most_common(1)[0][0][1])) for t, c in by_type.items()},
        relation_rules={k: _most_common(c) for k, c in related.items() if sum(c.values()) / pairs[k] >= KEEP_RATE},
        role_rules={k: _most_common(c) for k, c in roles.items() if sum(c.values()) / role_seen[k] >= KEEP_RATE},
    )


def _unpack(shape: tuple[str, str]) -> tuple[str, dict]:
    return shape[0], json.loads(shape[1])


DATE_LABEL = load().date_label


def default_attributes(spec: dict) -> dict:
    """Required attributes filled with the ontology default, else the first allowed value."""
    return {name: a.default if a.default is not None else a.values[0]
            for name, a in spec.items() if a.required and (a.default is not None or a.values)}


def dates(doc: Doc) -> list[Found]:
    return [Found(s, e, DATE_LABEL, {"timex_type": "DATE", "value": v}) for s, e, v in find_dates(doc.text, doc.published)]


def label_mention(learned: Learned, start: int, end: int, text: str, label: str | None = None) -> Found:
    """A mention with attributes from the gazetteer when its surface is known, else defaults."""
    known = learned.mentions.get(text[start:end])
    if known and (label is None or known[0] == label):
        return Found(start, end, known[0], dict(known[1]))
    return Found(start, end, label, default_attributes(load().mention_labels[label].attributes))


def label_trigger(learned: Learned, start: int, end: int, text: str, event_type: str | None = None) -> Found:
    """A trigger with status and attributes from the gazetteer, else the type's most frequent ones."""
    known = learned.triggers.get(text[start:end].lower())
    if known and (event_type is None or known[0] == event_type):
        return Found(start, end, known[0], dict(known[2]), known[1])
    status, attrs = learned.type_defaults.get(event_type, (next(iter(load().statuses)), None))
    return Found(start, end, event_type, attrs if attrs is not None else default_attributes(load().event_types[event_type].attributes), status)


def assemble(doc: Doc, mentions: list[Found], triggers: list[Found], learned: Learned, system: str) -> dict:
    """A prediction document from found spans: ids, entities by surface, relations and arguments by rule."""
    ontology = load()
    ment = [{"id": f"m{i}", "start": f.start, "end": f.end, "text": doc.text[f.start:f.end], "label": f.label,
             "attributes": f.attributes} for i, f in enumerate(sorted(mentions, key=lambda f: (f.start, f.end, f.label)), 1)]
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in ment:
        if ontology.mention_labels[m["label"]].coreferent:
            groups[(m["label"], m["text"].lower())].append(m["id"])
    text_of = {m["id"]: m["text"] for m in ment}
    entities = [{"id": f"e{i}", "name": text_of[ids[0]], "kb_id": None, "mentions": ids} for i, ids in enumerate(groups.values(), 1)]
    relations = [{"id": f"r{i}", "type": t, "head": h["id"], "tail": tl["id"]}
                 for i, (t, h, tl) in enumerate(((learned.relation_rules[k], h, tl) for k, h, tl in _pair_keys(ment, doc.text)
                                                 if k in learned.relation_rules), 1)]
    _, sentence = sentence_ids(doc.text)
    events = []
    for i, f in enumerate(sorted(triggers, key=lambda f: (f.start, f.end, f.label)), 1):
        here = [m for m in ment if sentence(m["start"]) == sentence(f.start)]
        args = [{"role": learned.role_rules[(f.label, m["label"])], "ref": m["id"]} for m in here if (f.label, m["label"]) in learned.role_rules]
        events.append({"id": f"v{i}", "type": f.label, "trigger": {"start": f.start, "end": f.end, "text": doc.text[f.start:f.end]},
                       "status": f.status, "attributes": f.attributes, "arguments": args})
    return {"doc_id": doc.doc_id, "text_sha256": text_sha256(doc.text), "system": system,
            "mentions": ment, "entities": entities, "relations": relations, "events": events}
