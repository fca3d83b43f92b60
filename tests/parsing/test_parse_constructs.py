"""The constructs of the report grammar, each in a small report written for the test, in Chinese and in
English (tests/fixtures/reports/multi.*.txt, renumber.*.txt).  The two languages must agree."""

import datetime

import pytest

from parsing import parse_report

from report_helpers import first_difference, line_of, report_text

LANGUAGES = ["zh", "en"]


@pytest.fixture(params=LANGUAGES)
def multi(request, directory):
    """A Third Committee report: four drafts (sponsors list form, "also on behalf of" form, a draft
    decision, a draft rejected as a whole), a rejected preambular paragraph, a vote on OP4(a), a vote
    without abstentions, footnotes on intentions, a page break inside a list."""
    text = report_text(f"multi.{request.param}.txt")
    return text, parse_report(text, directory)


@pytest.fixture(params=LANGUAGES)
def renumber(request, directory):
    """A Second Committee report: an amendment, an operative paragraph and a sub-paragraph not retained,
    adoption without a vote after separate recorded votes, the text renumbered."""
    text = report_text(f"renumber.{request.param}.txt")
    return text, parse_report(text, directory)


def test_heading_of_a_report_with_several_drafts(multi):
    _, report = multi
    assert (report.session, report.body, report.symbol) == (79, "C.3", "A/79/457")
    assert [a.number for a in report.agenda_items] == [71]
    assert [(d.symbol, d.kind) for d in report.drafts] == [
        ("A/C.3/79/L.10", "resolution"),
        ("A/C.3/79/L.11", "resolution"),
        ("A/C.3/79/L.12", "decision"),
        ("A/C.3/79/L.13", "resolution"),
    ]


def test_sponsors_list_form_with_and_inside_names(multi):
    _, report = multi
    # "…, Trinidad and Tobago and Saint Vincent and the Grenadines": split only where both sides resolve
    assert report.drafts[0].sponsors == ["MEX", "COL", "NER", "TTO", "VCT"]


def test_also_on_behalf_of_and_later_sponsors(multi):
    _, report = multi
    draft = report.drafts[1]
    assert draft.sponsors == ["PER", "CHL", "BOL", "ECU", "GNB"]  # introducing State first
    assert draft.later_sponsors == ["CIV", "SEN"]
    assert report.drafts[3].sponsors == ["BLR", "CUB", "NIC"]


def test_adoption_without_a_vote(multi):
    _, report = multi
    action = report.drafts[0].actions[0]
    assert (action.subject, action.method, action.outcome) == ("whole", "without_vote", "adopted")
    assert (action.meeting, action.date) == (45, datetime.date(2024, 11, 12))
    assert action.tally is None and action.yes == action.no == action.abstain == [] and action.intended == []


def test_draft_decision_is_one_paragraph(multi):
    _, report = multi
    decision = report.drafts[2]
    assert decision.actions[0].method == "without_vote"
    assert [p.label for p in decision.paragraphs] == ["OP1"]
    assert decision.paragraphs[0].text.startswith(("The General Assembly decides", "大会决定"))
    # "at the same meeting": the meeting of the paragraph before
    assert (decision.actions[0].meeting, decision.actions[0].date) == (45, datetime.date(2024, 11, 12))


def test_draft_rejected_as_a_whole_has_no_paragraphs(multi):
    text, report = multi
    rejected = report.drafts[3]
    action = rejected.actions[0]
    assert (action.subject, action.outcome, action.meeting) == ("whole", "rejected", 47)
    assert (action.tally.yes, action.tally.no, action.tally.abstain) == (3, 8, 4)
    assert action.yes == ["BLR", "CUB", "NIC"]  # "白" / "俄罗斯" across a line break in the Chinese
    assert rejected.paragraphs == []
    assert report.to_dict()["drafts"][3]["paragraphs"] == []


def test_rejected_preambular_paragraph_and_renumbered_text(multi):
    _, report = multi
    draft = report.drafts[1]
    pp3 = draft.actions[0]
    assert (pp3.subject, pp3.outcome) == ("PP3", "rejected")
    assert draft.rejected_labels == ["PP3"]
    labels = [(p.label, p.voted_label) for p in draft.paragraphs]
    assert labels[:3] == [("PP1", "PP1"), ("PP2", "PP2"), ("PP3", "PP4")]
    assert all(label == voted for label, voted in labels[3:])


def test_vote_on_a_sub_paragraph_and_its_text(multi):
    _, report = multi
    draft = report.drafts[1]
    op4a = draft.actions[1]
    assert (op4a.subject, op4a.outcome) == ("OP4(a)", "retained")
    assert [p.label for p in draft.paragraphs][-4:] == ["OP4", "OP4(a)", "OP4(b)", "OP5"]
    chapeau = next(p for p in draft.paragraphs if p.label == "OP4")
    assert chapeau.text in ("Invites Member States:", "邀请会员国：")


