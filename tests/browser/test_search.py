"""Issue 17's search examples typed into the home page's box, at a desktop's and a phone's width: each finds its
target (on the seed report in both languages, the A/79/PV.29 plenary record and the Voeten test extract), and the results page fits the screen."""

import os
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
SEED = "A/C.1/79/L.53/Rev.1"
SCREENSHOTS = os.environ.get("TALLY_SCREENSHOTS")  # a folder: save each results page there, to look at


@pytest.fixture
def record(live_server, countries):
    from tests.conftest import SEED_EN, SEED_ZH, restore_reference_rows
    from votes.ingest import ingest_report_file
    from votes.models import Draft
    from votes.plenary import ingest_plenary_file
    from votes.voeten import import_voeten

    restore_reference_rows()
    ingest_report_file(SEED_ZH)
    ingest_report_file(SEED_EN)
    ingest_plenary_file(ROOT / "corpus" / "plenary" / "A-79-PV.29_en.txt")
    import_voeten(ROOT / "tests" / "fixtures" / "voeten")
    return {"url": live_server.url, "79/6": Draft.objects.get(resolution="A/RES/79/6").symbol}


# (typed, the section of the results, what it must list there)
EXAMPLES = [
    ("export restrictions", "paragraphs", f"{SEED} PP18"),  # "…restrictions on exports…": any order, any form
    ("export restrictions", "drafts", SEED),
    ("L.53", "drafts", SEED),
    ("A/C.1/79/L.53", "drafts", SEED),
    ("79/6", "drafts", "{79/6}"),
    ("A/RES/55/6", "drafts", "A/RES/55/6"),
    ("PP18", "paragraphs", f"{SEED} PP18"),
    ("序言部分第十八段", "paragraphs", f"{SEED} PP18"),
    ("科特迪瓦", "countries", "Côte d’Ivoire"),
]


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_each_example_typed_in_the_home_pages_box_finds_its_target(record, chromium, width, height):
    context = chromium.new_context(locale="en-GB", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for typed, kind, target in EXAMPLES:
            target = target.format(**{"79/6": record["79/6"]})
            page.goto(f"{record['url']}/")
            page.fill("#home-q", typed)
            page.press("#home-q", "Enter")
            page.wait_for_selector(f"section[aria-labelledby=found-{kind}]")
            found = page.locator(f"section[aria-labelledby=found-{kind}]").inner_text()
            assert target in found, (typed, kind, found)
            assert page.locator("#search-q").input_value() == typed
            # The results fit the screen: nothing wider than the viewport.
            assert page.evaluate("document.documentElement.scrollWidth") <= width, typed
            if SCREENSHOTS:
                name = "".join(c if c.isalnum() else "_" for c in typed)
                page.screenshot(path=f"{SCREENSHOTS}/search-{width}-{name}.png", full_page=True)
    finally:
        context.close()


def test_the_vote_search_leads_from_a_countrys_name_to_its_votes(record, page):
    page.goto(f"{record['url']}/votes/?q=科特迪瓦")
    page.click("p.named-countries a[data-country=CIV]")
    page.wait_for_url(lambda url: "country=CIV" in url and "q=" not in url)
    assert page.locator("#results tr[data-vote]").count() > 0


def test_a_sections_count_is_loaded_after_its_results(record, page):
    page.goto(f"{record['url']}/search/?q=nuclear")
    drafts = page.locator("section[aria-labelledby=found-drafts]")
    assert drafts.locator("li").count() == 20
    # The page came with a pending count for each full section; htmx replaces it with the number.
    drafts.locator("span.section-count").wait_for()
    assert re.fullmatch(r"\(20 of \d+\)", drafts.locator("span.section-count").inner_text())
    page.wait_for_function("() => !document.querySelector('.count-pending')")  # the votes' count too
    assert re.fullmatch(r"\(20 of \d+\)", page.locator("section[aria-labelledby=found-votes] span.section-count").inner_text())
