"""Template helpers of the record's pages: translated labels of coded values, excerpts, pager and sort links."""

from __future__ import annotations

import re

from django import template
from django.conf import settings
from django.utils.formats import localize
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, get_language_info, gettext, override

from .. import fragments, labels
from ..links import page_path, path_in_language, vote_path
from ..models import LANGUAGES, page_language
from ..search import snippet

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

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


# Labels of each kind as text, by language: a table row shows up to a dozen, and translating each anew was a
# large part of the time a list page takes to render.
_TRANSLATED: dict[tuple[str | None, str], dict[str, str]] = {}


def _translated(kind: str) -> dict[str, str]:
    language = get_language()
    try:
        return _TRANSLATED[language, kind]
    except KeyError:
        texts = _TRANSLATED[language, kind] = {value: str(name) for value, name in LABELS.get(kind, {}).items()}
        return texts


@register.filter
def label(value, kind: str):
    """`{{ vote.outcome|label:"outcome" }}` -> "Retained" / "保留" (the code itself when unknown)."""
    if value in (None, ""):
        return ""
    return _translated(kind).get(value, value)


@register.filter
def paragraph_name(voted_label: str) -> str:
    """A paragraph's voted label as the page's language names it: "PP18" in English, 序言部分第十八段 in Chinese."""
    return labels.chinese_paragraph_name(voted_label) if (get_language() or "").startswith("zh") else voted_label


@register.simple_tag
def position_labels() -> dict[str, str]:
    """`{% position_labels as position_names %}`: the position labels in the active language, by code."""
    return _translated("position")


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


# Links to the record's pages, by URL name: reverse() once per page, each key then in its place (votes/links.py).


@register.filter
def vote_url(vote) -> str:
    """A vote's readable address (its draft loaded: the lists select it)."""
    return vote_path(vote)


@register.filter
def draft_url(symbol: str) -> str:
    return page_path("draft-detail", symbol)


@register.filter
def country_url(iso3: str) -> str:
    return page_path("country-detail", iso3)


@register.filter
def iso_date(value) -> str:
    """2024-11-06, or an en dash for an unknown date."""
    return value.isoformat() if value else "–"


@register.simple_tag
def excerpt(obj, field: str, q: str, width: int = 60):
    """The part of the localized `field` (else of the first language's that has it) around the query's terms,
    cut between words, with the terms marked (votes.search.snippet); else the field's opening."""
    texts = [obj.localized(field), *(getattr(obj, f"{field}_{language}", "") for language in LANGUAGES)]
    for text in texts:
        pieces = snippet(text, q, width)
        if pieces:
            return mark_pieces(pieces)
    return escape(opening(texts[0], width * 2))


def mark_pieces(pieces) -> str:
    """A snippet's pieces as HTML: every piece escaped, the matched ones in <mark>."""
    return mark_safe("".join(format_html("<mark>{}</mark>", text) if matched else escape(text) for text, matched in pieces))


@register.simple_tag
def data_language() -> str:
    return page_language()


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


@register.simple_tag(takes_context=True)
def column_sort(context, key: str, default: str) -> dict:
    """For a column header of a list whose order without `sort` is `default` ("name"): the `sort` value its link
    sets (toggling the direction; None for the default, kept out of the address), its aria-sort state and arrow."""
    current = context["request"].GET.get("sort") or default
    if current.lstrip("-") != key:
        return {"value": None if key == default else key, "aria": None, "arrow": ""}
    descending = current.startswith("-")
    following = key if descending else f"-{key}"
    return {
        "value": None if following == default else following,
        "aria": "descending" if descending else "ascending",
        "arrow": "↓" if descending else "↑",
    }


@register.filter
def fragment_key(value, also="") -> str:
    """The key of markup that shows `value` (a dataclass or tuple of plain values, by its repr) and `also`, for
    `{% cache None name value|fragment_key:also using="fragments" %}` (votes.fragments: with the page's language
    and script prefix)."""
    return fragments.content_key("template", repr(value), str(also))


