"""Quotes to offsets: turning a quote-level prediction into a prediction the scorer reads.

Generative models quote strings; they do not count code points. A quote-level prediction
(``schema/quote-prediction.schema.json``) gives each mention and trigger as its ``text``,
with an optional ``occurrence`` (1-based: the n-th place the text occurs) or ``context``
(a few words around it). Every user anchoring such quotes their own way would make scores
incomparable, so the benchmark fixes one deterministic order (:func:`resolve`):

1. ``occurrence``: the n-th exact occurrence of the text;
2. ``unique``: the exact text, when it occurs once in the document;
3. ``normalised``: the same two steps after normalising quotes, dashes, white space and
   case on both sides, mapped back to the exact offsets of the original text;
4. ``context``: of several occurrences, the one nearest the context.

A quote that is still ambiguous, or absent, is never guessed: it is dropped and reported
with a registered code, and so is every item that refers to a dropped mention (a relation,
an entity member, an event argument). Dropped items count against the system as misses.
Occurrences are counted at every position where the text occurs, inside a longer word too
("Iran" occurs in "Iranian"), overlapping ones included: what ``str.find`` finds.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .corpus import text_sha256
from .gold import canonicalize
from .problems import Location, Problem

RULES = ("occurrence", "unique", "normalised", "context")  # the order of resolution; a resolved quote names its rule

_QUOTES = dict.fromkeys("‘’‚‛′`´", "'") | dict.fromkeys("“”„‟″«»", '"')
_DASHES = dict.fromkeys("‐‑‒–—―−﹘﹣－", "-")
_FOLD = _QUOTES | _DASHES


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found, ``[start, end)`` in code points, and the rule that decided it."""

    start: int
    end: int
    rule: str


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with quotes and dashes folded to ASCII, white-space runs made one space, lower case;
    and, for each character of the result, the index of the original character it came from.

    The index is what lets a match in the normalised text be given back as exact offsets
    into the original one, whatever the normalisation did to the lengths.
    """
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        if char.isspace():
            if out and out[-1] == " " and origin[-1] == i - 1:  # continue a run of white space
                origin[-1] = i
                continue
            folded = " "
        else:
            folded = _FOLD.get(char, char).lower()
        out.extend(folded)
        origin.extend([i] * len(folded))
    return "".join(out), origin


def positions(haystack: str, needle: str) -> list[int]:
    """Every index where ``needle`` starts in ``haystack``, overlapping occurrences included."""
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


class DocumentIndex:
    """One document's text and its normalised form, built once and asked for every quote."""

    def __init__(self, text: str):
        self.text = text
        self.folded, self.origin = normalise(text)

    def exact(self, quote: str) -> list[tuple[int, int]]:
        return [(s, s + len(quote)) for s in positions(self.text, quote)]

    def normalised(self, quote: str) -> list[tuple[int, int]]:
        """Occurrences of ``quote`` after normalising both sides, as offsets into the original text."""
        folded = normalise(quote)[0].strip()
        if not folded:
            return []
        # the quote is stripped, so a match starts and ends on a character that is not white space
        return sorted({(self.origin[j], self.origin[j + len(folded) - 1] + 1) for j in positions(self.folded, folded)})


def resolve(index: DocumentIndex, quote: dict) -> Anchor | Problem:
    """Anchor one quote (``text`` and optional ``occurrence`` or ``context``) by the documented rules.

    An occurrence number counts exact occurrences when the text occurs exactly, else the
    normalised ones; it wins over a context given beside it, being the more precise.
    """
    text = quote["text"].strip()
    if not text:
        return Problem("quote-not-found", "the quote is only white space")
    candidates, normalised = index.exact(text), False
    if not candidates:
        candidates, normalised = index.normalised(text), True
    if not candidates:
        return Problem("quote-not-found", f"{text!r} does not occur in the text, even after normalising quotes, dashes, spaces and case")
    occurrence = quote.get("occurrence")
    if occurrence is not None:
        if occurrence > len(candidates):
            return Problem("quote-occurrence-out-of-range", f"occurrence {occurrence} of {text!r} asked for; the text has {len(candidates)}")
        return Anchor(*candidates[occurrence - 1], "normalised" if normalised else "occurrence")
    if len(candidates) == 1:
        return Anchor(*candidates[0], "normalised" if normalised else "unique")
    if "context" in quote:
        return _nearest_context(index, candidates, quote["context"], text)
    return Problem("quote-ambiguous", f"{text!r} occurs {len(candidates)} times and neither occurrence nor context says which")


