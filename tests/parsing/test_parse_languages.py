"""French, Spanish, Russian and Arabic: the seed report rendered in each language (tests/fixtures/reports/
first-committee-79-item106.<code>.txt, constructed from the Chinese report) gives the Chinese report's drafts,
votes, lists and intentions; a small report per language (small.<code>.txt) gives an adoption without a vote
and a rejected paragraph vote, the same in all four; the checks name their line in every language; and every
registered language has a complete phrase table."""

import dataclasses
import datetime
import json
import re

import pytest

from parsing import ReportError, parse_report
from parsing.layout import decode
from parsing.names import NameResolver
from parsing.phrases import TABLES, ar, detect_language, es, fr, ru
from parsing.phrases.base import PhraseTable
from reference import LANGUAGES as REFERENCE_LANGUAGES

from report_helpers import REPORTS, first_difference, line_of, report_text

NEW = ["fr", "es", "ru", "ar"]


def seed_name(code: str) -> str:
    return "first-committee-79-item106.txt" if code == "zh" else f"first-committee-79-item106.{code}.txt"


def shape(report) -> dict:
    """What must not depend on the language: everything but the language, titles and paragraph texts."""
    data = report.to_dict()
    data.pop("language")
    data.pop("agenda_items")
    for draft in data["drafts"]:
        draft.pop("title")
        draft["paragraphs"] = [p["label"] for p in draft["paragraphs"]]
    return data


@pytest.fixture(scope="module")
def zh_expected() -> dict:
    data = json.loads((REPORTS / "first-committee-79-item106.expected.json").read_text(encoding="utf-8"))
    data.pop("language")
    data.pop("agenda_items")
    for draft in data["drafts"]:
        draft.pop("title")
        draft["paragraphs"] = [p["label"] for p in draft["paragraphs"]]
    return data


@pytest.fixture(scope="module", params=NEW)
def seed(request, directory):
    text = report_text(seed_name(request.param))
    return request.param, text, parse_report(text, directory)


# ------------------------------------------------------------------------------------------ the seed


def test_seed_rendering_gives_the_chinese_drafts_votes_lists_and_intentions(seed, zh_expected):
    code, _, report = seed
    assert first_difference(shape(report), zh_expected) is None


def test_seed_rendering_language_heading_and_paragraph_labels(seed):
    code, text, report = seed
    assert report.language == code
    assert detect_language(decode(text)).code == code
    assert (report.session, report.body, [a.number for a in report.agenda_items]) == (79, "C.1", [106])
    draft = report.drafts[0]
    labels = [f"PP{i}" for i in range(1, 23)] + ["OP1", "OP2", "OP3"]
    assert [p.label for p in draft.paragraphs] == labels
    assert all(p.voted_label == p.label for p in draft.paragraphs)
    assert draft.title == report.agenda_items[0].title  # the title of the draft is the item's


# Per language: the second preambular paragraph (footnote marks 1-3 removed), the seventh (broken by a
# footnote block and URL lines) and the footnote stating Côte d'Ivoire's intention.
SEED_TEXTS = {
    "fr": ("Rappelant également les dispositions du Traité sur la non-prolifération des armes nucléaires, de la",
           "de renseignements scientifiques et technologiques à des fins pacifiques,",
           "La délégation de la Côte d’Ivoire a informé ultérieurement le Secrétariat qu’elle avait eu "
           "l’intention de s’abstenir."),
    "es": ("Recordando también las disposiciones del Tratado sobre la No Proliferación de las Armas Nucleares, la",
           "información científica y tecnológica con fines pacíficos,",
           "Posteriormente, la delegación de Côte d’Ivoire informó a la Secretaría de que había tenido la "
           "intención de abstenerse."),
    "ru": ("ссылаясь также на положения Договора о нераспространении ядерного оружия, Конвенции",
           "научно-технической информацией в мирных целях,",
           "Впоследствии делегация Кот-д’Ивуара сообщила Секретариату, что она намеревалась воздержаться."),
    "ar": ("وإذ تشير أيضا إلى أحكام معاهدة عدم انتشار الأسلحة النووية، واتفاقية",
           "والمعلومات العلمية والتكنولوجية للأغراض السلمية،",
           "وأبلغ وفد كوت ديفوار الأمانة العامة لاحقا بأنه كان ينوي الامتناع عن التصويت."),
}


