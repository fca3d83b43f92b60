"""The vote map and the analysis charts in Chromium: they render, and carry their text alternatives."""

import pytest

from tests.conftest import restore_reference_rows
from tests.conftest import SEED_ZH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = "/tmp/tally-analysis-screenshots"


@pytest.fixture
def seeded(live_server, transactional_db):
    from votes import figures
    from votes.countries import load_countries
    from votes.ingest import ingest_report_file
    from votes.models import Vote

    restore_reference_rows()
    load_countries()
    ingest_report_file(SEED_ZH)
    figures.recount()
    return {"url": live_server.url, "whole": Vote.objects.get(subject_label="whole", method="recorded")}


def test_vote_map_renders_with_its_text_alternatives(seeded, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{seeded['url']}/votes/{seeded['whole'].pk}/")
    svg = page.locator("#vote-map > svg")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    assert box["width"] > 600 and box["height"] > 250
    assert svg.get_attribute("role") == "img"
    assert "each Member State filled by its position" in page.locator("#vote-map-title").text_content()
    # The fills are resolved by the browser: the United States' outline is painted with the "no" pattern, the
    # seed's position for it, and the pattern carries the "no" colour.
    usa = page.locator('#vote-map [data-country="USA"]')
    assert usa.get_attribute("data-position") == seeded["whole"].positions.get(country_id="USA").position
    fill = page.evaluate("() => getComputedStyle(document.querySelector('#pattern-no rect')).fill")
    assert fill == "rgb(198, 40, 40)"
    assert page.locator("#vote-map .chart-legend").is_visible()
    page.locator("#vote-map").screenshot(path=f"{SCREENSHOTS}/vote-map.png")
    page.locator("#vote-map summary").click()
    assert page.locator("#vote-map table tbody tr").count() == seeded["whole"].positions.count()
    page.locator("#blocs-heading").scroll_into_view_if_needed()
    page.screenshot(path=f"{SCREENSHOTS}/vote-blocs.png")


def test_group_and_country_charts_render_with_their_tables(seeded, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{seeded['url']}/groups/EU/")
    chart = page.locator("#cohesion-chart > svg")
    assert chart.bounding_box()["height"] > 100
    assert page.locator("#cohesion-chart-title").text_content().startswith("Mean Agreement Index")
    assert page.locator("#cohesion-chart circle.dot").count() == 1  # one session in the seed
    page.locator("#cohesion-chart summary").click()
    assert page.locator("#cohesion-chart table tbody tr").count() == 1
    page.screenshot(path=f"{SCREENSHOTS}/group.png", full_page=True)

    page.goto(f"{seeded['url']}/countries/CHN/analysis/")
    assert page.locator("#shares-chart > svg rect").count() >= 3
    assert page.locator("#shares-chart-desc").text_content()
    page.screenshot(path=f"{SCREENSHOTS}/country-analysis.png", full_page=True)
