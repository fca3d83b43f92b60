"""Arabic (ar): the phrases of the Arabic Main Committee reports.

What differs from the other languages, and where it is handled:
- Right-to-left text: the extraction's bidirectional controls (U+200E/U+200F, embeddings, isolates) are
  removed when the text is decoded (layout.decode); the text is in logical order (as pdftotext writes it).
- Presentation forms (U+FB50-U+FEFF, from some extractors) become letters (NFKC) and the tatweel "ـ" of
  justified lines is dropped (:func:`prepare`).
- Optional short vowels (harakat, "اعتُمد") are allowed inside the key words of the patterns (:func:`_w`).
- Digits may be Western (as UN Arabic documents print them) or Arabic-Indic (٠١٢٣٤٥٦٧٨٩): ``\\d`` and
  ``int()`` read both.
- Numbered paragraphs are "4 - "; sub-items are "(أ)", "(ب)", "(ج)" in abjad order, read as (a), (b), (c);
  sections are "أولا - …" and draft subsections "ألف - …"; footnote marks and entries are "(2)".
- Lists are separated by "،"; running text glues the conjunction "و" to each name after the first
  ("الاتحاد الروسي، وإريتريا، وباكستان"), which :func:`name_forms` takes off.
- There are no capitals: preambular paragraphs are told by their opening "إذ" / "وإذ".
"""

from __future__ import annotations

import re
import unicodedata

from parsing.phrases.base import DRAFT_SYMBOL, PhraseTable, compile_all

SYM = DRAFT_SYMBOL

_HARAKAT = "\u064b-\u0652\u0670"
_TATWEEL = "\u0640"
_ARABIC_RUN = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+")
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_NORMAL = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def _w(phrase: str) -> str:
    """A pattern for ``phrase`` that allows short vowels after each letter and any whitespace between words."""
    out = []
    for c in phrase:
        if c.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        else:
            out.append(re.escape(c) + f"[{_HARAKAT}]*")
    return "".join(out)


def _plain(text: str) -> str:
    return re.sub(f"[{_HARAKAT}{_TATWEEL}]", "", text).translate(_NORMAL)


_VALUES = {
    "اول": 1, "اولي": 1, "حادي": 1, "ثاني": 2, "ثان": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6, "سابع": 7,
    "ثامن": 8, "تاسع": 9, "عاشر": 10, "عشر": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50,
    "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مائه": 100, "مئه": 100,
}


def _word_value(word: str) -> int:
    if word.startswith("وال"):
        word = word[1:]
    if word.startswith("ال"):
        word = word[2:]
    # the word, the word without its feminine ending (التاسعة, عشرة) or its adverbial alif (أولا, ثانيا)
    for candidate in (word, word[:-1] if word.endswith("ه") else None, word[:-1] if word.endswith("ا") else None):
        if candidate and candidate in _VALUES:
            return _VALUES[candidate]
    raise ValueError(word)


def number(text: str) -> int:
    """"التاسعة والسبعون" -> 79, "الثامنة عشرة" -> 18, "الأولى" -> 1, "ثانيا" -> 2, "الحادية بعد المائة" -> 101,
    "18" or "١٨" -> 18."""
    text = _plain(text.strip())
    if text.isdigit():
        return int(text)
    words = [w for w in text.split() if w not in ("بعد", "و")]
    if not words:
        raise ValueError(f"not a number in words: {text!r}")
    try:
        return sum(_word_value(w) for w in words)
    except ValueError:
        raise ValueError(f"not a number in words: {text!r}") from None


def _detect(sample: str) -> float:
    """The share of Arabic letters among the characters that are not spaces (runs, not characters, are
    found: detection runs on every report)."""
    arabic = len("".join(_ARABIC_RUN.findall(sample)))
    return arabic / len("".join(sample.split())) if arabic else 0.0


def prepare(text: str) -> str:
    """Presentation forms to letters (only when the extraction produced them), tatweel removed."""
    if _PRESENTATION_FORMS.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text.replace(_TATWEEL, "")


