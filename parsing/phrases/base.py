"""The shape of a language's phrase table: everything the engine needs to know about one language.

The engine (parsing/parser.py and friends) contains no words of any language; a new language is a new
module in this package that builds a :class:`PhraseTable` and is listed in ``parsing.phrases.TABLES``.

Conventions for the patterns (all are compiled ``re`` patterns, searched in text whose lines have been
joined by :attr:`PhraseTable.joiner`, so a phrase may span a line break):
- named groups are what the engine reads: ``n``, ``names``, ``intro``, ``subject``, ``outcome``, ``yes``,
  ``no``, ``abstain``, ``meeting``, ``day``, ``month``, ``year``, ``symbol``, ``kind``, ``num``, ``para``,
  ``pos``, ``title``, ``label``, ``rest``, ``nums``;
- patterns marked "line" are matched against one stripped line (``match``/``fullmatch``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Pattern

from parsing.patterns import FOOTNOTE_ENTRY, FOOTNOTE_MARK, PARAGRAPH_NUMBER, SUB_ITEM

# Document symbols are the same in every language.
DRAFT_SYMBOL = r"A/(?:C\.[1-6]/)?\d+/L\.\d+(?:/(?:Rev|Add|Corr)\.\d+)*"
REPORT_SYMBOL = r"A/\d+/\d+(?:/(?:Add|Rev|Corr)\.\d+)*"


@dataclass(frozen=True)
class PhraseTable:
    code: str  # ISO 639-1, as printed in the JSON "language"
    detect: Callable[[str], float]  # 0..1: how much a sample of the text looks like this language
    joiner: str  # what joins two wrapped lines: "" (zh) or " "
    cased: bool  # the script has capitals (a new paragraph starts with one)
    parse_number: Callable[[str], int]  # ordinal/cardinal as printed ("七十九", "seventy-ninth", "18") -> int
    parse_draft_number: Callable[[str], int]  # "二" / "II" in "决议草案二" / "draft resolution II"
    months: dict[str, int]  # month names (lower case) -> 1..12; empty when months are numbers

    # -- heading of the report
    session: Pattern  # group n
    agenda_item: Pattern  # line; group nums ("106", "62 and 63")
    committee_report: Pattern  # group ord (committee ordinal as printed), searched in the joined heading
    # ord as printed -> 1..6; the key None is for a committee named without an ordinal (the Special
    # Political and Decolonization Committee is the Fourth)
    committee_ordinals: dict[str | None, int]

    # -- sections
    section_heading: Pattern  # line; groups num, title ("二. 决议草案 ... 的审议情况", "II. Consideration ...")
    draft_heading: Pattern  # line; groups kind, symbol: a subsection per draft ("A. Draft resolution A/C.1/...")
    draft_mention: Pattern  # groups kind, symbol: a draft named in a section title
    decision_word: Pattern  # searched in a ``kind`` group: it names a decision, not a resolution
    recommendations_heading: Pattern  # searched in a section title

    # -- consideration of a draft
    on_behalf: Pattern  # groups intro, names: "China, also on behalf of ..., submitted"
    introduced_by: tuple[Pattern, ...]  # group intro: "introduced by the representative of X"
    sponsors_list: Pattern  # group names: "sponsored by ..." / "提案国为..."
    later_sponsors: Pattern  # group names
    intro_prefix: Pattern  # stripped from an ``intro`` ("the representative of ")
    title: Pattern  # group title: 'entitled "..."'
    meeting_date: Pattern  # groups meeting, day, month, year (optional)
    same_meeting: Pattern
    meeting_mention: Pattern  # any mention of a meeting: one that meeting_date cannot read clears the context

    # -- actions
    recorded_vote: tuple[Pattern, ...]  # groups subject, outcome, yes, no, abstain (optional)
    without_vote: tuple[Pattern, ...]  # groups subject, outcome
    outcomes: tuple[tuple[Pattern, str], ...]  # first search hit in the ``outcome`` group wins
    count_words: dict[str, int]  # "no abstentions", "one abstention"
    preambular: tuple[Pattern, ...]  # groups n, sub (optional): a preambular paragraph named in a subject
    operative: tuple[Pattern, ...]  # groups n, sub (optional)
    several_paragraphs: Pattern  # a subject naming more than one paragraph that paragraph_lists cannot read
    amendment: Pattern  # group symbol
    see_para: Pattern  # groups para, kind (optional), num (optional)

    # -- vote lists
    list_label: Pattern  # line; groups label, rest ("赞成：", "In favour:")
    list_positions: dict[str, str]  # label as printed -> yes | no | abstain
    conjunction: Pattern  # "和" / " and ": joins the last two names, and occurs inside names
    leading_conjunction: Pattern  # "and " left at the start of the last item by a serial comma
    empty_list: Pattern  # fullmatch: a list that says "none"
    # list_separator and list_end: with the defaults, below

    # -- footnotes stating intentions
    intention: tuple[Pattern, ...]  # groups names, pos
    intention_positions: tuple[tuple[Pattern, str], ...]  # first search hit in ``pos`` wins
    intention_hint: Pattern  # a footnote that looks like an intention (so an unreadable one is an error)

    # -- recommendations
    recommend_intro: Pattern  # the report paragraph that introduces recommended texts
    text_heading: Pattern  # line; groups kind, num (optional): "决议草案二" / "Draft resolution II"
    assembly_line: Pattern  # line: "大会，" / "The General Assembly,"
    assembly_start: Pattern  # line start of a decision's text: "大会" / "The General Assembly"
    annex_heading: Pattern  # line: where the paragraphs of a text end

    # -- vote lists, continued (the defaults: names between commas, a full stop at the end)
    list_separator: Pattern = re.compile(r"\s*,\s*")  # between names
    list_end: str = "."  # characters that close a list (its final full stop)

    # -- layout
    no_mark_after: str = ""  # characters after which digits are never a footnote mark ("第" in "第4")
    quantity_after: Pattern | None = None  # matched after digits: they count something ("、2 票弃权")
    paragraph_opener: Pattern | None = None  # match: words that open a preambular paragraph (caseless scripts)
    sentence_end: str = ".;:,"  # characters that can end a paragraph of a recommended text

    # -- sponsors, continued
    # group names: a draft submitted by a list of States with nobody introducing it ("On 21 October,
    # Azerbaijan, Belarus and Zimbabwe submitted a draft resolution"); None: the language has no such form
    submitted_by: Pattern | None = None
    # -- a vote on several paragraphs at once ("operative paragraphs 2 and 3"): (pattern with group nums,
    # "PP" | "OP"); the subject is "OP2+OP3".  Without one, several_paragraphs refuses the vote.
    paragraph_lists: tuple[tuple[Pattern, str], ...] = ()
    # finditer in nums: group n (a number) or group range ("to", "至": all numbers between the two)
    paragraph_list_token: Pattern = re.compile(r"(?P<n>\d+)|(?P<range>\bto\b)")
    # -- sponsors named as a group ("on behalf of the Group of 77 and China"): (pattern, key of the group)
    sponsor_groups: tuple[tuple[Pattern, str], ...] = ()

    # -- numbering, footnotes, names, text (the defaults are the zh/en conventions)
    paragraph_number: Pattern = PARAGRAPH_NUMBER  # match at a line start, group n: "4. " (Arabic "4 - ")
    sub_item: Pattern = SUB_ITEM  # match at a line start, group l: "(a) " (French "a) ", Arabic "(أ) ")
    sub_letters: dict[str, str] = field(default_factory=dict)  # sub-item letter as printed -> label letter
    footnote_mark: Pattern = FOOTNOTE_MARK  # group n: a reference mark in the text (Arabic "(2)")
    footnote_entry: Pattern = FOOTNOTE_ENTRY  # fullmatch, groups n, text: a footnote's first line
    # Other spellings of a name that running text inflects or prefixes ("du Bélarus" -> "Bélarus", Russian
    # genitive "Мадагаскара" -> "Мадагаскар", Arabic "وبوروندي" -> "بوروندي"); tried only when the name as
    # printed is unknown, and accepted only when all the spellings that resolve name the same State.
    name_forms: Callable[[str], Iterable[str]] | None = None
    # Rewrites the decoded text before layout, keeping its lines (Arabic: presentation forms and tatweel).
    prepare: Callable[[str], str] | None = None
    extra: dict = field(default_factory=dict)  # room for a language's oddities, documented where used

    def sub_letter(self, printed: str) -> str:
        """The letter of a label ("a") for a sub-item letter as printed ("a", Arabic "أ")."""
        return self.sub_letters.get(printed, printed)


def compile_all(*patterns: str, flags: int = 0) -> tuple[Pattern, ...]:
    return tuple(re.compile(p, flags) for p in patterns)
