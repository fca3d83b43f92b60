"""English (en): the phrases of the English Main Committee reports.

English running text names States with articles and inverted forms ("the Niger", "the Bolivarian Republic
of Venezuela"); the country directory resolves those, so the patterns here only cut the lists out.
"""

from __future__ import annotations

import re

from parsing.numerals import roman
from parsing.phrases.base import DRAFT_SYMBOL, PhraseTable, compile_all

SYM = DRAFT_SYMBOL

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen".split()
_ORDINAL_UNITS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth " \
                 "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_WORDS = {w: i for i, w in enumerate(_UNITS)} | {w: i for i, w in enumerate(_ORDINAL_UNITS)} | _TENS
_WORDS |= {w[:-1] + "ieth": n for w, n in _TENS.items()}  # twentieth, seventieth
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)?")
_STOPWORDS = frozenset("the of and to in on for by with was that its at as is from this".split())
_WORD = re.compile(r"[A-Za-z]+")

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}


def number(text: str) -> int:
    """"seventy-ninth" -> 79, "eighteenth" -> 18, "one hundred and first" -> 101, "21st" -> 21."""
    text = text.strip().lower()
    m = _ORDINAL_DIGITS.fullmatch(text)
    if m:
        return int(m.group(1))
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in ("hundred", "hundredth"):
            current = (current or 1) * 100
        elif word in _WORDS:
            current += _WORDS[word]
        else:
            raise ValueError(f"not a number in words: {text!r}")
    return total + current


def _detect(sample: str) -> float:
    words = _WORD.findall(sample)
    return sum(w.lower() in _STOPWORDS for w in words) / len(words) * 3 if words else 0.0


_NUMBER_WORD = r"[a-z]+(?:-[a-z]+)*|\d+(?:st|nd|rd|th)"
_SUBJECT = r"(?P<subject>(?:[^.;:]|\.(?=\S))+?)"  # a stretch of one sentence (dots only inside symbols)
# The same, starting where a sentence starts: without the anchor the search would retry the lazy subject
# from every character of the paragraph (quadratic time).
_SENTENCE_SUBJECT = r"(?:^|(?<=[.;:]\s)|(?<=[.;:]\s\s))" + _SUBJECT
# "2 and 3", "4, 5 and 6", "2 to 4" (after "operative paragraphs")
_NUMBERS = r"\d+(?:\s*(?:,\s*and|,|and|to)\s*\d+)+(?!\s*\()"
_TALLY = (r"by\s+a\s+recorded\s+vote\s+of\s+(?P<yes>\d+)\s+to\s+(?P<no>\d+|none)"
          r"(?:\s*,?\s*with\s+(?P<abstain>\d+|no|one)\s+abstentions?)?")

