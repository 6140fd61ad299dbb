"""``diplonews anchor``, ``diplonews prompt`` and ``diplonews evaluate --quotes`` through the CLI."""
from __future__ import annotations

import json

from click.testing import CliRunner

from diplonews.anchoring import quotes_from_gold
from diplonews.corpus import Layout
from diplonews.cli import main

TINY_IDS = ["seed-dev", "seed-test", "seed-train"]  # the documents of the tiny_repo fixture, in id order


def _run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args])


def _quoted(root, doc_id: str) -> dict:
    layout = Layout(root)
    return quotes_from_gold(json.loads(layout.gold_path(doc_id).read_text(encoding="utf-8")), layout.read_text(doc_id))


def _write_lines(path, records) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")


def test_anchor_writes_the_gold_back_deterministically(tiny_repo, tmp_path):
    quotes = tmp_path / "quotes.jsonl"
    _write_lines(quotes, [_quoted(tiny_repo, d) for d in ("seed-test", "seed-dev")])
    out = tmp_path / "pred.jsonl"
    result = _run(tiny_repo, "anchor", str(quotes), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "dropped: none" in result.stderr
    first = out.read_bytes()
    assert _run(tiny_repo, "anchor", str(quotes), "--out", str(out)).exit_code == 0
    assert out.read_bytes() == first
    assert [json.loads(line)["doc_id"] for line in first.decode().splitlines()] == ["seed-dev", "seed-test"]
    scored = _run(tiny_repo, "evaluate", "--pred", str(out), "--format", "json")
    assert json.loads(scored.stdout)["metrics"]["mentions.strict.f1"]["value"] == 1.0


def test_anchor_refuses_bad_input_naming_file_line_doc_item_and_code(tiny_repo, tmp_path):
    quoted = _quoted(tiny_repo, "seed-test")
    bad_id = quoted["mentions"][1]["id"]
    quoted["mentions"][1]["label"] = "NOT_A_LABEL"
    quotes = tmp_path / "quotes.jsonl"
    _write_lines(quotes, [_quoted(tiny_repo, "seed-dev"), quoted])
    out = tmp_path / "pred.jsonl"
    result = _run(tiny_repo, "anchor", str(quotes), "--out", str(out))
    assert result.exit_code == 1
    assert f"{quotes}:2:seed-test:{bad_id}:$.mentions[1].label: [schema.enum]" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_anchor_reports_a_dropped_quote_and_what_referred_to_it(tiny_repo, tmp_path):
    quoted = _quoted(tiny_repo, "seed-test")
    mention = quoted["mentions"][0]
    mention.pop("occurrence", None)
    mention["text"] = "words that are not in the article"
    quotes = tmp_path / "quotes.jsonl"
    _write_lines(quotes, [quoted])
    result = _run(tiny_repo, "anchor", str(quotes), "--out", str(tmp_path / "pred.jsonl"), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    first = report["problems"][0]
    assert (first["code"], first["location"]["doc_id"], first["location"]["annotation_id"], first["location"]["line"]) == \
        ("quote-not-found", "seed-test", mention["id"], 1)
    referring = sum(1 for e in quoted["entities"] for r in e["mentions"] if r == mention["id"]) + \
        sum(1 for r in quoted["relations"] for end in ("head", "tail") if r[end] == mention["id"]) + \
        sum(1 for ev in quoted["events"] for a in ev["arguments"] if a["ref"] == mention["id"])
    assert report["dropped"]["quote-not-found"] == 1
    assert report["dropped"].get("quote-ref-dropped", 0) >= referring > 0


def test_evaluate_quotes_scores_raw_completions_and_names_the_broken_line(tiny_repo, tmp_path):
    completions = tmp_path / "completions.jsonl"
    _write_lines(completions, [
        {"doc_id": "seed-test", "completion": "Here is the annotation.\n```json\n" + json.dumps(_quoted(tiny_repo, "seed-test")) + "\n```"},
        {"doc_id": "seed-dev", "completion": "I am sorry, I cannot annotate this article."},
        {"doc_id": "seed-train", "completion": json.dumps(_quoted(tiny_repo, "seed-train"))},
        "{broken",
    ])
    result = _run(tiny_repo, "evaluate", "--quotes", str(completions), "--split", "all", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    golds = {d: json.loads(Layout(tiny_repo).gold_path(d).read_text(encoding="utf-8")) for d in TINY_IDS}
    found = len(golds["seed-test"]["mentions"]) + len(golds["seed-train"]["mentions"])
    recall = found / (found + len(golds["seed-dev"]["mentions"]))
    assert out["documents"] == 3
    assert out["figures"]["mentions.strict.precision"] == 1.0
    assert out["figures"]["mentions.strict.recall"] == recall
    assert [(p["code"], p["location"]["line"], p["location"]["doc_id"]) for p in out["anchoring"]["problems"]] == \
        [("completion-no-json", 2, "seed-dev"), ("json-invalid", 4, None)]
    assert out["anchoring"]["documents"] == 2
    markdown = _run(tiny_repo, "evaluate", "--quotes", str(completions), "--split", "all")
    assert f"- {completions}:2:seed-dev: [completion-no-json] no JSON object found in the completion" in markdown.stdout
    assert f"- {completions}:4: [json-invalid]" in markdown.stdout


def test_evaluate_needs_exactly_one_of_pred_and_quotes(tiny_repo):
    result = _run(tiny_repo, "evaluate")
    assert result.exit_code == 2
    assert "give exactly one of --pred and --quotes" in result.output


def test_prompt_writes_one_line_per_document_with_its_text_and_published_date(tiny_repo, tmp_path):
    out = tmp_path / "prompts.jsonl"
    result = _run(tiny_repo, "prompt", "--split", "all", "--out", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == TINY_IDS
    layout = Layout(tiny_repo)
    for record in records:
        published = layout.read_meta(record["doc_id"])["published"]
        assert layout.read_text(record["doc_id"]) in record["prompt"]
        assert f"published: {published}" in record["prompt"]
        assert f"normalised against the article's publication date, {published}:" in record["prompt"]
        assert "| `TREATY_ACTION` |" in record["prompt"] and '"occurrence"' in record["prompt"]
    test_only = tmp_path / "test.jsonl"
    assert _run(tiny_repo, "prompt", "--out", str(test_only)).exit_code == 0
    assert [json.loads(line)["doc_id"] for line in test_only.read_text(encoding="utf-8").splitlines()] == ["seed-test"]


def test_prompt_examples_come_from_train_and_never_the_document_itself(tiny_repo, tmp_path):
    out = tmp_path / "prompts.jsonl"
    assert _run(tiny_repo, "prompt", "--split", "all", "--shots", "1", "--out", str(out)).exit_code == 0
    records = {json.loads(line)["doc_id"]: json.loads(line)["prompt"] for line in out.read_text(encoding="utf-8").splitlines()}
    train_text = Layout(tiny_repo).read_text("seed-train")
    assert records["seed-test"].count(train_text) == 1 and "## Example 1" in records["seed-test"]
    assert "## Example 1" not in records["seed-train"]  # the only train document is itself


def test_prompt_for_an_empty_split_is_refused(tiny_repo, tmp_path):
    result = _run(tiny_repo, "prompt", "--split", "nosuch", "--out", str(tmp_path / "p.jsonl"))
    assert result.exit_code == 1
    assert "[prompt-no-documents] no gold document is in split 'nosuch'" in result.stderr


def test_the_new_commands_explain_themselves(tiny_repo):
    anchor = _run(tiny_repo, "anchor", "--help")
    assert anchor.exit_code == 0 and "Ambiguous and missing quotes are dropped, never guessed" in anchor.output
    prompt = _run(tiny_repo, "prompt", "--help")
    assert prompt.exit_code == 0 and "--shots" in prompt.output
    assert "--quotes" in _run(tiny_repo, "evaluate", "--help").output


def test_evaluate_shows_the_relaxed_figures_apart_from_the_headline(tiny_repo):
    result = _run(tiny_repo, "evaluate", "--pred", str(Layout(tiny_repo).gold_dir))
    assert result.exit_code == 0, result.output
    headline, relaxed = result.stdout.split("### Relaxed and Ign figures (beside strict, never instead)")
    assert "| relations.entity.f1 | 1.0000 |" in headline and "mention_overlap" not in headline
    assert "| relations.mention_overlap.f1 | 1.0000 |" in relaxed
    assert "| relations.entity_ign.f1 |" in relaxed