def test_seed_paragraph_texts_and_intention_footnote(seed):
    code, text, report = seed
    pp2_start, pp7_end, footnote = SEED_TEXTS[code]
    draft = report.drafts[0]
    assert draft.paragraphs[1].text.startswith(pp2_start)
    assert not re.search(r"\w\d\W", draft.paragraphs[1].text.replace("A/", ""))  # no footnote digit left
    assert draft.paragraphs[6].text.endswith(pp7_end)
    intention = draft.actions[0].intended[0]
    assert (intention.country, intention.position, intention.footnote) == ("CIV", "abstain", footnote)


VARIANTS = {
    "no blank lines": lambda lines: [l for l in lines if l.strip()],
    "no indentation": lambda lines: [l.lstrip() for l in lines],
    "no URL lines": lambda lines: [l for l in lines if not l.startswith("https://")],
    "none of them": lambda lines: [l.lstrip() for l in lines if l.strip() and not l.startswith("https://")],
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_degraded_layout_gives_the_same_report(seed, variant, directory):
    """Without indentation, paragraphs are told by a capital (fr, es) or by the words that open preambular
    paragraphs (ru "ссылаясь", ar "وإذ"), as in Chinese."""
    _, text, report = seed
    degraded = "\n".join(VARIANTS[variant](text.split("\n")))
    assert first_difference(parse_report(degraded, directory).to_dict(), report.to_dict()) is None


# ------------------------------------------------------------------------------------- small reports

SMALL_EXPECTED = {
    "symbol": None,
    "session": 79,
    "body": "C.1",
    "drafts": [
        {"symbol": "A/C.1/79/L.7", "kind": "resolution", "sponsors": ["BLR", "CHL", "TTO"], "later_sponsors": [],
         "actions": [{"subject": "whole", "method": "without_vote", "outcome": "adopted", "meeting": 30,
                      "date": "2024-11-05", "tally": None, "yes": [], "no": [], "abstain": [], "intended": []}],
         "paragraphs": ["PP1", "OP1", "OP2"]},
        {"symbol": "A/C.1/79/L.8", "kind": "resolution", "sponsors": ["MEX", "NER", "SDN"], "later_sponsors": ["JAM"],
         "actions": [
             {"subject": "OP2", "method": "recorded", "outcome": "rejected", "meeting": 30, "date": "2024-11-05",
              "tally": {"yes": 2, "no": 3, "abstain": 1}, "yes": ["BLR", "CHL"], "no": ["IND", "ISR", "PLW"],
              "abstain": ["TTO"],
              "intended": [{"country": "MEX", "position": "no"}, {"country": "PER", "position": "no"}]},
             {"subject": "whole", "method": "without_vote", "outcome": "adopted", "meeting": 30, "date": "2024-11-05",
              "tally": None, "yes": [], "no": [], "abstain": [], "intended": []},
         ],
         "paragraphs": ["PP1", "OP1", "OP2", "OP3"]},
    ],
}


@pytest.fixture(params=NEW)
def small(request, directory):
    text = report_text(f"small.{request.param}.txt")
    return request.param, text, parse_report(text, directory)


def test_small_report_adoption_without_a_vote_and_a_rejected_paragraph(small):
    code, _, report = small
    assert report.language == code
    assert first_difference(shape(report), SMALL_EXPECTED) is None
    first, second = report.drafts
    assert first.actions[0].tally is None and first.paragraphs[0].label == "PP1"
    assert second.rejected_labels == ["OP2"]
    # the published text numbers afresh after the rejected paragraph
    assert [(p.label, p.voted_label) for p in second.paragraphs] == [
        ("PP1", "PP1"), ("OP1", "OP1"), ("OP2", "OP3"), ("OP3", "OP4")]
    assert second.actions[0].date == datetime.date(2024, 11, 5)


# Per language: the tally of the rejected paragraph made to disagree with its lists, and the label the
# problem names.
TALLY_MUTATIONS = {
    "fr": (r"2(\s+)voix(\s+)contre", "Ont voté pour"),
    "es": (r"2(\s+)votos(\s+)contra", "Votos a favor"),
    "ru": (r"2(\s+)голосами(\s+)против", "Голосовали за"),
    "ar": (r"٢(\s+)صوتين(\s+)مؤيدين", "المؤيدون"),
}


def test_a_list_that_disagrees_with_its_tally_is_a_problem_naming_its_line(small, directory):
    code, text, _ = small
    pattern, label = TALLY_MUTATIONS[code]
    three = "٣" if code == "ar" else "3"
    mutated, count = re.subn(pattern, lambda m: three + m.group(0)[1:], text, count=1)
    assert count == 1
    with pytest.raises(ReportError) as caught:
        parse_report(mutated, directory)
    problems = [(p.line, p.message) for p in caught.value.problems]
    assert problems == [(line_of(text, label), f"2 names listed under {label}, tally says 3")]


UNKNOWN_NAMES = {"fr": ("Bélarus, Chili.", "Bélarusse"), "es": ("Belarús, Chile.", "Belarusia"),
                 "ru": ("Беларусь, Чили.", "Белоруссь"), "ar": ("بيلاروس، شيلي.", "بيلاروسيا")}


def test_an_unknown_name_in_a_list_is_a_problem_naming_its_line(small, directory):
    code, text, _ = small
    line, typo = UNKNOWN_NAMES[code]
    first = re.split(r"[,،]", line)[0]
    mutated = text.replace(line, line.replace(first, typo, 1), 1)
    with pytest.raises(ReportError) as caught:
        parse_report(mutated, directory)
    problems = [(p.line, p.message) for p in caught.value.problems]
    assert (line_of(text, line), f"unknown country name {typo!r}") in [(l, m.split(" (did")[0]) for l, m in problems]


# ----------------------------------------------------------------------------- language conventions


def test_french_no_break_spaces_of_either_width(directory):
    text = report_text("first-committee-79-item106.fr.txt")
    assert "\u00a0:" in text
    narrow = parse_report(text.replace("\u00a0", "\u202f"), directory)
    assert narrow.to_dict() == parse_report(text, directory).to_dict()


def test_arabic_bidirectional_marks_and_tatweel_do_not_matter(directory):
    text = report_text("first-committee-79-item106.ar.txt")
    assert "\u200f" in text and "تقريـر" in text  # as some extractions leave them
    clean = text.replace("\u200f", "").replace("تقريـر", "تقرير")
    marked = text.replace("A/C.1/79/L.53/Rev.1 ككل", "\u2067A/C.1/79/L.53/Rev.1\u2069 ككل")
    expected = parse_report(text, directory).to_dict()
    assert parse_report(clean, directory).to_dict() == expected
    assert parse_report(marked, directory).to_dict() == expected


def test_arabic_presentation_forms_are_read_as_letters():
    assert ar.prepare("\ufefb\ufe97\ufeae") == "لاتر"  # lam-alef ligature and final/medial forms
    assert ar.prepare("الجمعيـة") == "الجمعية"  # tatweel
    assert ar.prepare("A/C.1/79/L.7") == "A/C.1/79/L.7"


def test_arabic_indic_digits(directory):
    """small.ar.txt writes every number in Arabic-Indic digits: paragraph numbers, meeting, date, tally,
    footnote marks and entries."""
    text = report_text("small.ar.txt")
    assert "٣٠" in text and "(١)" in text and not re.search(r"[0-9] -", text)
    western = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    assert parse_report(western, directory).to_dict() == parse_report(text, directory).to_dict()


def test_russian_genitive_names_in_running_text(directory):
    """Sponsors and intentions name States in the genitive; each resolves to the State whose nominative it
    comes from, and only when every candidate nominative that is a name names the same State."""
    resolver = NameResolver(directory, TABLES["ru"], [])
    for genitive, iso3 in [("Беларуси", "BLR"), ("Лаосской Народно-Демократической Республики", "LAO"),
                           ("Соломоновых Островов", "SLB"), ("Боливарианской Республики Венесуэла", "VEN"),
                           ("Кот-д’Ивуара", "CIV"), ("Гвинеи-Бисау", "GNB"), ("Ирана (Исламской Республики)", "IRN"),
                           ("Соединенного Королевства Великобритании и Северной Ирландии", "GBR"), ("Нигера", "NER"),
                           ("Нигерии", "NGA"), ("Гвинеи", "GIN"), ("Папуа — Новой Гвинеи", "PNG")]:
        assert resolver._lookup(genitive, None) == iso3, genitive
    assert resolver._lookup("Беларусии", None) is None
    assert "Российская Федерация" in ru.name_forms("Российской Федерации")


def test_french_and_arabic_prefixes_in_running_text(directory):
    french = NameResolver(directory, TABLES["fr"], [])
    for name, iso3 in [("du Bélarus", "BLR"), ("de l’Érythrée", "ERI"), ("des Îles Salomon", "SLB"),
                       ("de la République bolivarienne du Venezuela", "VEN"), ("la Chine", "CHN")]:
        assert french._lookup(name, None) == iso3, name
    arabic = NameResolver(directory, TABLES["ar"], [])
    for name, iso3 in [("وبوروندي", "BDI"), ("والجمهورية العربية السورية", "SYR"), ("وغينيا - بيساو", "GNB")]:
        assert arabic._lookup(name, None) == iso3, name


@pytest.mark.parametrize("table, text, value", [
    (fr, "soixante-dix-neuvième", 79), (fr, "dix-huitième", 18), (fr, "vingt et unième", 21),
    (fr, "quatre-vingt-dix-neuvième", 99), (fr, "cent unième", 101), (fr, "1er", 1), (fr, "Première", 1),
    (fr, "31e", 31),
    (es, "Septuagésimo noveno", 79), (es, "decimoctavo", 18), (es, "décimo octavo", 18), (es, "vigésimo primero", 21),
    (es, "Primera", 1), (es, "31ª", 31),
    (ru, "Семьдесят девятая", 79), (ru, "восемнадцатый", 18), (ru, "Первого", 1), (ru, "третьего", 3),
    (ru, "сто первой", 101), (ru, "31-м", 31),
    (ar, "التاسعة والسبعون", 79), (ar, "الثامنة عشرة", 18), (ar, "الأولى", 1), (ar, "ثانيا", 2),
    (ar, "الحادية والثمانين", 81), (ar, "الحادية بعد المائة", 101), (ar, "١٨", 18),
])
def test_number_words(table, text, value):
    assert table.number(text) == value


@pytest.mark.parametrize("code, subject, label", [
    ("fr", "le dix-huitième alinéa du préambule", "PP18"), ("fr", "le paragraphe 2 du dispositif", "OP2"),
    ("fr", "l’alinéa c) du paragraphe 7 du dispositif", "OP7(c)"), ("fr", "le paragraphe 4 a) du dispositif", "OP4(a)"),
    ("es", "el párrafo 18 del preámbulo", "PP18"), ("es", "el decimoctavo párrafo del preámbulo", "PP18"),
    ("es", "el apartado c) del párrafo 7 de la parte dispositiva", "OP7(c)"),
    ("ru", "пункт 18 преамбулы", "PP18"), ("ru", "восемнадцатый пункт преамбулы", "PP18"),
    ("ru", "пункт 2 постановляющей части", "OP2"), ("ru", "подпункт (c) пункта 7 постановляющей части", "OP7(c)"),
    ("ar", "الفقرة 18 من الديباجة", "PP18"), ("ar", "الفقرة الثامنة عشرة من الديباجة", "PP18"),
    ("ar", "الفقرة 2 من المنطوق", "OP2"), ("ar", "الفقرة الفرعية (ج) من الفقرة 7 من المنطوق", "OP7(c)"),
    ("ar", "مشروع القرار A/C.1/79/L.53/Rev.1 ككل", "whole"),
])
def test_subjects_of_votes(code, subject, label):
    from parsing.actions import parse_subject
    assert parse_subject(subject, TABLES[code]) == label


# -------------------------------------------------------------------------- completeness of the tables

# The named groups the engine reads from each pattern (optional ones are not listed).
GROUPS = {
    "session": {"n"}, "agenda_item": {"nums"}, "committee_report": {"ord"}, "section_heading": {"num", "title"},
    "draft_heading": {"kind", "symbol"}, "draft_mention": {"kind", "symbol"}, "on_behalf": {"intro", "names"},
    "introduced_by": {"intro"}, "sponsors_list": {"names"}, "later_sponsors": {"names"}, "title": {"title"},
    "meeting_date": {"meeting", "day", "month", "year"}, "recorded_vote": {"subject", "outcome", "yes", "no"},
    "without_vote": {"subject", "outcome"}, "preambular": {"n"}, "operative": {"n"}, "amendment": {"symbol"},
    "see_para": {"para", "kind", "num"}, "list_label": {"label", "rest"}, "intention": {"names", "pos"},
    "text_heading": {"kind", "num"}, "paragraph_number": {"n"}, "sub_item": {"l"}, "footnote_mark": {"n"},
    "footnote_entry": {"n", "text"},
}
# Patterns whose groups are not read (searched or matched only).
PLAIN = {"decision_word", "recommendations_heading", "intro_prefix", "same_meeting", "meeting_mention",
         "several_paragraphs", "list_separator", "conjunction", "leading_conjunction", "empty_list",
         "intention_hint", "recommend_intro", "assembly_line", "assembly_start", "annex_heading"}
OPTIONAL_PATTERNS = {"quantity_after", "paragraph_opener"}


@pytest.mark.parametrize("code", list(TABLES))
def test_every_registered_language_has_a_complete_phrase_table(code):
    table = TABLES[code]
    assert isinstance(table, PhraseTable) and table.code == code and code in REFERENCE_LANGUAGES
    names = {f.name for f in dataclasses.fields(PhraseTable)}
    assert set(GROUPS) | PLAIN | OPTIONAL_PATTERNS <= names
    for name, groups in GROUPS.items():
        value = getattr(table, name)
        for pattern in (value if isinstance(value, tuple) else (value,)):
            assert isinstance(pattern, re.Pattern), name
            assert groups <= set(pattern.groupindex), f"{code}.{name} lacks {groups - set(pattern.groupindex)}"
        assert not isinstance(value, tuple) or value, f"{code}.{name} is empty"
    for name in PLAIN:
        assert isinstance(getattr(table, name), re.Pattern), name
    for name in OPTIONAL_PATTERNS:
        assert getattr(table, name) is None or isinstance(getattr(table, name), re.Pattern), name
    if not table.cased:
        assert table.paragraph_opener is not None, "a caseless script needs the words that open paragraphs"
    for name in ("detect", "parse_number", "parse_draft_number"):
        assert callable(getattr(table, name)), name
    assert table.parse_number("18") == 18
    assert table.name_forms is None or callable(table.name_forms)
    assert table.prepare is None or callable(table.prepare)
    assert table.joiner in ("", " ") and table.list_end and table.sentence_end
    assert set(table.list_positions.values()) == {"yes", "no", "abstain"}
    assert {o for _, o in table.outcomes} == {"adopted", "retained", "rejected"}
    assert {p for _, p in table.intention_positions} == {"yes", "no", "abstain", "non_participation"}
    assert {v for k, v in table.committee_ordinals.items() if k is not None} == {1, 2, 3, 4, 5, 6}
    assert not table.months or set(table.months.values()) == set(range(1, 13))
    assert set(table.count_words.values()) <= {0, 1}
    assert all(len(letter) == 1 for letter in table.sub_letters.values())


@pytest.mark.parametrize("code", list(TABLES))
def test_every_registered_language_has_its_rendering_of_the_seed_report(code, directory):
    """A language is added with its rendering of the seed report, and that rendering is detected as it."""
    text = report_text(seed_name(code))
    assert detect_language(decode(text)).code == code
    assert parse_report(text, directory).language == code


def test_unknown_language_names_the_known_ones(directory):
    with pytest.raises(ReportError) as caught:
        parse_report("Neunundsiebzigste Tagung\n\nTagesordnungspunkt 106\n\nBericht des Ersten Ausschusses\n\n"
                     "Der Ausschuss hat den Resolutionsentwurf ohne Abstimmung angenommen.\n", directory)
    assert caught.value.problems[0].message == "language not recognised (known: zh, en, fr, es, ru, ar)"
