"""Golden files: the two real verbatim records in corpus/plenary/ give exactly their expected JSON
(tests/plenary/expected/), whose every vote was checked by hand against the printed record: the four
paragraph votes and the whole of A/48/L.13 in A/48/PV.46, the vote on A/79/L.8 in A/79/PV.29."""

import json

import pytest

from parsing.plenary import looks_like_plenary, parse_plenary

from plenary_helpers import CORPUS, EXPECTED

RECORDS = ["A-48-PV.46_en", "A-79-PV.29_en"]


def parsed(name: str, directory):
    return parse_plenary((CORPUS / f"{name}.txt").read_bytes(), directory)


@pytest.mark.parametrize("name", RECORDS)
def test_record_gives_its_expected_json(name, directory):
    assert parsed(name, directory).to_json() + "\n" == (EXPECTED / f"{name}.json").read_text(encoding="utf-8")


def test_a48_pv46_heading(directory):
    record = parsed("A-48-PV.46_en", directory)
    assert (record.symbol, record.session, record.meeting, record.date.isoformat()) == ("A/48/PV.46", 48, 46, "1993-11-01")
    assert [number for number, _ in record.agenda_items] == [14, 47]


def test_a48_pv46_four_paragraph_votes_then_the_whole(directory):
    actions = parsed("A-48-PV.46_en", directory).actions
    summary = [(a.draft.symbol, a.subject, a.outcome, (a.tally.yes, a.tally.no, a.tally.abstain), a.resolution)
               for a in actions]
    assert summary == [
        ("A/48/L.13", "PP8", "retained", (105, 2, 22), None),
        ("A/48/L.13", "PP9", "retained", (104, 1, 30), None),
        ("A/48/L.13", "OP7", "retained", (106, 1, 28), None),
        ("A/48/L.13", "OP8", "retained", (111, 1, 18), None),
        ("A/48/L.13", "whole", "adopted", (140, 1, 9), "48/14"),
    ]
    assert all(a.method == "recorded" and a.agenda_item == 14 for a in actions)
    assert [a.line for a in actions] == [2093, 2130, 2166, 2201, 2241]
    pp8, pp9, op7, op8, whole = actions
    # The lists as printed, checked by hand: the smaller ones whole, the long ones by their telling names.
    assert pp8.no == ["IRQ", "SDN"] and op8.no == ["IRQ"]
    assert pp9.no == op7.no == whole.no == ["PRK"]
    assert whole.abstain == ["AGO", "CHN", "CUB", "GHA", "GIN", "IRQ", "MLI", "SEN", "VNM"]
    assert "SDN" in pp9.yes and "SDN" not in pp8.yes  # Sudan against PP8, in favour of PP9
    assert "IRN" in pp8.yes and "IRN" in pp9.abstain and "IRN" in op7.abstain and "IRN" in op8.yes
    assert "COD" in whole.yes  # "Zaire" in 1993
    assert "GNB" in whole.yes  # printed "Guinea Bissau"
    assert "MKD" in pp8.yes  # "The Former Yugoslav Republic of Macedonia"
    assert "SWZ" in pp8.abstain  # "Swaziland"
    assert all(not a.intended for a in actions)


def test_a79_pv29_one_recorded_vote_with_an_intention(directory):
    record = parsed("A-79-PV.29_en", directory)
    assert (record.symbol, record.session, record.meeting, record.date.isoformat()) == ("A/79/PV.29", 79, 29, "2024-10-29")
    assert record.agenda_items == [(74, "Report of the International Criminal Court"),
                                   (73, "Report of the International Court of Justice")]
    (vote,) = record.actions
    assert (vote.draft.symbol, vote.subject, vote.method, vote.outcome) == ("A/79/L.8", "whole", "recorded", "adopted")
    assert (vote.tally.yes, vote.tally.no, vote.tally.abstain) == (113, 10, 30)
    assert (len(vote.yes), len(vote.no), len(vote.abstain)) == (113, 10, 30)
    assert vote.no == ["BDI", "BFA", "BLR", "MLI", "NER", "NIC", "PRK", "RUS", "SDN", "SYR"]
    assert "NLD" in vote.yes  # "Netherlands (Kingdom of the)"
    assert "CIV" in vote.abstain and "YEM" in vote.abstain  # the list runs over a page break
    assert vote.resolution == "79/6" and vote.resolution_symbol == "A/RES/79/6"
    assert [(i.country, i.position) for i in vote.intended] == [("SDN", "abstain")]
    assert vote.intended[0].footnote.startswith("Subsequently the delegation of the Sudan")


@pytest.mark.parametrize("name", RECORDS)
def test_a_real_record_is_told_from_a_committee_report(name):
    assert looks_like_plenary((CORPUS / f"{name}.txt").read_bytes())
    committee = CORPUS.parents[0] / "reports" / "first-committee-79-item106.en.txt"
    assert not looks_like_plenary(committee.read_bytes())


def test_expected_files_are_json_of_the_documented_shape():
    for name in RECORDS:
        data = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
        assert set(data) == {"language", "symbol", "session", "meeting", "date", "agenda_items", "actions"}
