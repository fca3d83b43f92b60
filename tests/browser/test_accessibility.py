"""Every page type, in English and Chinese, at a desktop (1280 px) and a phone (390 px) width: axe-core finds no
serious or critical violation, and the page is never wider than the viewport (a table may scroll inside its own
box). axe-core 4.14.1 is vendored under tests/browser/vendor/ (MPL-2.0, licence beside it): test-only."""

from pathlib import Path

import pytest
from django.conf import settings

from votes.models import Group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text()
WIDTHS = {"desktop": 1280, "phone": 390}


def open_in_language(context, base_url: str, path: str, language: str) -> str:
    """The address of `path` in `language`: the one place that knows how a language is chosen, the address
    (/zh-hans/…; English without a prefix). `context` is kept for the callers: nothing is set on it."""
    return base_url + (path if language == settings.LANGUAGE_CODE else f"/{language}{path}")


def page_types(site) -> dict[str, str]:
    group = Group.objects.order_by("code").first()
    pages = {
        "home": "/",
        "vote list": "/votes/",
        "vote page": f"/votes/{site['pp2'].pk}/",
        "draft list": "/drafts/",
        "draft page": "/drafts/A/C.1/79/L.53/Rev.1/",
        "country list": "/countries/",
        "country page": "/countries/CHN/",
        "country analysis": "/countries/CHN/analysis/",
        "comparison": "/countries/compare/?country=CHN&country=USA&country=BRA",
        "search": "/search/?q=peaceful",
        "sources": "/sources/",
        "api": "/api/",
        "group list": "/groups/",
        "404": "/no-such-page/",
    }
    if group is not None:
        pages["group page"] = f"/groups/{group.code}/"
    return pages


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_type_passes_axe_and_fits_the_viewport(site, chromium, language, width):
    # bypass_csp: axe is injected as a script of the test's own, which the page's CSP rightly refuses.
    context = chromium.new_context(viewport={"width": width, "height": 844}, bypass_csp=True, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    try:
        for name, path in page_types(site).items():
            page.goto(open_in_language(context, site["url"], path, language))
            assert page.evaluate("document.documentElement.lang") == language, name
            page.evaluate(AXE)
            violations = page.evaluate(
                """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""
            )
            problems += [f"{name}: {v}" for v in violations]
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                problems.append(f"{name}: {scroll} px wide in a {inner} px viewport")
    finally:
        context.close()
    assert problems == []


def test_the_check_finds_a_violation_when_there_is_one(chromium):
    # The harness itself can fail: an image without alt text and an overflowing box are both reported.
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><div style="width:600px">wide</div></main></html>')
        page.evaluate(AXE)
        ids = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
        assert "image-alt" in ids
        assert page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    finally:
        context.close()