def test_names_wrapped_across_lines(multi):
    _, report = multi
    # "Bolivia" / "(Plurinational State of)", "Côte" / "d’Ivoire", "Guinea-" / "Bissau"
    expected = ["DZA", "BOL", "CIV", "EGY", "GNB", "IDN", "MEX", "SEN", "TTO", "VNM"]
    assert report.drafts[1].actions[1].yes == sorted(expected)


def test_multi_state_footnote(multi):
    _, report = multi
    intended = report.drafts[1].actions[1].intended
    assert [(i.country, i.position) for i in intended] == [("CHL", "yes"), ("PER", "yes")]
    assert intended[0].footnote == intended[1].footnote


def test_vote_without_abstentions_intentions_and_page_break_inside_a_list(multi):
    text, report = multi
    whole = report.drafts[1].actions[2]
    assert (whole.tally.yes, whole.tally.no, whole.tally.abstain) == (12, 2, 0)
    assert whole.abstain == []
    # the list runs on past a footnote block, URLs, a job number, a page number and the running header
    assert len(whole.yes) == 12 and "CAN" in whole.yes and "VCT" in whole.yes
    # "not to participate" and the intention of a State absent from the lists (Fiji)
    assert [(i.country, i.position) for i in whole.intended] == [("NPL", "non_participation"), ("FJI", "no")]
    assert "FJI" not in whole.yes + whole.no + whole.abstain
    fiji = " 4 Subsequently" if report.language == "en" else " 4 斐济"
    assert whole.intended[1].line == line_of(text, fiji)  # the footnote's own line


def test_footnote_marks_and_page_break_removed_from_paragraph_text(multi):
    _, report = multi
    first = report.drafts[0].paragraphs[0].text
    assert first in ("Recalling its resolution 78/245 of 22 December 2023,", "回顾其2023年12月22日第78/245号决议，")
    # "…transfer of" / footnote block / "technology to developing countries," is one paragraph
    broken = report.drafts[1].paragraphs[2].text
    assert broken in (
        "Recognizing the need for international cooperation and for the transfer of technology to developing "
        "countries,",
        "认识到需要开展国际合作并向发展中国家转让技术，",
    )


def test_actions_name_their_first_line(multi):
    text, report = multi
    assert report.drafts[1].actions[0].line == line_of(text, "(a)")
    assert report.drafts[1].line == line_of(text, "A/C.3/79/L.11", 1)


def test_amendment_paragraph_and_sub_paragraph_not_retained(renumber):
    _, report = renumber
    draft = report.drafts[0]
    assert draft.symbol == "A/C.2/79/L.20/Rev.1"  # the heading names L.20; the vote was on Rev.1
    assert draft.sponsors == ["EGY", "SDN", "NER"]  # "the Sudan and the Niger"
    assert draft.later_sponsors == ["JAM", "TZA"]
    assert [(a.subject, a.method, a.outcome) for a in draft.actions] == [
        ("amendment:A/C.2/79/L.55", "recorded", "rejected"),
        ("OP2", "recorded", "rejected"),
        ("OP4(b)", "recorded", "rejected"),
        ("whole", "without_vote", "adopted"),
    ]
    op4b = draft.actions[2]
    assert (op4b.tally.abstain, op4b.abstain) == (0, [])  # no abstentions and no list
    assert draft.actions[0].tally.abstain == 1  # "with 1 abstention"


def test_voted_labels_after_renumbering(renumber):
    _, report = renumber
    draft = report.drafts[0]
    assert draft.rejected_labels == ["OP2", "OP4(b)"]
    assert [(p.label, p.voted_label) for p in draft.paragraphs] == [
        ("PP1", "PP1"),
        ("OP1", "OP1"),
        ("OP2", "OP3"),
        ("OP3", "OP4"),
        ("OP3(a)", "OP4(a)"),
        ("OP3(b)", "OP4(c)"),
        ("OP4", "OP5"),
    ]
    assert [p["label"] for p in report.to_dict()["drafts"][0]["paragraphs"]] == [
        "PP1", "OP1", "OP2", "OP3", "OP3(a)", "OP3(b)", "OP4"]


@pytest.mark.parametrize("name", ["multi", "renumber", "single"])
def test_chinese_and_english_agree(name, directory):
    reports = [parse_report(report_text(f"{name}.{lang}.txt"), directory) for lang in LANGUAGES]
    shapes = []
    for report in reports:
        shape = report.to_dict()
        shape.pop("language")
        shape.pop("agenda_items")
        for draft in shape["drafts"]:
            draft.pop("title")
            draft["paragraphs"] = [p["label"] for p in draft["paragraphs"]]
        shape["voted"] = [[p.voted_label for p in d.paragraphs] for d in report.drafts]
        shapes.append(shape)
    assert first_difference(shapes[0], shapes[1]) is None
