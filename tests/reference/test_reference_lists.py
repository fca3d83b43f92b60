"""The country-list splitter: an "and" (or a line break) is a boundary only where the pieces resolve to known names."""

import re

import pytest

from reference import CountryDirectory, ListedName, split_names

AND = {"en": re.compile(r"\s+and\s+"), "zh": re.compile(r"和")}
LINE_OR_AND = {"en": re.compile(r"\s*\n\s*|\s+and\s+"), "zh": re.compile(r"\s*\n\s*|\s*和\s*")}


@pytest.fixture(scope="module")
def directory():
    return CountryDirectory.default()


def resolver(directory, language):
    def iso3(name):
        record = directory.try_resolve(name, language)
        return record.iso3 if record else None

    return iso3


def line_break_in_name(separator, before):
    """As a pasted Chinese list reads: a line break inside a name is no character, "和" is itself."""
    return separator.strip()


def test_a_name_with_and_inside_stays_one_name(directory):
    assert split_names("Trinidad and Tobago", AND["en"], resolver(directory, "en")) == [
        ListedName("Trinidad and Tobago", "TTO")
    ]
    assert split_names("特立尼达和多巴哥", AND["zh"], resolver(directory, "zh")) == [ListedName("特立尼达和多巴哥", "TTO")]


def test_the_and_between_two_names_is_found_among_those_inside_them(directory):
    assert split_names("Bosnia and Herzegovina and Zimbabwe", AND["en"], resolver(directory, "en")) == [
        ListedName("Bosnia and Herzegovina", "BIH"),
        ListedName("Zimbabwe", "ZWE"),
    ]
    assert split_names("Antigua and Barbuda and Trinidad and Tobago", AND["en"], resolver(directory, "en")) == [
        ListedName("Antigua and Barbuda", "ATG"),
        ListedName("Trinidad and Tobago", "TTO"),
    ]


def test_a_pasted_chinese_list_with_a_name_cut_by_a_line_break(directory):
    text = "安提瓜和巴布达、白\n俄罗斯和特立尼达和多巴哥。"
    names = [
        name
        for piece in text.rstrip("。").split("、")
        for name in split_names(
            piece, LINE_OR_AND["zh"], resolver(directory, "zh"), separator_in_name=line_break_in_name
        )
    ]
    assert names == [
        ListedName("安提瓜和巴布达", "ATG"),
        ListedName("白俄罗斯", "BLR"),
        ListedName("特立尼达和多巴哥", "TTO"),
    ]


def test_unknown_pieces_are_kept_together_as_printed(directory):
    assert split_names("France\nRepublic of\nAtlantis\nChile", LINE_OR_AND["en"], resolver(directory, "en")) == [
        ListedName("France", "FRA"),
        ListedName("Republic of\nAtlantis", None),
        ListedName("Chile", "CHL"),
    ]
    assert split_names("France and Atlantis", AND["en"], resolver(directory, "en")) == [
        ListedName("France", "FRA"),
        ListedName("Atlantis", None),
    ]


def test_a_name_reads_its_separators_as_printed_unless_told_otherwise():
    resolve = {"Côte d’Ivoire": "CIV", "Guinea-Bissau": "GNB"}.get
    lines = re.compile(r"\s*\n\s*")
    assert split_names("Côte\nd’Ivoire", lines, resolve) == [ListedName("Côte\nd’Ivoire", None)]

    def as_a_space(separator, before):
        return "" if before.endswith("-") else " "

    assert split_names("Côte\nd’Ivoire\nGuinea-\nBissau", lines, resolve, separator_in_name=as_a_space) == [
        ListedName("Côte d’Ivoire", "CIV"),
        ListedName("Guinea-Bissau", "GNB"),
    ]


def test_the_fewest_names_win_and_the_first_cut_among_equals():
    resolve = {"A": "AAA", "B": "BBB", "C": "CCC", "A and B": "AB", "B and C": "BC"}.get
    assert split_names("A and B", AND["en"], resolve) == [ListedName("A and B", "AB")]
    assert split_names("A and B and C", AND["en"], resolve) == [ListedName("A", "AAA"), ListedName("B and C", "BC")]


def test_empty_pieces_are_skipped_only_when_asked():
    resolve = {"中国": "CHN", "法国": "FRA"}.get
    assert split_names("中国\n和法国", LINE_OR_AND["zh"], resolve, skip_empty_pieces=True) == [
        ListedName("中国", "CHN"),
        ListedName("法国", "FRA"),
    ]
    assert split_names("和中国", AND["zh"], resolve, skip_empty_pieces=True) == [ListedName("中国", "CHN")]
    assert split_names("和中国", AND["zh"], resolve) == [ListedName("", None), ListedName("中国", "CHN")]
    assert split_names("", AND["zh"], resolve, skip_empty_pieces=True) == []

