"""The parser's pieces on their own: numbers, subjects of votes, footnote marks, page furniture, name
lists, voted labels."""

import datetime

import pytest

from parsing.actions import parse_subject
from parsing.errors import Problem
from parsing.layout import Span, layout
from parsing.model import Paragraph
from parsing.names import NameResolver
from parsing.numerals import chinese, roman
from parsing.phrases import TABLES, detect_language, en
from parsing.texts import assign_voted_labels

EN, ZH = TABLES["en"], TABLES["zh"]


@pytest.mark.parametrize("text, value", [("七十九", 79), ("十八", 18), ("二十一", 21), ("一百零五", 105), ("三", 3), ("12", 12)])
def test_chinese_numerals(text, value):
    assert chinese(text) == value


@pytest.mark.parametrize("text, value", [("seventy-ninth", 79), ("eighteenth", 18), ("twenty-first", 21),
                                         ("first", 1), ("fortieth", 40), ("one hundred and first", 101), ("31st", 31)])
def test_english_number_words(text, value):
    assert en.number(text) == value


def test_roman_numerals():
    assert [roman(r) for r in ("I", "II", "IV", "IX", "XIV")] == [1, 2, 4, 9, 14]
    with pytest.raises(ValueError):
        roman("IIb")


def test_language_detection():
    assert detect_language("第七十九届会议 议程项目 106 第一委员会的报告").code == "zh"
    assert detect_language("Seventy-ninth session. Agenda item 106. Report of the First Committee").code == "en"
    assert detect_language("12345 67890") is None


@pytest.mark.parametrize("table, words, subject", [
    (ZH, "序言部分第十八段", "PP18"),
    (ZH, "序言部分第二十一段", "PP21"),
    (ZH, "执行部分第 2 段", "OP2"),
    (ZH, "执行部分第4(a)段", "OP4(a)"),
    (ZH, "执行部分第 4 段(a)分段", "OP4(a)"),
    (ZH, "决议草案 A/C.1/79/L.53/Rev.1", "whole"),
    (ZH, "修正案(A/C.3/79/L.60)", "amendment:A/C.3/79/L.60"),
    (EN, "The eighteenth preambular paragraph", "PP18"),
    (EN, "The twenty-first preambular paragraph", "PP21"),
    (EN, "Operative paragraph 2", "OP2"),
    (EN, "operative paragraph 4 (a)", "OP4(a)"),
    (EN, "Subparagraph (c) of operative paragraph 7", "OP7(c)"),
    (EN, "Draft resolution A/C.1/79/L.53/Rev.1 as a whole", "whole"),
    (EN, "The amendment contained in document A/C.3/79/L.60", "amendment:A/C.3/79/L.60"),
])
def test_subjects_of_votes(table, words, subject):
    assert parse_subject(words, table) == subject


@pytest.mark.parametrize("table, words, subject", [
    (EN, "Operative paragraphs 2 and 3", "OP2+OP3"),
    (EN, "operative paragraphs 4, 5 and 6", "OP4+OP5+OP6"),
    (EN, "preambular paragraphs 2 to 4", "PP2+PP3+PP4"),
    (ZH, "执行部分第 2 和 3 段", "OP2+OP3"),
    (ZH, "执行部分第2段和第3段", "OP2+OP3"),
    (ZH, "序言部分第四、第五和第六段", "PP4+PP5+PP6"),
    (ZH, "执行部分第2至4段", "OP2+OP3+OP4"),
])
def test_a_vote_on_several_paragraphs_names_them_all(table, words, subject):
    assert parse_subject(words, table) == subject


@pytest.mark.parametrize("table, words", [(EN, "operative paragraphs 2 (a) and 3"), (ZH, "执行部分第 2 和 3 段(a)分段")])
def test_several_paragraphs_in_a_form_not_read_are_refused(table, words):
    with pytest.raises(ValueError, match="several paragraphs"):
        parse_subject(words, table)


def _page(lines: list[str], table) -> list[str]:
    return [l.text for l in layout("\n\n".join(lines), table).lines]


def test_footnote_marks_are_removed_and_counts_kept():
    zh = _page([
        " 又回顾《不扩散核武器条约》、1 《公约》，以 87 票对 53 票、2 票弃权的结果",
        "表决情况如下：2",
        "决议草案 A/C.1/79/L.53/Rev.1",
        "__________________",
        " 1 联合国，《条约汇编》。",
        " 2 科特迪瓦代表团随后通知秘书处，本打算投弃权票。",
    ], ZH)
    assert zh == ["又回顾《不扩散核武器条约》、 《公约》，以 87 票对 53 票、2 票弃权的结果", "表决情况如下：",
                  "决议草案 A/C.1/79/L.53/Rev.1"]
    english = _page([
        " Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,1 the Convention2",
        "and resolution 76/234, the voting was as follows:2",
        "__________________",
        " 1 United Nations, Treaty Series, vol. 729, No. 10485.",
        " 2 Ibid.",
    ], EN)
    assert english == ["Recalling the Treaty on the Non-Proliferation of Nuclear Weapons, the Convention",
                       "and resolution 76/234, the voting was as follows:"]


