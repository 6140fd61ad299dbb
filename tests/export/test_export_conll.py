"""``diplonews export conll``: the exact columns of a fixture, seqeval (strict IOB2) reading the
corpus export, the reader back recovering every mention and trigger the columns hold, and the
exact list of what the format drops (issue 10, point 1)."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner
from export_fixtures import FIXTURE, REPO, export_repository
from seqeval.metrics import classification_report, f1_score
from seqeval.scheme import IOB2

from diplonews.authoring.markup import compile_markup
from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.export import MANIFEST, format_module
from diplonews.export.conll import ALWAYS_DROPPED, drops, read, to_conll
from diplonews.gold import gold_status_ids, read_gold
from diplonews.tokens import tokenize
from diplonews.problems import DiplonewsError
from diplonews.sentences import split

SECOND_SENTENCE = """\
“ O O
The O O
Accord B-TREATY O
of I-TREATY O
Friends I-TREATY O
will O O
be O O
ratified O B-TREATY_ACTION
by O O
Freedonia B-COUNTRY O
next B-DATE O
month I-DATE O
, O O
” O O
the O O
ministry B-ORGANIZATION O
said O O
; O O
it O O
still O O
awaits O B-TREATY_ACTION
review O O
by O O
the O O
Speaker O O
. O O

"""


@pytest.fixture(scope="module")
def fixture():
    return compile_markup(FIXTURE.read_text(encoding="utf-8"))


def test_fixture_columns_are_exact(fixture):
    """A -DOCSTART- line with every column, then a block per sentence; the line break inside
    "Accord of\\nFriends" is white space between tokens, so the mention stays one B-I-I run."""
    block = to_conll(fixture.text, fixture.gold, triggers=True)
    assert block.startswith("-DOCSTART- O O\n\n🇫 O O\n🇷 O O\n")
    assert "\nZoë B-OFFICIAL O\nQ I-OFFICIAL O\ṅ I-OFFICIAL O\nuíntero I-OFFICIAL O\n" in block
    assert block.endswith("\n. O O\n\n" + SECOND_SENTENCE)
    assert block.count("\n\n") == 3  # after -DOCSTART- and after each of the two sentences
    assert to_conll(fixture.text, fixture.gold) == "\n".join(" ".join(line.split(" ")[:2]) for line in block.split("\n"))


@pytest.fixture(scope="module")
def corpus_export(tmp_path_factory):
    return export_repository(tmp_path_factory, "conll", "--triggers")


def _blocks(path) -> list[list[list[str]]]:
    """A CoNLL file as sentences of columns, -DOCSTART- left out: what a CoNLL reader hands to seqeval."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("-DOCSTART-"):
            current.append(line.split(" "))
        elif current:
            sentences.append(current)
            current = []
    return sentences


def test_seqeval_strict_iob2_scores_gold_against_gold_at_one_with_every_mention(corpus_export):
    """Strict mode counts only well-formed IOB2 spans: its support per label is exactly the gold's."""
    out, result = corpus_export
    assert result.exit_code == 0, result.output
    layout = Layout(REPO)
    golds = [read_gold(layout, d) for d in gold_status_ids(layout)]
    sentences = [s for split_name in ("train", "validation", "test") for s in _blocks(out / f"{split_name}.conll")]
    assert len(sentences) == sum(len(split(layout.read_text(g["doc_id"]), tokenize(layout.read_text(g["doc_id"])), g)) for g in golds)
    mentions = Counter(m["label"] for g in golds for m in g["mentions"])
    triggers = Counter(kind for g in golds for _, _, kind in {(e["trigger"]["start"], e["trigger"]["end"], e["type"]) for e in g["events"]})
    for column, expected in ((1, mentions), (2, triggers)):
        tags = [[token[column] for token in sentence] for sentence in sentences]
        assert f1_score(tags, tags, mode="strict", scheme=IOB2) == 1.0
        report = classification_report(tags, tags, mode="strict", scheme=IOB2, output_dict=True)
        support = {label: int(row["support"]) for label, row in report.items() if label[0].isupper()}
        assert support == dict(expected)


