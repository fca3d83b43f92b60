"""English (en): the phrases of the English plenary verbatim records, from the 1990s to today.

Two layouts are known: the 1990s two-column record (running heads "46th meeting - Monday, 1 November 1993 3"
and "22 General Assembly - Forty-eighth session", capitals in headings) and today's (running heads
"A/79/PV.29 29/10/2024" and "24-19856 16/38").
"""

from __future__ import annotations

import re

from parsing.phrases import en as committee_en
from parsing.phrases.base import DRAFT_SYMBOL, REPORT_SYMBOL, compile_all
from parsing.plenary.phrases.base import PlenaryPhrases

SYM = DRAFT_SYMBOL
_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINAL_WORDS = r"[A-Za-z]+(?:-[A-Za-z]+)*"
_COMMITTEE = r"(?P<ord>First|Second|Third|Fourth|Fifth|Sixth)\s+Committee|Special\s+Political\s+and\s+Decolonization\s+Committee"

TABLE = PlenaryPhrases(
    code="en",
    committee=committee_en.TABLE,
    furniture=compile_all(
        r"A/\d+/PV\.\d+\s+\d{2}/\d{2}/\d{4}",  # A/79/PV.29 29/10/2024
        r"\d{2}/\d{2}/\d{4}\s+A/\d+/PV\.\d+",  # 29/10/2024 A/79/PV.29
        r"\d{2}-\d{5}\s+\d+/\d+",  # 24-19856 16/38
        r"\d+/\d+\s+\d{2}-\d{5}",  # 17/38 24-19856
        r"\d{2}-\d{5}\s+\(E\)",  # job number
        r"\*\d+\*",  # bar code
        r"\d+(?:st|nd|rd|th)\s+meeting\s+-\s+\w+,\s+\d{1,2}\s+(?:" + _MONTH + r")\s+\d{4}\s+\d+",
        r"\d+\s+General\s+Assembly\s+-\s+[A-Za-z-]+\s+session",
        r"A/\d+/PV\.\d+",  # the symbol alone on a page's head (the heading's is read before furniture goes)
        r"A/\d+/PV\.\d+\s+\d{1,2}\s+(?:" + _MONTH + r")\s+\d{4}",
        r"\d{1,2}\s+(?:" + _MONTH + r")\s+\d{4}\s+A/\d+/PV\.\d+",
        r"\d{2}-\d{5}\s+\d+|\d+\s+\d{2}-\d{5}",  # 2000s: job number and page
        r"_{3,}",
    ),
    record_symbol=re.compile(r"(?:United\s+Nations\s+)?(?P<symbol>A/\d+/PV\.\d+)"),
    session=re.compile(rf"(?P<n>{_ORDINAL_WORDS})\s+session\b", re.IGNORECASE),
    meeting=re.compile(r"(?P<n>\d+)(?:st|nd|rd|th)\s+plenary\s+meeting", re.IGNORECASE),
    meeting_date=re.compile(
        rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})"
        r"\s+(?P<year>\d{4})"
    ),
    # A heading line, in capitals (1990s) or not; "agenda item 74?" ending a sentence is not one.
    agenda_item=re.compile(
        r"(?:AGENDA\s+ITEMS?|Agenda\s+items?)\s+(?P<n>\d+)(?P<more>(?:\s*(?:,|and|AND)\s*\d+)*)"
        r"(?:\s*\((?:continued|CONTINUED)\))?"
    ),
    committee_report=re.compile(
        rf"[Rr]eport\s+of\s+the\s+(?:{_COMMITTEE})\s*\((?P<report>{REPORT_SYMBOL})\)", re.IGNORECASE
    ),
    focus=compile_all(
        r"take\s+(?:a\s+)?(?:decision|action)\s+on\s+(?P<target>[^.;?]+(?:\.\d[^.;?]*)*)",
        r"put\s+to\s+the\s+vote\s+(?P<target>[^.;?]+(?:\.\d[^.;?]*)*)",
        r"proceed\s+to\s+(?:consider|take\s+action\s+on)\s+(?P<target>[^.;?]+(?:\.\d[^.;?]*)*)",
        r"(?:turn|turning)\s+(?:first\s+|now\s+|next\s+)?to\s+(?P<target>(?:the\s+)?(?:draft|amendment)[^.;?]*(?:\.\d[^.;?]*)*)",
        r"(?:vote|votes)\s+(?:has|have)\s+been\s+requested\s+on\s+(?P<target>[^.;?]+(?:\.\d[^.;?]*)*)",
        r"decides\s+to\s+adopt\s+(?P<target>[^.;?]+(?:\.\d[^.;?]*)*)",
    ),
    draft=re.compile(
        rf"[Dd]raft\s+(?P<kind>resolution|decision)\b(?:\s+(?P<symbol>{SYM})|\s+(?P<num>[IVXL]+)\b)?"
    ),
    report_named=re.compile(
        rf"(?:its\s+report|[Rr]eport\s+of\s+the\s+(?:{_COMMITTEE})|\bdocument)\s*\(?(?P<report>{REPORT_SYMBOL})\)?"
    ),
    subject_words=re.compile(
        r"\b(?:the|of|amendments?|as\s+a\s+whole|as\s+(?:orally\s+)?(?:revised|amended|corrected)|orally|contained\s+in"
        r"|document|entitled\s+[“\"][^”\"]*[”\"]|and\s+(?:Corr|Add)\.\d+)\b",
        re.IGNORECASE,
    ),
    amendment_symbol=re.compile(rf"\bamendments?\b[^.;]*?\(?(?P<symbol>{SYM})", re.IGNORECASE),
    vote_taken=re.compile(r"A\s+recorded\s+vote\s+was\s+taken\.?"),
    vote_requested=re.compile(
        r"recorded\s+vote\s+(?:has\s+been|had\s+been|was|is)\s+requested|request(?:s|ed)?\s+a\s+recorded\s+vote"
    ),
    outcome_start=re.compile(
        r"(?:The\s+|Draft\s+|Operative\s+|Preambular\s+|Subparagraph\s+|Paragraph\s+|Amendment)"
    ),
    outcome=re.compile(
        r"(?P<subject>[A-Z](?:[^.;:]|\.(?=\S))*?)\s+(?:was|were)\s+(?P<outcome>adopted|retained|rejected|not\s+retained)\b"
        r"(?P<rest>(?:[^.]|\.(?=\S))*)"
    ),
    tally=re.compile(
        r"^\s*,?\s*(?:by\s+a\s+recorded\s+vote\s+of|by)\s+(?P<yes>\d+)\s+(?:votes\s+)?to\s+(?P<no>\d+|none|one)"
        r"(?:\s*,?\s*with\s+(?P<abstain>\d+|no|one)\s+abstentions?)?"
    ),
    without_vote=re.compile(r"^\s*,?\s*without\s+a\s+vote"),
    resolution_number=re.compile(r"\(\s*(?P<kind>resolution|decision)\s+(?P<number>(?:ES-)?\d+/\d+(?:\s*[A-Z]\b)?)\s*\)"),
    symbol_suffix=re.compile(r"\s+and\s+(?:Corr|Add)\.\d+(?:\s+and\s+(?:Corr|Add)\.\d+)*"),
    intention_start=re.compile(r"\[?\s*Subsequently\b"),
    # Today "informed", in the 1990s also "advised" the Secretariat.
    intention=compile_all(
        r"[Tt]he\s+delegations?\s+of\s+(?P<names>.+?)\s+(?:subsequently\s+)?(?:informed|advised)\s+the\s+Secretariat\s+"
        r"that\s+(?:it|they)\s+had\s+(?P<pos>intended[^.;\]]*|not\s+intended[^.;\]]*)",
    ),
    intention_hint=re.compile(r"(?:informed|advised)\s+the\s+Secretariat"),
)
