"""relation-pattern-rare and argument-pattern-rare: what the whole corpus annotates only once."""

CODES = ("relation-pattern-rare", "argument-pattern-rare")


def test_audit_rare_patterns_are_counted_across_documents(corpus):
    corpus.add("a", "[Ana Vell]{#a1 OFFICIAL @vell}, [Envoy]{#r1 ROLE} of [Orlan]{#o1 COUNTRY @orl}, [met]{#m1 MEETING status=completed} "
                    "[Bo Tarn]{#b1 OFFICIAL @tarn} in [Kesh]{#k1 LOCATION @kesh}.",
               relations="HOLDS_ROLE a1 r1\nROLE_OF r1 o1", events="#m1 participant=a1 participant=b1 place=k1")
    corpus.add("b", "[Cy Orr]{#c1 OFFICIAL @orr}, [Envoy]{#r1 ROLE} of the [Senate]{#s1 ORGANIZATION @sen mention_type=NAM}, "
                    "[met]{#m1 MEETING status=completed} [Di Sol]{#d1 OFFICIAL @sol} in [Orlan]{#o1 COUNTRY @orl}.",
               relations="HOLDS_ROLE c1 r1\nROLE_OF r1 s1", events="#m1 participant=c1 participant=d1 place=o1")
    assert corpus.findings(*CODES) == [
        ("argument-pattern-rare", "a", "MEETING.place = LOCATION"),
        ("relation-pattern-rare", "a", "ROLE_OF ROLE -> COUNTRY"),
        ("argument-pattern-rare", "b", "MEETING.place = COUNTRY"),
        ("relation-pattern-rare", "b", "ROLE_OF ROLE -> ORGANIZATION"),
    ]
