"""/votes/<id>/ and /drafts/<symbol>/: one vote, one draft, in a fixed number of queries."""

import re

from .factories import CountryFactory, DraftFactory, make_vote


def test_vote_page_shows_text_tallies_positions_and_intentions(client, mini):
    response = client.get(f"/votes/{mini['pp2'].pk}/", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A/C.1/79/L.53/Rev.1: paragraph PP2" in html
    assert "Noting with concern the undue restrictions on exports" in html  # the text voted on
    assert "Retained" in html
    assert "Stated in the report" in html and "Counted from the lists" in html
    # Countries under each position, absent included.
    groups = dict(re.findall(r'<h3 id="group-(\w+)"[^>]*>[^<]*\((\d+)\)</h3>', html))
    assert groups == {"yes": "2", "no": "2", "abstain": "1", "absent": "1"}
    assert '<li data-country="MDG"><a href="/countries/MDG/">Madagascar</a></li>' in html
    # Côte d'Ivoire voted yes; its stated intention is beside it, with the footnote.
    assert re.search(r'<li data-country="CIV">.*intended: Abstain', html)
    assert "Subsequently, Côte d&#x27;Ivoire intended to abstain." in html
    # Links to the other actions on the draft.
    assert 'href="/votes/A/C.1/79/L.53/Rev.1/OP1/"' in html and 'href="/votes/A/C.1/79/L.53/Rev.1/whole/"' in html


def test_vote_without_a_vote_has_no_lists(client, mini):
    html = client.get(f"/votes/{mini['consensus'].pk}/", follow=True).content.decode()
    assert "Without a vote" in html
    assert "How each country voted" not in html


def test_unknown_vote_is_404(client, mini):
    assert client.get("/votes/999999/").status_code == 404


def test_vote_page_query_budget(client, mini, django_assert_max_num_queries):
    for n in range(30):
        CountryFactory(iso3=f"Z{n:02d}")
    make_vote(mini["other"], "OP1", yes=[f"Z{n:02d}" for n in range(30)])
    # The address's draft, the vote, its intentions, positions, sibling actions, corrections and bloc breakdown:
    # a constant, whatever the Members.
    with django_assert_max_num_queries(8):
        assert client.get("/votes/A/C.1/79/L.53/Rev.1/PP2/").status_code == 200


def test_draft_page_shows_sponsors_actions_and_text(client, mini):
    response = client.get("/drafts/A/C.1/79/L.53/Rev.1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Promoting international cooperation on peaceful uses" in html
    assert "106." in html  # the agenda item
    assert re.search(r"Original sponsor \(1\).*China", html, re.S)
    assert re.search(r"Joined later \(1\).*Côte d&#x27;Ivoire", html, re.S)
    actions = re.findall(r'<li data-vote="(\d+)">', html)
    assert actions == [str(mini[k].pk) for k in ("pp2", "op1", "whole")]
    labels = re.findall(r'<li id="p-(\w+)" class="paragraph( voted-paragraph)?', html)
    assert [label for label, _ in labels] == ["PP1", "PP2", "PP3", "OP1", "OP2"]
    assert [label for label, voted in labels if voted] == ["PP2", "OP1"]
    assert "Voted on separately" in html


def test_draft_symbol_in_other_case_redirects(client, mini):
    response = client.get("/drafts/a/c.1/79/l.53/rev.1/")
    assert response.status_code == 301
    assert response["Location"] == "/drafts/A/C.1/79/L.53/Rev.1/"
    assert client.get("/drafts/A/C.1/79/L.999/").status_code == 404


def test_draft_page_query_budget(client, mini, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        assert client.get("/drafts/A/C.1/79/L.53/Rev.1/").status_code == 200


def test_draft_list_filters_and_shows_final_outcome(client, mini, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        html = client.get("/drafts/", {"sponsor": "CHN"}).content.decode()
    assert 'data-draft="A/C.1/79/L.53/Rev.1"' in html and 'data-draft="A/C.1/79/L.7"' not in html
    assert "Adopted" in html and "(3–1–1)" in html
    html = client.get("/drafts/", {"q": "outer space transparency"}).content.decode()
    assert 'data-draft="A/C.1/79/L.7"' in html and "Without a vote" in html
    html = client.get("/drafts/", {"q": "L.53"}).content.decode()
    assert 'data-draft="A/C.1/79/L.53/Rev.1"' in html and 'data-draft="A/C.1/79/L.7"' not in html
    assert client.get("/drafts/", {"session": "x"}).status_code == 400


def test_draft_list_htmx_fragment(client, mini):
    response = client.get("/drafts/", {"body": "C.1"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_template_url_filters_match_reverse(db):
    from django.urls import reverse

    from votes.templatetags.tally import country_url, draft_url, vote_url

    vote = make_vote(DraftFactory(symbol="A/C.1/79/L.7"), "amendment:A/C.1/79/L.60", yes=["CHN"])
    assert vote_url(vote) == reverse("vote-page", args=["A/C.1/79/L.7/amendment:A/C.1/79/L.60"])
    for symbol in ("A/C.1/79/L.53/Rev.1", "A/RES/79/1 (Part I)", "A/C.3/79/L.2*"):
        assert draft_url(symbol) == reverse("draft-detail", args=[symbol])
    assert country_url("CHN") == reverse("country-detail", args=["CHN"])


def test_links_are_reversed_by_name_under_the_script_prefix(client, mini):
    """Links to the record's pages, on the pages and in the exports, are reverse()'s: symbols quoted as it quotes
    them, under the prefix the site is served from."""
    import csv
    import io

    from django.urls import clear_script_prefix, reverse, set_script_prefix

    draft = DraftFactory(symbol="A/RES/79/1 (Part I)*", session=mini["draft"].session)
    vote = make_vote(draft, "whole", yes=["CHN"], no=["USA"])
    set_script_prefix("/tally/")
    try:
        draft_href, vote_href = reverse("draft-detail", args=[draft.symbol]), reverse("vote-page", args=[f"{draft.symbol}/whole"])
        assert draft_href == "/tally/drafts/A/RES/79/1%20(Part%20I)*/"
        table = client.get("/votes/").content.decode()
        assert f'<a href="{draft_href}">A/RES/79/1 (Part I)*</a>' in table and f'<a href="{vote_href}">' in table
        assert f'<a href="{vote_href}">' in client.get(draft_href.removeprefix("/tally")).content.decode()
        page = client.get(vote_href.removeprefix("/tally")).content.decode()
        assert f'<a href="{draft_href}">' in page and f'<a href="{reverse("country-detail", args=["CHN"])}">' in page
        exported = {row["draft"]: row["url"] for row in csv.DictReader(io.StringIO(b"".join(
            client.get("/votes/", {"format": "csv"}).streaming_content).decode()))}
        assert exported[draft.symbol] == "http://testserver" + vote_href
    finally:
        clear_script_prefix()


def test_links_reversed_once_equal_reverse_for_any_key():
    from django.urls import clear_script_prefix, reverse, set_script_prefix

    from votes.links import MARKER, page_path

    for prefix in ("/", "/tally/", "/"):
        set_script_prefix(prefix)
        try:
            for symbol in ("A/C.3/79/L.2 #?%", "A/C.1/79/L.9/Rév.1", "A/C.1/79/L.1/", MARKER, f"A/{MARKER}/L.1"):
                assert page_path("draft-detail", symbol) == reverse("draft-detail", args=[symbol])
            assert page_path("vote-detail", 9081726354) == reverse("vote-detail", args=[9081726354])
            assert page_path("vote-page", "A/C.1/79/L.1/GA/amendment:A/C.1/79/L.60") == reverse(
                "vote-page", args=["A/C.1/79/L.1/GA/amendment:A/C.1/79/L.60"]
            )
            assert page_path("country-detail", "CIV") == reverse("country-detail", args=["CIV"])
        finally:
            clear_script_prefix()
