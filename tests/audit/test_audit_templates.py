"""phrase-common and passage-shared: templated writing across documents."""
from __future__ import annotations

from diplonews.audit.runner import audit

PHRASE = "the two sides agreed to keep talking about the"
FILLER = ["Oranges grew near the river.", "Nobody counted the boats.", "Rain came twice.", "A quiet week followed."]


def test_a_phrase_in_three_of_three_documents_is_common(corpus):
    for i in range(3):
        corpus.add(f"d{i}", f"{FILLER[i]} In the end {PHRASE} border.")
    merged = f"the end {PHRASE} border"  # the overlapping 8-word runs, as one phrase; "In" is a capital
    assert corpus.findings("phrase-common") == [("phrase-common", None, merged)]
    [finding] = [f for f in audit(corpus.root).findings if f.code == "phrase-common"]
    assert [p.doc_id for p in finding.places] == ["d0", "d1", "d2"]
    assert {corpus.root.joinpath("corpus", f"{p.doc_id}.txt").read_text()[p.start:p.end] for p in finding.places} == {merged}


def test_a_phrase_in_two_documents_is_not_common(corpus):
    corpus.add("d0", f"{FILLER[0]} In the end {PHRASE} border.")
    corpus.add("d1", f"{FILLER[1]} Later {PHRASE} river.")
    corpus.add("d2", FILLER[2])
    assert corpus.findings("phrase-common") == []


def test_names_and_numbers_do_not_make_a_common_phrase(corpus):
    for i in range(3):
        corpus.add(f"d{i}", f"{FILLER[i]} the two sides agreed to keep on 12 May talking about Ostria now.")
    assert corpus.findings("phrase-common") == []


def test_a_twelve_word_run_shared_by_two_documents_is_reported_once(corpus):
    run = "Ministers from both capitals met for eleven hours and left without a text"
    corpus.add("d0", f"{FILLER[0]} {run}. {run}.")
    corpus.add("d1", f"{FILLER[1]} {run.upper()}, it seems.")
    corpus.add("d2", FILLER[2])
    assert corpus.findings("passage-shared") == [("passage-shared", None, "d0 | d1")]


def test_an_eleven_word_run_is_not_a_shared_passage(corpus):
    corpus.add("d0", "Ministers from both capitals met for eleven hours and left without. Rain fell.")
    corpus.add("d1", "Ministers from both capitals met for eleven hours and left without. Sun shone.")
    assert corpus.findings("passage-shared") == []
