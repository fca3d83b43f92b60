"""Russian (ru): the phrases of the Russian Main Committee reports.

Russian declines: ordinals agree with their noun ("Семьдесят девятая сессия", "Доклад Первого комитета",
"на своем 31-м заседании"), and running text names States in the genitive ("от имени Беларуси, Бурунди и
Российской Федерации", "делегация Кот-д’Ивуара"), while vote lists give them in the nominative. The country
directory knows the nominative; :func:`name_forms` offers the nominatives a genitive can come from, and the
resolver accepts one only when every one of them that is a known name names the same State.

Preambular and operative paragraphs of a Russian resolution begin with a small letter ("ссылаясь на …",
"1. призывает …"), so a capital does not mark a new paragraph: the table is "caseless" and lists the
participles that open preambular paragraphs instead. Sub-items are "a)" (Latin letters).
"""

from __future__ import annotations

import itertools
import re

from parsing.numerals import roman
from parsing.patterns import FOOTNOTE_MARK_BEFORE_PUNCTUATION
from parsing.phrases.base import DRAFT_SYMBOL, PhraseTable, compile_all

SYM = DRAFT_SYMBOL

_CARDINALS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
}
_ORDINAL_STEMS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
    "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
    "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90,
    "сот": 100,
}
_STEMS_LONGEST_FIRST = sorted(_ORDINAL_STEMS, key=len, reverse=True)
_ADJECTIVE_ENDINGS = frozenset(
    "ый ой ий ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими "
    "ья ье ьи ьего ьей ью ьих ьим ьему ьем ьими".split()
)
_DIGITS = re.compile(r"(\d+)(?:-?(?:й|я|е|го|м|х|ого|ая|ый|ой|ом))?")

MONTHS = {m: i for i, m in enumerate(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(), start=1)}
MONTHS |= {m: i for i, m in enumerate(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(), start=1)}

_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_LETTER = re.compile(r"[^\W\d_]")


def _word_value(word: str) -> int:
    if word in _CARDINALS:
        return _CARDINALS[word]
    for stem in _STEMS_LONGEST_FIRST:
        if word.startswith(stem) and word[len(stem):] in _ADJECTIVE_ENDINGS:
            return _ORDINAL_STEMS[stem]
    raise ValueError(word)


def number(text: str) -> int:
    """"семьдесят девятая" -> 79, "восемнадцатый" -> 18, "Первого" -> 1, "сто первой" -> 101, "31-м" -> 31."""
    text = text.strip().lower().replace("ё", "е")
    m = _DIGITS.fullmatch(text)
    if m:
        return int(m.group(1))
    words = text.split()
    if not words:
        raise ValueError(f"not a number in words: {text!r}")
    try:
        return sum(_word_value(w) for w in words)
    except ValueError:
        raise ValueError(f"not a number in words: {text!r}") from None


def _detect(sample: str) -> float:
    """The share of Cyrillic among the characters that are not spaces (runs, not characters, are found:
    detection runs on every report)."""
    cyrillic = len("".join(_CYRILLIC_RUN.findall(sample)))
    return cyrillic / len("".join(sample.split())) if cyrillic else 0.0


# Genitive singular/plural endings and the nominative endings they can come from (nouns and adjectives):
# Беларуси -> Беларусь, Кубы -> Куба, Нигера -> Нигер, Китая -> Китай, Российской -> Российская,
# Соломоновых Островов -> Соломоновы Острова, Филиппин -> Филиппины.
_GENITIVE = (
    ("ого", ("ый", "ий", "ой", "ое")), ("его", ("ий", "ее")), ("ой", ("ая",)), ("ей", ("яя",)),
    ("ых", ("ые", "ы")), ("их", ("ие",)), ("ии", ("ия",)), ("еи", ("ея",)), ("ов", ("ы", "а")),
    ("ин", ("ины",)), ("ы", ("а",)), ("и", ("а", "ь", "я")), ("а", ("", "о")), ("я", ("й", "ь", "е")),
)
_DECLINED_WORDS = 4  # the head of a name: "Соединенного Королевства Великобритании …" declines its first words


def _part_forms(part: str) -> list[str]:
    forms = []
    for ending, nominatives in _GENITIVE:
        if part.endswith(ending) and len(part) > len(ending) + 1:
            forms += [part[: -len(ending)] + n for n in nominatives]
    return forms


