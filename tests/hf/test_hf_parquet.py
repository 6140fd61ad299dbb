"""The build's Parquet files for SQL and dataframe users: one type per vocabulary, sortable
dates, label names reachable without ``datasets``, and the card's examples run as printed."""
from __future__ import annotations

import contextlib
import io
import re
from datetime import date

from datasets import ClassLabel, List
from hf_fixtures import load

from diplonews.hf import features as F
from diplonews.hf.card import SQL_EXAMPLE
from diplonews.ontology import load as load_ontology


def _leaves(feature, path=()):
    """(path, feature) of each leaf feature; lists add no step to the path."""
    if isinstance(feature, List):
        yield from _leaves(feature.feature, path)
    elif isinstance(feature, dict):
        for key, sub in feature.items():
            yield from _leaves(sub, path + (key,))
    else:
        yield path, feature


def test_every_closed_vocabulary_is_one_classlabel_in_every_config():
    o = load_ontology()
    attributes = {**{n: a for m in o.mention_labels.values() for n, a in m.attributes.items()},
                  **{n: a for e in o.event_types.values() for n, a in e.attributes.items()}}
    closed = {name: list(a.values) for name, a in attributes.items() if a.values and not all(isinstance(v, bool) for v in a.values)}
    vocabularies = {**closed, "status": list(o.statuses), "role": F.roles(o), "label": list(o.mention_labels)}
    seen = {}
    for config in F.CONFIGS:
        for path, leaf in _leaves(dict(F.features(config))):
            if path[-1] in vocabularies and path[0] != "provenance":  # provenance.status: the annotation's own statuses
                assert isinstance(leaf, ClassLabel), (config, path)
                assert leaf.names == vocabularies[path[-1]], (config, path)
                seen.setdefault(path[-1], set()).add(config)
    assert seen["stage"] == {"documents", "events", "treaty_stages"}
    assert seen["direction"] == {"documents", "events"}
    assert seen["mention_type"] == {"documents"}


def test_dates_come_with_their_calendar_range(built, tmp_path):
    _, result = built
    stages = load(result.folder, "treaty_stages", tmp_path)
    rows = [(r["event_id"], r["date"], r["date_start"], r["date_end"]) for split in ("train", "test") for r in stages[split]]
    assert rows == [
        ("sig", "2031-03-03", date(2031, 3, 3), date(2031, 3, 3)),
        ("ta2", None, None, None),
        ("ta3", None, None, None),
        ("rej", "2031-02", date(2031, 2, 1), date(2031, 2, 28)),
    ]
    events = load(result.folder, "events", tmp_path)["test"]
    assert [(a["text"], a["value"], a["date_start"], a["date_end"]) for a in events[0]["arguments"]] == [
        ("pact", None, None, None),
        ("Senate", None, None, None),
        ("last month", "2031-02", date(2031, 2, 1), date(2031, 2, 28)),
    ]
    assert events.features["attributes"]["stage"].int2str(events[0]["attributes"]["stage"]) == "upper_house_vote"


def test_labels_table_names_every_classlabel_id(built):
    import pyarrow.parquet as pq

    _, result = built
    table = pq.read_table(result.folder / "labels.parquet").to_pylist()
    stages = [(r["id"], r["name"]) for r in table if (r["config"], r["field"]) == ("treaty_stages", "stage")]
    assert stages == list(enumerate(load_ontology().stages))
    fields = {(r["config"], r["field"]) for r in table}
    assert {("events", "arguments.role"), ("events", "attributes.stage"), ("ner", "ner_tags"), ("documents", "mentions.attributes.mention_type"),
            ("documents", "genre"), ("sentences", "trigger_tags")} <= fields
    assert ("events", "trigger.text") not in fields


def test_label_names_survive_a_duckdb_copy_through_the_labels_table(built, tmp_path):
    import duckdb

    _, result = built
    con = duckdb.connect()
    copy = tmp_path / "events.parquet"
    con.execute(f"COPY (SELECT * FROM '{result.folder}/data/events/train-*.parquet') TO '{copy}' (FORMAT parquet)")
    import pyarrow.parquet as pq

    assert b"huggingface" not in (pq.read_schema(copy).metadata or {})  # the ClassLabel names are gone
    names = con.execute(f"""SELECT e.id, l.name FROM '{copy}' AS e
                            JOIN '{result.folder}/labels.parquet' AS l ON l.config = 'events' AND l.field = 'type' AND l.id = e.type
                            ORDER BY e.id""").fetchall()
    assert names == [("say", "STATEMENT"), ("sig", "TREATY_ACTION"), ("ta2", "TREATY_ACTION"), ("ta3", "TREATY_ACTION")]


def test_the_cards_sql_example_runs_in_the_build(built, monkeypatch):
    import duckdb

    _, result = built
    card = (result.folder / "README.md").read_text(encoding="utf-8")
    assert f"```sql\n{SQL_EXAMPLE}\n```" in card
    monkeypatch.chdir(result.folder)
    assert duckdb.connect().execute(SQL_EXAMPLE).fetchall() == [
        ("Karvossa–Amaru Border Pact", "upper_house_vote", "2031-02", date(2031, 2, 1), date(2031, 2, 28)),
        ("Andes Water Accord", "signature", "2031-03-03", date(2031, 3, 3), date(2031, 3, 3)),
    ]


def test_the_cards_python_examples_run_against_the_build(built, tmp_path):
    _, result = built
    card = (result.folder / "README.md").read_text(encoding="utf-8")
    assert "Reading the configs needs `datasets>=4.0`" in card
    blocks = re.findall(r"```python\n(.*?)```", card, re.DOTALL)
    assert len(blocks) == len(F.CONFIGS)
    out = io.StringIO()
    for block in blocks:
        code = re.sub(r'load_dataset\("REPO_ID", ("\w+")\)', lambda m: f"load_dataset({str(result.folder)!r}, {m[1]}, cache_dir={str(tmp_path)!r})", block)
        with contextlib.redirect_stdout(out):
            exec(compile(code, "card", "exec"), {})
    printed = out.getvalue()
    assert "Andes Water Accord" in printed and "('Amaru', 'B-COUNTRY')" in printed
