"""The dataset card (``README.md`` of a build): the prose of ``dataset_card.md`` plus generated parts.

The source card holds the hand-written prose and the hand-chosen YAML fields (task
categories, tags, creators of the annotations). The build adds the YAML the data decides
(licence, language creators, size category, ``configs:`` and ``dataset_info:``) and
replaces each marker line ``<!-- diplonews:NAME -->`` with a generated section: label
tables from the ontology, statistics of the corpus being built, figures, rights,
agreement, results and usage. A marker with no generator is an error, not left in place.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml
from datasets.info import DatasetInfo, DatasetInfosDict
from datasets.splits import SplitDict, SplitInfo
from huggingface_hub import DatasetCardData

from .. import jsonio
from .. import stats as corpus_stats
from ..agreement import stored_rounds
from ..corpus import Layout
from ..ontology import Ontology, load
from ..problems import DiplonewsError
from ..sentences import MAX_TOKENS
from . import features as F
from .labels import FILE as LABELS_FILE
from .manifest import CARD_SOURCE
from .plots import FILES as PLOTS

MARKER = re.compile(r"^<!-- diplonews:([a-z_]+) -->$", re.MULTILINE)
LEADERBOARD = "results/leaderboard.json"
CORPUS_LICENCE = "CC-BY-4.0"
LANGUAGE_CREATORS = {"published": "found", "authored": "expert-generated"}
CONFIG_ROWS = {
    "documents": "one document: text, metadata and every annotation layer (lossless)",
    "ner": "one document: its text, its tokens with IOB2 tags for mentions and for event triggers, and its sentences",
    "sentences": "one sentence (no sentence cuts a mention or trigger): its offsets, text, tokens and IOB2 tags",
    "relations": "one gold relation with its head, tail and the paragraph(s) they come from",
    "events": "one event: trigger, type, status, attributes and arguments",
    "treaty_stages": "one treaty action per treaty: stage, status, date, actors and parties",
}


def _source_error(message: str) -> DiplonewsError:
    """The card cannot be made: the source card is missing or malformed, or names an unknown section."""
    return DiplonewsError.of("card-source", message, file=CARD_SOURCE)


def markdown_table(columns: list[str], rows: list) -> str:
    def cell(value) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def split_front_matter(source: str) -> tuple[dict, str]:
    """(YAML header as a dict, the rest) of a card source that starts with a ``---`` block."""
    match = re.match(r"^---\n(.*?)\n---\n", source, re.DOTALL)
    if not match:
        raise _source_error("must start with a YAML block between '---' lines")
    try:
        front = yaml.safe_load(match[1]) or {}
    except yaml.YAMLError as exc:
        raise _source_error(f"the YAML block does not parse: {exc}") from None
    if not isinstance(front, dict):
        raise _source_error("the YAML block must be a mapping")
    return front, source[match.end():]


def size_category(n: int) -> str:
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]
    return next((name for bound, name in bounds if n < bound), "1M<n<10M")


def licence_fields(rights: dict[str, int]) -> dict:
    """The Hub licence: the single SPDX id all documents share, else ``other`` pointing to the rights section."""
    if len(rights) == 1 and not next(iter(rights)).startswith("LicenseRef-"):
        return {"license": next(iter(rights)).lower()}
    return {"license": "other", "license_name": "per-document-rights", "license_link": "README.md#rights-and-reuse"}


def generated_metadata(front: dict, stats: dict, counts: dict[str, dict[str, int]]) -> dict:
    """The card's YAML: the source's fields, then what the data decides.

    Only splits with rows are declared (``datasets`` refuses an empty one), and a config
    with no rows at all is left out; the configurations table still shows its zeros.
    """
    total = stats["total"]
    present = {c: [s for s in F.SPLITS if counts[c][s]] for c in F.CONFIGS}
    present = {c: splits for c, splits in present.items() if splits}
    meta = {
        **front,
        **licence_fields(total["rights"]),
        "language_creators": [LANGUAGE_CREATORS[o] for o, n in total["origins"].items() if n],
        "size_categories": [size_category(total["documents"])],
        "configs": [
            {"config_name": c, **({"default": True} if c == F.DEFAULT_CONFIG else {}),
             "data_files": [{"split": s, "path": f"data/{c}/{s}-*.parquet"} for s in splits]}
            for c, splits in present.items()
        ],
    }
    data = DatasetCardData(**meta)
    infos = {
        c: DatasetInfo(features=F.features(c), splits=SplitDict({s: SplitInfo(name=s, num_examples=counts[c][s]) for s in splits}))
        for c, splits in present.items()
    }
    DatasetInfosDict(infos).to_dataset_card_data(data)
    return data.to_dict()


def _attributes(attributes: dict) -> str:
    return "; ".join(f"`{a.name}`: {', '.join(map(str, a.values)) if a.values else a.format or 'free text'}" for a in attributes.values()) or "none"


def labels_section(o: Ontology) -> str:
    parts = [
        "#### Entity mentions\n\n" + markdown_table(["label", "definition", "attributes", "grouped into entities"],
            [(f"`{m.name}`", m.definition, _attributes(m.attributes), "yes" if m.coreferent else "no") for m in o.mention_labels.values()]),
        "#### Relations\n\n" + markdown_table(["type", "head", "tail", "definition"],
            [(f"`{r.name}`", ", ".join(r.head), ", ".join(r.tail), r.definition) for r in o.relation_types.values()]),
        "#### Events\n\n" + markdown_table(["type", "definition", "roles (allowed labels)", "attributes"],
            [(f"`{e.name}`", e.definition, "; ".join(f"{role} ({', '.join(labels)})" for role, labels in e.roles.items()), _attributes(e.attributes))
             for e in o.event_types.values()]),
        "#### Event statuses\n\n" + markdown_table(["status", "definition"], [(f"`{s}`", d) for s, d in o.statuses.items()]),
        "#### Treaty stages (lifecycle order)\n\n" + markdown_table(["stage", "meaning"], [(f"`{s}`", label) for s, label in o.stage_labels.items()]),
    ]
    return "\n\n".join(parts)


def configs_section(counts: dict[str, dict[str, int]], sentence_lengths: dict) -> str:
    table = markdown_table(["config", "one row is", *F.SPLITS],
                           [(f"`{c}`" + (" (default)" if c == F.DEFAULT_CONFIG else ""), CONFIG_ROWS[c], *(counts[c][s] for s in F.SPLITS)) for c in F.CONFIGS])
    return table + "\n\n" + sentences_section(sentence_lengths)


def sentences_section(lengths: dict) -> str:
    """How sentences are made, and their token-length distribution (``sentences.length_summary``)."""
    summary = markdown_table(["sentences", "min", "median", "p90", "p99", "max"],
                             [tuple(lengths[k] for k in ("sentences", "min", "median", "p90", "p99", "max"))])
    bands = markdown_table(["tokens", *lengths["bands"]], [("sentences", *lengths["bands"].values())])
    return ("#### Sentences\n\n"
            "Split once (`diplonews.sentences`): every line break ends a sentence, spaCy's rule-based `sentencizer` "
            "splits each line, and where a boundary would cut a mention or an event trigger the two sentences are "
            "merged. The `sentences` config and the `sentences` of `ner` rows hold the same sentences; no sentence "
            f"has more than {MAX_TOKENS} tokens (a longer one refuses the build). Offsets (`start`, `end`, "
            "`token_starts`, `token_ends`) are code points into the document text; a sentence's `text` is "
            "`document_text[start:end]`.\n\nTokens per sentence:\n\n" + summary + "\n\n" + bands)


def statistics_section(stats: dict) -> str:
    splits = list(stats["splits"])
    columns = ["", "total", *splits]
    parts = ["#### Corpus\n\n" + markdown_table(columns, [(k, stats["total"][k], *(stats["splits"][s][k] for s in splits)) for k in corpus_stats.SCALARS])]
    parts += [f"#### {title}\n\n" + markdown_table(columns, corpus_stats.breakdown_rows(stats, key)) for title, key in corpus_stats.TABLES]
    table = stats["total"]["stage_status"]
    statuses = list(next(iter(table.values())))
    used = [(stage, *row.values()) for stage, row in table.items() if any(row.values())]
    parts.append("#### Treaty stages by status (stages that occur)\n\n" + (markdown_table(["stage", *statuses], used) if used else "No treaty actions yet."))
    parts.append("#### Distinct entities (by canonical name, across documents)\n\n"
                 + markdown_table(columns, [(k, v["total"], *(v[s] for s in splits)) for k, v in stats["distinct"].items()]))
    return "\n\n".join(parts)


def plots_section() -> str:
    return "\n\n".join(f"![{name.replace('_', ' ')}]({path})" for name, path in PLOTS.items())


def rights_section(stats: dict) -> str:
    rows = []
    for rights, n in stats["total"]["rights"].items():
        notes = " ".join(stats["rights_notes"].get(rights, []))
        meaning = notes or ("Reuse, share and adapt with attribution." if rights == CORPUS_LICENCE else "See the licence text.")
        rows.append((f"`{rights}`", n, meaning))
    return markdown_table(["rights", "documents", "what it means for reuse"], rows)


def _value_ci(value: float | None, ci: list[float] | None) -> str:
    """A figure as the card shows it: three decimals, then its 95% interval when there is one."""
    if value is None:
        return "n/a"
    return f"{value:.3f}" + (f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "")


def _agreement(report: dict) -> str:
    """One round: how many documents, then each figure with its 95% bootstrap interval."""
    ci95 = report.get("ci95", {})
    table = markdown_table(["metric", "value [95% CI]"],
                           [(name, _value_ci(value, ci95.get(name))) for name, value in report["metrics"].items()])
    return f"Measured on {len(report['documents'])} doubly annotated document(s).\n\n{table}"


def agreement_section(root: Path) -> str:
    """Every stored round (``annotations/agreement/<round>/``): its notes, then its figures."""
    parts = []
    for r in stored_rounds(Layout(root)):
        if not r.report.is_file():
            continue
        name = r.report.relative_to(root).as_posix()
        figures = _rendered(root, name, _agreement, "documents, metrics and ci95")
        notes = jsonio.read_text(r.notes).strip() if r.notes.is_file() else ""
        parts.append("\n\n".join(p for p in (f"**Round `{r.name}`.**", notes, figures) if p))
    return "\n\n".join(parts) or "No inter-annotator agreement study has been run yet; the figures will appear here when it has."


def _results(board: dict) -> str:
    """One row per metric, one column per (system, split): each cell the value and its 95% CI."""
    columns = [(e["system"], e["split"]) for e in board["entries"]]
    by_column = {(e["system"], e["split"]): e["metrics"] for e in board["entries"]}
    metrics = list(dict.fromkeys(name for e in board["entries"] for name in e["metrics"]))

    def cell(m: dict | None) -> str:
        return _value_ci(m["value"], m.get("ci95")) if m else "n/a"

    rows = [(name, *(cell(by_column[c].get(name)) for c in columns)) for name in metrics]
    caption = f"Scored on {board['generated']} at commit `{board['commit'][:12]}`; value [95% bootstrap confidence interval]."
    return caption + "\n\n" + markdown_table(["metric", *(f"{system} ({split})" for system, split in columns)], rows)


# file written by another part of the project -> (text while it is absent, renderer, the keys it must have)
OPTIONAL_SECTIONS = {
    LEADERBOARD: ("No results yet: baseline scores will appear here once they have been measured.",
                  _results, "generated, commit and entries"),
}


def optional_section(root: Path, name: str) -> str:
    """The section rendered from ``name`` if the file exists (else the text for its absence)."""
    absent, render, expected = OPTIONAL_SECTIONS[name]
    return _rendered(root, name, render, expected) if (root / name).is_file() else absent


def _rendered(root: Path, name: str, render, expected: str) -> str:
    """``render`` of the JSON file ``name``; a malformed file is a ``card-input`` problem naming it."""
    try:
        return render(jsonio.read_json(root / name, name))
    except DiplonewsError as exc:
        raise DiplonewsError([replace(p, code="card-input") for p in exc.problems]) from None
    except (KeyError, TypeError, IndexError, ValueError, AttributeError) as exc:  # the file's shape, not a bug here
        raise DiplonewsError.of("card-input", f"unexpected shape ({exc!r}); expected {expected}", file=name) from None


USAGE = {
    "documents": 'doc = ds["train"][0]\nprint(doc["title"], len(doc["mentions"]), "mentions")',
    "ner": 'names = ds["train"].features["ner_tags"].feature.names\nrow = ds["train"][0]\nprint([(t, names[i]) for t, i in zip(row["tokens"], row["ner_tags"]) if i])',
    "sentences": ('names = ds["train"].features["ner_tags"].feature.names\nrow = ds["train"][0]\n'
                  'print(row["doc_id"], row["index"], row["text"])\nprint([(t, names[i]) for t, i in zip(row["tokens"], row["ner_tags"]) if i])'),
    "relations": 'row = ds["train"][0]\ntypes = ds["train"].features["type"].names\nprint(row["head"]["text"], types[row["type"]], row["tail"]["text"])',
    "events": 'row = ds["train"][0]\nprint(row["trigger"]["text"], [(a["role"], a["text"]) for a in row["arguments"]])',
    "treaty_stages": 'df = ds["train"].to_pandas()\nprint(df.sort_values(["treaty", "published"])[["treaty", "stage", "status", "date"]])',
}


SQL_EXAMPLE = f"""-- every dated treaty stage in calendar order, its stage named through {LABELS_FILE}
SELECT s.treaty, l.name AS stage, s.date, s.date_start, s.date_end
FROM 'data/treaty_stages/*.parquet' AS s
JOIN '{LABELS_FILE}' AS l ON l.config = 'treaty_stages' AND l.field = 'stage' AND l.id = s.stage
WHERE s.date_start IS NOT NULL
ORDER BY s.date_start, s.treaty, stage;"""


def datasets_requirement() -> str:
    """The ``datasets`` version range this package declares (``datasets>=4.0``), for the card."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        declared = requires("diplonews") or []
    except PackageNotFoundError:  # sources on the path, not installed
        declared = []
    return next((r.split(";")[0].strip() for r in declared if re.match(r"datasets\b", r)), "datasets")


