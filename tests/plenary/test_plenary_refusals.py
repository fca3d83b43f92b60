"""What the plenary parser refuses, each refusal naming its line: missing beats wrong."""

import pytest

from parsing import ReportError
from parsing.plenary import parse_plenary

from plenary_helpers import LISTS, line_of, record

ITEM = ("Agenda item 64 (continued)\nPromotion and protection of human rights\n"
        "The Assembly will now take a decision on draft resolution A/65/L.52.\nA recorded vote has been requested.\n")
OUTCOME = "Draft resolution A/65/L.52 was adopted by 3 votes to 1, with 2 abstentions (resolution 65/200).\n"


def problems(text, directory) -> list[tuple[int, str]]:
    with pytest.raises(ReportError) as refused:
        parse_plenary(text, directory)
    return [(p.line, p.message) for p in refused.value.problems]


def test_a_list_that_does_not_count_its_tally(directory):
    text = record(ITEM, LISTS, OUTCOME.replace("by 3 votes", "by 4 votes"))
    assert problems(text, directory) == [(line_of(text, "In favour:"), "3 names listed under In favour, tally says 4")]


def test_a_name_listed_twice(directory):
    text = record(ITEM, LISTS.replace("China, Cuba", "China, Andorra").replace("Argentina", "Argentina, Cuba"),
                  OUTCOME.replace("by 3 votes", "by 4 votes"))
    assert problems(text, directory) == [
        (line_of(text, "China, Andorra"), "Andorra (AND) is listed under In favour and under Abstaining")
    ]


def test_an_unknown_name_with_suggestions(directory):
    text = record(ITEM, LISTS.replace("Belarus", "Belaruss"), OUTCOME)
    counted, unknown = problems(text, directory)
    assert counted == (line_of(text, "Against:"), "0 names listed under Against, tally says 1")  # what is left
    assert unknown[0] == line_of(text, "Belaruss")
    assert unknown[1] == "unknown country name 'Belaruss' (did you mean Belarus, Byelorussian SSR, Brunei Darussalam?)"


def test_a_state_that_was_not_a_member_on_the_date(directory):
    text = record(ITEM, LISTS.replace("China, Cuba", "China, South Sudan"), OUTCOME)  # admitted 14 July 2011
    assert problems(text, directory) == [
        (line_of(text, "South Sudan"), "South Sudan (SSD) is listed under Abstaining but was not a Member State on 2010-12-21")
    ]


def test_a_tally_without_lists(directory):
    text = record(ITEM.replace("A recorded vote has been requested.\n", ""), OUTCOME)
    ((line, message),) = problems(text, directory)
    assert line == line_of(text, "Draft resolution A/65/L.52 was adopted")
    assert message.startswith("a tally without the lists of a recorded vote")


def test_lists_where_no_recorded_vote_was_requested(directory):
    text = record(ITEM.replace("A recorded vote has been requested.\n", ""), LISTS.replace("A recorded vote was taken.\n", ""), OUTCOME)
    found = problems(text, directory)
    assert (line_of(text, "In favour:"), "vote lists where no recorded vote was requested") in found


def test_a_recorded_vote_on_something_that_is_not_a_draft(directory):
    text = record(ITEM, LISTS, "The motion was rejected by 3 votes to 1, with 2 abstentions.\n")
    ((line, message),) = problems(text, directory)
    assert line == line_of(text, "The motion was rejected")
    assert message.startswith("cannot tell what the recorded vote")


def test_a_recorded_vote_whose_outcome_never_comes(directory):
    text = record(ITEM, "A recorded vote was taken.\nIn favour:\n" + "Albania, the Niger and the Congo,\n" * 90)
    assert (line_of(text, "A recorded vote was taken."), "a recorded vote whose outcome sentence was not found") in problems(text, directory)


def test_an_unreadable_intention_and_one_after_no_vote(directory):
    text = record(ITEM, LISTS, OUTCOME,
                  "[Subsequently, the delegation of Belarus informed the Secretariat that it wished to speak.]\n")
    assert problems(text, directory) == [
        (line_of(text, "[Subsequently"), "an intention note that cannot be read: 'Subsequently, the delegation of "
                                         "Belarus informed the Secretariat that it wished to speak.'")
    ]
    text = record("Agenda item 64\nHuman rights\n",
                  "[Subsequently, the delegation of Belarus informed the Secretariat that it had intended to abstain.]\n")
    assert problems(text, directory) == [(line_of(text, "[Subsequently"), "an intention note that follows no recorded vote")]


def test_a_committee_numeral_without_a_report(directory):
    text = record("Agenda item 64\nHuman rights\n", "Draft resolution II was adopted (resolution 65/206).\n")
    ((line, message),) = problems(text, directory)
    assert line == line_of(text, "Draft resolution II")
    assert message.startswith("draft resolution II: which committee report is it in?")


def test_a_heading_without_session_meeting_or_date(directory):
    found = problems("Agenda item 64\nHuman rights\nThe meeting rose at 1 p.m. and the delegates left the room.\n", directory)
    assert [line for line, _ in found] == [1, 1, 1]


def test_a_damaged_pdf_is_refused_at_line_one(directory):
    [(line, message)] = problems(b"%PDF-1.7\n...", directory)
    assert line == 1 and "PDF" in message


@pytest.mark.parametrize("subject", [
    "Section II of draft resolution A/65/L.52",
    "The last preambular paragraph",
    "The words “and others” in operative paragraph 3",
    "The amendments contained in documents A/65/L.53 and A/65/L.54",
])
def test_a_vote_on_something_the_output_cannot_name_is_not_read_as_another(subject, directory):
    text = record(ITEM, LISTS, f"{subject} was adopted by 3 votes to 1, with 2 abstentions.\n")
    ((line, message),) = problems(text, directory)
    assert line == line_of(text, subject[:20])
    assert message.startswith("cannot tell exactly what was voted on")


SEVERAL_REPORTS = ("Agenda item 71 (continued)\nPromotion and protection of human rights\n"
                   "Report of the Third Committee (A/79/457)\n(a) Implementation of human rights instruments\n"
                   "Report of the Third Committee (A/79/457/Add.1)\n")


def test_a_committee_numeral_when_several_reports_are_listed_and_none_is_named(directory):
    text = record(SEVERAL_REPORTS, "Draft resolution II was adopted (resolution 79/161).\n")
    assert problems(text, directory) == [
        (line_of(text, "Draft resolution II"),
         "draft resolution II: which report is it in? A/79/457, A/79/457/Add.1 are listed, none is named")
    ]


def test_an_intention_about_another_vote_than_the_last(directory):
    text = record(ITEM, LISTS, OUTCOME,
                  "[Subsequently, the delegation of Belarus informed the Secretariat that it had intended to vote in\n",
                  "favour of operative paragraph 7.]\n")
    ((line, message),) = problems(text, directory)
    assert line == line_of(text, "[Subsequently")
    assert message.startswith("an intention note about another vote than the one of line")
