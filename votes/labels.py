"""Translated display labels for the coded values of the models: the models' own choice labels (marked for
translation there), gathered by field for forms, templates and page headings; exports keep the codes.
"""

import re

from parsing.labels import label_parts, normalize_typed_label

from .models import Country, Draft, IntendedPosition, Position, Sponsorship, Vote

POSITION = {**dict(Position.Value.choices), **dict(IntendedPosition.Value.choices)}
SUBJECT = dict(Vote.Subject.choices)
METHOD = dict(Vote.Method.choices)
OUTCOME = dict(Vote.Outcome.choices)
COUNTRY_KIND = dict(Country.Kind.choices)
DRAFT_KIND = dict(Draft.Kind.choices)
SPONSOR_KIND = dict(Sponsorship.Kind.choices)

# Voeten's coding of positions (UN General Assembly Voting Data): 1 yes, 2 abstain, 3 no, 8 absent.
VOETEN = {"yes": 1, "abstain": 2, "no": 3, "absent": 8}


def choices(labels: dict) -> list[tuple[str, str]]:
    return list(labels.items())


# --- paragraph names in Chinese -----------------------------------------------------------------------------------
# The UN's Chinese texts name a preambular paragraph with a Chinese numeral (序言部分第十八段: preambular paragraphs
# carry no printed number) and an operative one with its printed Arabic number (执行部分第2段, 执行部分第4(a)段);
# both forms stand in the seed report (A/C.1/79/L.53/Rev.1's report, tests/fixtures/reports).
_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1–999 in Chinese numerals as an ordinal's number is written: 10 十, 18 十八, 21 二十一, 105 一百零五."""
    if not 0 < n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    text = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and units:
        text += "零"
    if units:
        text += _DIGITS[units]
    return text


def chinese_paragraph_name(voted_label: str) -> str:
    """"PP18" → 序言部分第十八段, "OP2" → 执行部分第2段, "OP4(a)" → 执行部分第4(a)段; anything else as given."""
    try:
        part, number, *_ = label_parts(voted_label)
    except ValueError:
        return voted_label
    sub_items = voted_label[len(f"{part}{number}") :]
    if part == "PP":
        return f"序言部分第{chinese_numeral(number)}{sub_items}段"
    return f"执行部分第{number}{sub_items}段"


# The inverse table of chinese_numeral: a thousand entries, simpler than a parser of Chinese numerals.
_FROM_CHINESE_NUMERAL = {chinese_numeral(n): n for n in range(1, 1000)}


def from_chinese_numeral(text: str) -> int | None:
    """The inverse of `chinese_numeral`: 十八 → 18, 二十一 → 21, 一百零五 → 105; None for anything else."""
    return _FROM_CHINESE_NUMERAL.get(text)


_CHINESE_NAME = re.compile(r"^(序言部分|执行部分)第\s*(\d+|[零一二三四五六七八九十百]+)\s*((?:\([a-z]+\))*)\s*段$")


def read_paragraph_name(text: str) -> str | None:
    """The voted label a query names, when it names one paragraph: "PP18", "pp 18", "OP 4(a)", 序言部分第十八段,
    执行部分第2段 (the forms of `chinese_paragraph_name`, Arabic or Chinese numbers alike); None otherwise."""
    text = (text or "").strip()
    chinese = _CHINESE_NAME.match(text)
    if chinese:
        number = int(chinese[2]) if chinese[2].isdigit() else from_chinese_numeral(chinese[2])
        if number is None:
            return None
        label = f"{'PP' if chinese[1] == '序言部分' else 'OP'}{number}{chinese[3]}"
    else:
        label = normalize_typed_label(text)
    try:
        label_parts(label)
    except ValueError:
        return None
    return label
