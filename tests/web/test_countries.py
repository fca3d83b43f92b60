"""/countries/, /countries/<ISO3>/, /countries/compare/ and /search/."""

import re

from votes import figures
from votes.models import CountryName

from .factories import DraftFactory, make_vote


def counts(html: str) -> dict[str, str]:
    return dict(re.findall(r'<dd data-count="(\w+)">([^<]+)</dd>', html))


def result_count(html: str) -> str:
    return re.search(r'<p class="result-count" role="status">\s*([^<]*?)\s*<', html).group(1)


def test_country_list_and_filter(client, mini, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        html = client.get("/countries/").content.decode()
    assert html.count("<tr data-country=") == 6
    html = client.get("/countries/", {"q": "ivoire"}).content.decode()
    assert re.findall(r'<tr data-country="(\w+)"', html) == ["CIV"]
    html = client.get("/countries/", {"q": "美利坚"}).content.decode()
    assert re.findall(r'<tr data-country="(\w+)"', html) == ["USA"]
    assert client.get("/countries/", {"kind": "planet"}).status_code == 400


def test_country_page_record_counts_and_majority(client, mini):
    response = client.get("/countries/USA/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>United States of America" in html
    assert counts(html) == {"total": "3", "yes": "0", "no": "3", "abstain": "0", "absent": "0", "with_majority": "0.0%"}
    assert html.count("<tr data-vote") == 3
    html = client.get("/countries/CHN/").content.decode()
    # China voted yes on all three; yes was the most common position on OP1 and the whole; PP2 was a 2–2 tie.
    assert counts(html)["with_majority"] == "66.7%"
    assert "2 of 3 votes cast" in html
    # Brazil: abstained on PP2 (yes and no tied there: no majority), yes on OP1 and the whole.
    html = client.get("/countries/BRA/").content.decode()
    assert counts(html)["abstain"] == "1" and "2 of 3 votes cast" in html


def test_country_page_filters_like_the_vote_list(client, mini):
    html = client.get("/countries/MDG/", {"position": "absent"}).content.decode()
    assert counts(html)["total"] == "2"
    assert html.count("<tr data-vote") == 2
    html = client.get("/countries/MDG/", {"subject": "paragraph"}).content.decode()
    assert html.count("<tr data-vote") == 2  # PP2 (absent) and OP1 (yes)
    response = client.get("/countries/MDG/", {"session": "abc"})
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    assert '<label for="id_country">' not in html  # the page's country is not a parameter


def test_country_page_sponsorships_and_intentions(client, mini):
    html = client.get("/countries/CIV/").content.decode()
    assert "1 draft sponsored." in html and 'href="/drafts/?sponsor=CIV"' in html
    assert "stated it intended: Abstain" in html


def test_country_page_agreement_with_denominators(client, mini):
    figures.recount()
    html = client.get("/countries/CHN/").content.decode()
    most = re.search(r'<ol class="agreement most">(.*?)</ol>', html, re.S).group(1)
    least = re.search(r'<ol class="agreement least">(.*?)</ol>', html, re.S).group(1)
    # Brazil and Côte d'Ivoire: 2 of 3; Madagascar agreed on its only vote cast with China, too few to rank.
    assert re.findall(r'data-country="(\w+)"', most) == ["BRA", "CIV", "FRA", "USA"]
    assert re.findall(r'data-country="(\w+)"', least) == ["FRA", "USA", "BRA", "CIV"]
    assert "MDG" not in most
    assert re.search(r'data-country="BRA".*?66\.7% <span class="denominator">\(2 of 3 votes\)', most, re.S)
    # USA and China: three votes both cast, never the same.
    assert re.search(r'data-country="USA".*?0\.0% <span class="denominator">\(0 of 3 votes\)', least, re.S)


def test_country_page_other_names(client, mini):
    CountryName.objects.create(country=mini["CIV"], language="en", name="Ivory Coast", note="former name")
    assert "Ivory Coast" in client.get("/countries/CIV/").content.decode()


def test_country_page_lowercase_redirects_and_unknown_404(client, mini):
    response = client.get("/countries/chn/")
    assert response.status_code == 301 and response["Location"] == "/countries/CHN/"
    response = client.get("/countries/chn/?position=no&page=2")
    assert response["Location"] == "/countries/CHN/?position=no&page=2"
    assert client.get("/countries/XYZ/").status_code == 404


def test_country_page_query_budget(client, mini, django_assert_max_num_queries):
    figures.recount()
    with django_assert_max_num_queries(16) as captured:
        client.get("/countries/USA/")
    before = len(captured.captured_queries)
    for n in range(60):
        make_vote(DraftFactory(symbol=f"A/C.1/79/L.{100 + n}"), "whole", yes=["USA"], no=["CHN"])
    figures.recount()
    with django_assert_max_num_queries(before):
        client.get("/countries/USA/", {"page": 2})
    with django_assert_max_num_queries(before):
        client.get("/countries/USA/", {"q": "draft", "position": "yes", "sort": "margin"})


def test_country_page_htmx_fragment(client, mini, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/countries/USA/", {"subject": "whole"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and html.count("<tr data-vote") == 1
    assert "HX-Request" in response["Vary"]


def test_compare_two_countries(client, mini, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        response = client.get("/countries/compare/", {"a": "CHN", "b": "BRA"})
    assert response.status_code == 200
    html = response.content.decode()
    # Both cast on OP1 and the whole (same), and on PP2 (China yes, Brazil abstain): 2 of 3.
    assert re.search(r'data-pair="CHN-BRA".*?66\.7%</td><td>2</td><td>3</td>', html, re.S)
    assert re.findall(r'<tr data-vote="\d+" data-subject="([^"]+)"', html) == ["PP2"]
    html = client.get("/countries/compare/", {"a": "CHN", "b": "BRA", "show": "all"}).content.decode()
    assert len(re.findall(r"<tr data-vote", html)) == 3


def test_compare_three_and_repeated_country(client, mini):
    html = client.get("/countries/compare/?country=CHN&country=USA&country=CIV").content.decode()
    assert 'data-pair="CHN-USA"' in html and 'data-pair="CHN-CIV"' in html and 'data-pair="USA-CIV"' in html
    html = client.get("/countries/compare/?a=CHN&b=USA&c=CIV&subject=whole").content.decode()
    assert len(re.findall(r"<tr data-vote", html)) == 1


def test_compare_errors(client, mini):
    assert client.get("/countries/compare/").status_code == 200  # the empty form
    response = client.get("/countries/compare/", {"a": "CHN"})
    assert response.status_code == 400 and "Choose at least two countries" in response.content.decode()
    response = client.get("/countries/compare/", {"a": "CHN", "b": "QQQ"})
    assert response.status_code == 400 and "Unknown country code: QQQ." in response.content.decode()
    response = client.get("/countries/compare/?a=CHN&country=QQQ")
    assert response.status_code == 400
    assert client.get("/countries/compare/?a=CHN&b=USA&format=csv&session=x").status_code == 400


def test_search_finds_drafts_countries_votes_paragraphs(client, mini, django_assert_max_num_queries):
    CountryName.objects.create(country=mini["CIV"], language="en", name="Ivory Coast")
    with django_assert_max_num_queries(5):
        html = client.get("/search/", {"q": "ivory"}).content.decode()
    assert 'data-country="CIV"' in html
    html = client.get("/search/", {"q": "L.53"}).content.decode()
    assert 'href="/drafts/A/C.1/79/L.53/Rev.1/"' in html
    html = client.get("/search/", {"q": "中国"}).content.decode()
    assert 'data-country="CHN"' in html
    html = client.get("/search/", {"q": "undue restrictions"}).content.decode()
    assert 'href="/drafts/A/C.1/79/L.53/Rev.1/#p-PP2"' in html
    assert "<mark>undue restrictions</mark>" in html
    assert 'data-subject="PP2"' in html
    html = client.get("/search/", {"q": "第3段"}).content.decode()
    assert "#p-PP3" in html
    assert client.get("/search/").status_code == 200


def test_search_htmx_fragment(client, mini):
    response = client.get("/search/", {"q": "china"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode() and 'data-country="CHN"' in response.content.decode()


def test_stored_figures_equal_a_count_over_the_same_votes(client, mini):
    """Unfiltered, the country page, the count of a country's votes and a comparison of two read the figures
    stored at ingest; a filter that keeps every vote makes them count: both must agree."""
    keep_all = {"date_from": "1945-01-01"}
    for iso3 in ("CHN", "USA", "BRA", "CIV", "MDG", "FRA"):
        stored = client.get(f"/countries/{iso3}/").content.decode()
        counted = client.get(f"/countries/{iso3}/", keep_all).content.decode()
        assert counts(stored) == counts(counted)
        for position in ("yes", "no", "absent"):
            stored = client.get("/votes/", {"country": iso3, "position": position}).content.decode()
            counted = client.get("/votes/", {"country": iso3, "position": position, **keep_all}).content.decode()
            assert re.findall(r'<tr data-vote="(\d+)"', stored) == re.findall(r'<tr data-vote="(\d+)"', counted)
            assert result_count(stored) == result_count(counted)
    for a, b in (("CHN", "BRA"), ("USA", "MDG"), ("CIV", "FRA")):
        for show in ("differ", "all"):
            query = {"a": a, "b": b, "show": show}
            stored = client.get("/countries/compare/", query).content.decode()
            counted = client.get("/countries/compare/", {**query, **keep_all}).content.decode()
            pair = re.compile(rf'data-pair="{a}-{b}".*?</tr>', re.S)
            assert pair.search(stored).group(0) == pair.search(counted).group(0)
            assert re.findall(r'<tr data-vote="(\d+)"', stored) == re.findall(r'<tr data-vote="(\d+)"', counted)
