"""``diplonews export brat``: the exact .ann of a fixture, the reader back, and a round trip of
every gold document of the repository (issue 10, point 1)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import FIXTURE, REPO, export_repository, round_trip_failures

from diplonews.authoring.markup import compile_markup
from diplonews.cli import main
from diplonews.corpus import Layout
from diplonews.export import MANIFEST, format_module
from diplonews.export.brat import annotation_conf, from_ann, read, to_ann
from diplonews.gold import canonicalize, gold_status_ids, read_gold
from diplonews.ontology import load
from diplonews.problems import DiplonewsError
PREFIX = "🇫🇷👩‍⚕️ "  # two flag code points, woman + ZWJ + staff of aesculapius + VS16, a space

EXPECTED_ANN = """\
T1\tOFFICIAL 7 20\tZoë Q̇uíntero
T2\tROLE 22 32\tAmbassador
T3\tCOUNTRY 36 45\tFreedonia
T4\tCOUNTRY 49 51\t日本
T5\tOFFICIAL 57 68\tKōji Tanaka
T6\tLOCATION 72 74\t東京
T7\tDATE 78 86\tThursday
T8\tTREATY 95 104;105 112\tAccord of Friends
T9\tCOUNTRY 133 142\tFreedonia
T10\tDATE 143 153\tnext month
T11\tORGANIZATION 160 168\tministry
T12\tMEETING 53 56\tmet
T13\tTREATY_ACTION 121 129\tratified
T14\tTREATY_ACTION 184 190\tawaits
T15\tTREATY_ACTION 184 190\tawaits
E1\tMEETING:T12 participant:T1 participant2:T5 place:T6 time:T7
E2\tTREATY_ACTION:T13 treaty:T8 actor:T9 party:T9 time:T10
E3\tTREATY_ACTION:T14 treaty:T8
E4\tTREATY_ACTION:T15 treaty:T8
R1\tHOLDS_ROLE Arg1:T1 Arg2:T2
R2\tROLE_OF Arg1:T2 Arg2:T3
R3\tACCREDITED_TO Arg1:T2 Arg2:T4
R4\tLOCATED_IN Arg1:T6 Arg2:T4
R5\tPARTY_TO Arg1:T9 Arg2:T8
R6\tPART_OF Arg1:T11 Arg2:T9
A1\tmetonymic T3 false
A2\tmetonymic T4 false
A3\ttimex_type T7 DATE
A4\tmention_type T8 NAM
A5\tmetonymic T9 false
A6\ttimex_type T10 DATE
A7\tmention_type T11 NOM
A8\tstatus E1 completed
A9\tstatus E2 scheduled
A10\tstage E2 ratification
A11\tstatus E3 pending
A12\tstage E3 unicameral_vote
A13\tstatus E4 pending
A14\tstage E4 constitutional_review
N1\tReference T1 Entity:zoe\tZoë Q̇uíntero
N2\tReference T3 Entity:fr\tFreedonia
N3\tReference T4 Entity:jp\tJapan
N4\tReference T4 Wikidata:Q17\tJapan
N5\tReference T5 Entity:tanaka\tKōji Tanaka
N6\tReference T6 Entity:tokyo\t東京
N7\tReference T7 TIMEX3:2026-01-01\t2026-01-01
N8\tReference T8 Entity:acc\tAccord of Friends
N9\tReference T9 Entity:fr\tFreedonia
N10\tReference T10 TIMEX3:2026-02\t2026-02
N11\tReference T11 Entity:min\tministry
#1\tAnnotatorNotes T1\tzoe1
#2\tAnnotatorNotes T2\tamb
#3\tAnnotatorNotes T3\tfr1
#4\tAnnotatorNotes T4\tjp1
#5\tAnnotatorNotes T5\ttanaka1
#6\tAnnotatorNotes T6\ttokyo1
#7\tAnnotatorNotes T7\tthu
#8\tAnnotatorNotes T8\tacc1
#9\tAnnotatorNotes T9\tfr2
#10\tAnnotatorNotes T10\tnm
#11\tAnnotatorNotes T11\tmin1
#12\tAnnotatorNotes E1\tmeet1
#13\tAnnotatorNotes E2\trat1
#14\tAnnotatorNotes E3\tta1
#15\tAnnotatorNotes E4\tta2
#16\tAnnotatorNotes R1\thr
#17\tAnnotatorNotes R2\tro
#18\tAnnotatorNotes R3\tacr
#19\tAnnotatorNotes R4\tloc
#20\tAnnotatorNotes R5\tpt
#21\tAnnotatorNotes R6\tpo
"""


@pytest.fixture(scope="module")
def fixture():
    return compile_markup(FIXTURE.read_text(encoding="utf-8"))


def _read_back(compiled, ann: str) -> dict:
    gold = compiled.gold
    return from_ann(compiled.meta["id"], compiled.text, ann, gold["provenance"], gold["ontology_version"], "fixture.ann")


def test_fixture_ann_is_exact(fixture):
    assert to_ann(fixture.text, fixture.gold) == EXPECTED_ANN


def test_offsets_are_code_points_not_utf16_units(fixture):
    """brat's server slices the .txt as a Python string: code points, like the gold."""
    name = "Zoë Q̇uíntero"  # Q + U+0307 COMBINING DOT ABOVE: no precomposed form, NFC keeps two code points
    assert fixture.text.startswith(PREFIX + name)
    assert (len(PREFIX), len(PREFIX + name)) == (7, 20)
    assert len(PREFIX.encode("utf-16-le")) // 2 == 10  # what a UTF-16 count would have said
    assert f"T1\tOFFICIAL {len(PREFIX)} {len(PREFIX + name)}\t{name}\n" in EXPECTED_ANN


