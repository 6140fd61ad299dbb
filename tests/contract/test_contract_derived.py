"""The ontology is the single source: schemas and guideline tables are derived and current."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from diplonews import schemas
from diplonews.cli import main
from diplonews.ontology import load, parse_ontology

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(schemas.SCHEMA_FILES))
def test_schema_files_are_valid_draft_2020_12(name):
    schema = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_derived_files_match_the_ontology():
    result = CliRunner().invoke(main, ["--root", str(ROOT), "schema", "--check"])
    assert (result.exit_code, result.output) == (0, "")


def test_schema_check_names_a_stale_file(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "GUIDELINES.md").write_text("<!-- BEGIN GENERATED: stages -->\nold\n<!-- END GENERATED: stages -->\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "schema", "--check"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{name}: [derived-stale] is out of date with the ontology or the code registry; run `diplonews schema`"
        for name in ("schema/annotation.schema.json", "schema/metadata.schema.json", "schema/prediction.schema.json",
                     "schema/quote-prediction.schema.json")
    ] + [
        "annotations/GUIDELINES.md: [derived-stale] is out of date with the ontology or the code registry; run `diplonews schema`",
        "docs/codes.md: [derived-stale] is out of date with the ontology or the code registry; run `diplonews schema`",
    ]
    assert CliRunner().invoke(main, ["--root", str(tmp_path), "schema"]).exit_code == 0
    assert "| 20 | `termination` | termination / expiry |" in (tmp_path / "annotations" / "GUIDELINES.md").read_text(encoding="utf-8")


def test_schema_enums_come_from_the_ontology():
    o = load()
    schema = schemas.annotation_schema()
    assert schema["$defs"]["mention"]["properties"]["label"]["enum"] == list(o.mention_labels)
    assert schema["$defs"]["relation"]["properties"]["type"]["enum"] == list(o.relation_types)
    stage_clause = next(c for c in schema["$defs"]["event"]["allOf"] if c["if"]["properties"]["type"]["const"] == "TREATY_ACTION")
    assert stage_clause["then"]["properties"]["attributes"]["properties"]["stage"]["enum"] == list(o.stages)
    assert len(o.stages) == 20 and o.stages[0] == "negotiation" and o.stages[-1] == "termination"


def test_ontology_refuses_unknown_labels_in_relations():
    raw = json.loads((ROOT / "src" / "diplonews" / "ontology.json").read_text(encoding="utf-8"))
    raw["relation_types"][0]["tail"] = ["TITLE"]
    with pytest.raises(ValueError, match=r"relation HOLDS_ROLE names unknown labels \['TITLE'\]"):
        parse_ontology(raw)


def test_gold_files_are_valid_predictions():
    """A gold file is a valid prediction: the two schemas share their layers."""
    validator = jsonschema.Draft202012Validator(schemas.prediction_schema())
    for path in sorted((ROOT / "annotations" / "gold").glob("*.json")):
        assert list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))) == [], path.name


def test_gold_files_as_quotes_are_valid_quote_predictions():
    """The quote-level schema is the prediction schema with quotes for spans: every gold file, quoted, meets it."""
    from diplonews.anchoring import quotes_from_gold

    validator = jsonschema.Draft202012Validator(schemas.quote_prediction_schema())
    for path in sorted((ROOT / "annotations" / "gold").glob("*.json")):
        quoted = quotes_from_gold(json.loads(path.read_text(encoding="utf-8")), (ROOT / "corpus" / f"{path.stem}.txt").read_text(encoding="utf-8"))
        assert list(validator.iter_errors(quoted)) == [], path.name


def test_quote_schema_has_no_offsets():
    schema = schemas.quote_prediction_schema()
    assert set(schema["$defs"]["mention"]["properties"]) == {"id", "text", "occurrence", "context", "label", "attributes"}
    assert set(schema["$defs"]["event"]["properties"]["trigger"]["properties"]) == {"text", "occurrence", "context"}
    assert "text_sha256" not in schema["required"]


def test_code_finds_the_special_label_and_event_type_in_the_ontology():
    o = load()
    assert (o.treaty_action_type, o.date_label) == ("TREATY_ACTION", "DATE")


def test_timex_checks_cover_exactly_the_ontology_timex_types():
    from diplonews.validation.timex import CHECKS

    timex_types = load().mention_labels[load().date_label].attributes["timex_type"].values
    assert sorted(CHECKS) == sorted(timex_types)