TABLE = PhraseTable(
    code="en",
    detect=_detect,
    joiner=" ",
    cased=True,
    parse_number=number,
    parse_draft_number=roman,
    months=MONTHS,
    session=re.compile(r"(?P<n>[A-Za-z]+(?:-[a-z]+)*|\d+(?:st|nd|rd|th))\s+session", re.IGNORECASE),
    agenda_item=re.compile(r"Agenda\s+items?\s+(?P<nums>\d+(?:\s*(?:\([a-z]\))?\s*(?:,|and)\s*\d+)*)"),
    committee_report=re.compile(
        r"Report\s+of\s+the\s+(?:(?P<ord>First|Second|Third|Fourth|Fifth|Sixth)\s+Committee"
        r"|Special\s+Political\s+and\s+Decolonization\s+Committee)"
    ),
    committee_ordinals={"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6, None: 4},
    section_heading=re.compile(r"(?P<num>[IVX]+)\s*\.\s+(?P<title>[A-Z].*)"),
    draft_heading=re.compile(rf"[A-Z]\s*\.\s+Draft\s+(?P<kind>resolution|decision)\s*(?P<symbol>{SYM})?.*"),
    draft_mention=re.compile(rf"[Dd]raft\s+(?P<kind>resolution|decision)\s+(?P<symbol>{SYM})"),
    decision_word=re.compile(r"decision", re.IGNORECASE),
    recommendations_heading=re.compile(r"Recommendations?\s+of\s+the"),
    on_behalf=re.compile(
        r"(?P<intro>(?:[A-Z]|the\s)[^,;:]*?),\s+(?:also\s+)?on\s+behalf\s+of\s+(?P<names>.+?),?\s+"
        r"(?:submitted|introduced)"
    ),
    introduced_by=compile_all(
        r"(?:[Tt]he\s+)?(?:representative|delegation)\s+of\s+(?P<intro>[^,;:]+?)\s+introduced",
        r"introduced\s+by\s+the\s+(?:representative|delegation)\s+of\s+(?P<intro>[^,;:]+?)\s*[,.;(]",
    ),
    sponsors_list=re.compile(
        r"(?:sponsored\s+by|[Tt]he\s+sponsors\s+(?:of\s+the\s+draft\s+(?:resolution|decision)\s+)?(?:were|are))"
        r"\s*:?\s*(?P<names>[^.;]+)"
    ),
    submitted_by=re.compile(
        r"\bOn\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?,\s+(?P<names>[^.;:]+?)\s+submitted\s+(?:a\s+|the\s+)?"
        r"(?:revised\s+)?draft\s+(?:resolution|decision)"
    ),
    paragraph_lists=(
        (re.compile(rf"\bpreambular\s+paragraphs\s+(?P<nums>{_NUMBERS})", re.IGNORECASE), "PP"),
        (re.compile(rf"\boperative\s+paragraphs\s+(?P<nums>{_NUMBERS})", re.IGNORECASE), "OP"),
    ),
    sponsor_groups=(
        (re.compile(r"(?:the\s+)?(?:States\s+Members\s+of\s+the\s+United\s+Nations\s+that\s+are\s+members\s+of\s+)?"
                    r"(?:the\s+)?Group\s+of\s+77\s+and\s+China", re.IGNORECASE), "G77"),
        (re.compile(r"(?:the\s+)?(?:Group\s+of\s+)?African\s+(?:States|Group)", re.IGNORECASE), "AFRICAN_GROUP"),
        (re.compile(r"(?:the\s+)?(?:Group\s+of\s+)?Arab\s+(?:States|Group)", re.IGNORECASE), "ARAB_GROUP"),
        (re.compile(r"(?:the\s+)?Movement\s+of\s+Non-Aligned\s+Countries|(?:the\s+)?Non-Aligned\s+Movement"), "NAM"),
        (re.compile(r"(?:the\s+)?Organi[sz]ation\s+of\s+(?:the\s+)?Islamic\s+Cooperation"), "OIC"),
        (re.compile(r"(?:the\s+)?European\s+Union"), "EU"),
    ),
    later_sponsors=re.compile(
        r"Subsequently,\s+(?P<names>[^.;]+?)\s+joined\s+in\s+sponsoring"
    ),
    intro_prefix=re.compile(r"^(?:the\s+)?(?:representative|delegation)s?\s+of\s+"),
    title=re.compile(r"entitled\s+[“\"](?P<title>[^”\"]+?)[,.]?[”\"]"),
    meeting_date=re.compile(
        r"[Aa]t\s+its\s+(?P<meeting>\d+)(?:st|nd|rd|th)\s+meeting,\s+on\s+(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)"
        r"(?:\s+(?P<year>\d{4}))?"
    ),
    same_meeting=re.compile(r"[Aa]t\s+the\s+same\s+meeting"),
    meeting_mention=re.compile(r"\bmeetings?\b"),
    recorded_vote=compile_all(
        # The eighteenth preambular paragraph was retained by a recorded vote of 87 to 53, with 22 abstentions
        _SENTENCE_SUBJECT + r"\s+(?:was|were)\s+(?P<outcome>adopted|retained|rejected|not\s+retained)\s+" + _TALLY,
        # the Committee adopted draft resolution X by a recorded vote of ...
        r"(?:[Tt]he\s+Committee|\bit)\s+(?P<outcome>adopted|retained|rejected)\s+" + _SUBJECT + r"\s+" + _TALLY,
    ),
    without_vote=compile_all(
        _SENTENCE_SUBJECT + r"\s+(?:was|were)\s+(?P<outcome>adopted|retained)\s+without\s+a\s+vote",
        r"(?:[Tt]he\s+Committee|\bit)\s+(?P<outcome>adopted|retained)\s+" + _SUBJECT + r"\s+without\s+a\s+vote",
    ),
    outcomes=(
        (re.compile(r"not|rejected"), "rejected"),
        (re.compile(r"retained"), "retained"),
        (re.compile(r"adopted"), "adopted"),
    ),
    count_words={"no": 0, "none": 0, "one": 1},
    preambular=compile_all(
        # first the longest form, so "subparagraph (c) of operative paragraph 7" keeps its (c)
        r"\bsubparagraph\s+(?P<sub>\(\s*[a-z]+\s*\))\s+of\s+(?:the\s+)?preambular\s+paragraph\s+(?P<n>\d+)",
        rf"\b(?P<n>{_NUMBER_WORD})\s+preambular\s+paragraph\b(?!s)",
        r"\bpreambular\s+paragraph\s+(?P<n>\d+)\s*(?P<sub>(?:\(\s*[a-z]+\s*\)\s*)*)",
        flags=re.IGNORECASE,
    ),
    operative=compile_all(
        # first the longest form, so "subparagraph (c) of operative paragraph 7" keeps its (c)
        r"\bsubparagraph\s+(?P<sub>\(\s*[a-z]+\s*\))\s+of\s+(?:the\s+)?operative\s+paragraph\s+(?P<n>\d+)",
        rf"\b(?P<n>{_NUMBER_WORD})\s+operative\s+paragraph\b(?!s)",
        r"\boperative\s+paragraph\s+(?P<n>\d+)\s*(?P<sub>(?:\(\s*[a-z]+\s*\)\s*)*)",
        flags=re.IGNORECASE,
    ),
    several_paragraphs=re.compile(r"\bparagraphs\b", re.IGNORECASE),
    amendment=re.compile(rf"\bamendments?\b[^.;]*?\(?(?P<symbol>{SYM})"),
    see_para=re.compile(
        r"see\s+para(?:graph|\.)?\s*(?P<para>\d+)(?:\s*,\s*draft\s+(?P<kind>resolution|decision)"
        r"(?:\s+(?P<num>[IVXLC]+)\b)?)?"
    ),
    list_label=re.compile(r"(?P<label>In\s+favour|Against|Abstaining|Abstentions)\s*:\s*(?P<rest>.*)"),
    list_positions={"In favour": "yes", "Against": "no", "Abstaining": "abstain", "Abstentions": "abstain"},
    conjunction=re.compile(r"\s+and\s+"),
    leading_conjunction=re.compile(r"^and\s+"),
    empty_list=re.compile(r"None|Nil", re.IGNORECASE),
    intention=compile_all(
        r"[Tt]he\s+delegations?\s+of\s+(?P<names>.+?)\s+(?:subsequently\s+)?informed\s+the\s+Secretariat\s+that\s+"
        r"(?:it|they)\s+had\s+(?P<pos>intended[^.;]*|not\s+intended[^.;]*)",
    ),
    intention_positions=(
        (re.compile(r"not\s+to\s+participate|not\s+intended\s+to\s+participate"), "non_participation"),
        (re.compile(r"in\s+favour"), "yes"),
        (re.compile(r"against"), "no"),
        (re.compile(r"abstain"), "abstain"),
    ),
    intention_hint=re.compile(r"informed\s+the\s+Secretariat"),
    recommend_intro=re.compile(r"Committee\)?\s+(?:also\s+|further\s+)?recommends"),
    text_heading=re.compile(r"Draft\s+(?P<kind>resolution|decision)(?:\s+(?P<num>[IVXLC]+))?"),
    assembly_line=re.compile(r"The\s+General\s+Assembly\s*,"),
    assembly_start=re.compile(r"The\s+General\s+Assembly\b"),
    annex_heading=re.compile(r"Annex(?:\s+[IVX]+)?"),
    quantity_after=re.compile(r"\s*(?:%|per\s*cent\b|to\s+\d)"),
)