def name_forms(name: str) -> list[str]:
    """"وبوروندي" -> "بوروندي", "والجمهورية العربية السورية" -> "الجمهورية العربية السورية"."""
    return [name[1:].lstrip()] if name.startswith("و") and len(name) > 2 else []


MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيه": 6, "يونيو": 6,
    "يوليه": 7, "يوليو": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
}

# Sub-item letters in abjad order, as UN Arabic texts number sub-paragraphs: (أ) (ب) (ج) (د) (هـ) (و) …
_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذض"
SUB_LETTERS = {letter: chr(ord("a") + i) for i, letter in enumerate(_ABJAD)} | {"ا": "a"}

_ORDINAL_WORDS = r"ال\S+(?:\s+(?:عشر\S*|و\S+|بعد\s+\S+))*"
_SUBJECT = r"(?P<subject>(?:[^.;:؛]|\.(?=\S))+?)"  # a stretch of one sentence (dots only inside symbols)
_VOTES = r"(?:صوتا|صوت|أصوات|صوتان|صوتين)"
_MEMBERS = r"(?:عضوا|أعضاء|عضوان|عضوين|عضو)"
# "بأغلبية 102 صوتا مقابل 53 صوتا" / "بـ 2 صوتين مؤيدين مقابل 3 أصوات معارضة" (tatweel is gone by now)
_TALLY = (_w("بتصويت مسجل") + r"\s*[،,]?\s*(?:" + _w("بأغلبية") + r"\s+|ب\s*)?(?P<yes>\d+)\s+(?:" + _VOTES
          + r"(?:\s+مؤيد\S*)?\s+)?" + _w("مقابل") + r"\s+(?P<no>\d+|لا\s+شيء)(?:\s+" + _VOTES + r"(?:\s+معارض\S*)?)?"
          r"(?:\s*[،,]?\s*(?:مع|و)\s+" + _w("امتناع") + r"\s+(?P<abstain>\d+|عضو\s+واحد)(?:\s+" + _MEMBERS + r")?"
          r"\s+عن\s+التصويت)?")
_VERB = (r"(?P<outcome>(?:و|ف)?(?:" + "|".join(_w(v) for v in (
    "اعتمد", "اعتمدت", "أبقي على", "أبقت اللجنة على", "أبقت على", "استبقي", "استبقيت", "رفض", "رفضت",
    "لم يبق على", "لم تبق على", "لم تبق اللجنة على")) + r"))")
_WITHOUT_VOTE = r"(?:" + _w("دون") + "|" + _w("بدون") + "|" + _w("من دون") + r")\s+" + _w("تصويت")


def _paragraph(part: str) -> tuple[str, ...]:
    # الفقرة الفرعية (أ) من الفقرة 4 من المنطوق / الفقرة 18 من الديباجة / الفقرة الثامنة عشرة من الديباجة
    return (
        r"الفقرة\s+الفرعية\s+(?P<sub>\(\s*\S{1,2}\s*\))\s+من\s+الفقرة\s+(?P<n>\d+)\s+من\s+" + part,
        r"الفقرة\s+(?P<n>\d+)\s*(?P<sub>(?:\(\s*\S{1,2}\s*\)\s*)*)\s*من\s+" + part,
        r"الفقرة\s+(?P<n>" + _ORDINAL_WORDS + r")\s+من\s+" + part,
    )