def test_a_digit_is_a_mark_only_if_that_footnote_follows():
    assert _page(["the Group of 20 and the G20 summit", "As of 2024,3 nothing"], EN) == [
        "the Group of 20 and the G20 summit", "As of 2024,3 nothing"]


def test_page_furniture_is_dropped_and_the_report_symbol_kept():
    text = "\n".join([
        " In favour:", "", "Algeria, Angola,", "__________________", "", " 1 A footnote", "that goes on.",
        "https://undocs.org/en/A/79/408", "24-20817 (E)", "2/10", "A/79/408", " Benin, Chad.",
    ])
    page = layout(text, EN)
    assert [l.text for l in page.lines] == ["In favour:", "Algeria, Angola,", "Benin, Chad."]
    assert page.lines[-1].page_start
    assert [(f.number, f.text) for f in page.footnotes] == [(1, "A footnote that goes on.")]
    assert page.symbols == [("A/79/408", 11)]


def _resolver(table, directory):
    problems: list[Problem] = []
    return NameResolver(directory, table, problems), problems


def _names(text, table, directory, on_date=None):
    resolver, problems = _resolver(table, directory)
    lines = layout(text, table).lines
    span = Span(lines, table.joiner)
    return [n.iso3 for n in resolver.resolve_list(span.text, span, 0, on_date)], problems


def test_names_are_resolved_whole_never_by_substring(directory):
    assert _names("Niger, Nigeria and the Niger.", EN, directory)[0] == ["NER", "NGA", "NER"]
    assert _names("刚果、刚果民主共和国和尼日尔。", ZH, directory)[0] == ["COG", "COD", "NER"]


def test_and_inside_names_and_between_them(directory):
    assert _names("Antigua and Barbuda, Trinidad and Tobago and Saint Vincent and the Grenadines.", EN,
                  directory)[0] == ["ATG", "TTO", "VCT"]
    assert _names("安提瓜和巴布达、特立尼达和多巴哥和圣文森特和格林纳丁斯。", ZH, directory)[0] == ["ATG", "TTO", "VCT"]
    assert _names("Belarus, Cuba, and Zimbabwe.", EN, directory)[0] == ["BLR", "CUB", "ZWE"]  # serial comma


def test_names_wrapped_across_lines(directory):
    assert _names("Bolivia\n\n(Plurinational State of), Guinea-\n\nBissau, Côte\n\nd’Ivoire.", EN, directory)[0] == [
        "BOL", "GNB", "CIV"]
    assert _names("白\n\n俄罗斯、多民族玻利维亚\n\n国。", ZH, directory)[0] == ["BLR", "BOL"]


def test_unknown_name_names_its_line_and_a_suggestion(directory):
    codes, problems = _names("Algeria, Angola,\n\nBelarusia, Chad.", EN, directory)
    assert codes == ["DZA", "AGO", "TCD"]
    assert len(problems) == 1 and problems[0].line == 3
    assert problems[0].message.startswith("unknown country name 'Belarusia' (did you mean Belarus")


def test_an_item_that_is_not_one_or_two_known_names_is_reported_whole(directory):
    """Only the last two names of a printed list are joined by "and": three names in one item are refused, and
    the message names the item as printed, not the part that did not resolve."""
    codes, problems = _names("Chile, France and Atlantis, Chad and Cuba and Zimbabwe.", EN, directory)
    assert codes == ["CHL"]
    assert [(p.line, p.message.split(" (did")[0]) for p in problems] == [
        (1, "unknown country name 'France and Atlantis'"),
        (1, "unknown country name 'Chad and Cuba and Zimbabwe'"),
    ]


def test_an_empty_list(directory):
    assert _names("None.", EN, directory) == ([], [])
    assert _names("", EN, directory) == ([], [])


def _labels(published, rejected):
    paragraphs = [Paragraph(label, label, "") for label in published]
    assign_voted_labels(paragraphs, rejected)
    return [p.voted_label for p in paragraphs]


def test_voted_labels_skip_the_paragraphs_not_retained():
    assert _labels(["PP1", "PP2", "OP1", "OP2"], []) == ["PP1", "PP2", "OP1", "OP2"]
    assert _labels(["PP1", "PP2", "PP3", "OP1"], ["PP2"]) == ["PP1", "PP3", "PP4", "OP1"]
    assert _labels(["OP1", "OP2", "OP3"], ["OP1", "OP3"]) == ["OP2", "OP4", "OP5"]
    assert _labels(["OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"], ["OP2", "OP3(a)"]) == [
        "OP1", "OP3", "OP3(b)", "OP3(c)", "OP4"]


def test_membership_uses_the_date_of_the_vote(directory):
    codes, problems = _names("South Sudan, Montenegro.", EN, directory, datetime.date(2005, 11, 1))
    assert codes == ["SSD", "MNE"] and problems == []  # names resolve; membership is checked per vote
