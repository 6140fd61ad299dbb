"""Prompts for generative systems: one self-contained instruction per document.

The instruction is built from the ontology (the guideline tables of
:mod:`diplonews.guidelines`, so it never drifts from the labels), the TIMEX3 rule with the
document's ``published`` date, the quote-level output schema and the text. It holds no
gold annotation of the document: the protocol (``docs/scoring.md``) gives the model the
text only. k-shot examples, when asked for, are gold documents of the train split, shown
as quote-level answers, and never the document being annotated. Nothing here calls a
model or the network: any batch interface can take the JSONL.
"""
from __future__ import annotations

import json

from . import guidelines, schemas
from .anchoring import quotes_from_gold
from .corpus import Layout
from .gold import read_gold
from .ontology import Ontology, load

EXAMPLE_SPLIT = "train"  # k-shot examples come from here only

TASK = """You annotate one English news article about diplomacy for the diplonews benchmark.
Answer with one JSON object and nothing else: the mentions, entities, relations and events of the article,
in the output schema below. Do not give character offsets: quote each mention and each event trigger as its
exact `text` in the article. When that text occurs more than once in the article, add `occurrence` (1 for
the first place it occurs, counting every place, inside longer words too) or a few words of `context`
around it. Give every mention, entity, relation and event an id (a letter, then letters, digits, _ . -);
relations, entity members and event arguments refer to mention ids. A quote that cannot be found, or that
occurs several times with nothing to say which, is dropped when your answer is scored, and so is every
item referring to it."""


def _dates(o: Ontology, published: str) -> str:
    """The TIMEX3 rule, anchored on this document's publication date."""
    date = o.mention_labels[o.date_label]
    kinds = "/".join(date.attributes["timex_type"].values)
    return (f"Every {o.date_label} mention has `timex_type` ({kinds}) and a TIMEX3 `value` normalised against the "
            f"article's publication date, {published}: a weekday means the nearest such day in the direction the "
            f"tense implies; a month or day without a year takes the year of publication; \"last month\" is the month "
            f"before; a duration is a period (\"20 years\" -> P20Y). When no value can be determined, the value is "
            f"`unresolvable`. The span leaves out prepositions and articles (\"on Thursday\" -> \"Thursday\").")


def guidance(o: Ontology | None = None) -> str:
    """The compact guidelines every prompt shares: labels, entities, relations, events, statuses, stages."""
    o = o or load()
    grouped = ", ".join(o.coreferent_labels)
    return "\n\n".join([
        "## Mention labels\n" + guidelines.mention_table(o),
        f"## Entities\nGroup every mention of a grouped label ({grouped}) into exactly one entity: `id`, canonical "
        "`name` (the fullest common name), `kb_id` (a Wikidata QID, or null: never guessed) and `mentions` (ids). "
        "All mentions of an entity have the same label.",
        "## Relations (head -> tail)\n" + guidelines.relation_table(o),
        "## Events\nEach event has a `trigger` (the word or phrase that states it), a `type`, a `status`, its "
        "`attributes` and `arguments` (`role`, `ref`: a mention id).\n\n" + guidelines.event_table(o),
        "## Event statuses\n" + guidelines.status_table(o),
        f"## Treaty stages (the `stage` of {o.treaty_action_type})\n" + guidelines.stage_table(o),
    ])


def _compact(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def instruction(doc_id: str, text: str, published: str, examples: list[tuple[str, dict]] = (), o: Ontology | None = None) -> str:
    """The whole prompt for one document; ``examples`` are (text, quote-level answer) pairs from train."""
    o = o or load()
    parts = [TASK, guidance(o), "## Dates\n" + _dates(o, published),
             "## Output schema (JSON Schema)\n" + _compact(schemas.quote_prediction_schema(o))]
    for n, (example_text, answer) in enumerate(examples, start=1):
        parts.append(f"## Example {n}\nArticle:\n{example_text}\n\nAnswer:\n{_compact(answer)}")
    parts.append(f"## Article\ndoc_id: {doc_id}\npublished: {published}\n\n{text}\n\n## Answer")
    return "\n\n".join(parts)


def examples(layout: Layout, shots: int, train_ids: list[str], leave_out: str) -> list[tuple[str, dict]]:
    """The first ``shots`` train documents (by id) other than ``leave_out``, as (text, quote-level answer)."""
    chosen = [d for d in sorted(train_ids) if d != leave_out][:shots]
    return [(layout.read_text(d), quotes_from_gold(read_gold(layout, d), layout.read_text(d))) for d in chosen]


def prompt_records(layout: Layout, reference: dict[str, dict], metas: dict[str, dict], train_ids: list[str], shots: int = 0) -> list[dict]:
    """One ``{"doc_id", "prompt"}`` per reference document, in doc id order."""
    o = load()
    return [{"doc_id": d, "prompt": instruction(d, layout.read_text(d), metas[d]["published"], examples(layout, shots, train_ids, d), o)}
            for d in sorted(reference)]
