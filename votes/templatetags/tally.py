"""Template helpers of the record's pages: translated labels of coded values, tally bars, excerpts."""

from __future__ import annotations

import re
from urllib.parse import quote

from django import template
from django.urls import get_script_prefix
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from .. import labels
from ..models import LANGUAGES, page_language

register = template.Library()

LABELS = {
    "position": labels.POSITION,
    "subject": labels.SUBJECT,
    "method": labels.METHOD,
    "outcome": labels.OUTCOME,
    "country_kind": labels.COUNTRY_KIND,
    "draft_kind": labels.DRAFT_KIND,
    "sponsor_kind": labels.SPONSOR_KIND,
}

# What django.urls.reverse leaves unquoted in a path argument (RFC 3986 sub-delims and ":@/~").
URL_SAFE = "/~:@!$&'()*+,;="

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@register.filter
def label(value, kind: str):
    """`{{ vote.outcome|label:"outcome" }}` -> "Retained" / "保留" (the code itself when unknown)."""
    if value in (None, ""):
        return ""
    return LABELS.get(kind, {}).get(value, value)


@register.filter
def localized(obj, field: str) -> str:
    """`{{ paragraph|localized:"text" }}`: the field in the page's language, falling back to English."""
    return obj.localized(field) if obj is not None else ""


