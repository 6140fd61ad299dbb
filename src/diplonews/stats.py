"""Corpus statistics: what the gold documents hold, in total and per split.

One :class:`Accumulator` is fed document by document (the build feeds it while it
streams, ``diplonews stats`` on its own), so statistics never need the corpus in memory.
Every closed vocabulary is listed from the ontology, zeros included, so a label the corpus
lacks shows up as 0 rather than disappearing; rights (an open vocabulary) are sorted.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .corpus import Layout
from .gold import gold_status_ids
from .hf.source import Document, iter_documents
from .tokens import word_count
from .ontology import Ontology, load
from .validation.validator import require_valid

# distinct entities counted by canonical name: key -> (label, the world of the texts counted; None for all);
# real_countries are the real states the corpus covers
DISTINCT = {"treaties": ("TREATY", None), "countries": ("COUNTRY", None), "real_countries": ("COUNTRY", "real")}
LENGTH_BINS = ((0, 150), (150, 300), (300, 500), (500, 800), (800, 1200), (1200, None))  # words, half-open
# documents per closed metadata value: key -> (field, the world of the texts counted; None for all);
# a document counts once under each of its regions
META_COUNTS = {"worlds": ("world", None), "origins": ("origin", None), "genres": ("genre", None),
               "regions": ("regions", None), "real_regions": ("regions", "real")}


def empty_section(o: Ontology) -> dict:
    """All counts of one split (or the total), at zero."""
    return {
        "documents": 0,
        "words": 0,
        "tokens": 0,
        "mentions": dict.fromkeys(o.mention_labels, 0),
        "entities": 0,
        "relations": dict.fromkeys(o.relation_types, 0),
        "events": dict.fromkeys(o.event_types, 0),
        "statuses": dict.fromkeys(o.statuses, 0),
        "stages": dict.fromkeys(o.stages, 0),
        "stage_status": {stage: dict.fromkeys(o.statuses, 0) for stage in o.stages},
        **{key: dict.fromkeys(o.metadata_fields[field]["values"], 0) for key, (field, _) in META_COUNTS.items()},
        "rights": {},
        "decades": {},
        "lengths": {_bin_name(b): 0 for b in LENGTH_BINS},
    }


def _bin_name(bounds: tuple[int, int | None]) -> str:
    low, high = bounds
    return f"{low}+" if high is None else f"{low}-{high - 1}"


def _length_bin(words: int) -> str:
    return next(_bin_name(b) for b in LENGTH_BINS if b[1] is None or words < b[1])


class Accumulator:
    """Counts documents as they stream past; :meth:`result` gives the statistics."""

    def __init__(self, ontology: Ontology | None = None):
        self.o = ontology or load()
        self.splits = self.o.metadata_fields["split"]["values"]
        self.sections = {split: empty_section(self.o) for split in self.splits}
        self.names = {key: {split: set() for split in self.splits} for key in DISTINCT}
        self.words: list[int] = []  # words per document, for the median
        self.rights_notes: dict[str, set[str]] = {}  # rights id -> distinct rights notes (few: one per source)

    def add(self, doc: Document) -> None:
        split = doc.meta["split"]
        s = self.sections[split]
        s["documents"] += 1
        s["tokens"] += len(doc.tokens.texts)
        words = word_count(doc.tokens)
        s["words"] += words
        self.words.append(words)
        s["lengths"][_length_bin(words)] += 1
        decade = f"{doc.meta['published'][:3]}0s"
        s["decades"][decade] = s["decades"].get(decade, 0) + 1
        for key, (field, world) in META_COUNTS.items():
            if world in (None, doc.meta["world"]):
                value = doc.meta[field]
                for one in value if isinstance(value, list) else [value]:
                    s[key][one] += 1
        s["rights"][doc.meta["rights"]] = s["rights"].get(doc.meta["rights"], 0) + 1
        notes = self.rights_notes.setdefault(doc.meta["rights"], set())
        if doc.meta["rights_note"]:
            notes.add(doc.meta["rights_note"])
        for m in doc.gold["mentions"]:
            s["mentions"][m["label"]] += 1
        s["entities"] += len(doc.gold["entities"])
        for r in doc.gold["relations"]:
            s["relations"][r["type"]] += 1
        for ev in doc.gold["events"]:
            s["events"][ev["type"]] += 1
            s["statuses"][ev["status"]] += 1
            if ev["type"] == self.o.treaty_action_type:
                stage = ev["attributes"]["stage"]
                s["stages"][stage] += 1
                s["stage_status"][stage][ev["status"]] += 1
        for key, (label, world) in DISTINCT.items():
            if world in (None, doc.meta["world"]):
                self.names[key][split].update(
                    e["name"] for e in doc.gold["entities"] if doc.mentions[e["mentions"][0]]["label"] == label)

    def result(self, pending: dict | None = None) -> dict:
        total = empty_section(self.o)
        for section in self.sections.values():
            _add_into(total, section)
        total["rights"] = dict(sorted(total["rights"].items()))
        total["decades"] = dict(sorted(total["decades"].items()))
        distinct = {}
        for key, by_split in self.names.items():
            every = set().union(*by_split.values())
            distinct[key] = {"total": len(every), **{split: len(names) for split, names in by_split.items()}, "names": sorted(every)}
        out = {
            "ontology_version": self.o.version,
            "total": total,
            "splits": {split: {**s, "rights": dict(sorted(s["rights"].items()))} for split, s in self.sections.items()},
            "distinct": distinct,
            "rights_notes": {rights: sorted(notes) for rights, notes in sorted(self.rights_notes.items())},
            "length": _length_summary(self.words),
        }
        if pending is not None:
            out["pending"] = pending
        return out


def _length_summary(words: list[int]) -> dict:
    """Words per document: the figures the corpus targets are set in (median, shares of long texts)."""
    if not words:
        return {"min": None, "median": None, "max": None, "over_500": None, "over_800": None}
    ordered = sorted(words)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return {"min": ordered[0], "median": median, "max": ordered[-1],
            "over_500": round(sum(w > 500 for w in words) / len(words), 4),
            "over_800": round(sum(w > 800 for w in words) / len(words), 4)}


def _add_into(total: dict, part: dict) -> None:
    """Add the counts of ``part`` into ``total`` (same shape; new keys of open vocabularies added)."""
    for key, value in part.items():
        if isinstance(value, dict):
            _add_into(total.setdefault(key, {}), value)
        else:
            total[key] = total.get(key, 0) + value


def pending_counts(layout: Layout, gold: Iterable[str]) -> dict:
    """Documents not in the dataset yet: drafts, and texts with no annotation at all."""
    annotated = set(layout.gold_ids())
    return {"drafts": len(annotated - set(gold)), "unannotated": len(set(layout.text_ids()) - annotated)}


def corpus_stats(root: Path, progress=lambda docs, total: docs) -> dict:
    """Statistics of the gold documents of the repository at ``root``.

    The corpus is validated first, as for a build: counts of broken files would mean
    nothing, and reading them would fail half-way. DiplonewsError lists the problems.
    """
    require_valid(root)
    layout = Layout(Path(root))
    ids = gold_status_ids(layout)
    acc = Accumulator()
    for doc in progress(iter_documents(layout, ids), len(ids)):
        acc.add(doc)
    return acc.result(pending_counts(layout, ids))


def _table(title: str, rows: list[tuple], columns: list[str]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [tuple(columns), *rows]) for i in range(len(columns))]
    line = lambda r: "  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(r, widths)))  # noqa: E731
    return [title, line(columns), *(line(r) for r in rows), ""]


def _share(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def breakdown_rows(stats: dict, key: str) -> list[tuple]:
    """(name, total, per split...) rows of one count table, in ontology order."""
    splits = list(stats["splits"])
    return [(name, count, *(stats["splits"][s][key].get(name, 0) for s in splits)) for name, count in stats["total"][key].items()]


TABLES = (("Mentions per label", "mentions"), ("Relations per type", "relations"), ("Events per type", "events"),
          ("Event statuses", "statuses"), ("Treaty stages", "stages"), ("Worlds", "worlds"), ("Origins", "origins"),
          ("Genres", "genres"), ("Regions", "regions"), ("Regions (real texts)", "real_regions"), ("Rights", "rights"), ("Words per document", "lengths"), ("Publication decades", "decades"))
SCALARS = ("documents", "words", "tokens", "entities")


def render_text(stats: dict) -> str:
    """The statistics as plain-text tables (what ``diplonews stats`` prints)."""
    splits = list(stats["splits"])
    columns = ["", "total", *splits]
    lines = _table("Corpus", [(k, stats["total"][k], *(stats["splits"][s][k] for s in splits)) for k in SCALARS], columns)
    for title, key in TABLES:
        lines += _table(title, breakdown_rows(stats, key), columns)
    statuses = list(next(iter(stats["total"]["stage_status"].values())))
    lines += _table("Treaty stage x status (all splits)", [(stage, *row.values()) for stage, row in stats["total"]["stage_status"].items()], ["", *statuses])
    lines += _table("Distinct entities (by canonical name)", [(k, v["total"], *(v[s] for s in splits)) for k, v in stats["distinct"].items()], columns)
    length = stats["length"]
    lines += [f"Words per document: min {length['min']}, median {length['median']}, max {length['max']}; "
              f"over 500: {_share(length['over_500'])}, over 800: {_share(length['over_800'])}", ""]
    if "pending" in stats:
        lines.append(f"Not in the dataset: {stats['pending']['drafts']} draft(s), {stats['pending']['unannotated']} unannotated text(s)")
    return "\n".join(lines).rstrip() + "\n"
