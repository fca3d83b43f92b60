"""Search for delegates (issue 17): symbols and their fragments, paragraph numbers, country names in the six
languages, ranking, counts, snippets — on the seed report, the A/79/PV.29 plenary record, the Voeten test extract
and a few small records of our own."""

import json
import re
from pathlib import Path

import pytest

from votes.models import Country, CountryName, Draft, DraftSearchText, Session, Vote
from votes.plenary import ingest_plenary_file
from votes.search import refresh_search_texts
from votes.voeten import import_voeten

from .factories import DraftFactory, ParagraphFactory, make_vote

ROOT = Path(__file__).resolve().parents[2]
A79 = ROOT / "corpus" / "plenary" / "A-79-PV.29_en.txt"  # the plenary's vote on what became A/RES/79/6
EXTRACT = ROOT / "tests" / "fixtures" / "voeten"
SEED = "A/C.1/79/L.53/Rev.1"


def read_json(response) -> list[dict]:
    assert response.status_code == 200, response.content[:500]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return json.loads(content)["results"]


def section(html: str, name: str) -> str:
    """One section of the search page (drafts, countries, votes, paragraphs)."""
    match = re.search(rf'<section aria-labelledby="found-{name}">(.*?)</section>', html, re.S)
    assert match, name
    return match.group(1)


def drafts_listed(html: str) -> list[str]:
    return re.findall(r'<li data-rank="\d"><a href="/drafts/([^"]+)/">', section(html, "drafts"))


def draft_with(symbol: str, resolution: str = "", session: int = 79, title: str = "", paragraph: str = "") -> Draft:
    """A small draft of our own, with one vote on the whole (and its search row)."""
    draft = DraftFactory(symbol=symbol, resolution=resolution, session=Session.for_number(session), title_en=title or symbol)
    if paragraph:
        ParagraphFactory(draft=draft, part="operative", number=1, text_en=paragraph)
    make_vote(draft, "whole", method="without_vote")
    refresh_search_texts([draft.pk])
    return draft


@pytest.fixture
def plenary(countries):
    """The real A/79/PV.29 and two drafts whose resolutions a careless fragment match would take for 79/6."""
    ingest_plenary_file(A79)
    return {
        "79/6": Draft.objects.get(resolution="A/RES/79/6"),
        "79/60": draft_with("A/C.3/79/L.60", resolution="A/RES/79/60"),
        "179/6": draft_with("A/C.3/78/L.6", resolution="A/RES/179/6", session=78),
    }


@pytest.fixture
def extract(countries):
    import_voeten(EXTRACT)


# --- 1. resolution symbols and draft fragments -----------------------------------------------------------------


@pytest.mark.parametrize("query", ["79/6", "A/RES/79/6", "a/res/79/6"])
def test_a_resolution_finds_the_draft_that_became_it_and_its_votes_on_every_page(client, plenary, query):
    target = plenary["79/6"]
    html = client.get("/search/", {"q": query}).content.decode()
    assert drafts_listed(html) == [target.symbol]
    votes = read_json(client.get("/votes/", {"q": query, "format": "json"}))
    assert {row["vote_id"] for row in votes} == set(target.votes.values_list("pk", flat=True)) != set()
    assert [row["symbol"] for row in read_json(client.get("/drafts/", {"q": query, "format": "json"}))] == [target.symbol]


def test_a_fragment_matches_at_part_boundaries_only(client, plenary):
    """79/6 is neither 79/60 nor 179/6; each of those is found by its own number."""
    for query, found in [("79/60", "79/60"), ("A/RES/79/60", "79/60"), ("179/6", "179/6")]:
        symbols = [row["symbol"] for row in read_json(client.get("/drafts/", {"q": query, "format": "json"}))]
        assert symbols == [plenary[found].symbol], query
    assert read_json(client.get("/drafts/", {"q": "79/600", "format": "json"})) == []


@pytest.mark.parametrize("query", ["55/6", "A/RES/55/6"])
def test_a_roll_calls_resolution_finds_its_draft_and_vote(client, extract, query):
    target = Draft.objects.get(symbol="A/RES/55/6")
    html = client.get("/search/", {"q": query}).content.decode()
    assert drafts_listed(html) == ["A/RES/55/6"]
    votes = read_json(client.get("/votes/", {"q": query, "format": "json"}))
    assert [row["rcid"] for row in votes] == list(target.votes.values_list("roll_call__rcid", flat=True))
    # A/RES/55/60 and its neighbours are not 55/6; "55/1" is not A/RES/55/110.
    assert read_json(client.get("/drafts/", {"q": "55/1", "format": "json"})) == []