@register.filter
def opening(text: str, length: int = 80) -> str:
    """The opening words of a paragraph: whole words for spaced scripts, characters for Chinese."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    if CJK.search(text[:length]):
        return text[: length // 2].rstrip("，、；：") + "…"
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


@register.filter
def percent(value) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.1f}%"


@register.simple_tag
def tally(vote, figures: bool = True):
    """A tally bar with its figures as text (the bar alone is hidden from assistive technology). Plain string
    building: it is on every row of every list."""
    if vote.method != "recorded":
        return mark_safe(f'<span class="tally-figures">{escape(labels.METHOD["without_vote"])}</span>')
    counts = (("yes", vote.yes_count), ("no", vote.no_count), ("abstain", vote.abstain_count), ("absent", vote.absent_count))
    bar = "".join(f'<span class="{value}" style="flex-grow: {int(n)}"></span>' for value, n in counts if n)
    text = ""
    if figures:
        names = _position_names()
        text = '<span class="tally-figures">' + " · ".join(
            f'<span class="figure-{value}">{names[value]} {int(n)}</span>' for value, n in counts
        ) + "</span>"
    return mark_safe(f'<div class="tally"><div class="tally-bar" aria-hidden="true">{bar}</div>{text}</div>')


def _position_names() -> dict[str, str]:
    """The position labels in the active language, escaped (resolved once per call, not once per figure)."""
    return {value: escape(str(name)) for value, name in labels.POSITION.items()}


# URLs of the record's pages, built without `reverse` (a list page links each row three times; the path scheme is
# fixed and public). Equal to reverse("vote-detail"), reverse("draft-detail"), reverse("country-detail").


@register.filter
def vote_url(pk) -> str:
    return f"{get_script_prefix()}votes/{int(pk)}/"


@register.filter
def draft_url(symbol: str) -> str:
    return f"{get_script_prefix()}drafts/{quote(symbol, safe=URL_SAFE)}/"


@register.filter
def country_url(iso3: str) -> str:
    return f"{get_script_prefix()}countries/{quote(iso3, safe=URL_SAFE)}/"


@register.filter
def iso_date(value) -> str:
    """2024-11-06, or an en dash for an unknown date."""
    return value.isoformat() if value else "–"


@register.simple_tag
def excerpt(obj, field: str, q: str, width: int = 60):
    """The part of the localized `field` (else of the first language's that has it) around `q`, with `q` marked."""
    texts = [obj.localized(field), *(getattr(obj, f"{field}_{language}", "") for language in LANGUAGES)]
    q = " ".join((q or "").split())  # spaced as the search spaces it
    for text in texts:
        text = " ".join((text or "").split())
        index = text.lower().find(q.lower()) if q else -1
        if index >= 0:
            start = max(0, index - width)
            end = min(len(text), index + len(q) + width)
            return format_html(
                "{}{}<mark>{}</mark>{}{}",
                "…" if start else "",
                text[start:index],
                text[index : index + len(q)],
                text[index + len(q) : end],
                "…" if end < len(text) else "",
            )
    return escape(opening(texts[0], width * 2))


@register.simple_tag
def data_language() -> str:
    return page_language()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def nbsp(value) -> str:
    return mark_safe(escape(value).replace(" ", "&nbsp;"))


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses (Paginator.get_elided_page_range)."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


@register.simple_tag(takes_context=True)
def sort_link(context, key: str) -> dict:
    """The `sort` value a column header link sets (toggling the direction; None for the default, newest first)
    and the column's aria-sort state."""
    current = context["request"].GET.get("sort") or "-date"
    if current.lstrip("-") == key:
        descending = current.startswith("-")
        following = key if descending else f"-{key}"
        return {"value": None if following == "-date" else following, "aria": "descending" if descending else "ascending"}
    return {"value": None if key == "date" else key, "aria": None}


# --- the rows of a vote table, built in Python --------------------------------------------------------------------
# A list page shows 50 rows of ~15 lookups and filters each; rendered by the template engine that was most of the
# page's time. The markup is the one `_vote_table.html` had per row.


def _tally_html(vote, names: dict[str, str], without_vote: str) -> str:
    if vote.method != "recorded":
        return f'<span class="tally-figures">{without_vote}</span>'
    counts = (("yes", vote.yes_count), ("no", vote.no_count), ("abstain", vote.abstain_count), ("absent", vote.absent_count))
    bar = "".join(f'<span class="{value}" style="flex-grow: {int(n)}"></span>' for value, n in counts if n)
    text = '<span class="tally-figures">' + " · ".join(
        f'<span class="figure-{value}">{names[value]} {int(n)}</span>' for value, n in counts
    ) + "</span>"
    return f'<div class="tally"><div class="tally-bar" aria-hidden="true">{bar}</div>{text}</div>'


def _text(value) -> str:
    """What `{{ value }}` renders (None as "None"), escaped."""
    return str(conditional_escape(value))


@register.simple_tag
def vote_table_rows(votes, country=None, compared=None, empty_colspan: int = 9):
    """The `<tr>`s of `_vote_table.html` for `votes` (with the country's position column when `country`, and
    each vote's `compared_positions` when comparing)."""
    names = _position_names()
    positions = {value: escape(str(name)) for value, name in LABELS["position"].items()}
    subjects = {value: escape(str(name)) for value, name in LABELS["subject"].items()}
    outcomes = {value: escape(str(name)) for value, name in LABELS["outcome"].items()}
    without_vote = escape(str(labels.METHOD["without_vote"]))
    amendment = escape(gettext("Amendment"))
    margin_word = escape(gettext("margin"))
    intended_text = gettext("stated it intended: %(position)s")
    prefix = get_script_prefix()
    rows = []
    for vote in votes:
        draft = vote.draft
        symbol = draft.symbol
        subject = vote.subject
        if subject == "paragraph":
            subject_text = _text(vote.subject_label)
        elif subject == "amendment":
            subject_text = f"{amendment} {_text(vote.amendment_symbol)}"
        else:
            subject_text = subjects.get(subject, _text(subject)) if subject not in (None, "") else ""
        paragraph = vote.paragraph
        opening_html = f'\n        <div class="opening">{escape(opening(paragraph.text))}</div>' if paragraph else "\n        "
        outcome = vote.outcome
        outcome_text = outcomes.get(outcome, _text(outcome)) if outcome not in (None, "") else ""
        tally_html = _tally_html(vote, names, without_vote)
        if vote.method == "recorded":
            margin = vote.margin
            tally_html += (
                f'<span class="visually-hidden">{margin_word} </span>'
                f'<span class="margin">{"" if margin is None else format(int(margin), "+d")}</span>'
            )
        row = (
            f'\n    <tr data-vote="{_text(vote.pk)}" data-subject="{_text(vote.subject_label)}">'
            f'\n      <td class="nowrap">{escape(iso_date(vote.date))}</td>'
            f'\n      <td title="{_text(vote.body.name)}">{_text(vote.body_id)}</td>'
            f'\n      <td><a href="{escape(draft_url(symbol))}">{_text(symbol)}</a>'
            f'<div class="draft-title">{_text(Truncator(draft.title).chars(140))}</div></td>'
            f'\n      <td><a href="{prefix}votes/{int(vote.pk)}/">{subject_text}</a>{opening_html}</td>'
            f"\n      <td>{outcome_text}</td>"
            f"\n      <td>{tally_html}</td>\n      "
        )
        if country:
            value = vote.country_position
            label_text = positions.get(value, _text(value)) if value not in (None, "") else ""
            row += f'<td class="position"><span class="position-{_text(value)}">{label_text}</span>\n        '
            intended = vote.intended_position
            if intended:
                intended_label = positions.get(intended, _text(intended))
                row += '<div class="intended">' + intended_text % {"position": intended_label}
                if vote.intended_footnote:
                    row += f'<div class="footnote">{_text(vote.intended_footnote)}</div>'
                row += "</div>"
            row += "</td>"
        row += "\n      "
        for value in getattr(vote, "compared_positions", None) or ():
            label_text = positions.get(value, _text(value)) if value not in (None, "") else ""
            row += f'<td class="position"><span class="position-{_text(value)}">{label_text}</span></td>'
        row += "\n    </tr>\n    "
        rows.append(row)
    if not rows:
        rows.append(f'\n    <tr><td colspan="{int(empty_colspan)}">{escape(gettext("No votes match these filters."))}</td></tr>\n    ')
    return mark_safe("".join(rows))