@register.filter
def form_key(form) -> str:
    """Everything a form's fields show (`_filter_fields.html`), for the key of their kept markup: per field its
    name, id, label, help, errors, value, and its widget's kind, attributes (with those the field adds: required,
    aria-invalid…) and options. A menu's options are read anyway to render it (one query per menu)."""
    shown = [type(form).__module__, type(form).__qualname__]
    for field in form:
        widget = field.field.widget
        shown.append((
            field.name, field.html_name, field.auto_id, str(field.label), str(field.help_text), [str(error) for error in field.errors], repr(field.value()),
            type(widget).__qualname__, widget.template_name, getattr(widget, "input_type", ""), widget.is_hidden,
            sorted((name, str(value)) for name, value in field.build_widget_attrs(widget.attrs, widget).items()),
            widget.shown_choices() if hasattr(widget, "shown_choices") else [(str(value), str(label)) for value, label in getattr(widget, "choices", ())],
        ))
    return fragments.content_key("form", shown)


@register.filter
def row_key(obj) -> str:
    """Everything a row of `obj` can show, for the key of its cached markup (`{% cache … using="fragments" %}`):
    the values loaded on it — fields and annotations — and on the objects loaded with it (select_related), in the
    page's language and under the site's script prefix. A row reads nothing else, so a cached row whose data
    changed is never found again."""
    parts = [get_language() or "", get_script_prefix()]
    _add_loaded_values(obj, parts, depth=2)
    return "\x1f".join(parts)


@register.filter
def rows_key(objects) -> str:
    """The key of a list's rows kept together: the keys of all of them (`row_key`), in their order."""
    return fragments.content_key("rows", [row_key(obj) for obj in objects])


def _add_loaded_values(obj, parts: list[str], depth: int) -> None:
    # Names and values as text, joined (a repr of the paragraph texts in six languages cost more than the row).
    for name, value in vars(obj).items():
        if not name.startswith("_"):
            parts.append(name)
            parts.append(value if type(value) is str else repr(value))
    if depth:
        for name, other in getattr(getattr(obj, "_state", None), "fields_cache", {}).items():
            if other is not None:
                parts.append(name)
                _add_loaded_values(other, parts, depth - 1)


@register.filter
def undocs(symbol: str) -> str:
    """The official address of a UN document by its symbol, in the page's language: "A/79/408" ->
    "https://undocs.org/en/A/79/408" (the UN's symbol resolver; Tally links, it does not copy)."""
    return f"https://undocs.org/{page_language()}/{symbol}"


@register.filter
def map_marks(vote_map) -> SafeString:
    """The SVG shapes of a vote map, one per State (an outline or a dot), each filled and titled by its position.

    Written here rather than as a template loop: some 250 outlines through the template engine took ~20 ms of the
    vote page (budget: p95 50 ms). The outlines are path data checked when read (`worldmap.outlines`), the names
    are escaped."""
    words = _translated("position")
    not_a_member = escape(gettext("not a Member on that day"))
    marks = []
    for c in vote_map.shapes:
        country = f' data-country="{escape(c.iso3)}"' if c.iso3 else ""
        title = f"{escape(c.name)}: {not_a_member if c.position == 'none' else escape(words.get(c.position, c.position))}" if c.name else ""
        marks.append(
            f'<path class="country pos-{c.position}" fill="url(#pattern-{c.position})" d="{c.d}"{country}'
            f' data-position="{c.position}"><title>{title}</title></path>'
        )
    for c in vote_map.dots:
        marks.append(
            f'<circle class="country pos-{c.position}" fill="url(#pattern-{c.position})" cx="{c.cx}" cy="{c.cy}" r="3.5"'
            f' stroke="#1b1f24" stroke-width=".6" data-country="{escape(c.iso3)}" data-position="{c.position}">'
            f"<title>{escape(c.name)}: {escape(words.get(c.position, c.position))}</title></circle>"
        )
    return mark_safe("".join(marks))