def test_fixture_reads_back_exactly(fixture):
    assert _read_back(fixture, EXPECTED_ANN) == canonicalize(fixture.gold)


def test_annotations_added_in_brat_get_fresh_ids(fixture):
    """A mention or relation drawn in brat has no note: it is read with the first free m<n> / r<n>
    (an id no note and no entity has: here the ministry entity is renamed m1)."""
    ann = (EXPECTED_ANN.replace("#1\tAnnotatorNotes T1\tzoe1\n", "").replace("#16\tAnnotatorNotes R1\thr\n", "")
           .replace("Entity:min\t", "Entity:m1\t"))
    gold = _read_back(fixture, ann)
    assert [m["id"] for m in gold["mentions"]][:2] == ["m2", "amb"]
    assert [r["id"] for r in gold["relations"]][:1] == ["r1"]
    assert gold["relations"][0] == {"id": "r1", "type": "HOLDS_ROLE", "head": "m2", "tail": "amb"}
    assert next(e for e in gold["entities"] if e["id"] == "zoe")["mentions"] == ["m2"]


def test_a_broken_ann_is_refused_with_every_problem(fixture):
    """Each problem once, at its line: references to a refused line are not reported again."""
    ann = (EXPECTED_ANN
           .replace("T2\tROLE 22 32\tAmbassador", "T2\tROLE 22 32\tAmbassadress")
           .replace("T8\tTREATY 95 104;105 112", "T8\tTREATY 95 104;106 112")
           .replace("participant2:T5", "participant2:T13")
           .replace("E4\tTREATY_ACTION:T15 treaty:T8\n", "E4\tTREATY_ACTION:T14 treaty:T8\n")
           .replace("R6\tPART_OF Arg1:T11 Arg2:T9", "R6\tPART_OF Arg1:T11 Arg2:T99")
           .replace("A3\ttimex_type T7 DATE", "A3\ttimex_type T7 WEEK")
           .replace("N9\tReference T9 Entity:fr\tFreedonia", "N9\tReference T9 Entity:fr\tFreedonian Republic")
           + "N12\tReference T7 Wikidata:Q1\tThursday\n"
           + "*\tEquiv T3 T9\n")
    with pytest.raises(DiplonewsError) as info:
        _read_back(fixture, ann)
    assert [p.render() for p in info.value.problems] == [
        "fixture.ann:2:fixture-offsets: [brat-span-text] text 'Ambassadress' differs from the .txt at 22 32",
        "fixture.ann:8:fixture-offsets: [brat-span-text] fragments '95 104;106 112' are not one span cut at line breaks",
        "fixture.ann:73:fixture-offsets: [brat-line] '*': not a line the export writes (T, E, R, A, N or #)",
        "fixture.ann:16:fixture-offsets: [brat-reference] E1 names 'T13', which is no mention",
        "fixture.ann:15:fixture-offsets: [brat-reference] trigger T15 belongs to no event",
        "fixture.ann:25:fixture-offsets: [brat-reference] R6 names 'T99', which is no mention",
        "fixture.ann:28:fixture-offsets: [brat-line] 'WEEK' is not a value of timex_type on T7",
        "fixture.ann:fixture-offsets: [brat-entity] the mentions of entity fr disagree: "
        "names ['Freedonia', 'Freedonian Republic'], kb ids [None]",
        "fixture.ann:72:fixture-offsets: [brat-entity] T7 has a Wikidata id but belongs to no entity",
    ]