def test_a_resolution_number_finds_its_lettered_parts(client, extract):
    symbols = {row["symbol"] for row in read_json(client.get("/drafts/", {"q": "A/RES/54/54", "format": "json"}))}
    assert symbols == set(Draft.objects.filter(symbol__regex=r"^A/RES/54/54[A-Z]").values_list("symbol", flat=True))
    assert len(symbols) == 3  # D, I and L are in the extract


@pytest.mark.parametrize("query", ["L.53", "A/C.1/79/L.53", "C.1/79/L.53", "a/c.1/79/l.53/rev.1", "L.53/Rev.1"])
def test_a_draft_fragment_finds_the_seed_and_its_votes(client, seed, query):
    html = client.get("/search/", {"q": query}).content.decode()
    assert drafts_listed(html) == [SEED]
    assert {row["subject"] for row in read_json(client.get("/votes/", {"q": query, "format": "json"}))} == {"whole", "OP2", "PP18"}
    assert {row["subject"] for row in read_json(client.get("/votes/", {"draft": SEED, "format": "json"}))} == {"whole", "OP2", "PP18"}
    assert [row["symbol"] for row in read_json(client.get("/drafts/", {"q": query, "format": "json"}))] == [SEED]


@pytest.mark.parametrize("query", ["L.5", "L.530", "79/L.5", "C.1/79/L.53/Rev.2"])
def test_a_neighbouring_fragment_does_not_find_the_seed(client, seed, query):
    assert read_json(client.get("/drafts/", {"q": query, "format": "json"})) == []
    assert read_json(client.get("/votes/", {"q": query, "format": "json"})) == []


def test_all_words_in_any_order_and_form_find_the_seeds_paragraph(client, seed):
    """Issue 17's first example: "export restrictions" is in PP18's "…restrictions on exports…" (English text)."""
    from tests.conftest import SEED_EN
    from votes.ingest import ingest_report_file

    ingest_report_file(SEED_EN)
    rows = read_json(client.get("/votes/", {"q": "export restrictions", "format": "json"}))
    assert {row["subject"] for row in rows} == {"PP18", "whole"}  # the paragraph's vote and the draft's
    html = client.get("/search/", {"q": "export restrictions"}).content.decode()
    paragraphs = section(html, "paragraphs")
    assert f"{SEED} PP18" in paragraphs and "<mark>restrictions</mark> on <mark>export</mark>s" in paragraphs
    assert read_json(client.get("/votes/", {"q": '"export restrictions"', "format": "json"})) == []  # a phrase stays one


# --- 2. paragraph numbers ----------------------------------------------------------------------------------------


def test_a_paragraph_number_alone_finds_both_parts_and_a_label_stays_exact(client, countries):
    draft = DraftFactory(symbol="A/C.1/79/L.80")
    for part in ("preambular", "operative"):
        ParagraphFactory(draft=draft, part=part, number=18)
    ParagraphFactory(draft=draft, part="operative", number=1)
    for label in ("PP18", "OP18", "OP1"):
        make_vote(draft, label, outcome="retained", yes=["CHN"], no=["USA"])

    def subjects(paragraph):
        return sorted(row["subject"] for row in read_json(client.get("/votes/", {"paragraph": paragraph, "format": "json"})))

    assert subjects("18") == ["OP18", "PP18"]
    assert subjects(" 18 ") == ["OP18", "PP18"]
    assert subjects("PP18") == subjects("pp 18") == ["PP18"]
    assert subjects("OP18") == ["OP18"]
    assert subjects("1") == ["OP1"]  # not OP18: the number is whole


def test_paragraph_18_of_the_seed(client, seed):
    rows = read_json(client.get("/votes/", {"paragraph": "18", "format": "json"}))
    assert [(row["draft"], row["subject"]) for row in rows] == [(SEED, "PP18")]
    html = client.get("/votes/", {"paragraph": "18"}).content.decode()
    assert html.count("data-vote=") == 1


# --- 3. country names in the six languages -----------------------------------------------------------------------


def civ_names() -> list[str]:
    country = Country.objects.get(pk="CIV")
    names = [getattr(country, f"name_{language}") for language in ("en", "fr", "es", "ru", "zh", "ar")]
    # As people type them: a straight apostrophe for the UN's typographic one.
    return names + [name.replace("’", "'") for name in names if "’" in name]