@register.filter
def share_bar_marks(bars) -> SafeString:
    """The rows of a share chart (`_share_bars.html`): per bar, its label and a rectangle per position, titled.

    Written here for the same reason as `map_marks`: 75 sessions × 4 segments through the template engine were
    half of the country analysis page's time. Geometry comes from `charts.ShareBar`; the text is escaped."""
    rows = []
    for row, bar in enumerate(bars):
        label = escape(bar.label)
        segments = "".join(
            f'<rect class="pos-{value}" x="{x}" width="{width}" height="8" fill="url(#pattern-{value})">'
            f"<title>{label}: {escape(name)} {count}</title></rect>"
            for value, x, width, count, name in bar.segments
            if count
        )
        rows.append(
            f'<g transform="translate(0 {row}0)"><text class="tick" x="36" y="7" text-anchor="end" dominant-baseline="middle">'
            f'{label}</text><svg x="40" y="1" width="670" height="8" viewBox="0 0 100 8" preserveAspectRatio="none">{segments}</svg></g>'
        )
    return mark_safe("".join(rows))


@register.filter
def line_chart_marks(chart) -> SafeString:
    """A line chart's marks (`_line_chart.html`): each point's interval, if any, under the line's runs, then each
    point's dot titled with its label, value and n. Written here, as `share_bar_marks`: a session's ~190 ideal
    points through the template engine, or 75 sessions twice over, were a sixth of the comparison page.
    Geometry from `charts.LineChart`; the labels escaped."""
    intervals = "".join(
        f'<line class="interval" x1="{point.x}" x2="{point.x}" y1="{point.y_low}" y2="{point.y_high}"/>'
        for point in chart.points
        if point.y_low is not None
    )
    lines = "".join(f'<polyline class="series" fill="none" points="{segment}"/>' for segment in chart.segments)
    dots = "".join(
        f'<circle class="dot" cx="{point.x}" cy="{point.y}" r="2.5"><title>{escape(point.label)}: {escape(point.text)}'
        f'{"" if point.n is None else f" (n = {localize(point.n)})"}</title></circle>'
        for point in chart.points
        if point.y is not None
    )
    return mark_safe(intervals + lines + dots)


# --- the page in each language -----------------------------------------------------------------------------------

# BCP 47 as hreflang spells it (Django's language codes are lower case).
HREFLANG = {"en": "en", "zh-hans": "zh-Hans"}


@register.simple_tag(takes_context=True)
def page_in_languages(context) -> list[dict]:
    """This page (same parameters) in each language of the interface: for the switcher and the hreflang links.
    Absolute: the hreflang links must be, and the switcher's are then the same ones."""
    request = context["request"]
    query = request.META.get("QUERY_STRING", "")
    current = get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        path = path_in_language(request.path_info, code)
        languages.append({
            "code": code,
            "hreflang": HREFLANG.get(code, code),
            "name": get_language_info(code)["name_local"],
            "url": request.build_absolute_uri(f"{path}?{query}" if query else path),
            "current": code == current,
        })
    return languages


@register.simple_tag(takes_context=True)
def data_path(context) -> str:
    """This page's address without a language prefix: its ?format= twins' (votes.middleware.DataAddressMiddleware)."""
    return path_in_language(context["request"].path_info, settings.LANGUAGE_CODE)


@register.filter
def is_under(path: str, prefix: str) -> bool:
    """The nav's current section: `request.path|is_under:votes_url`."""
    return bool(prefix) and path.startswith(prefix)


@register.simple_tag
def data_url(name: str, *args) -> str:
    """`{% url %}` of a page's data twin: the page's address without a language prefix (see `data_path`)."""
    with override(settings.LANGUAGE_CODE):
        return reverse(name, args=args)
