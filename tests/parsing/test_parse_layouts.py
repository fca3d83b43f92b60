"""Reports the parser has never seen come from other PDF extractors: the same report with its layout
degraded (no blank lines, no indentation, no URL lines) must give the same result, and phrasings the
fixtures do not use must still read."""

import datetime

import pytest

from parsing import parse_report

from report_helpers import first_difference, replace_once, report_text

NAMES = [
    "first-committee-79-item106.txt",
    "first-committee-79-item106.en.txt",
    "multi.zh.txt",
    "multi.en.txt",
    "renumber.zh.txt",
    "renumber.en.txt",
]

VARIANTS = {
    "no blank lines": lambda lines: [l for l in lines if l.strip()],
    "no indentation": lambda lines: [l.lstrip() for l in lines],
    "no URL lines": lambda lines: [l for l in lines if not l.startswith("https://")],
    "none of them": lambda lines: [l.lstrip() for l in lines if l.strip() and not l.startswith("https://")],
}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", NAMES)
def test_degraded_layout_gives_the_same_report(name, variant, directory):
    text = report_text(name)
    degraded = "\n".join(VARIANTS[variant](text.split("\n")))
    expected = parse_report(text, directory).to_dict()
    assert first_difference(parse_report(degraded, directory).to_dict(), expected) is None


def test_a_vote_of_so_many_to_none(directory):
    text = report_text("single.en.txt")
    text = replace_once(text, "adopted by a recorded vote of 3 to 2,\n\nwith 1 abstention",
                        "adopted by a recorded vote of 5 to none,\n\nwith 1 abstention")
    text = replace_once(text, "Belarus, Chile, Trinidad and Tobago.\n\nAgainst:\n\nIsrael, Palau.",
                        "Belarus, Chile, Israel, Palau, Trinidad and Tobago.\n\nAgainst:\n\nNone.", 2)
    whole = parse_report(text, directory).drafts[0].actions[1]
    assert (whole.tally.yes, whole.tally.no, whole.tally.abstain) == (5, 0, 1)
    assert whole.no == []


def test_a_meeting_named_in_an_unread_form_leaves_the_action_undated(directory):
    text = report_text("single.en.txt")
    text = replace_once(text, "At its 30th meeting, on 5 November,",
                        "At its 30th and 31st meetings, on 5 and 6 November,")
    action = parse_report(text, directory).drafts[0].actions[0]
    assert (action.meeting, action.date) == (None, None)


def test_date_without_a_year_early_in_the_year_belongs_to_the_second_year_of_the_session(directory):
    text = report_text("single.en.txt").replace("on 5 November", "on 5 March")
    action = parse_report(text, directory).drafts[0].actions[0]
    assert action.date == datetime.date(2025, 3, 5)


def test_report_symbol_on_the_cover(directory):
    text = "United Nations A/79/410\n\nGeneral Assembly\n\n" + report_text("single.en.txt")
    assert parse_report(text, directory).symbol == "A/79/410"
