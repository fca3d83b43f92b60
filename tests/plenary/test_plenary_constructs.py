"""Small records written for the tests, one construct each: a committee-recommended draft, an amendment vote,
adoptions without a vote, intentions, paragraph votes, a vote announced in a speech, a record with no vote."""

from parsing.plenary import parse_plenary
from parsing.plenary.model import DraftRef

from plenary_helpers import LISTS, THIRD_COMMITTEE_ITEM, line_of, record


def test_a_committee_recommended_draft_is_named_by_its_report_and_numeral(directory):
    text = record(
        THIRD_COMMITTEE_ITEM,
        "We will now take a decision on draft resolution II, entitled “Moratorium”.\n",
        "A recorded vote has been requested.\n",
        LISTS,
        "Draft resolution II was adopted by 3 votes to 1, with 2 abstentions (resolution 65/206).\n",
    )
    record_ = parse_plenary(text, directory)
    assert (record_.symbol, record_.session, record_.meeting, str(record_.date)) == ("A/65/PV.71", 65, 71, "2010-12-21")
    (vote,) = record_.actions
    assert vote.draft == DraftRef("resolution", report="A/65/456", number=2, committee="C.3")
    assert vote.draft.key() == "A/65/456 draft resolution II"
    assert (vote.yes, vote.no, vote.abstain) == (["ALB", "AND", "ARG"], ["BLR"], ["CHN", "CUB"])
    assert vote.resolution == "65/206" and vote.agenda_item == 64


def test_a_single_draft_decision_of_a_committee_report_without_a_vote(directory):
    text = record(
        THIRD_COMMITTEE_ITEM,
        "We turn next to the draft decision recommended by the Committee in paragraph 41 of its report.\n",
        "May I take it that the Assembly decides to adopt the draft decision?\n",
        "The draft decision was adopted (decision 65/530).\n",
    )
    (action,) = parse_plenary(text, directory).actions
    assert action.draft == DraftRef("decision", report="A/65/456", number=None, committee="C.3")
    assert (action.method, action.outcome, action.tally, action.decision) == ("without_vote", "adopted", None, "65/530")
    assert action.resolution_symbol == "A/DEC/65/530"


def test_an_amendment_vote_then_the_draft_as_amended(directory):
    text = record(
        "Agenda item 64 (continued)\nPromotion and protection of human rights\n",
        "The President: The Assembly will now take a decision on draft resolution A/65/L.52.\n",
        "We turn first to the amendment contained in document A/65/L.53. A recorded vote has been\n",
        "requested.\n",
        LISTS,
        "The amendment was adopted by 3 votes to 1, with 2 abstentions.\n",
        "The President: May I take it that the Assembly decides to adopt draft resolution\n",
        "A/65/L.52, as amended?\n",
        "Draft resolution A/65/L.52, as amended, was adopted (resolution 65/200).\n",
    )
    amendment, whole = parse_plenary(text, directory).actions
    assert (amendment.draft.symbol, amendment.subject, amendment.method) == ("A/65/L.52", "amendment:A/65/L.53", "recorded")
    assert amendment.resolution is None and amendment.outcome == "adopted"
    assert (whole.draft.symbol, whole.subject, whole.method, whole.resolution) == ("A/65/L.52", "whole", "without_vote", "65/200")


def test_an_amendment_named_in_its_outcome_sentence(directory):
    text = record(
        "Agenda item 64 (continued)\nPromotion and protection of human rights\n",
        "The Assembly will now take a decision on draft resolution A/65/L.52.\nA recorded vote has been requested.\n",
        LISTS,
        "Amendment A/65/L.53 was rejected by 3 votes to 1, with 2 abstentions.\n",
    )
    (amendment,) = parse_plenary(text, directory).actions
    assert (amendment.subject, amendment.outcome, amendment.draft.symbol) == ("amendment:A/65/L.53", "rejected", "A/65/L.52")


def test_paragraph_votes_in_words_and_in_numbers(directory):
    text = record(
        "Agenda item 64 (continued)\nPromotion and protection of human rights\n",
        "The Assembly will now take a decision on draft resolution A/65/L.52.\n",
        "I shall now put to the vote the eighth preambular paragraph. A recorded vote has been requested.\n",
        LISTS,
        "The eighth preambular paragraph was retained by 3 votes to 1, with 2 abstentions.\n",
        "A separate, recorded vote has been requested on operative paragraph 7.\n",
        LISTS,
        "Operative paragraph 7 was rejected by 3 votes to 1, with 2 abstentions.\n",
    )
    pp8, op7 = parse_plenary(text, directory).actions
    assert (pp8.subject, pp8.outcome, op7.subject, op7.outcome) == ("PP8", "retained", "OP7", "rejected")
    assert pp8.draft.symbol == op7.draft.symbol == "A/65/L.52"


def test_intentions_in_the_bracketed_note_after_the_vote(directory):
    text = record(
        "Agenda item 64 (continued)\nPromotion and protection of human rights\n",
        "The Assembly will now take a decision on draft resolution A/65/L.52.\nA recorded vote has been requested.\n",
        LISTS,
        "Draft resolution A/65/L.52 was adopted by 3 votes to 1, with 2 abstentions (resolution 65/200).\n",
        "[Subsequently, the delegation of Belarus informed the Secretariat that it had intended to vote in\n",
        "favour.]\n",
        "[Subsequently, the delegations of Mali and the Niger informed the Secretariat that they had intended\n",
        "to vote against.]\n",
    )
    (vote,) = parse_plenary(text, directory).actions
    assert [(i.country, i.position) for i in vote.intended] == [("BLR", "yes"), ("MLI", "no"), ("NER", "no")]
    assert vote.intended[0].line == line_of(text, "[Subsequently, the delegation of Belarus")
    assert vote.no == ["BLR"]  # an intention never changes the lists


