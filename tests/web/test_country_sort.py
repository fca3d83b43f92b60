"""/countries/ sorted by its columns (name, code, admission) on the country reference, in the address, 400 on an
unknown sort."""

import datetime
import re

import pytest

from votes.models import Country


def listed(client, **params) -> list[str]:
    response = client.get("/countries/", params)
    assert response.status_code == 200
    return re.findall(r'<tr data-country="([A-Z]{3})">', response.content.decode())


def admitted_order(descending: bool) -> list[str]:
    """The order by admission date worked out here: the never admitted (observers, some former States) last."""
    rows = list(Country.objects.values_list("iso3", "admitted"))
    dated = sorted((row for row in rows if row[1]), key=lambda row: (-row[1].toordinal() if descending else row[1], row[0]))
    return [iso3 for iso3, _ in dated] + sorted(iso3 for iso3, admitted in rows if not admitted)


def test_the_list_sorts_by_each_column_both_ways(client, countries, django_assert_max_num_queries):
    codes = sorted(Country.objects.values_list("iso3", flat=True))
    assert len(codes) > 190
    by_name = listed(client)
    assert by_name == listed(client, sort="name") and by_name[:3] == ["AFG", "ALB", "DZA"]  # Afghanistan, Albania, Algeria
    assert listed(client, sort="-name") == by_name[::-1]
    assert listed(client, sort="code") == codes
    assert listed(client, sort="-code") == codes[::-1]
    assert listed(client, sort="admitted") == admitted_order(descending=False)
    assert listed(client, sort="-admitted") == admitted_order(descending=True)
    assert listed(client, sort="admitted")[:1] != listed(client, sort="-admitted")[:1]
    with django_assert_max_num_queries(4):
        client.get("/countries/", {"sort": "-admitted", "kind": "member"})


def test_a_sort_with_a_filter_and_the_headers_links(client, countries):
    members = listed(client, kind="member", sort="-admitted")
    latest = Country.objects.filter(kind="member").order_by("-admitted", "iso3").first()
    assert members[0] == latest.iso3 == "SSD"  # South Sudan, 2011
    html = client.get("/countries/", {"sort": "code"}).content.decode()
    assert 'aria-sort="ascending"' in html and 'href="?sort=-code"' in html  # the header toggles the direction
    assert '<a href="?sort=admitted" hx-boost="true" data-sort="admitted">' in html
    assert '<a href="?" hx-boost="true" data-sort="name">' in html  # back to the default, out of the address


@pytest.mark.parametrize("sort", ["population", "status", "-iso2"])
def test_an_unknown_sort_is_refused(client, countries, sort):
    assert client.get("/countries/", {"sort": sort}).status_code == 400
    assert client.get("/countries/", {"sort": sort, "format": "json"}).status_code == 400


def test_the_export_follows_the_sort(client, countries):
    response = client.get("/countries/", {"sort": "code", "format": "csv"})
    text = b"".join(response.streaming_content).decode()
    codes = [line.split(",")[0] for line in text.splitlines()[1:]]
    assert codes == sorted(Country.objects.values_list("iso3", flat=True))


def test_the_sort_menu_names_each_order_once(client, countries):
    html = client.get("/countries/").content.decode()
    menu = html[html.index('<select name="sort"') : html.index("</select>", html.index('<select name="sort"'))]
    options = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', menu)
    assert [(value, label) for value, _, label in options] == [
        ("", "Name"), ("-name", "Name (descending)"), ("code", "Code"), ("-code", "Code (descending)"),
        ("admitted", "Admitted"), ("-admitted", "Admitted (descending)"),
    ]
    assert options[0][1] == " selected"
    # The address of the default order written out (sort=name) still works, and shows the default chosen.
    named = client.get("/countries/", {"sort": "name"}).content.decode()
    assert '<option value="" selected>Name</option>' in named
