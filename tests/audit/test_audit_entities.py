"""entity-mention-mismatch: a name in an entity that names something else."""
from diplonews.audit.names import names_agree


def test_audit_entity_mention_mismatch(corpus):
    corpus.add("a", "[Iran]{COUNTRY @ir} and [Iranian]{COUNTRY @ir} envoys, [Persia]{#persia COUNTRY @ir} and [Tehran]{COUNTRY @ir metonymic=true} "
                    "met the [United States]{COUNTRY @us}, the [U.S.]{COUNTRY @us} and [Oman]{#oman COUNTRY @us}; "
                    "[the pact]{TREATY @t mention_type=NOM} and [Vienna Accord]{#vienna TREATY @t mention_type=NAM}.",
               entities="@ir = Iran\n@us = United States\n@t = Treaty of Muscat")
    assert corpus.findings("entity-mention-mismatch") == [
        ("entity-mention-mismatch", "a", "oman"),
        ("entity-mention-mismatch", "a", "persia"),
        ("entity-mention-mismatch", "a", "vienna"),
    ]


def test_audit_copies_of_one_name_do_not_vouch_for_each_other(corpus):
    corpus.add("a", "[Persia]{#p1 COUNTRY @ir} and [Persia]{#p2 COUNTRY @ir}", entities="@ir = Iran")
    assert corpus.findings("entity-mention-mismatch") == [("entity-mention-mismatch", "a", "p1"), ("entity-mention-mismatch", "a", "p2")]


def test_audit_names_agree():
    assert names_agree("Russian", "Russia") and names_agree("Chinese", "China")
    assert names_agree("UN", "United Nations") and names_agree("JCPOA", "Joint Comprehensive Plan of Action")
    assert names_agree("UNCLOS", "United Nations Convention on the Law of the Sea")
    assert names_agree("UN headquarters", "United Nations Headquarters") and names_agree("U.S.", "United States")
    assert names_agree("al-Sisi", "Abdel Fattah el-Sisi")
    assert not names_agree("UK", "United States") and not names_agree("Council of the Union", "Court of the Realm")
    assert not names_agree("Bank of England", "Ministry of Foreign Affairs")
    assert not names_agree("Oman", "United States")