def _annotation_conf_sections(text: str) -> dict[str, dict[str, str]]:
    """annotation.conf as section -> type -> the rest of its line."""
    sections, current = {}, None
    for line in text.splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
        elif line and not line.startswith("#"):
            kind, _, rest = line.partition("\t")
            current[kind] = rest
    return sections


def _constraints(rest: str) -> dict[str, set[str]]:
    """``Arg1:A|B, Arg2:C`` -> {"Arg1": {"A", "B"}, "Arg2": {"C"}} (cardinality marks dropped)."""
    return {key.rstrip("*?+"): set(value.split("|")) for key, _, value in (part.partition(":") for part in rest.split(", "))}


def test_annotation_conf_declares_the_ontology_with_its_constraints():
    sections = _annotation_conf_sections(annotation_conf(load()))
    assert list(sections) == ["entities", "relations", "events", "attributes"]
    assert sections["relations"]["HOLDS_ROLE"] == "Arg1:OFFICIAL|PERSON, Arg2:ROLE"
    assert sections["events"]["PERSONNEL"] == "person*:OFFICIAL|PERSON, role*:ROLE, organization*:ORGANIZATION|COUNTRY, time*:DATE"
    assert sections["attributes"]["metonymic"] == "Arg:COUNTRY, Value:true|false"
    assert sections["attributes"]["mention_type"] == "Arg:ORGANIZATION|TREATY, Value:NAM|NOM"
    assert sections["attributes"]["direction"] == "Arg:PERSONNEL, Value:start|end"


@pytest.fixture(scope="module")
def corpus_export(tmp_path_factory):
    """The whole repository exported through the command line."""
    return export_repository(tmp_path_factory, "brat")


def test_every_gold_document_round_trips_through_brat():
    """Every file of annotations/gold (drafts too): export, then read, gives back the canonical gold."""
    assert round_trip_failures(lambda doc_id, text, gold: from_ann(
        doc_id, text, to_ann(text, gold), gold["provenance"], gold["ontology_version"], f"{doc_id}.ann")) == []


def test_export_writes_the_corpus_and_reads_back(corpus_export):
    out, result = corpus_export
    layout = Layout(REPO)
    ids = gold_status_ids(layout)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"brat: {len(ids)} document(s) written to {out}; brat holds every layer, nothing dropped\n"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [MANIFEST, "annotation.conf", "visual.conf"] + [f"{d}{suffix}" for d in ids for suffix in (".ann", ".txt")])
    assert all((out / f"{d}.txt").read_bytes() == layout.text_path(d).read_bytes() for d in ids)
    assert {g["doc_id"]: g for g in read(out)} == {d: canonicalize(read_gold(layout, d)) for d in ids}
    assert format_module("brat").read is read


def test_every_exported_line_keeps_to_annotation_conf(corpus_export):
    """What brat would check on opening the folder: types, roles, arguments and attribute values are declared."""
    out, _ = corpus_export
    conf = _annotation_conf_sections((out / "annotation.conf").read_text(encoding="utf-8"))
    relations = {k: _constraints(v) for k, v in conf["relations"].items()}
    events = {k: _constraints(v) for k, v in conf["events"].items()}
    attributes = {k: _constraints(v) for k, v in conf["attributes"].items()}
    wrong = []
    for ann in sorted(out.glob("*.ann")):
        lines = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines()]
        types = {f[0]: f[1].split(" ")[0] for f in lines if f[0].startswith("T")}
        types.update({f[0]: f[1].split(":")[0] for f in lines if f[0].startswith("E")})
        for fields in lines:
            words = fields[1].split(" ")
            if fields[0][0] == "T":
                ok = types[fields[0]] in conf["entities"] or types[fields[0]] in conf["events"]
            elif fields[0][0] == "R":
                ok = all(types[w.partition(":")[2]] in relations[words[0]][w.partition(":")[0]] for w in words[1:])
            elif fields[0][0] == "E":
                roles = events[types[fields[0]]]
                ok = all(types[t] in roles[r.rstrip("0123456789")] for r, _, t in (w.partition(":") for w in words[1:]))
            elif fields[0][0] == "A":
                ok = types[words[1]] in attributes[words[0]]["Arg"] and words[2] in attributes[words[0]]["Value"]
            else:
                ok = words[1] in types or words[1].startswith("R")
            if not ok:
                wrong.append(f"{ann.name}: {fields}")
    assert wrong == []


