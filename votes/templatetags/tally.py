"""Template helpers of the record's pages: translated labels of coded values, tally bars, excerpts."""

from __future__ import annotations

import re
from urllib.parse import quote

from django import template
from django.urls import get_script_prefix
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .. import labels
from ..models import page_language

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
    """The part of the localized `field` (else of the English or Chinese one) around `q`, with `q` marked."""
    texts = [obj.localized(field), getattr(obj, f"{field}_en", ""), getattr(obj, f"{field}_zh", "")]
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
