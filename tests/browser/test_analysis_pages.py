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


def test_country_analysis_by_body_and_group_cohesion_by_issue(seeded, page):
    """With the seed (First Committee) and the Voeten extract (plenary) both stored: the body chosen in the form
    is in the URL to share and narrows the figures; the group page's issue table fits a phone."""
    from tests.voeten.test_voeten_import import EXTRACT
    from votes.voeten import import_voeten

    import_voeten(EXTRACT)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{seeded['url']}/countries/CHN/analysis/")
    page.select_option("#id_body", "C.1")
    page.locator("form.inline-form button[type=submit]").click()
    page.wait_for_url("**body=C.1**")
    # Only the seed's three First Committee votes: every n is at most 3.
    denominators = page.locator("ol.agreement.most .denominator").all_text_contents()
    assert denominators and all(int(text.split("n = ")[1].rstrip(")")) <= 3 for text in denominators)
    assert page.locator("#id_body").input_value() == "C.1"
    page.select_option("#id_body", "GA")
    page.locator("form.inline-form button[type=submit]").click()
    page.wait_for_url("**body=GA**")
    plenary = page.locator("ol.agreement.most .denominator").all_text_contents()
    assert plenary and max(int(text.split("n = ")[1].rstrip(")")) for text in plenary) > 3
    page.screenshot(path=f"{SCREENSHOTS}/country-analysis-plenary.png", full_page=True)

    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{seeded['url']}/countries/CHN/analysis/?body=GA")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        page.goto(f"{seeded['url']}/groups/EU/")
        table = page.locator("table.issue-cohesion")
        table.scroll_into_view_if_needed()
        assert table.locator("tbody tr[data-issue]").count() == 6
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        table.screenshot(path=f"{SCREENSHOTS}/group-issues-{width}.png")
