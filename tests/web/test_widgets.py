"""The filter forms' widgets: Django's own, the menus rendered by votes.filters.Select (one template loop), with
the names, values and selected state of Django's Select; the record menus read once per request, and only when
rendered."""

import re
from html import unescape

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from votes import filters
from votes.models import Body, Country, Session

OPTION = re.compile(r'<option value="([^"]*)"( selected)?>([^<]*)</option>')


def options(html: str) -> list[tuple[str, str, bool]]:
    """(value, label, selected) of each option of a rendered <select>."""
    return [(unescape(value), unescape(label), bool(selected)) for value, selected, label in OPTION.findall(html)]


@pytest.mark.parametrize(
    "choices, value",
    [
        ([("", "Any"), ("yes", "Yes"), ("no", "No")], None),
        ([("", "Any"), ("yes", "Yes"), ("no", "No")], ""),
        ([("", "Any"), ("yes", "Yes"), ("no", "No")], "no"),
        ([("", "Any"), (79, "79 (2024–2025)"), (78, "78")], "79"),
        ([("differ", "Votes where they differ"), ("all", "All votes")], None),
        ([("a", 'Quote " & <tag>'), ("b", "B")], "a"),
    ],
)
def test_select_renders_the_options_of_djangos_select(choices, value):
    ours = filters.Select(choices=choices).render("sort", value, {"id": "id_sort"})
    django = forms.Select(choices=choices).render("sort", value, {"id": "id_sort"})
    assert options(ours) == options(django) and len(options(ours)) == len(choices)
    assert ours.startswith('<select name="sort" id="id_sort">')


def test_inputs_are_djangos_widgets(client, mini):
    html = client.get("/votes/", {"q": "nuclear", "agenda_item": "106", "date_from": "2024-11-06"}).content.decode()
    assert '<input type="search" name="q" value="nuclear" id="id_q">' in html
    assert '<input type="number" name="agenda_item" value="106" min="1" size="5" max="32767" step="any" id="id_agenda_item">' in html
    assert '<input type="date" name="date_from" value="2024-11-06" id="id_date_from">' in html
    assert '<input type="text" name="paragraph" placeholder="PP18" size="6" id="id_paragraph">' in html


def expected_menu(name: str) -> list[tuple[str, str]]:
    """The menu as the records give it, through the models (not values_list)."""
    if name in ("country", "sponsor"):
        return [(c.iso3, c.name) for c in Country.objects.in_language_order(filters.page_language())]
    if name == "session":
        return [(str(s.number), filters.session_label(s.number, s.start_year)) for s in Session.objects.order_by("-number")]
    return [(b.code, b.name) for b in Body.objects.order_by("order")]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("name, value", [("country", "CHN"), ("sponsor", "CIV"), ("session", "79"), ("body", "C.1")])
def test_record_menus_list_the_records_with_the_chosen_one_selected(mini, rf, name, value, language):
    with translation.override(language):
        request = rf.get("/votes/", {name: value})
        filterset = filters.VoteFilterSet(request.GET, request=request)
        assert filterset.is_valid()
        rendered = options(str(filterset.form[name]))
        assert rendered[0] == ("", str(filters.ANY), False)
        assert [(v, label) for v, label, _ in rendered[1:]] == [(str(v), str(label)) for v, label in expected_menu(name)]
        assert [v for v, _, selected in rendered if selected] == [value]


def test_compare_menus_show_the_chosen_countries(mini, rf):
    request = rf.get("/countries/compare/", {"a": "chn", "b": "USA"})
    form = filters.CompareForm(request.GET, request=request)
    assert form.is_valid() and form.cleaned_data["codes"] == ["CHN", "USA"]
    assert [v for v, _, selected in options(str(form["b"])) if selected] == ["USA"]
    assert options(str(form["c"]))[0] == ("", "—", True)


def menu_queries(captured, table: str) -> int:
    """The queries of `table`'s (key, label) pairs (values_list: its columns named AS themselves)."""
    return sum(query["sql"].startswith(f'SELECT "{table}".') and " AS " in query["sql"] and "ORDER BY" in query["sql"] for query in captured)


def country_menu_queries(captured) -> int:
    return menu_queries(captured, "votes_country")


def test_record_menus_are_read_once_per_request_and_not_for_exports(client, mini):
    with CaptureQueriesContext(connection) as page:
        client.get("/votes/")  # the country and sponsor menus
    assert country_menu_queries(page.captured_queries) == 1
    with CaptureQueriesContext(connection) as compare:
        client.get("/countries/compare/", {"a": "CHN", "b": "USA"})  # countries A, B, C and the sponsor
    assert country_menu_queries(compare.captured_queries) == 1
    with CaptureQueriesContext(connection) as export:
        b"".join(client.get("/votes/", {"format": "csv", "sponsor": "CIV", "session": "79"}).streaming_content)
    assert menu_queries(export.captured_queries, "votes_session") == 0
    assert country_menu_queries(export.captured_queries) == 0


def test_menus_select_the_value_as_applied(client, mini):
    """A key typed in another case or spacing, and the default order by its other name, select their option."""
    html = client.get("/votes/", {"country": "civ", "body": "c.1", "session": " 79", "sort": "-date"}).content.decode()
    selected = dict(re.findall(r'<select name="(\w+)".*?<option value="([^"]*)" selected>', html, re.S))
    assert selected["country"] == "CIV" and selected["body"] == "C.1" and selected["session"] == "79"
    assert selected["sort"] == ""