def _gap(span: tuple[int, int], around: tuple[int, int]) -> int:
    """Code points between two spans; 0 when they touch or overlap."""
    return max(0, around[0] - span[1], span[0] - around[1])


def _nearest_context(index: DocumentIndex, candidates: list[tuple[int, int]], context: str, text: str) -> Anchor | Problem:
    """The candidate nearest an occurrence of the context (matched after normalising); a tie is ambiguous."""
    contexts = index.exact(context.strip()) or index.normalised(context)
    if not contexts:
        return Problem("quote-context-not-found", f"the context {context!r} of {text!r} does not occur in the text")
    distance = {span: min(_gap(span, around) for around in contexts) for span in candidates}
    best = min(distance.values())
    nearest = [span for span in candidates if distance[span] == best]
    if len(nearest) > 1:
        return Problem("quote-ambiguous", f"{text!r} occurs {len(nearest)} times equally near its context {context!r}")
    return Anchor(*nearest[0], "context")


@dataclass
class AnchorReport:
    """What anchoring did: documents read, quotes resolved by each rule, and every item dropped with why."""

    documents: int = 0
    resolved: Counter = field(default_factory=Counter)  # rule -> quotes
    kept: Counter = field(default_factory=Counter)  # layer -> items written
    problems: list[Problem] = field(default_factory=list)

    @property
    def dropped(self) -> Counter:
        return Counter(p.code for p in self.problems)

    def add(self, other: AnchorReport) -> None:
        self.documents += other.documents
        self.resolved.update(other.resolved)
        self.kept.update(other.kept)
        self.problems += other.problems

    def as_dict(self) -> dict:
        return {"documents": self.documents, "resolved": {r: self.resolved[r] for r in RULES},
                "kept": dict(sorted(self.kept.items())), "dropped": dict(sorted(self.dropped.items())),
                "problems": [p.as_dict() for p in self.problems]}

    def summary(self) -> str:
        rules = ", ".join(f"{r} {self.resolved[r]}" for r in RULES)
        dropped = ", ".join(f"{c} {n}" for c, n in sorted(self.dropped.items())) or "none"
        return f"anchored {self.documents} document(s): quotes resolved by rule: {rules}; dropped: {dropped}"