def test_visual_conf_names_and_colours_every_type(corpus_export):
    out, _ = corpus_export
    text = (out / "visual.conf").read_text(encoding="utf-8")
    for kind in [*load().mention_labels, *load().event_types]:
        assert f"\n{kind} | {kind.replace('_', ' ').capitalize()}\n" in text
        assert f"\n{kind}\tbgColor:#" in text


@pytest.fixture
def fixture_repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "corpus").mkdir(parents=True)
    result = CliRunner().invoke(main, ["--root", str(root), "author", "compile", str(FIXTURE), "--write"])
    assert result.exit_code == 0, result.output
    return root


def _export(root: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), "export", "brat", *args])


def test_split_filters_and_an_empty_split_is_a_problem(fixture_repo, tmp_path):
    result = _export(fixture_repo, "--out", str(tmp_path / "test"), "--split", "test")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "test" / "fixture-offsets.ann").read_text(encoding="utf-8") == EXPECTED_ANN
    result = _export(fixture_repo, "--out", str(tmp_path / "train"), "--split", "train")
    assert result.exit_code == 1
    assert result.stderr == f"{fixture_repo / 'annotations' / 'gold'}: [export-no-documents] no gold document in the split 'train' to export\n"
    assert not (tmp_path / "train").exists()


def test_an_unwritable_out_is_io_write(fixture_repo, tmp_path):
    (tmp_path / "file").write_text("a file", encoding="utf-8")
    out = tmp_path / "file" / "out"
    result = _export(fixture_repo, "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"{out}: [io-write] cannot be written: {tmp_path / 'file'} is a file, not a folder\n"


def test_a_foreign_out_is_never_replaced_and_an_earlier_export_is(fixture_repo, tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    result = _export(fixture_repo, "--out", str(foreign))
    assert result.exit_code == 1
    assert result.stderr == (f"{foreign}: [export-out-foreign] exists and is not a diplonews export "
                             f"(no {MANIFEST}); refusing to replace it\n")
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]

    (foreign / MANIFEST).write_text('{"format": "brat"}', encoding="utf-8")  # a manifest of the right name proves nothing
    result = _export(fixture_repo, "--out", str(foreign))
    assert result.stderr == (f"{foreign}: [export-out-foreign] exists and is not a diplonews export "
                             f"(its {MANIFEST} does not list the files of an output); refusing to replace it\n")

    out = tmp_path / "out"
    assert _export(fixture_repo, "--out", str(out)).exit_code == 0
    written = sorted(p.name for p in out.iterdir())
    assert _export(fixture_repo, "--out", str(out)).exit_code == 0  # an earlier export is replaced
    (out / "mine.txt").write_text("a user's file", encoding="utf-8")
    result = _export(fixture_repo, "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr == (f"{out}: [export-out-foreign] exists and is not a diplonews export "
                             f"(it holds files its {MANIFEST} does not list: mine.txt); refusing to replace it\n")
    assert sorted(p.name for p in out.iterdir()) == sorted(written + ["mine.txt"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign", "out", "repo"]  # nothing staged is left


def test_an_invalid_corpus_is_refused_and_the_earlier_export_stays(fixture_repo, tmp_path):
    out = tmp_path / "out"
    assert _export(fixture_repo, "--out", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    text = fixture_repo / "corpus" / "fixture-offsets.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Ambassador", "Ambassadress"), encoding="utf-8")
    result = _export(fixture_repo, "--out", str(out))
    assert result.exit_code == 1
    assert "[text-sha256-mismatch]" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "repo"]