def test_a_vote_announced_in_a_speech_without_the_vote_taken_line(directory):
    text = record(
        "Agenda item 64 (continued)\nPromotion and protection of human rights\n",
        "Mr. Smith (Andorra): My delegation has requested a recorded vote on draft resolution A/65/L.52, and\n",
        "will vote in favour. The Assembly should take a decision on draft resolution A/65/L.52 today.\n",
        LISTS.replace("A recorded vote was taken.\n", ""),
        "Draft resolution A/65/L.52 was adopted by 3 votes to 1, with 2 abstentions (resolution 65/200).\n",
    )
    (vote,) = parse_plenary(text, directory).actions
    assert (vote.method, vote.resolution, vote.yes) == ("recorded", "65/200", ["ALB", "AND", "ARG"])


def test_a_record_with_no_recorded_vote_and_narrative_outcomes_in_speeches(directory):
    text = record(
        "Agenda item 73 (continued)\nReport of the International Court of Justice\n",
        "Mr. Smith (Andorra): Last year the draft resolution was adopted by consensus, and\n",
        "The draft resolution was adopted by the Committee in a spirit of compromise. Its\n",
        "operative paragraph 7 was retained in every session since.\n",
        "The President: May I take it that it is the wish of the Assembly to conclude its consideration of\n",
        "agenda item 73?\nIt was so decided.\n",
    )
    parsed = parse_plenary(text, directory)
    assert parsed.actions == []
    assert parsed.agenda_items == [(73, "Report of the International Court of Justice")]


def test_a_draft_adopted_without_a_vote_by_its_symbol(directory):
    text = record(
        "Agenda item 74 (continued)\nReport of the International Criminal Court\n",
        "The President: May I take it that the Assembly decides to adopt draft resolution A/65/L.40?\n",
        "Draft resolution A/65/L.40 was adopted (resolution 65/120).\n",
    )
    (action,) = parse_plenary(text, directory).actions
    assert (action.draft.symbol, action.method, action.outcome, action.resolution) == ("A/65/L.40", "without_vote", "adopted", "65/120")
    assert action.line == line_of(text, "Draft resolution A/65/L.40 was adopted")


def test_a_symbol_with_its_corrigendum_is_the_draft(directory):
    text = record(
        "Agenda item 14 (continued)\nReport of the International Atomic Energy Agency\n",
        "The Assembly will now take a decision on draft resolution A/65/L.13 and Corr.1.\n",
        "Draft resolution A/65/L.13 and Corr.1 was adopted (resolution 65/14).\n",
    )
    (action,) = parse_plenary(text.encode("utf-8"), directory).actions
    assert action.draft.symbol == "A/65/L.13"


def test_of_several_reports_listed_the_one_named_in_the_sentence(directory):
    text = record(
        "Agenda item 71 (continued)\nPromotion and protection of human rights\n",
        "Report of the Third Committee (A/79/457)\n(a) Implementation of human rights instruments\n",
        "Report of the Third Committee (A/79/457/Add.1)\n",
        "The President: The Assembly will now consider the draft resolutions recommended by the Third\n",
        "Committee in paragraph 12 of its report (A/79/457).\n",
        "Draft resolution II was adopted (resolution 79/161).\n",
    )
    (action,) = parse_plenary(text, directory).actions
    assert action.draft == DraftRef("resolution", report="A/79/457", number=2, committee="C.3")


def test_a_1990s_intention_advised_without_brackets(directory):
    text = record(
        "Agenda item 64 (continued)\nPromotion and protection of human rights\n",
        "The Assembly will now take a decision on draft resolution A/65/L.52.\nA recorded vote has been requested.\n",
        LISTS,
        "Draft resolution A/65/L.52 was adopted by 3 votes to 1, with 2 abstentions (resolution 65/200).\n",
        "Subsequently the delegation of Belarus advised the Secretariat that it had intended to abstain.\n",
    )
    (vote,) = parse_plenary(text, directory).actions
    assert [(i.country, i.position) for i in vote.intended] == [("BLR", "abstain")]


def test_a_1990s_heading_in_capitals_and_items_taken_up_together(directory):
    text = record(
        "AGENDA ITEM 114 (continued)\nHUMAN RIGHTS QUESTIONS\nREPORT OF THE THIRD COMMITTEE (A/65/632)\n",
        "Draft resolution II was adopted (resolution 65/140).\n",
        "May I take it that it is the wish of the Assembly to conclude its consideration of\nagenda item 114?\n",
        "It was so decided.\n",
        "Agenda items 12 and 13\nReport of the Economic and Social Council\n",
        "The Assembly will now take a decision on draft resolution A/65/L.60.\n",
        "Draft resolution A/65/L.60 was adopted (resolution 65/141).\n",
    )
    parsed = parse_plenary(text, directory)
    assert parsed.agenda_items == [(114, "HUMAN RIGHTS QUESTIONS"), (12, "Report of the Economic and Social Council"),
                                   (13, "Report of the Economic and Social Council")]
    committee, together = parsed.actions
    assert committee.draft == DraftRef("resolution", report="A/65/632", number=2, committee="C.3")
    assert committee.agenda_item == 114
    assert together.agenda_item is None  # under items 12 and 13: which one is not said