class _Anchoring:
    """The state of anchoring one document: the ids written, the ids dropped, and the report."""

    def __init__(self, quoted: dict, text: str, where: Location):
        self.quoted, self.index, self.where = quoted, DocumentIndex(text), where
        self.report = AnchorReport(documents=1)
        self.seen: set[str] = set()
        self.kept: set[str] = set()
        self.dropped: set[str] = set()

    def drop(self, problem: Problem, item_id: str | None, path: str) -> None:
        """List a dropped item: ``problem`` (code and message) placed at the item, in the input file and line."""
        self.report.problems.append(problem.at(file=self.where.file, line=self.where.line, doc_id=self.quoted["doc_id"],
                                               annotation_id=item_id, path=path))

    def fresh(self, item: dict, path: str) -> bool:
        """Whether ``item``'s id is its first use in the document; a repeat is dropped (ids must be unique)."""
        if item["id"] in self.seen:
            self.drop(Problem("quote-id-duplicate", f"id {item['id']!r} is used by an earlier item; this one is dropped"), item["id"], path)
            return False
        self.seen.add(item["id"])
        return True

    def ref(self, ref: str, item_id: str, path: str, what: str) -> bool:
        """Whether the mention ``ref`` was written; if not, the referring item or member is dropped, saying why."""
        if ref in self.kept:
            return True
        if ref in self.dropped:
            self.drop(Problem("quote-ref-dropped", f"{what} mention {ref!r}, which was dropped"), item_id, path)
        else:
            self.drop(Problem("quote-ref-unknown", f"{what} mention {ref!r}, which the prediction does not have"), item_id, path)
        return False

    def span(self, quote: dict, item_id: str, path: str) -> dict | None:
        found = resolve(self.index, quote)
        if isinstance(found, Problem):
            self.drop(found, item_id, path)
            return None
        self.report.resolved[found.rule] += 1
        return {"start": found.start, "end": found.end, "text": self.index.text[found.start:found.end]}

    def layer(self, name: str, anchor_one) -> list[dict]:
        """The items of layer ``name`` that survive: a first use of their id, then ``anchor_one(item, path)`` (None drops it)."""
        out = []
        for i, item in enumerate(self.quoted[name]):
            path = f"$.{name}[{i}]"
            if self.fresh(item, path) and (kept := anchor_one(item, path)) is not None:
                out.append(kept)
        return out

    def mention(self, m: dict, path: str) -> dict | None:
        span = self.span(m, m["id"], path)
        (self.dropped if span is None else self.kept).add(m["id"])
        return None if span is None else {"id": m["id"], **span, "label": m["label"], "attributes": m["attributes"]}

    def entity(self, e: dict, path: str) -> dict | None:
        members = [r for j, r in enumerate(e["mentions"]) if self.ref(r, e["id"], f"{path}.mentions[{j}]", "member")]
        if not members:
            self.drop(Problem("quote-ref-dropped", "every member of the entity was dropped, so the entity is too"), e["id"], path)
            return None
        return {**e, "mentions": members}

    def relation(self, r: dict, path: str) -> dict | None:
        ends = [self.ref(r[end], r["id"], f"{path}.{end}", f"the {end} is") for end in ("head", "tail")]  # both reported
        return dict(r) if all(ends) else None

    def event(self, ev: dict, path: str) -> dict | None:
        trigger = self.span(ev["trigger"], ev["id"], f"{path}.trigger")
        if trigger is None:
            return None
        arguments = [a for j, a in enumerate(ev["arguments"])
                     if self.ref(a["ref"], ev["id"], f"{path}.arguments[{j}]", f"the {a['role']} argument is")]
        return {**ev, "trigger": trigger, "arguments": arguments}


def anchor_document(quoted: dict, text: str, where: Location | None = None) -> tuple[dict, AnchorReport]:
    """A prediction (offsets, in the gold layers) from a schema-valid quote-level prediction of ``text``.

    Layers are anchored in the order mentions, entities, relations, events, so that every
    reference is checked against the mentions actually written. ``where`` (file, line)
    goes into the location of each dropped item.
    """
    state = _Anchoring(quoted, text, where or Location())
    layers = {name: state.layer(name, anchor_one) for name, anchor_one in
              (("mentions", state.mention), ("entities", state.entity), ("relations", state.relation), ("events", state.event))}
    state.report.kept.update({layer: len(items) for layer, items in layers.items()})
    extra = {"system": quoted["system"]} if "system" in quoted else {}
    predicted = {"doc_id": quoted["doc_id"], "text_sha256": text_sha256(text), **extra, **layers}
    return canonicalize(predicted), state.report


def quote_of(text: str, start: int, end: int) -> dict:
    """The quote a careful system gives for ``[start, end)``: its text, with the occurrence when it repeats."""
    spans = positions(text, text[start:end])
    return {"text": text[start:end]} if len(spans) == 1 else {"text": text[start:end], "occurrence": spans.index(start) + 1}


def quotes_from_gold(gold: dict, text: str) -> dict:
    """A gold (or offset) prediction as a quote-level one: the reverse of :func:`anchor_document`.

    Used to check that anchoring gives the gold back, and to write k-shot examples.
    """
    mentions = [{"id": m["id"], **quote_of(text, m["start"], m["end"]), "label": m["label"], "attributes": m["attributes"]}
                for m in gold["mentions"]]
    events = [{**ev, "trigger": quote_of(text, ev["trigger"]["start"], ev["trigger"]["end"])} for ev in gold["events"]]
    return {"doc_id": gold["doc_id"], "mentions": mentions, "entities": gold["entities"], "relations": gold["relations"], "events": events}