def usage_section() -> str:
    blocks = [f"Reading the configs needs `{datasets_requirement()}`: older versions cannot read the `List` feature type."]
    for c in F.CONFIGS:
        blocks.append(f"**`{c}`**\n\n```python\nfrom datasets import load_dataset\n\n"
                      f'ds = load_dataset("REPO_ID", "{c}")  # REPO_ID: the Hub id, or the path of a local build\n{USAGE[c]}\n```')
    blocks.append(f"**SQL and dataframes.** The Parquet files under `data/` read without `datasets`. Label columns hold "
                  f"ClassLabel ids; `{LABELS_FILE}` (config, field, id, name) names them, since DuckDB `COPY` and Polars "
                  f"`write_parquet` drop the names kept in the schema metadata. Dates have `date_start`/`date_end` "
                  f"(the first and last day a TIMEX3 value covers) to sort on. With DuckDB, in the dataset's folder:"
                  f"\n\n```sql\n{SQL_EXAMPLE}\n```")
    return "\n\n".join(blocks)


def render_card(root: Path, stats: dict, counts: dict[str, dict[str, int]], sentence_lengths: dict) -> str:
    """The full ``README.md`` text of a build."""
    root = Path(root)
    source_path = root / CARD_SOURCE
    if not source_path.is_file():
        raise _source_error("is missing at the repository root: the card's prose comes from it")
    front, body = split_front_matter(jsonio.read_text(source_path, CARD_SOURCE))
    sections = {
        "labels": lambda: labels_section(load()),
        "configs": lambda: configs_section(counts, sentence_lengths),
        "statistics": lambda: statistics_section(stats),
        "plots": plots_section,
        "rights": lambda: rights_section(stats),
        "agreement": lambda: agreement_section(root),
        "results": lambda: optional_section(root, LEADERBOARD),
        "usage": usage_section,
    }
    unknown = sorted(set(MARKER.findall(body)) - set(sections))
    if unknown:
        raise _source_error(f"names unknown generated sections: {', '.join(unknown)} (known: {', '.join(sections)})")
    body = MARKER.sub(lambda m: sections[m[1]](), body)
    header = yaml.safe_dump(generated_metadata(front, stats, counts), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n{body}"
