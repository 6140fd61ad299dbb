"""Semantic rules of one annotation file, run after it passed its schema.

Each ``_check_*`` function looks at one concern and yields Problems; :func:`check_document`
runs them all. They assume the schema's shapes (types, required keys, enums) hold.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..ontology import Ontology
from ..problems import Location, Problem
from ..tokens import token_range, tokenize
from . import timex

LAYERS = (("mentions", None), ("events", "trigger"))  # (layer, key of the span inside an item)


class DocumentContext:
    """One annotation file with its text, and the lookups the rules share."""

    def __init__(self, ann: dict, text: str, file: str, ontology: Ontology):
        self.ann, self.text, self.file, self.ontology = ann, text, file, ontology
        self.doc_id = ann["doc_id"]
        self.mentions = {m["id"]: m for m in ann["mentions"]}

    def problem(self, code: str, message: str, ann_id: str | None, path: str) -> Problem:
        return Problem(code, message, Location(self.file, self.doc_id, ann_id, path))


def _check_ids(ctx: DocumentContext) -> Iterator[Problem]:
    seen: set[str] = set()
    for layer in ("mentions", "entities", "relations", "events"):
        for i, item in enumerate(ctx.ann[layer]):
            if item["id"] in seen:
                yield ctx.problem("id-duplicate", f"id {item['id']!r} is already used in this document", item["id"], f"$.{layer}[{i}].id")
            seen.add(item["id"])


def _spans(ctx: DocumentContext, layer: str, key: str | None):
    """(index, item, span dict, JSON path of the span) for each item of a span layer."""
    for i, item in enumerate(ctx.ann[layer]):
        yield i, item, (item[key] if key else item), f"$.{layer}[{i}]" + (f".{key}" if key else "")


def _may_share_span(a: dict, b: dict, treaty_action: str) -> bool:
    """Two items may sit on one span only as treaty actions of different stages.

    One word can name several stages at once ("awaits approval from Iran's Parliament and
    Russia's Federation Council": a unicameral and an upper-house vote); each stage is its
    own event, so they share the trigger.
    """
    return a.get("type") == b.get("type") == treaty_action and a["attributes"]["stage"] != b["attributes"]["stage"]


def _check_span_text(ctx: DocumentContext) -> Iterator[Problem]:
    n = len(ctx.text)
    for layer, key in LAYERS:
        for _, item, span, path in _spans(ctx, layer, key):
            ann_id = item["id"]
            start, end = span["start"], span["end"]
            if not 0 <= start < end <= n:
                yield ctx.problem("span-out-of-range", f"offsets [{start}, {end}) are outside the text (length {n}) or empty", ann_id, path)
                continue
            actual = ctx.text[start:end]
            if span["text"] != actual:
                yield ctx.problem("span-text-mismatch", f"text {span['text']!r} differs from text[{start}:{end}] = {actual!r}", ann_id, f"{path}.text")
            elif actual != actual.strip():
                yield ctx.problem("span-untrimmed", f"span {actual!r} starts or ends with white space", ann_id, path)


def _check_token_boundaries(ctx: DocumentContext) -> Iterator[Problem]:
    """Every span starts and ends on a token boundary of :mod:`diplonews.tokens`, so the
    token views (the ner and sentences configs, CoNLL, spaCy, GLiNER, TextEE) hold it exactly.
    Spans out of range or untrimmed are left to the rules that already name them."""
    tokens = tokenize(ctx.text)
    for layer, key in LAYERS:
        for _, item, span, path in _spans(ctx, layer, key):
            start, end = span["start"], span["end"]
            inside = 0 <= start < end <= len(ctx.text) and ctx.text[start:end] == ctx.text[start:end].strip()
            if inside and token_range(tokens, start, end) is None:
                yield ctx.problem("token-boundary", f"[{start}, {end}) {ctx.text[start:end]!r} does not start and end on token boundaries "
                                  "(a token is a run of letters and digits, or one other character)", item["id"], path)


def _check_span_layout(ctx: DocumentContext) -> Iterator[Problem]:
    """Within a layer: no partial or nested overlap, and one span one item (but see _may_share_span)."""
    for layer, key in LAYERS:
        n = len(ctx.text)
        in_range = (s for s in _spans(ctx, layer, key) if 0 <= s[2]["start"] < s[2]["end"] <= n)  # others reported once, above
        ordered = sorted(in_range, key=lambda s: (s[2]["start"], s[2]["end"], s[0]))
        same: list[dict] = []  # items on the span of the item before
        reach_end, reach_id = -1, None  # furthest end seen so far, and whose
        for _, item, span, path in ordered:
            bounds = (span["start"], span["end"])
            if same and bounds == _bounds(same[0], key):
                clash = next((other for other in same if not _may_share_span(item, other, ctx.ontology.treaty_action_type)), None)
                if clash:
                    yield ctx.problem("span-duplicate", f"same span [{bounds[0]}, {bounds[1]}) as {clash['id']!r}", item["id"], path)
                same.append(item)
                continue
            if bounds[0] < reach_end:
                yield ctx.problem("span-overlap", f"span [{bounds[0]}, {bounds[1]}) overlaps {reach_id!r}; {layer} must be flat", item["id"], path)
            same = [item]
            if bounds[1] > reach_end:
                reach_end, reach_id = bounds[1], item["id"]


def _bounds(item: dict, key: str | None) -> tuple[int, int]:
    span = item[key] if key else item
    return span["start"], span["end"]


def _check_mention_attributes(ctx: DocumentContext) -> Iterator[Problem]:
    """Attributes whose ontology ``format`` is ``timex3`` must be TIMEX3 values of the mention's ``timex_type``."""
    for i, m in enumerate(ctx.ann["mentions"]):
        attrs = m["attributes"]
        for name, spec in ctx.ontology.mention_labels[m["label"]].attributes.items():
            if spec.format == "timex3" and not timex.is_valid_value(attrs["timex_type"], attrs[name]):
                yield ctx.problem("date-value", f"{attrs[name]!r} is not a TIMEX3 {attrs['timex_type']} value (or 'unresolvable')",
                                  m["id"], f"$.mentions[{i}].attributes.{name}")


def _label_of(ctx: DocumentContext, ref: str) -> str | None:
    mention = ctx.mentions.get(ref)
    return mention["label"] if mention else None


def _check_relations(ctx: DocumentContext) -> Iterator[Problem]:
    seen: dict[tuple, str] = {}
    for i, r in enumerate(ctx.ann["relations"]):
        spec = ctx.ontology.relation_types[r["type"]]
        path = f"$.relations[{i}]"
        for end, allowed in (("head", spec.head), ("tail", spec.tail)):
            label = _label_of(ctx, r[end])
            if label is None:
                yield ctx.problem("ref-unresolved", f"{end} {r[end]!r} is not a mention id", r["id"], f"{path}.{end}")
            elif label not in allowed:
                yield ctx.problem("relation-argument-label", f"{r['type']} {end} must be {'/'.join(allowed)}, not {label} ({r[end]!r})", r["id"], f"{path}.{end}")
        if r["head"] == r["tail"]:
            yield ctx.problem("relation-self", f"head and tail are both {r['head']!r}", r["id"], path)
        key = (r["type"], r["head"], r["tail"])
        if key in seen:
            yield ctx.problem("relation-duplicate", f"same {r['type']} {r['head']} -> {r['tail']} as {seen[key]!r}", r["id"], path)
        seen.setdefault(key, r["id"])


def _check_event_arguments(ctx: DocumentContext) -> Iterator[Problem]:
    for i, ev in enumerate(ctx.ann["events"]):
        roles = ctx.ontology.event_types[ev["type"]].roles
        seen = set()
        for j, arg in enumerate(ev["arguments"]):
            path = f"$.events[{i}].arguments[{j}]"
            label = _label_of(ctx, arg["ref"])
            if label is None:
                yield ctx.problem("ref-unresolved", f"argument {arg['role']} {arg['ref']!r} is not a mention id", ev["id"], f"{path}.ref")
            elif label not in roles[arg["role"]]:
                yield ctx.problem("event-argument-label", f"{ev['type']}.{arg['role']} must be {'/'.join(roles[arg['role']])}, not {label} ({arg['ref']!r})", ev["id"], path)
            if (arg["role"], arg["ref"]) in seen:
                yield ctx.problem("event-argument-duplicate", f"argument {arg['role']} = {arg['ref']!r} is given twice", ev["id"], path)
            seen.add((arg["role"], arg["ref"]))


def _check_entities(ctx: DocumentContext) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    coreferent = ctx.ontology.coreferent_labels
    for i, ent in enumerate(ctx.ann["entities"]):
        labels = Counter()
        for j, ref in enumerate(ent["mentions"]):
            path = f"$.entities[{i}].mentions[{j}]"
            label = _label_of(ctx, ref)
            if label is None:
                yield ctx.problem("ref-unresolved", f"mention {ref!r} does not exist", ent["id"], path)
                continue
            labels[label] += 1
            if label not in coreferent:
                yield ctx.problem("entity-label-not-coreferent", f"{label} mentions are not grouped into entities ({ref!r})", ent["id"], path)
            if ref in owner:
                yield ctx.problem("entity-mention-shared", f"mention {ref!r} already belongs to entity {owner[ref]!r}", ent["id"], path)
            owner.setdefault(ref, ent["id"])
        if len(labels) > 1:
            yield ctx.problem("entity-mixed-labels", f"mentions have different labels: {dict(sorted(labels.items()))}", ent["id"], f"$.entities[{i}].mentions")
    for i, m in enumerate(ctx.ann["mentions"]):
        if m["label"] in coreferent and m["id"] not in owner:
            yield ctx.problem("entity-mention-missing", f"{m['label']} mention {m['text']!r} belongs to no entity", m["id"], f"$.mentions[{i}]")


CHECKS = (
    _check_ids,
    _check_span_text,
    _check_token_boundaries,
    _check_span_layout,
    _check_mention_attributes,
    _check_relations,
    _check_event_arguments,
    _check_entities,
)


def check_document(ann: dict, text: str, file: str, ontology: Ontology) -> list[Problem]:
    """Every semantic problem of one schema-valid annotation file against its text."""
    ctx = DocumentContext(ann, text, file, ontology)
    return [problem for check in CHECKS for problem in check(ctx)]


STRUCTURE = frozenset({"id-duplicate", "span-out-of-range", "span-text-mismatch", "ref-unresolved"})


def check_structure(ann: dict, text: str, file: str, ontology: Ontology) -> list[Problem]:
    """The rules a system's prediction must meet to be scored at all (:data:`STRUCTURE`).

    Unique ids, spans inside the text that quote it, references that resolve: without them
    an item cannot even be compared with the gold. The label and attribute rules are left
    out on purpose: a prediction that breaks them is scored as wrong, not refused.
    """
    return [problem for problem in check_document(ann, text, file, ontology) if problem.code in STRUCTURE]
