"""``diplonews export spacy``: the Doc of a fixture as spaCy reads it back from the DocBin, the
reader back to gold, and a round trip of every gold document of the repository (issue 10, point 1)."""
from __future__ import annotations

import pytest
import spacy
from export_fixtures import FIXTURE, REPO, export_repository, round_trip_failures
from spacy.tokens import DocBin

from diplonews.authoring.markup import compile_markup
from diplonews.corpus import Layout
from diplonews.export import MANIFEST, format_module
from diplonews.export.spacy import from_doc, read, to_doc
from diplonews.gold import canonicalize, gold_status_ids, read_gold
from diplonews.problems import DiplonewsError


@pytest.fixture(scope="module")
def fixture():
    return compile_markup(FIXTURE.read_text(encoding="utf-8"))


def _through_docbin(doc, vocab=None):
    """The Doc as spaCy gives it back from a DocBin's bytes (by default into a fresh vocabulary)."""
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    (back,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(vocab or spacy.blank("en").vocab)
    return back


@pytest.fixture(scope="module")
def fixture_doc(fixture):
    return _through_docbin(to_doc(spacy.blank("en").vocab, fixture.text, fixture.gold))


def test_text_is_byte_identical_and_white_space_is_kept(fixture, fixture_doc):
    assert fixture_doc.text.encode("utf-8") == fixture.text.encode("utf-8")
    assert [t.text for t in fixture_doc if t.is_space] == ["\n", "\n"]  # the line breaks, as white-space tokens


def test_ents_are_the_mentions_with_ids_and_kb_ids(fixture_doc):
    assert [(e.text, e.label_, e.kb_id_, e.id_) for e in fixture_doc.ents] == [
        ("Zoë Q̇uíntero", "OFFICIAL", "", "zoe1"), ("Ambassador", "ROLE", "", "amb"), ("Freedonia", "COUNTRY", "", "fr1"),
        ("日本", "COUNTRY", "Q17", "jp1"), ("Kōji Tanaka", "OFFICIAL", "", "tanaka1"), ("東京", "LOCATION", "", "tokyo1"),
        ("Thursday", "DATE", "", "thu"), ("Accord of\nFriends", "TREATY", "", "acc1"), ("Freedonia", "COUNTRY", "", "fr2"),
        ("next month", "DATE", "", "nm"), ("ministry", "ORGANIZATION", "", "min1")]
    assert (fixture_doc.ents[0].start_char, fixture_doc.ents[0].end_char) == (len("🇫🇷👩‍⚕️ "), len("🇫🇷👩‍⚕️ Zoë Q̇uíntero"))


def test_triggers_are_one_span_per_event(fixture_doc):
    """Two treaty actions on one word ("awaits") stay two spans."""
    assert [(s.text, s.label_, s.id_) for s in fixture_doc.spans["triggers"]] == [
        ("met", "MEETING", "meet1"), ("ratified", "TREATY_ACTION", "rat1"),
        ("awaits", "TREATY_ACTION", "ta1"), ("awaits", "TREATY_ACTION", "ta2")]


def test_sentences_are_set_and_do_not_cut_the_mention_across_a_line_break(fixture, fixture_doc):
    assert fixture_doc.has_annotation("SENT_START")
    second = fixture.text.index("“The Accord")
    assert [s.text for s in fixture_doc.sents] == [fixture.text[:second], fixture.text[second:]]


def test_user_data_holds_the_other_layers(fixture, fixture_doc):
    gold = canonicalize(fixture.gold)
    data = fixture_doc.user_data
    assert data["doc_id"] == "fixture-offsets"
    assert dict(data["mention_attributes"])["nm"] == {"timex_type": "DATE", "value": "2026-02"}
    assert [e["id"] for e in data["entities"]] == [e["id"] for e in gold["entities"]]
    assert [r["id"] for r in data["relations"]] == ["hr", "ro", "acr", "loc", "pt", "po"]
    assert data["events"][1]["attributes"] == {"stage": "ratification"} and "trigger" not in data["events"][1]


def test_fixture_reads_back_exactly(fixture, fixture_doc):
    gold = fixture.gold
    assert from_doc(fixture_doc, gold["provenance"], gold["ontology_version"], "f.spacy") == canonicalize(gold)


def test_an_entity_added_in_spacy_gets_a_fresh_id(fixture):
    """An ent drawn in spaCy (a model's, say) has no id: it is read with the first free m<n>."""
    from spacy.tokens import Span

    doc = to_doc(spacy.blank("en").vocab, fixture.text, fixture.gold)
    speaker = next(t.i for t in doc if t.text == "Speaker")
    doc.ents = [*doc.ents, Span(doc, speaker, speaker + 1, label="ROLE")]
    gold = from_doc(_through_docbin(doc), fixture.gold["provenance"], fixture.gold["ontology_version"], "f.spacy")
    assert gold["mentions"][-1] == {"id": "m1", "label": "ROLE", "start": fixture.text.index("Speaker"),
                                    "end": fixture.text.index("Speaker") + len("Speaker"), "text": "Speaker", "attributes": {}}


def test_a_broken_doc_is_refused_with_every_problem(fixture):
    from spacy.tokens import Span

    doc = to_doc(spacy.blank("en").vocab, fixture.text, fixture.gold)
    doc.ents = [Span(doc, e.start, e.end, label=e.label_, kb_id="" if e.id_ == "jp1" else e.kb_id_, span_id=e.id_)
                for e in doc.ents if e.id_ != "amb"]  # the role is gone, Japan lost its kb id
    triggers = list(doc.spans["triggers"])
    doc.spans["triggers"] = [Span(doc, t.start, t.end, label="VISIT" if t.id_ == "meet1" else t.label_, span_id=t.id_)
                             for t in triggers if t.id_ != "ta2"]
    with pytest.raises(DiplonewsError) as info:
        from_doc(_through_docbin(doc), fixture.gold["provenance"], fixture.gold["ontology_version"], "f.spacy")
    assert [p.render() for p in info.value.problems] == [
        "f.spacy:fixture-offsets:amb: [spacy-reference] mention_attributes names 'amb', which is in no doc.ents span",
        "f.spacy:fixture-offsets:jp1: [spacy-entity] mention jp1 has kb_id '' but its entity jp has 'Q17'",
        "f.spacy:fixture-offsets:hr: [spacy-reference] relation hr tail 'amb' is in no doc.ents span",
        "f.spacy:fixture-offsets:ro: [spacy-reference] relation ro head 'amb' is in no doc.ents span",
        "f.spacy:fixture-offsets:acr: [spacy-reference] relation acr head 'amb' is in no doc.ents span",
        "f.spacy:fixture-offsets:meet1: [spacy-span] trigger of event meet1 is labelled 'VISIT', the event is 'MEETING'",
        "f.spacy:fixture-offsets:ta2: [spacy-reference] event ta2 has no span in doc.spans['triggers']",
    ]


def test_every_gold_document_round_trips_through_a_docbin():
    """Every file of annotations/gold (drafts too): Doc, DocBin bytes, Doc, gold gives back the canonical gold."""
    vocab, reading = spacy.blank("en").vocab, spacy.blank("en").vocab

    def back(doc_id: str, text: str, gold: dict) -> dict:
        doc = _through_docbin(to_doc(vocab, text, gold), reading)
        assert doc.text == text
        return from_doc(doc, gold["provenance"], gold["ontology_version"], doc_id)

    assert round_trip_failures(back) == []


@pytest.fixture(scope="module")
def corpus_export(tmp_path_factory):
    return export_repository(tmp_path_factory, "spacy")


def test_export_writes_a_docbin_per_split_and_reads_back(corpus_export):
    out, result = corpus_export
    layout = Layout(REPO)
    ids = gold_status_ids(layout)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"spacy: {len(ids)} document(s) written to {out}; spacy holds every layer, nothing dropped\n"
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "test.spacy", "train.spacy", "validation.spacy"]
    for split in ("train", "validation", "test"):
        docs = list(DocBin().from_disk(out / f"{split}.spacy").get_docs(spacy.blank("en").vocab))
        expected = [d for d in ids if layout.read_meta(d)["split"] == split]
        assert [d.user_data["doc_id"] for d in docs] == expected
        assert all(d.text == layout.read_text(d.user_data["doc_id"]) for d in docs)
    assert {g["doc_id"]: g for g in read(out)} == {d: canonicalize(read_gold(layout, d)) for d in ids}
    assert format_module("spacy").read is read


def test_a_foreign_or_missing_docbin_is_a_problem(corpus_export, tmp_path):
    import shutil

    out, _ = corpus_export
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    (copy / "test.spacy").write_bytes(b"not a docbin")
    (copy / "validation.spacy").unlink()
    with pytest.raises(DiplonewsError) as info:
        read(copy)
    assert [p.render() for p in info.value.problems] == [
        f"{copy / 'validation.spacy'}: [io-read] cannot be read: No such file or directory",
        f"{copy / 'test.spacy'}: [spacy-docbin] not a spaCy DocBin: ValueError",
    ]