def test_the_search_page_lists_a_country_by_its_name_in_every_language(client, countries):
    CountryName.objects.get_or_create(country_id="CIV", language="en", name="Ivory Coast", defaults={})
    names = civ_names()
    assert {"Côte d'Ivoire", "科特迪瓦", "Кот-д'Ивуар", "كوت ديفوار"} <= set(names)
    for name in [*names, "Ivory Coast", "côte d'ivoire"]:
        html = client.get("/search/", {"q": name}).content.decode()
        assert 'data-country="CIV"' in section(html, "countries"), name


def test_the_vote_search_offers_the_votes_of_a_country_it_names(client, seed):
    for name in civ_names():
        html = client.get("/votes/", {"q": name, "session": "79"}).content.decode()
        links = re.findall(r'<p class="named-countries">.*?</p>', html, re.S)
        assert links and 'href="/votes/?session=79&amp;country=CIV"' in links[0], name
    followed = read_json(client.get("/votes/", {"session": "79", "country": "CIV", "format": "json"}))
    assert {row["subject"] for row in followed} == {"whole", "OP2", "PP18"}  # Côte d'Ivoire voted on the seed
    # Words that are not a country's name offer nothing; a code only in capitals.
    assert "named-countries" not in client.get("/votes/", {"q": "nuclear"}).content.decode()
    assert "named-countries" not in client.get("/votes/", {"q": "civ"}).content.decode()
    assert "named-countries" in client.get("/votes/", {"q": "CIV"}).content.decode()


# --- 4. ranking -------------------------------------------------------------------------------------------------


@pytest.fixture
def ranked(plenary):
    """For "79/6": the resolution itself, a title that cites it, a paragraph that cites it (two sessions each)."""
    return {
        "title_78": draft_with("A/C.3/78/L.20", session=78, title="Follow-up to resolution 79/6 of the Assembly"),
        "title_79": draft_with("A/C.3/79/L.20", title="Report on resolution 79/6"),
        "text_79": draft_with("A/C.3/79/L.21", paragraph="Recalling its resolution 79/6 of 4 November 2024"),
        "text_78": draft_with("A/C.3/78/L.21", session=78, paragraph="Recalling resolution 79/6,"),
    }


def test_symbol_matches_come_first_then_titles_then_paragraphs_newest_first(client, plenary, ranked):
    expected = [plenary["79/6"].symbol, *(ranked[key].symbol for key in ("title_79", "title_78", "text_79", "text_78"))]
    assert drafts_listed(client.get("/search/", {"q": "79/6"}).content.decode()) == expected
    assert [row["symbol"] for row in read_json(client.get("/drafts/", {"q": "79/6", "format": "json"}))] == expected
    search_export = read_json(client.get("/search/", {"q": "79/6", "format": "json"}))
    assert [row["key"] for row in search_export if row["type"] == "draft"] == expected
    # An explicit sort is the column's order.
    by_symbol = [row["symbol"] for row in read_json(client.get("/drafts/", {"q": "79/6", "sort": "symbol", "format": "json"}))]
    assert by_symbol == sorted(expected)
    assert client.get("/drafts/", {"q": "79/6", "sort": "rank"}).status_code == 400


# --- 5. counts ----------------------------------------------------------------------------------------------------


def recounted_drafts(word: str) -> int:
    """The drafts whose symbol, titles or paragraphs have `word`, counted in Python from the record itself."""
    found = 0
    for draft in Draft.objects.prefetch_related("paragraphs"):
        texts = [draft.symbol, *(getattr(draft, f"title_{lang}") for lang in ("en", "fr", "es", "ru", "zh", "ar"))]
        texts += [getattr(p, f"text_{lang}") for p in draft.paragraphs.all() for lang in ("en", "fr", "es", "ru", "zh", "ar")]
        texts += [text for rc in Vote.objects.filter(draft=draft).values_list("roll_call__descr", "roll_call__short") for text in rc]
        found += any(word in (text or "").lower() for text in texts)
    return found


