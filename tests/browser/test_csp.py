"""The Content-Security-Policy in a real browser (issue 18, fault 5): every page, the admin's too, loads with no
resource or script refused, and htmx still swaps results under it."""

import re

import pytest
from django.urls import reverse

from browser.test_pages import rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_refusals(page) -> list[str]:
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    return refused


def test_every_page_loads_under_the_policy_with_nothing_refused(site, page, django_user_model):  # noqa: F811
    refused = watch_refusals(page)
    paths = [
        reverse("home"),
        reverse("vote-list"),
        reverse("vote-list") + "?country=CIV&position=yes",
        reverse("vote-detail", args=[site["pp2"].pk]),
        reverse("draft-list"),
        reverse("draft-detail", args=[site["draft"].symbol]),
        reverse("country-list"),
        reverse("country-detail", args=["CHN"]),
        reverse("country-compare") + "?a=CHN&b=USA",
        reverse("search") + "?q=outer",
        reverse("admin:login"),
    ]
    for path in paths:
        response = page.goto(site["url"] + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        assert page.locator("link[rel=stylesheet]").count() >= 1
    # The stylesheet applied (a refused one would leave the tally bar unstyled: display inline, not flex).
    page.goto(site["url"] + reverse("vote-detail", args=[site["pp2"].pk]))
    assert page.locator(".tally-bar").first.evaluate("bar => getComputedStyle(bar).display") == "flex"
    # The admin, logged in: its own scripts and styles load too.
    django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-passphrase-7")
    page.goto(site["url"] + reverse("admin:login"))
    page.fill("#id_username", "root")
    page.fill("#id_password", "a-long-test-passphrase-7")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(site["url"] + reverse("admin:votes_vote_change", args=[site["pp2"].pk]))
    page.wait_for_selector("#vote_form")
    assert refused == []


def test_htmx_swaps_results_under_the_policy(site, page):  # noqa: F811
    refused = watch_refusals(page)
    page.goto(f"{site['url']}/votes/")
    page.evaluate("window.tallyMarker = 'still here'")
    page.select_option("#id_outcome", "retained")
    page.wait_for_url(re.compile(r"/votes/\?outcome=retained$"))  # our script dropped the empty parameters
    page.wait_for_function("document.querySelectorAll('#results tr[data-vote]').length === 2")
    assert rows(page) == ["OP1", "PP2"] and page.evaluate("window.tallyMarker") == "still here"
    assert refused == []
