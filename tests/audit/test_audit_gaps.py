"""Incomplete annotations: events, treaty actions, dates, roles and officials."""


def test_audit_event_gaps_and_unresolvable_dates(corpus):
    corpus.add("a", "[Talks]{#t1 MEETING status=completed} ended. [Orlan]{#o1 COUNTRY @orl} [signed]{#s1 TREATY_ACTION status=completed stage=signature} "
                    "[the pact]{#p1 TREATY @pact mention_type=NOM}, then [ratified]{#s2 TREATY_ACTION status=completed stage=ratification} it "
                    "[some day]{#d1 DATE timex_type=DATE value=unresolvable} after [Friday]{#d2 DATE timex_type=DATE value=2025-04-11}.",
               entities="@pact = Orlan Pact",
               events="#s1 actor=o1 treaty=p1 time=d2\n#s2 actor=o1 time=d1")
    assert corpus.findings("event-no-arguments", "treaty-action-no-treaty", "date-unresolvable") == [
        ("date-unresolvable", "a", "d1"),
        ("event-no-arguments", "a", "t1"),
        ("treaty-action-no-treaty", "a", "s2"),
    ]


def test_audit_treaty_action_without_arguments_has_both_findings(corpus):
    corpus.add("a", "It was [ratified]{#s1 TREATY_ACTION status=completed stage=ratification}.")
    assert corpus.findings() == [("event-no-arguments", "a", "s1"), ("treaty-action-no-treaty", "a", "s1")]


def test_audit_role_unlinked(corpus):
    corpus.add("a", "The [Ambassador]{#r1 ROLE} of [Orlan]{#o1 COUNTRY @orl} and the [Speaker]{#r2 ROLE} and a [minister]{#r3 ROLE} was "
                    "[appointed]{#e1 PERSONNEL status=completed direction=start}.",
               relations="ROLE_OF r1 o1", events="#e1 role=r3")
    assert corpus.findings("role-unlinked") == [("role-unlinked", "a", "r2")]


def test_audit_official_without_role_within_the_window(corpus):
    corpus.add("a", "[Ana Vell]{#a1 OFFICIAL @vell}, one two three four [Envoy]{#r1 ROLE}.\n"
                    "[Bo Tarn]{#b1 OFFICIAL @tarn}, one two three four five [Envoy]{#r2 ROLE}.\n"
                    "[Cy Orr]{#c1 OFFICIAL @orr}\n[Envoy]{#r3 ROLE}.\n"
                    "[Minister]{#r4 ROLE} [Di Sol]{#d1 OFFICIAL @sol} of [Orlan]{#o1 COUNTRY @orl}; [Ed Uhl]{#e1 OFFICIAL @uhl} of [Orlan]{#o2 COUNTRY @orl}, "
                    "a [Minister]{#r5 ROLE}.",
               relations="HOLDS_ROLE d1 r4\nAFFILIATED_WITH e1 o2\nROLE_OF r1 o1\nROLE_OF r2 o1\nROLE_OF r3 o1\nROLE_OF r5 o1")
    assert corpus.findings("official-without-role") == [("official-without-role", "a", "vell")]
