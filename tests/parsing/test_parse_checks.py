"""Each check, provoked by one mutation of a small report (tests/fixtures/reports/single.*.txt), in both
languages.  Problems name their line; all problems of a report are raised together and nothing is
returned."""

import pytest

from parsing import ReportError, parse_report

from report_helpers import line_of, replace_once, report_text

# Per language: the phrases a mutation touches.
PHRASES = {
    "en": {
        "whole_tally": "adopted by a recorded vote of 3 to 2",
        "whole_tally_4": "adopted by a recorded vote of 4 to 2",
        "op2_tally": "retained by a recorded vote of 3 to 2",
        "op2_tally_4": "retained by a recorded vote of 4 to 2",
        "yes": "In favour",
        "belarus": "Belarus, Chile",
        "belarus_typo": "Belarusia, Chile",
        "unknown": "unknown country name 'Belarusia' (did you mean Belarus",
        "israel": "Israel",
        "south_sudan": "South Sudan",
        "abstaining_list": "India.",
        "abstaining_twice": "India, India.",
        "one_abstention": "with 1 abstention.",
        "two_abstentions": "with 2 abstentions.",
        "session": "Seventy-ninth session",
        "session_60": "Sixtieth session",
        "op2": "Operative paragraph 2 was retained",
        "op5": "Operative paragraph 5 was retained",
        "against": "Against",
        "abstaining": "Abstaining",
        "separator": ", ",
        "palau": "Palau",
        "india": "India",
    },
    "zh": {
        "whole_tally": "以 3 票对 2 票、1 票弃权的结果获得了通过",
        "whole_tally_4": "以 4 票对 2 票、1 票弃权的结果获得了通过",
        "op2_tally": "以 3 票对 2 票、1 票弃权的结果获得了保留",
        "op2_tally_4": "以 4 票对 2 票、1 票弃权的结果获得了保留",
        "yes": "赞成",
        "belarus": "白俄罗斯、智利",
        "belarus_typo": "白俄、智利",
        "unknown": "unknown country name '白俄' (did you mean 白俄罗斯",
        "israel": "以色列",
        "south_sudan": "南苏丹",
        "abstaining_list": "印度。",
        "abstaining_twice": "印度、印度。",
        "one_abstention": "、1 票弃权的结果获得了保留",
        "two_abstentions": "、2 票弃权的结果获得了保留",
        "session": "第七十九届会议",
        "session_60": "第六十届会议",
        "op2": "执行部分第 2 段",
        "op5": "执行部分第 5 段",
        "against": "反对",
        "abstaining": "弃权",
        "separator": "、",
        "palau": "帕劳",
        "india": "印度",
    },
}


@pytest.fixture(params=["zh", "en"])
def single(request):
    return report_text(f"single.{request.param}.txt"), PHRASES[request.param]


def problems_of(text: str, directory) -> list[tuple[int, str]]:
    with pytest.raises(ReportError) as caught:
        parse_report(text, directory)
    error = caught.value
    assert str(error) == "\n".join(f"line {p.line}: {p.message}" for p in error.problems)
    return [(p.line, p.message) for p in error.problems]


def test_the_unmutated_report_parses(single, directory):
    text, _ = single
    report = parse_report(text, directory)
    assert [a.subject for a in report.drafts[0].actions] == ["OP2", "whole"]


def test_list_count_differs_from_tally(single, directory):
    text, p = single
    text = replace_once(text, p["whole_tally"], p["whole_tally_4"])
    label_line = line_of(text, p["yes"], 2)  # the list of the vote on the whole
    assert problems_of(text, directory) == [(label_line, f"3 names listed under {p['yes']}, tally says 4")]


def test_unknown_country_name_with_a_suggestion(single, directory):
    text, p = single
    text = replace_once(text, p["belarus"], p["belarus_typo"])  # in the first list only
    problems = problems_of(text, directory)
    unknown = [(line, m) for line, m in problems if m.startswith("unknown country name")]
    assert len(unknown) == 1
    line, message = unknown[0]
    assert line == line_of(text, p["belarus_typo"])
    assert message.startswith(p["unknown"])
    # the name left out also makes the list one short, which is reported at the list's label
    assert (line_of(text, p["yes"], 1), f"2 names listed under {p['yes']}, tally says 3") in problems


