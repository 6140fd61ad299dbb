"""Scoring a set of predicted documents against reference documents, in process.

``score(reference_docs, predicted_docs)`` takes two dicts ``doc_id -> annotation`` (gold
files, or predictions in the same layers) and returns an :class:`Evaluation`: every
figure, 95% bootstrap intervals for the headline figures, a breakdown by metadata subset
and the list of errors. A reference document with no prediction is scored against an
empty one (recall 0); gold against itself gives 1.0 on every defined figure.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..ontology import load
from ..problems import DiplonewsError, Location, Problem
from . import bootstrap
from .counts import agreement, ign_prf, keyed_prf
from .dates import score_dates
from .errors import ScoringError
from .events import VARIANTS as EVENT_VARIANTS
from .events import score_events
from .mentions import mention_figures, score_mentions
from .relations import score_relations
from .relaxed import VARIANTS as RELAXED_VARIANTS
from .relaxed import score_relaxed
from .treaties import score_treaty_stages
from .views import EntityIndex, check_references

HEADLINE = (
    "mentions.strict.f1", "mentions.exact.f1", "mentions.partial.f1", "mentions.ent_type.f1", "mentions.strict.macro_f1",
    "relations.mention.f1", "relations.entity.f1",
    "events.trigger_identification.f1", "events.trigger_classification.f1",
    "events.argument_identification.f1", "events.argument_classification.f1", "events.status.accuracy",
    "treaty_stages.undated.f1", "treaty_stages.dated.f1",
    "dates.value.accuracy",
)
# beside the headline, never instead of it: relaxed matching and DocRED's Ign F1 (docs/scoring.md)
RELAXED = ("relations.mention_head.f1", "relations.mention_overlap.f1", "relations.entity_ign.f1",
           "events.argument_classification_head.f1", "events.argument_classification_overlap.f1")
SUBSET_FIELDS = ("world", "origin")  # metadata fields the scores are broken down by


def empty_prediction(reference: dict) -> dict:
    """A prediction with nothing in it, for a reference document the system left out."""
    return {"doc_id": reference["doc_id"], "text_sha256": reference["text_sha256"],
            "mentions": [], "entities": [], "relations": [], "events": []}


@dataclass(frozen=True)
class DocScore:
    doc_id: str
    counts: Counter
    errors: list[ScoringError]


def score_document(reference: dict, predicted: dict, seen: frozenset | None = None) -> DocScore:
    """All counts and errors of one document; ``seen`` (:func:`~.relations.seen_facts` of train) adds Ign F1."""
    check_references(predicted, f"prediction {predicted['doc_id']}")
    index = EntityIndex(reference)
    counts: Counter = score_relaxed(reference, predicted)
    errors: list[ScoringError] = []
    for part in (score_mentions(reference, predicted), score_relations(reference, predicted, index, seen),
                 score_events(reference, predicted), score_treaty_stages(reference, predicted, index),
                 score_dates(reference, predicted)):
        counts.update(part[0])
        errors += part[1]
    return DocScore(reference["doc_id"], counts, errors)


def figures(counts: Counter) -> dict[str, float | None]:
    """Every figure, named ``layer.variant[.label].measure``, from summed counts."""
    out = mention_figures(counts)
    keyed = [("relations", v) for v in ("mention", "entity")] + [("events", v) for v in EVENT_VARIANTS]
    keyed += [("treaty_stages", v) for v in ("undated", "dated")]
    for task, variant in keyed:
        for name, value in keyed_prf(counts, task, variant).items():
            out[f"{task}.{variant}.{name}"] = value
    for task, variant in RELAXED_VARIANTS:
        for name, value in keyed_prf(counts, task, variant).items():
            out[f"{task}.{variant}.{name}"] = value
    for name, value in ign_prf(counts, "relations", "entity", "entity_ign").items():
        out[f"relations.entity_ign.{name}"] = value
    out["events.status.accuracy"] = agreement(counts, "events", "status")
    out["dates.value.accuracy"] = agreement(counts, "dates", "value")
    return out


@dataclass
class Breakdown:
    """Headline figures with intervals over one group of documents."""

    documents: int
    values: dict[str, float | None]
    intervals: dict[str, tuple[float, float] | None]

    def as_dict(self) -> dict:
        return {"documents": self.documents,
                "metrics": {n: {"value": self.values[n], "ci95": list(self.intervals[n]) if self.intervals[n] else None}
                            for n in HEADLINE}}


def breakdown(docs: list[DocScore], samples: int, seed: int) -> tuple[Breakdown, dict[str, float | None]]:
    """Headline figures and intervals over ``docs``, and all their figures."""
    total: Counter = Counter()
    for d in docs:
        total.update(d.counts)
    values = figures(total)
    replicates = [figures(c) for c in bootstrap.replicate_counts([d.counts for d in docs], samples, seed)]
    intervals = {n: bootstrap.interval(replicates, lambda f, n=n: f[n]) for n in HEADLINE}
    return Breakdown(len(docs), {n: values[n] for n in HEADLINE}, intervals), values


@dataclass
class Evaluation:
    overall: Breakdown
    figures: dict[str, float | None]
    subsets: dict[str, Breakdown] = field(default_factory=dict)  # "world=real" -> figures
    documents: list[DocScore] = field(default_factory=list)
    samples: int = bootstrap.SAMPLES
    seed: int = bootstrap.SEED

    @property
    def errors(self) -> list[ScoringError]:
        return [e for d in self.documents for e in d.errors]

    def as_dict(self, with_errors: bool = False) -> dict:
        out = {
            **self.overall.as_dict(),
            "bootstrap": {"samples": self.samples, "seed": self.seed, "unit": "document", "interval": "percentile 2.5-97.5"},
            "figures": self.figures,
            "subsets": {name: b.as_dict() for name, b in self.subsets.items()},
        }
        if with_errors:
            out["errors"] = [e.as_dict() for e in self.errors]
        return out


def score(reference: dict[str, dict], predicted: dict[str, dict], metadata: dict[str, dict] | None = None,
          samples: int = bootstrap.SAMPLES, seed: int = bootstrap.SEED, seen: frozenset | None = None) -> Evaluation:
    """Score ``predicted`` against ``reference`` (both ``doc_id -> annotation``).

    ``metadata`` (``doc_id -> meta``) enables the breakdown by world and origin; ``seen``
    (the relation facts of train, :func:`~.relations.seen_facts`) enables Ign F1. Predicted
    documents absent from the reference are refused: they would silently not count.
    """
    unknown = sorted(set(predicted) - set(reference))
    if unknown:
        raise DiplonewsError([Problem("prediction-unknown-doc", "not among the reference documents", Location("predictions", d)) for d in unknown])
    docs = [score_document(reference[d], predicted.get(d) or empty_prediction(reference[d]), seen) for d in sorted(reference)]
    overall, all_figures = breakdown(docs, samples, seed)
    subsets = {}
    for field_name in SUBSET_FIELDS if metadata else ():
        for value in load().metadata_fields[field_name]["values"]:
            group = [d for d in docs if metadata.get(d.doc_id, {}).get(field_name) == value]
            if group:
                subsets[f"{field_name}={value}"] = breakdown(group, samples, seed)[0]
    return Evaluation(overall, all_figures, subsets, docs, samples, seed)
