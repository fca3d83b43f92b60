"""The Chinese interface in a browser: the language is in the address (no cookie needed), the page names its
other language (hreflang) and the switch goes there with the page's parameters, and the seed's Chinese vote page
shows the footnote as the Chinese report prints it."""

import pytest

from browser.test_pages import switch_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seed_site(live_server, transactional_db):
    """The country reference and the seed report in both languages (English first, as `make run` loads them),
    committed for the live server."""
    from tests.conftest import SEED_EN, SEED_ZH, restore_reference_rows
    from votes.countries import load_countries
    from votes.ingest import ingest_report_file

    restore_reference_rows()
    load_countries()
    ingest_report_file(SEED_EN)
    ingest_report_file(SEED_ZH)
    return live_server.url


def test_a_chinese_address_opens_in_chinese_without_a_cookie(site, page):
    from django.conf import settings

    assert page.context.cookies() == []
    page.goto(f"{site['url']}/zh-hans/votes/")
    assert settings.LANGUAGE_COOKIE_NAME not in {cookie["name"] for cookie in page.context.cookies()}
    assert page.evaluate("document.documentElement.lang") == "zh-hans"
    assert page.locator("h1").inner_text() == "表决"
    assert page.locator("nav[aria-label='主导航'] a").first.inner_text() == "表决"
    # The browser's own language (en-GB) decides nothing: the English address is English, the Chinese one Chinese.
    page.goto(f"{site['url']}/votes/")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_every_page_names_its_other_language_and_the_switch_round_trips_the_parameters(site, page):
    page.goto(f"{site['url']}/votes/?country=CIV&position=yes")
    hreflang = page.locator("link[rel=alternate]").evaluate_all("links => links.map(l => [l.hreflang, l.href])")
    assert sorted(hreflang) == [
        ["en", f"{site['url']}/votes/?country=CIV&position=yes"],
        ["x-default", f"{site['url']}/votes/?country=CIV&position=yes"],
        ["zh-Hans", f"{site['url']}/zh-hans/votes/?country=CIV&position=yes"],
    ]
    assert switch_language(page, "zh-Hans", f"{site['url']}/zh-hans/votes/?country=CIV&position=yes") == "zh-hans"
    assert "科特迪瓦的立场" in page.locator("#results").inner_text()
    assert switch_language(page, "en", f"{site['url']}/votes/?country=CIV&position=yes") == "en"


def test_the_seed_chinese_vote_page_shows_the_chinese_footnote(seed_site, page):
    page.goto(f"{seed_site}/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP18/")
    footnote = page.locator("#intended-CIV blockquote")
    assert footnote.inner_text() == "科特迪瓦代表团随后通知秘书处，本打算投弃权票。"
    assert footnote.get_attribute("lang") == "zh"
    # The yes list begins as the Chinese report prints it (by the English names: Algeria, Angola, Antigua…).
    first = page.locator("section[aria-labelledby=group-yes] li a").evaluate_all("links => links.slice(0, 3).map(a => a.textContent)")
    assert first == ["阿尔及利亚", "安哥拉", "安提瓜和巴布达"]
    page.goto(f"{seed_site}/votes/A/C.1/79/L.53/Rev.1/PP18/")
    assert page.locator("#intended-CIV blockquote").inner_text().startswith("Subsequently, the delegation of Côte d’Ivoire")