def _word_forms(word: str) -> list[str]:
    """The word itself and its possible nominatives; each part of a hyphenated word may be the declined one
    (Гвинеи-Бисау, Кот-д’Ивуара, Народно-Демократической)."""
    core = word.strip("()")
    if not core or not _LETTER.match(core[-1:]):
        return [word]
    head, tail = word[: len(word) - len(word.lstrip("("))], word[len(word.rstrip(")")):]
    parts = core.split("-")
    forms = [word]
    for i, part in enumerate(parts):
        for form in _part_forms(part):
            forms.append(head + "-".join(parts[:i] + [form] + parts[i + 1:]) + tail)
    return forms


def name_forms(name: str) -> list[str]:
    """The nominatives a genitive name can come from ("Российской Федерации" -> "Российская Федерация",
    "Ирана (Исламской Республики)" -> "Иран (Исламская Республика)"), declining up to its first four words."""
    words = name.split()
    if not words:
        return []
    head, rest = words[:_DECLINED_WORDS], words[_DECLINED_WORDS:]
    forms = []
    for combination in itertools.product(*(_word_forms(w) for w in head)):
        forms.append(" ".join(list(combination) + rest))
    return list(dict.fromkeys(forms[1:]))  # the first is the name as printed


_UPPER = "А-ЯЁA-Z"
_TENS = "двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто|сто"
# An ordinal as printed, for the subject patterns ("восемнадцатый", "двадцать первый").
ORDINAL = rf"(?:(?:{_TENS})\s+)?[а-яё]+(?:ый|ой|ий|ая|ое|ого|ом|ому)"
_SUBJECT = r"(?P<subject>(?:[^.;:]|\.(?=\S))+?)"  # a stretch of one sentence (dots only inside symbols)
_SENTENCE_SUBJECT = r"(?:^|(?<=[.;:]\s)|(?<=[.;:]\s\s))" + _SUBJECT
_TALLY = (r"(?:по\s+итогам\s+|в\s+результате\s+)?заносим\w+\s+в\s+отч[её]т\s+о\s+заседании\s+голосовани\w+\s+"
          r"(?P<yes>\d+)\s+голос\w*\s+против\s+(?P<no>\d+|ни\s+одного)"
          r"(?:\s*,?\s*при\s+(?P<abstain>\d+|одном)\s+воздержавш\w+)?")
_PASSIVE = r"(?P<outcome>(?:не\s+)?был[аио]?\s+(?:принят|сохран[её]н|отклон[её]н)[аоы]?)"

