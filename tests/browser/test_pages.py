"""The pages in a browser: htmx swaps only the results and keeps the address bar in step, back restores, the
forms work without JavaScript, and the language switch shows Chinese names."""

import re

import pytest


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def switch_language(page, hreflang: str, expected_url: str) -> str:
    """Follow the language switch's link to `hreflang` and wait for the page at `expected_url` to have loaded;
    its <html lang>. (Waiting on `document.documentElement.lang` alone can run between two documents, when there
    is no documentElement to read.)"""
    page.click(f".language-switch a[hreflang={hreflang}]")
    page.wait_for_url(lambda url: url == expected_url)
    return page.locator("html").get_attribute("lang")


def rows(page) -> list[str]:
    return page.locator("#results tr[data-vote]").evaluate_all("rows => rows.map(r => r.dataset.subject)")


def test_changing_a_filter_swaps_results_and_pushes_the_address_without_reload(site, page):
    page.goto(f"{site['url']}/votes/")
    assert rows(page) == ["whole", "OP1", "PP2", "whole"]
    page.evaluate("window.tallyMarker = 'still here'")
    page.select_option("#id_outcome", "retained")
    page.wait_for_url(re.compile(r"/votes/\?outcome=retained$"))
    page.wait_for_function("() => document.querySelectorAll('#results tr[data-vote]').length === 2")
    assert rows(page) == ["OP1", "PP2"]
    assert page.evaluate("window.tallyMarker") == "still here"  # no full reload
    # Typing in the text box (debounced) narrows further; the address keeps only the parameters set.
    page.fill("#id_q", "undue")
    page.wait_for_url(re.compile(r"/votes/\?q=undue&outcome=retained$"))
    page.wait_for_function("() => document.querySelectorAll('#results tr[data-vote]').length === 1")
    assert rows(page) == ["PP2"]
    # A text search's count comes after its page, loaded by htmx.
    page.wait_for_selector("#results .result-count .count")
    assert page.locator("#results .result-count .count").inner_text() == "1 vote"
    assert page.evaluate("window.tallyMarker") == "still here"


def test_country_filter_shows_positions_and_intention(site, page):
    page.goto(f"{site['url']}/votes/")
    page.select_option("#id_country", "CIV")
    page.wait_for_url(re.compile(r"country=CIV"))
    page.select_option("#id_position", "yes")
    page.wait_for_url(re.compile(r"country=CIV&position=yes$"))
    page.wait_for_function("() => document.querySelectorAll('#results tr[data-vote]').length === 2")
    assert "stated it intended: Abstain" in page.locator("#results").inner_text()


def test_back_button_restores_the_previous_results(site, page):
    page.goto(f"{site['url']}/votes/")
    page.evaluate("window.tallyMarker = 1")
    page.select_option("#id_subject", "paragraph")
    page.wait_for_url(re.compile(r"subject=paragraph$"))
    page.wait_for_function("() => document.querySelectorAll('#results tr[data-vote]').length === 2")
    page.select_option("#id_outcome", "adopted")
    page.wait_for_url(re.compile(r"subject=paragraph&outcome=adopted$"))
    page.wait_for_function("() => document.querySelectorAll('#results tr[data-vote]').length === 0")
    page.go_back()
    page.wait_for_url(re.compile(r"/votes/\?subject=paragraph$"))
    page.wait_for_function("() => document.querySelectorAll('#results tr[data-vote]').length === 2")
    assert rows(page) == ["OP1", "PP2"]
    assert page.locator("#id_outcome").input_value() == ""  # the form matches the restored results
    assert page.locator("#id_subject").input_value() == "paragraph"
    page.go_back()
    page.wait_for_url(re.compile(r"/votes/$"))
    page.wait_for_function("() => document.querySelectorAll('#results tr[data-vote]').length === 4")
    assert page.evaluate("window.tallyMarker") == 1


def test_sort_link_and_pager_keep_the_page_and_the_form_in_step(site, page):
    page.goto(f"{site['url']}/votes/")
    page.evaluate("window.tallyMarker = 'kept'")
    page.click("#results th a:has-text('Tally')")  # a boosted link: the whole page, without a reload
    page.wait_for_url(re.compile(r"/votes/\?sort=margin$"))
    page.wait_for_function("document.querySelector('#id_sort').value === 'margin'")
    assert page.evaluate("window.tallyMarker") == "kept"
    assert page.locator("header.site-header").count() == 1  # not a fragment inside the page
    page.select_option("#id_outcome", "retained")
    page.wait_for_url(re.compile(r"outcome=retained&sort=margin$"))


def test_invalid_filter_shows_errors_in_place(site, page):
    page.goto(f"{site['url']}/votes/")
    page.fill("#id_date_from", "2024-12-01")
    page.fill("#id_date_to", "2024-11-01")
    page.locator("#id_date_to").dispatch_event("change")
    page.wait_for_selector("#results .error-summary")
    assert "The end date is before the start date." in page.locator("#results").inner_text()


def test_pages_work_without_javascript(site, page_without_js):
    page = page_without_js
    page.goto(f"{site['url']}/votes/")
    page.click("details.filter-panel > summary")  # folded; a <details> opens without JavaScript
    page.select_option("#id_country", "BRA")
    page.select_option("#id_position", "abstain")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"country=BRA.*position=abstain"))
    assert rows(page) == ["PP2"]
    # Sorting and the other pages are plain links and forms too.
    page.click("#results th a:has-text('Tally')")
    page.wait_for_url(re.compile(r"sort=margin"))
    assert rows(page) == ["PP2"]
    page.goto(f"{site['url']}/drafts/A/C.1/79/L.53/Rev.1/")
    assert page.locator("li.paragraph.voted-paragraph").count() == 2


def test_language_switch_shows_chinese_names(site, page):
    page.goto(f"{site['url']}/countries/CHN/")
    assert page.locator("h1").inner_text().startswith("China")
    assert switch_language(page, "zh-Hans", f"{site['url']}/zh-hans/countries/CHN/") == "zh-hans"
    assert page.locator("h1").inner_text().startswith("中国")
    # Links inside a Chinese page stay Chinese, through the redirect of a vote's old address too.
    page.goto(f"{site['url']}/zh-hans/votes/{site['pp2'].pk}/")
    assert page.url.startswith(f"{site['url']}/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/")
    assert "美利坚合众国" in page.locator("main").inner_text()
    # The switch keeps the address the filters led to (pushed by htmx after the page was rendered).
    page.goto(f"{site['url']}/zh-hans/votes/")
    page.select_option("#id_country", "USA")
    page.wait_for_url(re.compile(r"/zh-hans/votes/\?country=USA$"))
    assert switch_language(page, "en", f"{site['url']}/votes/?country=USA") == "en"
    assert "Position of United States of America" in page.locator("#results").inner_text()


def test_keyboard_reaches_the_filters_and_results(site, page):
    page.goto(f"{site['url']}/votes/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"  # the filter panel, open on a wide screen
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_q"