def test_country_in_two_lists_of_one_vote(single, directory):
    text, p = single
    text = replace_once(text, p["belarus"], p["belarus"] + p["separator"] + p["israel"])  # first vote, In favour
    text = replace_once(text, p["op2_tally"], p["op2_tally_4"])
    against_line = line_of(text, p["israel"] + p["separator"] + p["palau"])
    assert problems_of(text, directory) == [
        (against_line, f"{p['israel']} (ISR) is listed under {p['yes']} and under {p['against']}"),
    ]


def test_country_twice_in_one_list(single, directory):
    text, p = single
    text = replace_once(text, p["abstaining_list"], p["abstaining_twice"])
    text = replace_once(text, p["one_abstention"], p["two_abstentions"])
    line = line_of(text, p["abstaining_twice"])
    assert problems_of(text, directory) == [(line, f"{p['india']} (IND) is listed twice under {p['abstaining']}")]


def test_state_that_was_not_a_member_on_the_date_of_the_vote(single, directory):
    text, p = single
    text = replace_once(text, p["session"], p["session_60"])
    text = text.replace("2024年", "2005年")  # Chinese dates carry the year; English ones take 1945 + session
    text = replace_once(text, p["belarus"], p["belarus"] + p["separator"] + p["south_sudan"])
    text = replace_once(text, p["op2_tally"], p["op2_tally_4"])
    assert problems_of(text, directory) == [
        (line_of(text, p["south_sudan"]),
         f"{p['south_sudan']} (SSD) is listed under {p['yes']} but was not a Member State on 2005-11-05"),
    ]


def test_retained_paragraph_missing_from_the_recommended_text(single, directory):
    text, p = single
    text = replace_once(text, p["op2"], p["op5"])
    assert problems_of(text, directory) == [
        (line_of(text, "(a)"), "OP5 was retained by a separate vote, but the recommended text has no such "
                               "paragraph (3 operative paragraphs)"),
    ]


def test_all_problems_are_raised_together_in_line_order(single, directory):
    text, p = single
    text = replace_once(text, p["whole_tally"], p["whole_tally_4"])
    text = replace_once(text, p["op2"], p["op5"])
    lines = [line for line, _ in problems_of(text, directory)]
    assert lines == sorted(lines) and len(lines) == 2


def test_report_without_a_session(single, directory):
    text, p = single
    text = replace_once(text, p["session"], "")
    assert (1, "no session found in the heading") in problems_of(text, directory)


def test_report_without_a_draft(directory):
    text = report_text("single.en.txt")
    text = replace_once(text, " II. Consideration of draft resolution A/C.1/79/L.7", " II. Consideration of proposals")
    problems = problems_of(text, directory)
    assert (1, "no draft resolution or decision found") in problems


@pytest.mark.parametrize("name, lost, mark_line", [
    ("first-committee-79-item106.txt", " 2 科特迪瓦代表团随后通知秘书处", 70),  # the footnote's entry lost
    ("first-committee-79-item106.en.txt", "__________________", 86),  # the separator lost: no footnote block
])
def test_a_vote_whose_footnote_is_lost(name, lost, mark_line, directory):
    """Its intention would be dropped silently: the dangling mark ("as follows:2") is a problem."""
    lines = report_text(name).split("\n")
    del lines[line_of("\n".join(lines), lost) - 1]
    problems = problems_of("\n".join(lines), directory)
    assert (mark_line, "footnote mark 2 but no footnote 2 follows") in problems


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_intention_footnote_that_no_vote_carries(lang, directory):
    text = report_text(f"single.{lang}.txt")
    footnote = (" 1 Subsequently, the delegation of Fiji informed the Secretariat that it had intended to abstain."
                if lang == "en" else " 1 斐济代表团随后通知秘书处，本打算投弃权票。")
    text = text.replace("\n\n III.", "\n\n__________________\n\n" + footnote + "\n\n III.").replace(
        "\n\n 三.", "\n\n__________________\n\n" + footnote + "\n\n 三.")
    problems = problems_of(text, directory)
    assert problems == [(line_of(text, footnote.strip()), "footnote 1 states an intention, but no vote carries its mark")]
