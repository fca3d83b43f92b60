"""Translated display labels for the coded values of the models: the models' own choice labels (marked for
translation there), gathered by field for forms, templates and page headings; exports keep the codes.
"""

from parsing.labels import label_parts

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
