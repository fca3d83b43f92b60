"""The issue's acceptance checks, on the real Chinese report of the First Committee (79th session) loaded by
the `seed` fixture: A/C.1/79/L.53/Rev.1, recorded votes on PP18, OP2 and the whole, 193 positions each."""

import csv
import io
import re

from votes import figures

SYMBOL_URL = "/drafts/A/C.1/79/L.53/Rev.1/"


def subjects(html: str) -> list[str]:
    return re.findall(r'<tr data-vote="\d+" data-subject="([^"]+)"', html)


def test_civ_yes_lists_pp18_with_its_stated_intention_to_abstain(client, seed):
    html = client.get("/votes/", {"country": "CIV", "position": "yes"}).content.decode()
    assert "PP18" in subjects(html)
    row = re.search(r'<tr data-vote="\d+" data-subject="PP18">.*?</tr>', html, re.S).group(0)
    assert '<span class="position-yes">Yes</span>' in row
    assert "stated it intended: Abstain" in row
    assert "科特迪瓦代表团随后通知秘书处，本打算投弃权票。" in row  # the footnote as printed


def test_paragraph_pp18_lists_one_vote(client, seed):
    assert subjects(client.get("/votes/", {"paragraph": "PP18"}).content.decode()) == ["PP18"]


def test_outcome_retained_lists_two(client, seed):
    assert sorted(subjects(client.get("/votes/", {"outcome": "retained"}).content.decode())) == ["OP2", "PP18"]


def test_brazil_abstained_on_pp18_only(client, seed):
    assert subjects(client.get("/votes/", {"country": "BRA", "position": "abstain"}).content.decode()) == ["PP18"]


def test_draft_page_shows_22_plus_3_paragraphs_with_pp18_and_op2_marked(client, seed):
    html = client.get(SYMBOL_URL).content.decode()
    preambular = re.search(r'<ol class="text preambular">(.*?)</ol>', html, re.S).group(1)
    operative = re.search(r'<ol class="text operative">(.*?)</ol>', html, re.S).group(1)
    assert len(re.findall(r'<li id="p-PP\d+" class="paragraph', preambular)) == 22
    assert len(re.findall(r'<li id="p-OP\d+" class="paragraph', operative)) == 3
    marked = re.findall(r'<li id="p-(\w+)" class="paragraph voted-paragraph', html)
    assert marked == ["PP18", "OP2"]
    assert "Original sponsors (28)" in html and "Joined later (7)" in html
    assert len(re.findall(r'<li data-vote="\d+">', html)) == 3


def test_usa_has_three_recorded_votes_all_no(client, seed):
    html = client.get("/countries/USA/").content.decode()
    counts = dict(re.findall(r'<dd data-count="(\w+)">([^<]+)</dd>', html))
    assert counts["total"] == "3" and counts["no"] == "3"
    assert counts["yes"] == counts["abstain"] == counts["absent"] == "0"
    assert html.count('<span class="position-no">No</span>') == 3


def test_csv_twin_of_china_has_three_rows(client, seed):
    response = client.get("/votes/", {"country": "CHN", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 3
    assert {r["position"] for r in rows} == {"yes"}
    assert {r["subject"] for r in rows} == {"PP18", "OP2", "whole"}


def test_vote_page_193_positions_and_intentions(client, seed, django_assert_max_num_queries):
    from votes.models import Vote

    whole = Vote.objects.get(subject_label="whole")
    # The address's candidate votes, the vote, its intentions, positions, sibling actions, corrections and bloc
    # breakdown (the address in two queries: one over every reading and the page's joins took ~5 ms to plan).
    with django_assert_max_num_queries(9):
        html = client.get(f"/votes/{whole.draft.symbol}/whole/").content.decode()
    groups = dict(re.findall(r'<h3 id="group-(\w+)"[^>]*>[^<]*\((\d+)\)</h3>', html))
    assert groups == {"yes": "102", "no": "53", "abstain": "25", "absent": "13"}
    assert re.search(r'<li data-country="MDG">.*?intended: Yes', html)


def test_seed_pages_within_budget(client, seed, django_assert_max_num_queries):
    figures.recount()
    for url, budget in [("/votes/", 8), ("/votes/?country=CHN", 10), (SYMBOL_URL, 5), ("/countries/CHN/", 16),
                        ("/countries/compare/?a=CHN&b=USA", 16), ("/search/?q=中国", 5), ("/drafts/", 8), ("/countries/", 2)]:
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200, url


def test_chinese_interface_on_the_seed(client, seed):
    html = client.get("/zh-hans/countries/CHN/").content.decode()
    assert "<h1>中国" in html
    html = client.get("/zh-hans" + SYMBOL_URL).content.decode()
    assert "在国际安全领域促进和平利用国际合作" in html


def test_the_home_page_opens_on_a_search_box_the_coverage_and_the_latest_votes(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        page = client.get("/").content.decode()
    assert 'role="search"' in page and 'action="/search/"' in page and 'name="q"' in page
    # The seed: the First Committee's votes of 6 November 2024, session 79.
    assert "The record covers 2024–2024, sessions 79 to 79," in page and "First Committee" in page
    latest = re.findall(r'data-subject="([^"]+)"', page)
    assert sorted(latest) == sorted(seed.votes.filter(method="recorded").values_list("subject_label", flat=True))
