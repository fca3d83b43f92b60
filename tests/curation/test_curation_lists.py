"""Splitting pasted country lists: separators, line breaks inside names, the final "and"/"和"."""

import pytest

from curation.lists import detect_language, resolve_country_list, split_country_list
from tests.curation.conftest import PP18_DATE, pp18_expected, pp18_lists


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_printed_pp18_lists_resolve_to_the_reports_codes(language):
    lists = resolve_country_list(pp18_lists(language), language, PP18_DATE)
    expected = pp18_expected()
    assert lists.ok
    for key in ("yes", "no", "abstain"):
        assert sorted(lists.codes[key]) == expected[key]
        assert len(lists.codes[key]) == expected["tally"][key]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_language_is_detected(language):
    assert detect_language(list(pp18_lists(language).values())) == language


@pytest.mark.parametrize(
    "text, language, names",
    [
        # 和 ends the list, and is inside names; a line break cuts 白俄罗斯.
        ("安提瓜和巴布达、白\n俄罗斯和特立尼达和多巴哥。", "zh", ["安提瓜和巴布达", "白俄罗斯", "特立尼达和多巴哥"]),
        ("Chad, Trinidad and Tobago and Saint Kitts and\n\nNevis.", "en", ["Chad", "Trinidad and Tobago", "Saint Kitts and Nevis"]),
        ("Guinea-\nBissau; Côte\nd’Ivoire", "en", ["Guinea-Bissau", "Côte d’Ivoire"]),
        ("France\nGermany\nBolivia\n(Plurinational State of)", "en", ["France", "Germany", "Bolivia (Plurinational State of)"]),
        ("In favour:\nChina, France", "en", ["China", "France"]),
        ("Allemagne, France et Trinité-et-Tobago", "fr", ["Allemagne", "France", "Trinité-et-Tobago"]),
        ("Alemania, Chile y Francia", "es", ["Alemania", "Chile", "Francia"]),
        ("Германия, Китай и Франция", "ru", ["Германия", "Китай", "Франция"]),
        ("ترينيداد وتوباغو، الصين وفرنسا", "ar", ["ترينيداد وتوباغو", "الصين", "فرنسا"]),
    ],
)
def test_lists_are_split_on_the_names_not_on_the_words(text, language, names):
    assert split_country_list(text, language) == names


def test_an_unknown_name_is_kept_whole_and_reported():
    assert split_country_list("France\nRepublic of\nAtlantis\nChile", "en") == ["France", "Republic of Atlantis", "Chile"]
    lists = resolve_country_list({"yes": "France, Atlantis", "no": "", "abstain": ""}, "en", PP18_DATE)
    assert not lists.ok
    assert [error.name for error in lists.unknown["yes"]] == ["Atlantis"]
    assert lists.codes["yes"] == ["FRA"]


def test_a_country_listed_twice_is_reported_where_it_appears_again():
    lists = resolve_country_list({"yes": "France, Chile", "no": "Chile", "abstain": ""}, "en", PP18_DATE)
    assert not lists.ok
    assert lists.duplicates["no"] == ["Chile (already listed under yes)"]
