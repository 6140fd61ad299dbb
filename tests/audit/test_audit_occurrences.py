"""unlabelled-in-doc and unlabelled-cross-doc: names left unlabelled where they occur again."""
from diplonews.audit.occurrences import searchable, trie_regex
from diplonews.audit.runner import audit

CODES = ("unlabelled-in-doc", "unlabelled-cross-doc")


def test_audit_unlabelled_in_doc_and_across_docs(corpus):
    corpus.add("a", "[Kalmar]{COUNTRY @kal} and Kalmar agreed; Kalmar’s envoy left for Dravia and Kalmar.")
    corpus.add("b", "The [Dravia]{COUNTRY @dra} delegation met Kalmar officials.")
    assert corpus.findings(*CODES) == [
        ("unlabelled-cross-doc", "a", "Dravia"),
        ("unlabelled-in-doc", "a", "Kalmar"),
        ("unlabelled-cross-doc", "b", "Kalmar"),
    ]
    [in_doc] = [f for f in audit(corpus.root).findings if f.code == "unlabelled-in-doc"]
    assert [(p.start, p.end) for p in in_doc.places] == [(11, 17), (26, 32), (61, 67)]


def test_audit_unlabelled_covered_inside_a_longer_mention_of_any_label(corpus):
    corpus.add("a", "The [Duma]{ORGANIZATION @duma mention_type=NAM} met; the [State Duma]{ORGANIZATION @duma mention_type=NAM} voted; "
                    "[Duma speaker]{ROLE} spoke.", entities="@duma = State Duma")
    assert corpus.findings(*CODES) == []


def test_audit_unlabelled_prefers_the_longest_name_and_whole_words(corpus):
    corpus.add("a", "The [State Duma]{ORGANIZATION @duma mention_type=NAM} and the [Duma]{ORGANIZATION @duma mention_type=NAM}.",
               entities="@duma = State Duma")
    corpus.add("b", "State Duma, Dumas, Duma-led, ÉDuma, Duma’s, the Duma.")
    report = audit(corpus.root)
    found = [(f.code, f.doc_id, f.key, [(p.start, p.end) for p in f.places if p.annotation_id is None]) for f in report.findings if f.code in CODES]
    assert found == [
        ("unlabelled-cross-doc", "b", "Duma", [(19, 23), (36, 40), (48, 52)]),
        ("unlabelled-cross-doc", "b", "State Duma", [(0, 10)]),
    ]


def test_audit_unlabelled_searches_only_names_of_searchable_strings(corpus):
    corpus.add("a", "[the treaty]{TREATY @t mention_type=NOM}, [Paris]{LOCATION @p}, [Ambassador]{ROLE}, [Q]{PERSON @q}, "
                    "[aldea]{LOCATION @al}, [Friday]{DATE timex_type=DATE value=2025-04-11}",
               entities="@t = Treaty of Paris")
    corpus.add("b", "the treaty, Ambassador, Q, aldea and Friday in Paris")
    assert corpus.findings(*CODES) == [("unlabelled-cross-doc", "b", "Paris")]


def test_audit_searchable_rule():
    assert [s for s in ("UN", "U", "al-Sisi", "aldea", "1945", "Łódź") if searchable(s)] == ["UN", "al-Sisi", "Łódź"]


def test_audit_trie_regex_matches_whole_words_longest_first():
    pattern = trie_regex(["Iran", "Iran-Russia Treaty", "U.S.", "Łódź"])
    text = "Iranian Iran Iran-Russia Treaty U.S. U.S.A. Łódź’s Łódźanin"
    assert [m.group() for m in pattern.finditer(text)] == ["Iran", "Iran-Russia Treaty", "U.S.", "Łódź"]