def test_the_reader_gives_back_every_mention_and_trigger_the_columns_hold(corpus_export):
    out, _ = corpus_export
    layout = Layout(REPO)
    back = read(out, texts=layout.read_text)
    assert [d.doc_id for d in back] == list(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["documents"])
    assert sorted(d.doc_id for d in back) == gold_status_ids(layout)
    for doc in back:
        gold, text = read_gold(layout, doc.doc_id), layout.read_text(doc.doc_id)
        assert doc.text == text
        assert doc.mentions == [{"label": m["label"], "start": m["start"], "end": m["end"], "text": m["text"]} for m in gold["mentions"]]
        triggers = sorted({(e["trigger"]["start"], e["trigger"]["end"], e["type"]) for e in gold["events"]})
        assert [(t["start"], t["end"], t["type"]) for t in doc.triggers] == triggers
        assert doc.sentences == [(s.start, s.end) for s in split(text, tokenize(text), gold)]
    assert format_module("conll").read is read


def test_without_texts_offsets_are_into_the_text_the_columns_spell(corpus_export):
    out, _ = corpus_export
    first = read(out)[0]
    assert all(first.text[m["start"]:m["end"]] == m["text"] for m in first.mentions)
    assert "\n" not in first.sentences and first.text.count("\n") == len(first.sentences) - 1


def test_export_prints_exactly_what_conll_drops(corpus_export, fixture_repo, tmp_path):
    out, result = corpus_export
    ids = gold_status_ids(Layout(REPO))
    lines = [f"dropped: {line}" for line in drops(triggers=True)]
    assert result.stdout == "\n".join(lines) + f"\nconll: {len(ids)} document(s) written to {out}\n"
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "test.conll", "train.conll", "validation.conll"]
    plain = CliRunner().invoke(main, ["--root", str(fixture_repo), "export", "conll", "--out", str(tmp_path / "plain")])
    assert plain.exit_code == 0, plain.output
    assert plain.stdout.splitlines()[:-1] == [f"dropped: {line}" for line in (*ALWAYS_DROPPED, "event triggers (give --triggers for a trigger column)")]
    assert (tmp_path / "plain" / "test.conll").read_text(encoding="utf-8").startswith("-DOCSTART- O\n\n🇫 O\n")


def test_triggers_is_refused_for_another_format(fixture_repo, tmp_path):
    result = CliRunner().invoke(main, ["--root", str(fixture_repo), "export", "brat", "--out", str(tmp_path / "o"), "--triggers"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: --triggers is not an option of brat\n")
    assert not (tmp_path / "o").exists()


@pytest.fixture
def fixture_repo(tmp_path):
    root = tmp_path / "repo"
    (root / "corpus").mkdir(parents=True)
    result = CliRunner().invoke(main, ["--root", str(root), "author", "compile", str(FIXTURE), "--write"])
    assert result.exit_code == 0, result.output
    return root


def test_a_broken_file_is_refused_with_every_problem(fixture_repo, tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["--root", str(fixture_repo), "export", "conll", "--out", str(out), "--triggers"]).exit_code == 0
    path = out / "test.conll"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Accord B-TREATY O\n", "Accord O O\n").replace("met O B-MEETING", "met O B-MEETUP")
                    .replace("Tanaka I-OFFICIAL O", "Tanaka I-OFFICIAL"), encoding="utf-8")
    with pytest.raises(DiplonewsError) as info:
        read(out)
    lines = text.split("\n")
    number = {line: lines.index(line) + 1 for line in ("of I-TREATY O", "met O B-MEETING", "Tanaka I-OFFICIAL O")}
    assert [p.render() for p in info.value.problems] == [
        f"{path}:{number['Tanaka I-OFFICIAL O']}: [conll-line] 2 columns; every line has 3 (token, mention tag[, trigger tag])",
        f"{path}:{number['met O B-MEETING']}:fixture-offsets: [conll-tag] 'B-MEETUP' is not an IOB2 tag of the ontology",
        f"{path}:{number['of I-TREATY O']}:fixture-offsets: [conll-tag] I-TREATY continues no TREATY span (strict IOB2)",
    ]
    path.write_text(text + text, encoding="utf-8")
    with pytest.raises(DiplonewsError) as info:
        read(out)
    assert [p.render() for p in info.value.problems] == [f"{path}: [conll-documents] 2 -DOCSTART- document(s); the manifest has 1 in test"]
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DiplonewsError) as info:
        read(out, texts=lambda doc_id: "Another text")
    assert [p.render() for p in info.value.problems] == [f"{path}:fixture-offsets: [conll-text] the tokens do not spell the document's text"]