TABLE = PhraseTable(
    code="ar",
    detect=_detect,
    joiner=" ",
    cased=False,
    parse_number=number,
    parse_draft_number=number,
    months=MONTHS,
    session=re.compile(r"الدورة\s+(?P<n>" + _ORDINAL_WORDS + r"|\d+)"),
    agenda_item=re.compile(
        r"البند(?:ان)?\s+(?P<nums>\d+(?:\s*(?:\(\S\))?\s*(?:[،,]|و)\s*\d+)*)(?:\s*\(\S\))?\s+من\s+جدول\s+الأعمال"
    ),
    committee_report=re.compile(
        r"تقرير\s+(?:اللجنة\s+(?P<ord>الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة)"
        r"|لجنة\s+المسائل\s+السياسية\s+الخاصة\s+وإنهاء\s+الاستعمار)"
    ),
    committee_ordinals={"الأولى": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, None: 4},
    section_heading=re.compile(
        r"(?P<num>أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)\s*[-–]\s*(?P<title>\S.*)"
    ),
    draft_heading=re.compile(
        rf"(?:ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء)\s*[-–]\s*مشروع\s+(?P<kind>القرار|المقرر)\s*(?P<symbol>{SYM})?.*"
    ),
    draft_mention=re.compile(rf"مشروع\s+(?P<kind>القرار|المقرر)\s+(?P<symbol>{SYM})"),
    decision_word=re.compile(r"مقرر"),
    recommendations_heading=re.compile(r"توصي(?:ة|ات)\s+(?:ال)?لجنة"),
    on_behalf=re.compile(
        r"(?:قدم|عرض)(?:ت)?\s+(?P<intro>[^،,؛.]+?)\s*[،,]\s*باسم(?:ها|ه)?\s+(?:و\s*باسم\s+)?(?:كل\s+من\s+)?"
        r"(?P<names>.+?)\s*[،,]\s*مشروع\s+(?:قرار|مقرر)"
    ),
    introduced_by=compile_all(
        r"(?:قدم|عرض)(?:ت)?\s+(?P<intro>ممثل(?:ة)?\s+[^،,؛.]+?)\s+مشروع",
    ),
    sponsors_list=re.compile(
        r"(?:مقدمو|مقدمي)\s+مشروع\s+(?:القرار|المقرر)\s+(?:هم|هي|كانوا)\s*:?\s*(?P<names>[^.؛]+)"
    ),
    later_sponsors=re.compile(
        r"في\s+وقت\s+لاحق\s*[،,]\s*انضم(?:ت)?\s+إلى\s+مقدمي\s+مشروع\s+(?:القرار|المقرر)\s+(?P<names>[^.؛]+)"
    ),
    intro_prefix=re.compile(r"^(?:ممثل(?:ة)?|وفد)\s+"),
    title=re.compile(r"بعنوان\s+[«“\"]\s*(?P<title>[^»”\"]+?)[،,.]?\s*[»”\"]"),
    meeting_date=re.compile(
        r"في\s+(?:جلستها|الجلسة)\s+(?P<meeting>\d+)\s*[،,]?\s*المعقودة\s+في\s+(?P<day>\d{1,2})\s+"
        r"(?:[^\d\s/،,]+\s+)?(?:[^\d\s/،,]+\s*/\s*)?(?P<month>[^\d\s/،,]+)(?:\s+(?P<year>\d{4}))?"
    ),
    same_meeting=re.compile(r"في\s+(?:الجلسة\s+نفسها|نفس\s+الجلسة|ذات\s+الجلسة)"),
    meeting_mention=re.compile(r"جلس(?:ة|ت|ات)"),
    recorded_vote=compile_all(
        # أُبقي على الفقرة 18 من الديباجة بتصويت مسجل بأغلبية 87 صوتا مقابل 53 صوتا، مع امتناع 22 عضوا عن التصويت
        _VERB + r"\s+" + _SUBJECT + r"\s+" + _TALLY,
    ),
    without_vote=compile_all(
        _VERB + r"\s+" + _SUBJECT + r"\s+" + _WITHOUT_VOTE,
    ),
    outcomes=(
        (re.compile(f"ر[{_HARAKAT}]*ف[{_HARAKAT}]*ض|^(?:و|ف)?ل[{_HARAKAT}]*م"), "rejected"),
        (re.compile(f"ب[{_HARAKAT}]*ق|استبقي"), "retained"),
        (re.compile(f"ا[{_HARAKAT}]*ع[{_HARAKAT}]*ت[{_HARAKAT}]*م[{_HARAKAT}]*د"), "adopted"),
    ),
    count_words={"لا شيء": 0, "عضو واحد": 1},
    preambular=compile_all(*_paragraph(r"(?:الديباجة|ديباجة\s+\S+)")),
    operative=compile_all(*_paragraph(r"(?:المنطوق|منطوق\s+\S+)")),
    several_paragraphs=re.compile(r"الفقرات|الفقرتين|الفقرتان"),
    amendment=re.compile(rf"تعديل\S*[^.؛]*?\(?(?P<symbol>{SYM})"),
    see_para=re.compile(
        r"انظر\s+الفقرة\s+(?P<para>\d+)(?:\s*[،,]\s*مشروع\s+(?P<kind>القرار|المقرر)(?:\s+(?P<num>ال[^\s)،,]+))?)?"
    ),
    list_label=re.compile(r"(?P<label>المؤيدون|المعارضون|الممتنعون(?:\s+عن\s+التصويت)?)\s*:\s*(?P<rest>.*)"),
    list_positions={"المؤيدون": "yes", "المعارضون": "no", "الممتنعون": "abstain", "الممتنعون عن التصويت": "abstain"},
    list_separator=re.compile(r"\s*[،,]\s*"),
    # "بيرو وشيلي": the conjunction is glued to the name after it; it also occurs inside names (أنتيغوا وبربودا)
    conjunction=re.compile(r"\s+و(?=\S)"),
    leading_conjunction=re.compile(r"(?!)"),  # the glued "و" is taken off by name_forms, only when needed
    empty_list=re.compile(r"لا\s+أحد|لا\s+يوجد|لا\s+شيء"),
    intention=compile_all(
        r"(?:و|ف)?" + _w("أبلغ") + r"(?:ت)?\s+(?:وفد|وفدا|وفود)\s+(?P<names>.+?)\s+(?:" + _w("لاحقا") + r"\s+)?"
        r"الأمانة\s+العامة\s+(?:" + _w("لاحقا") + r"\s+|في\s+وقت\s+لاحق\s+)?(?:ب|على\s+)?أن(?:ه|ها|هما|هم)\s+"
        r"(?P<pos>[^.؛]*)",
    ),
    intention_positions=(
        (re.compile(r"عدم\s+المشاركة|عدم\s+الاشتراك|ألا\s+يشارك"), "non_participation"),
        (re.compile(r"مؤيد|لصالح|بالتأييد|بتأييد"), "yes"),
        (re.compile(r"معارض|\bضد\b"), "no"),
        (re.compile(r"الامتناع|يمتنع"), "abstain"),
    ),
    intention_hint=re.compile(_w("أبلغ") + r"[^.]*?الأمانة\s+العامة"),
    recommend_intro=re.compile(r"توصي\s+(?:ال)?لجنة"),
    text_heading=re.compile(r"مشروع\s+(?P<kind>القرار|المقرر)(?:\s+(?P<num>ال\S+))?"),
    assembly_line=re.compile(r"إن\s+الجمعية\s+العامة\s*[،,]"),
    assembly_start=re.compile(r"(?:إن\s+|تقرر\s+)?الجمعية\s+العامة"),
    annex_heading=re.compile(r"(?:ال)?مرفق(?:\s+\S+)?"),
    quantity_after=re.compile(r"\s*(?:%|٪|في\s+المائة)"),
    # Preambular paragraphs open with "إذ" ("while": إذ تشير, وإذ تؤكد من جديد).
    paragraph_opener=re.compile(r"و?إذ\s"),
    sentence_end=".،؛:,;",
    paragraph_number=re.compile(r"(?P<n>\d{1,3})\s*(?:[-–]\s+|[.．](?:\s+|(?=[^\d\s.])))"),
    sub_item=re.compile(rf"[(（](?P<l>[{_ABJAD}ا]|[a-z]{{1,4}})[)）]\s*"),
    sub_letters=SUB_LETTERS,
    footnote_mark=re.compile(r"(?<=[^\s(])\((?P<n>\d{1,2})\)(?!\w)"),
    footnote_entry=re.compile(r"\(?(?P<n>\d{1,3})\)?(?:\s+|(?=[^\d\s.．)]))(?P<text>\S.*)"),
    name_forms=name_forms,
    prepare=prepare,
)
