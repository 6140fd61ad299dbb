"""label-conflict, entity-name-labels, kb-id-names and entity-name-spelling: the same thing labelled or named two ways."""
from diplonews.audit.runner import audit

CODES = ("label-conflict", "entity-name-labels", "kb-id-names")


def test_audit_label_conflict_lists_every_place(corpus):
    corpus.add("a", "[Kalmar]{#k1 COUNTRY @kal} met [Kalmar]{#k2 COUNTRY @kal}.")
    corpus.add("b", "They flew to [Kalmar]{#k1 LOCATION @kal}.")
    report = audit(corpus.root)
    [finding] = [f for f in report.findings if f.code == "label-conflict"]
    assert finding.identity == ("label-conflict", None, "Kalmar: COUNTRY | LOCATION")
    assert [(p.doc_id, p.annotation_id, p.label) for p in finding.places] == [("a", "k1", "COUNTRY"), ("a", "k2", "COUNTRY"), ("b", "k1", "LOCATION")]
    assert "COUNTRY ×2, LOCATION ×1" in finding.message


def test_audit_label_conflict_leaves_out_metonymy_and_other_case(corpus):
    corpus.add("a", "[Vesna]{LOCATION @city} hosts talks; [Vesna]{COUNTRY @ves metonymic=true} said no. [VESNA]{COUNTRY @ves2} too.",
               entities="@ves = Republic of Vesna\n@ves2 = Vesna Union")
    assert corpus.findings(*CODES) == []


def test_audit_entity_name_labels_and_kb_names(corpus):
    corpus.add("a", "[Orlan]{COUNTRY @orl} agreed.", entities="@orl = Orlan | Q11")
    corpus.add("b", "In [Orlan]{LOCATION @orl} it rained.", entities="@orl = Orlan")
    corpus.add("c", "[Orland]{COUNTRY @orl} agreed.", entities="@orl = Republic of Orland | Q11")
    assert corpus.findings(*CODES) == [
        ("entity-name-labels", None, "Orlan: COUNTRY | LOCATION"),
        ("kb-id-names", None, "Q11: Orlan | Republic of Orland"),
        ("label-conflict", None, "Orlan: COUNTRY | LOCATION"),
    ]


def test_audit_entity_name_spelling_finds_quote_dash_and_case_variants(corpus):
    corpus.add("a", "[Orlan]{COUNTRY @orl} and [Vesna]{COUNTRY @ves} agreed.", entities="@orl = Côte d’Orlan\n@ves = Vesna–Kalmar Union")
    corpus.add("b", "[Orlan]{COUNTRY @orl} and [Vesna]{COUNTRY @ves} agreed.", entities="@orl = Côte d'Orlan\n@ves = vesna-kalmar  union")
    corpus.add("c", "[Orlan]{COUNTRY @orl} agreed.", entities="@orl = Côte d'Orlan")
    [orlan, vesna] = [f for f in audit(corpus.root).findings if f.code == "entity-name-spelling"]
    assert orlan.identity == ("entity-name-spelling", None, "côte d'orlan: Côte d'Orlan | Côte d’Orlan")
    assert [p.doc_id for p in orlan.places] == ["b", "c", "a"] and "Côte d'Orlan ×2, Côte d’Orlan ×1" in orlan.message
    assert vesna.identity == ("entity-name-spelling", None, "vesna-kalmar union: Vesna–Kalmar Union | vesna-kalmar  union")