TABLE = PhraseTable(
    code="ru",
    detect=_detect,
    joiner=" ",
    cased=False,
    parse_number=number,
    parse_draft_number=roman,
    months=MONTHS,
    session=re.compile(r"(?P<n>[А-Яа-яЁё]+(?:\s+[а-яё]+)?|\d+-?я)\s+сесси[ияю]"),
    agenda_item=re.compile(
        r"Пункты?\s+(?P<nums>\d+(?:\s*(?:\(?[a-z]\))?\s*(?:,|и)\s*\d+)*)(?:\s*\(?[a-z]\))?\s+повестки\s+дня"
    ),
    committee_report=re.compile(
        r"Доклад\s+(?:(?P<ord>Первого|Второго|Третьего|Четвертого|Четвёртого|Пятого|Шестого)\s+комитета"
        r"|Комитета\s+по\s+специальным\s+политическим\s+вопросам\s+и\s+деколонизации)"
    ),
    committee_ordinals={"Первого": 1, "Второго": 2, "Третьего": 3, "Четвертого": 4, "Четвёртого": 4, "Пятого": 5,
                        "Шестого": 6, None: 4},
    section_heading=re.compile(rf"(?P<num>[IVX]+)\s*\.\s+(?P<title>[{_UPPER}].*)"),
    draft_heading=re.compile(rf"[A-ZА-Я]\s*\.\s+Проект\s+(?P<kind>резолюции|решения)\s*(?P<symbol>{SYM})?.*"),
    draft_mention=re.compile(rf"[Пп]роект\w*\s+(?P<kind>резолюци[ияю]|решени[яею])\s+(?P<symbol>{SYM})"),
    decision_word=re.compile(r"решени", re.IGNORECASE),
    recommendations_heading=re.compile(r"Рекомендаци[яи]\s"),
    on_behalf=re.compile(
        rf"(?P<intro>[{_UPPER}][^,;:]*?),\s+(?:также\s+)?от\s+имени\s+(?:также\s+)?"
        r"(?:следующих\s+(?:государств|стран)\s*:\s*)?(?P<names>.+?),\s+(?:представил|внес|внесла|представила)"
    ),
    introduced_by=compile_all(
        r"[Пп]редставитель\s+(?P<intro>[^,;:]+?)\s+(?:внес|представил)",
    ),
    sponsors_list=re.compile(
        r"(?:[Аа]вторами\s+(?:проекта\s+(?:резолюции|решения)\s+)?(?:были|являлись|являются)"
        r"|от\s+имени\s+следующих\s+(?:государств|стран))\s*:?\s*(?P<names>[^.;]+)"
    ),
    # 21 октября Азербайджан, Беларусь и Зимбабве представили проект резолюции
    submitted_by=re.compile(
        r"(?:^|\.\s+)(?:\d{1,3}\.\s*)?\d{1,2}\s+[а-я]+(?:\s+\d{4}\s+года)?\s+(?P<names>[^.;:]+?)\s+"
        r"(?:представил[аио]?|внесл[аио]|внес)\s+проект"
    ),
    sponsor_groups=(
        (re.compile(r"(?:государств[\s-]+членов\s+Организации\s+Объединенных\s+Наций\s*,\s+являющихся\s+членами\s+)?"
                    r"Групп\w*\s+77\s+и\s+Китая?"), "G77"),
        (re.compile(r"Групп\w*\s+африканских\s+государств"), "AFRICAN_GROUP"),
        (re.compile(r"Групп\w*\s+арабских\s+государств"), "ARAB_GROUP"),
        (re.compile(r"Движени\w*\s+неприсоединения"), "NAM"),
        (re.compile(r"Организаци\w*\s+исламского\s+сотрудничества"), "OIC"),
        (re.compile(r"Европейск\w*\s+союз\w*"), "EU"),
    ),
    later_sponsors=re.compile(
        r"[Вв]последствии\s+к\s+(?:числу\s+)?автор(?:ов|ам)\s+(?:проекта\s+(?:резолюции|решения)\s+)?"
        r"присоединил(?:ись|ась|ся)\s+(?P<names>[^.;]+)"
    ),
    intro_prefix=re.compile(r"^(?:представител\w+|делегаци\w+)\s+", re.IGNORECASE),
    title=re.compile(r"озаглавленн\w+\s+[«“\"]\s*(?P<title>[^»”\"]+?)[,.]?\s*[»”\"]"),
    meeting_date=re.compile(
        r"[Нн]а\s+сво[её]м\s+(?P<meeting>\d+)(?:-?м)?\s+заседании\s*,?\s+(?:состоявшемся\s+)?(?P<day>\d{1,2})\s+"
        r"(?P<month>[а-я]+)(?:\s+(?P<year>\d{4})\s*(?:года|г\.))?"
    ),
    same_meeting=re.compile(r"[Нн]а\s+том\s+же\s+заседании"),
    # any meeting named, but not the "recorded vote" (заносимым в отчет о заседании голосованием)
    meeting_mention=re.compile(r"(?<!отч[её]т\sо\s)заседани"),
    recorded_vote=compile_all(
        # пункт 18 преамбулы был сохранен заносимым в отчет о заседании голосованием 87 голосами против 53 при
        # 22 воздержавшихся
        _SENTENCE_SUBJECT + r"\s+" + _PASSIVE + r"\s+" + _TALLY,
        # Комитет принял проект резолюции X заносимым в отчет о заседании голосованием …
        r"(?:[Кк]омитет|\bон)\s+(?P<outcome>принял|сохранил|отклонил)\s+" + _SUBJECT + r"\s*,?\s+" + _TALLY,
    ),
    without_vote=compile_all(
        _SENTENCE_SUBJECT + r"\s+(?P<outcome>был[аио]?\s+(?:принят|сохран[её]н)[аоы]?)\s+без\s+голосования",
        r"(?:[Кк]омитет|\bон)\s+(?P<outcome>принял|сохранил)\s+" + _SUBJECT + r"\s+без\s+голосования",
    ),
    outcomes=(
        (re.compile(r"не\s|отклон"), "rejected"),
        (re.compile(r"сохран"), "retained"),
        (re.compile(r"принял|принят"), "adopted"),
    ),
    count_words={"ни одного": 0, "одном": 1},
    preambular=compile_all(
        rf"\b(?P<n>{ORDINAL})\s+пункт\w*\s+преамбулы",
        r"\bпункт\w*\s+(?P<n>\d+)\s*(?P<sub>(?:\(?[a-z]+\)\s*)*)\s*преамбулы",
        flags=re.IGNORECASE,
    ),
    operative=compile_all(
        # first the longest form, so "подпункт (c) пункта 7 постановляющей части" keeps its (c)
        r"\bподпункт\w*\s+(?P<sub>\(?[a-z]+\))\s+пункта\s+(?P<n>\d+)\s+постановляющей\s+части",
        rf"\b(?P<n>{ORDINAL})\s+пункт\w*\s+постановляющей\s+части",
        r"\bпункт\w*\s+(?P<n>\d+)\s*(?P<sub>(?:\(?[a-z]+\)\s*)*)\s*постановляющей\s+части",
        flags=re.IGNORECASE,
    ),
    several_paragraphs=re.compile(r"\b(?:пункты|пунктов|пунктам)\b", re.IGNORECASE),
    amendment=re.compile(rf"\bпоправк\w*[^.;]*?\(?(?P<symbol>{SYM})"),
    see_para=re.compile(
        r"см\.\s*пункт\s*(?P<para>\d+)(?:\s*,\s*проект\s+(?P<kind>резолюции|решения)(?:\s+(?P<num>[IVXLC]+)\b)?)?"
    ),
    list_label=re.compile(r"(?P<label>Голосовали\s+за|Голосовали\s+против|Воздержались)\s*:\s*(?P<rest>.*)"),
    list_positions={"Голосовали за": "yes", "Голосовали против": "no", "Воздержались": "abstain"},
    conjunction=re.compile(r"\s+и\s+"),
    leading_conjunction=re.compile(r"^и\s+"),
    empty_list=re.compile(r"Нет|Никто", re.IGNORECASE),
    intention=compile_all(
        r"(?:[Дд]елегаци[яи]|[Пп]редставител[ьи])\s+(?P<names>.+?)\s+(?:впоследствии\s+)?сообщил[аи]?\s+"
        r"Секретариату\s*,?\s+что\s+(?:она|они|он)\s+(?P<pos>(?:не\s+)?намеревал(?:ся|ась|ись)[^.;]*)",
    ),
    intention_positions=(
        (re.compile(r"не\s+участвовать|не\s+намеревал\w*\s+участвовать"), "non_participation"),
        (re.compile(r"\bза\b"), "yes"),
        (re.compile(r"против"), "no"),
        (re.compile(r"воздерж"), "abstain"),
    ),
    intention_hint=re.compile(r"сообщил\w*\s+Секретариату"),
    recommend_intro=re.compile(r"[Кк]омитет\)?\s+(?:также\s+)?рекомендует"),
    text_heading=re.compile(r"Проект\s+(?P<kind>резолюции|решения)(?:\s+(?P<num>[IVXLC]+))?"),
    assembly_line=re.compile(r"Генеральная\s+Ассамблея\s*,"),
    assembly_start=re.compile(r"Генеральная\s+Ассамблея\b"),
    annex_heading=re.compile(r"Приложение(?:\s+[IVX]+)?"),
    quantity_after=re.compile(r"\s*(?:%|процент)"),
    # The words that open preambular paragraphs (lower case), for telling where a paragraph starts when the
    # extraction lost the indentation.
    paragraph_opener=re.compile(
        r"(?:вновь\s+|также\s+|далее\s+|особо\s+|глубоко\s+|высоко\s+"
        r"|с\s+(?:обеспокоенностью|удовлетворением|озабоченностью|признательностью|тревогой)\s+)?"
        r"(?:ссылаясь|подтверждая|признавая|приветствуя|подчеркивая|подчёркивая|учитывая|отмечая|напоминая|будучи|"
        r"выражая|памятуя|принимая|сознавая|считая|заявляя|констатируя|стремясь|оценивая|исходя|сожалея|осуждая|"
        r"призывая|поощряя|рассмотрев|приняв)\b"
    ),
    # "a) ", "iv) ": Latin letters with a closing bracket (a Cyrillic а/с/е typed for a Latin one reads as it)
    sub_item=re.compile(r"[(（]?(?P<l>[a-zасе]{1,4})[)）](?:\s+|$)"),
    sub_letters={"а": "a", "с": "c", "е": "e"},
    footnote_mark=FOOTNOTE_MARK_BEFORE_PUNCTUATION,
    name_forms=name_forms,
)