def count_of(client, q: str, kind: str) -> str:
    """A section's count as the search page loads it after itself (htmx)."""
    response = client.get("/search/count/", {"q": q, "kind": kind}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    return response.content.decode()


def test_each_section_says_how_many_matched(client, extract, django_assert_max_num_queries):
    total = recounted_drafts("nuclear")
    assert total > 20  # more than a page shows
    with django_assert_max_num_queries(6):  # no count query: the sections' counts come after the page
        html = client.get("/search/", {"q": "nuclear"}).content.decode()
    drafts = section(html, "drafts")
    assert 'hx-get="/search/count/?q=nuclear&amp;kind=drafts"' in drafts and 'href="/drafts/?q=nuclear"' in drafts
    assert len(drafts_listed(html)) == 20
    assert "(0)" in section(html, "countries")
    with django_assert_max_num_queries(1):
        assert f"(20 of {total})" in count_of(client, "nuclear", "drafts")
    votes = Vote.objects.filter(draft__in=Draft.objects.matching("nuclear")).count()
    assert 'hx-get="/search/count/?q=nuclear&amp;kind=votes"' in section(html, "votes")
    assert f"(20 of {votes})" in count_of(client, "nuclear", "votes")
    # Without JavaScript the pending count is a link to the page counted.
    counted = client.get("/search/count/", {"q": "nuclear"}).content.decode()
    assert f"(20 of {total})" in section(counted, "drafts") and f"(20 of {votes})" in section(counted, "votes")
    assert client.get("/search/count/", {"q": "nuclear", "kind": "everything"}, headers={"HX-Request": "true"}).status_code == 400


def test_a_count_stops_at_its_bound(client, extract, monkeypatch):
    from votes import views

    monkeypatch.setattr(views, "COUNT_LIMIT", 25)
    assert "(more than 25)" in count_of(client, "nuclear", "drafts")


def test_a_few_results_are_counted_without_a_count_query(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        html = client.get("/search/", {"q": "L.53"}).content.decode()
    assert "(1)" in section(html, "drafts") and "(3)" in section(html, "votes")


# --- 6. snippets on the pages -------------------------------------------------------------------------------------


def test_the_seeds_snippets_mark_the_terms_and_cut_between_characters(client, seed):
    html = client.get("/search/", {"q": "毒素武器"}).content.decode()
    paragraphs = section(html, "paragraphs")
    assert "<mark>毒素武器</mark>" in paragraphs and f"{SEED} PP2" in paragraphs


def test_a_query_with_markup_is_escaped(client, countries):
    draft_with("A/C.6/79/L.9", paragraph="Rejects reports written as <script>alert(1)</script> in any language")
    for url in ("/search/", "/votes/", "/drafts/"):
        html = client.get(url, {"q": "<script>alert(1)</script>"}).content.decode()
        assert "<script>alert(1)" not in html, url
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in section(html, "paragraphs")


# --- 7. no contradiction: a draft whose paragraphs match is among the drafts ----------------------------------------


@pytest.mark.parametrize("query", ["毒素武器", "PP18", "序言部分第十八段"])
def test_a_draft_whose_paragraphs_match_is_listed_with_its_drafts(client, seed, query):
    html = client.get("/search/", {"q": query}).content.decode()
    assert drafts_listed(html) == [SEED]
    assert "found in its paragraphs" in section(html, "drafts")
    assert f"{SEED} PP" in section(html, "paragraphs")


# --- 8. the page budget -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["79/6", "L.53", "nuclear", "export restrictions", "PP18", "科特迪瓦"])
def test_search_pages_cost_the_same_queries_for_few_or_many_results(client, extract, plenary, django_assert_max_num_queries, query):
    for url, budget in (("/search/", 8), ("/votes/", 9), ("/drafts/", 7)):
        with django_assert_max_num_queries(budget):
            assert client.get(url, {"q": query}).status_code == 200
    for number in range(30):
        draft_with(f"A/C.3/79/L.{100 + number}", title=f"Nuclear export restrictions {number}", paragraph="See 79/6 and PP18")
    for url, budget in (("/search/", 8), ("/votes/", 9), ("/drafts/", 7)):
        with django_assert_max_num_queries(budget):
            assert client.get(url, {"q": query}).status_code == 200


def test_the_search_row_holds_the_resolution(plenary):
    row = DraftSearchText.objects.get(draft=plenary["79/6"])
    assert row.heading.split("\n")[:2] == [plenary["79/6"].symbol.lower(), "a/res/79/6"]


def test_a_sections_count_varies_by_htmx(client, seed):
    # The same address gives the page counted to a browser and the count alone to htmx: caches must know.
    response = client.get("/search/count/", {"q": "L.53", "kind": "drafts"}, headers={"HX-Request": "true"})
    assert "HX-Request" in response["Vary"]
