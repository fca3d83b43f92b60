"""The interface in English and Chinese; data in the page's language, falling back to English. The language is
in the address: /zh-hans/… in Chinese, the address without a prefix in English."""

import pytest
from django.conf import settings


@pytest.fixture
def chinese(client):
    """A client whose every request is sent to the Chinese address of its path."""

    class Chinese:
        def get(self, path, *args, **kwargs):
            return client.get(f"/zh-hans{path}", *args, **kwargs)

    return Chinese()


def test_the_language_is_in_the_address_not_in_a_cookie(client, mini):
    html = client.get("/zh-hans/countries/CHN/").content.decode()
    assert '<html lang="zh-hans">' in html and "<h1>中国" in html
    # A cookie does not turn an English address Chinese: the link opens in the language it was shared in.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    html = client.get("/countries/CHN/").content.decode()
    assert '<html lang="en">' in html and "<h1>China" in html


def test_chinese_interface_is_translated(chinese, mini):
    html = chinese.get("/votes/", {"country": "CIV", "position": "yes"}).content.decode()
    for text in ("表决", "草案", "国家", "搜索", "筛选", "保留", "通过", "赞成", "科特迪瓦的立场", "表示本打算：弃权"):
        assert text in html, text
    # Data in Chinese where there is Chinese, English where there is not.
    assert "在国际安全领域促进和平利用国际合作" in html
    assert "序言部分第2段案文" in html
    assert "Noting with concern the undue restrictions on exports" not in html


def test_chinese_vote_page_lists_chinese_names(chinese, mini):
    html = chinese.get("/votes/A/C.1/79/L.53/Rev.1/PP2/").content.decode()
    assert "美利坚合众国" in html and "马达加斯加" in html
    assert "缺席" in html


def test_chinese_draft_page_uses_chinese_text_with_english_fallback(chinese, mini):
    html = chinese.get("/drafts/A/C.1/79/L.53/Rev.1/").content.decode()
    assert "序言部分第1段案文" in html  # PP1 has Chinese
    assert "Text of paragraph OP1" in html  # OP1 has English only
    assert "建议案文" in html


def test_chinese_form_choices_and_errors(chinese, mini):
    response = chinese.get("/votes/", {"country": "XXX"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "未知的国家代码：XXX。" in html
    assert '<option value="CHN">中国</option>' in html


@pytest.mark.parametrize(
    "voted_label, chinese_name",
    [("PP18", "序言部分第十八段"), ("PP10", "序言部分第十段"), ("PP21", "序言部分第二十一段"), ("PP105", "序言部分第一百零五段"),
     ("OP2", "执行部分第2段"), ("OP4(a)", "执行部分第4(a)段"), ("OP4(a)(ii)", "执行部分第4(a)(ii)段"), ("whole", "whole")],
)
def test_paragraphs_are_named_as_the_chinese_texts_name_them(voted_label, chinese_name):
    from votes.labels import chinese_paragraph_name

    assert chinese_paragraph_name(voted_label) == chinese_name


def test_the_chinese_vote_and_draft_pages_name_the_seed_paragraphs_in_chinese(client, seed):
    """Both forms stand in the seed report itself: 序言部分第十八段, 执行部分第 2 段."""
    from django.utils import translation

    from votes.links import vote_path

    vote = seed.votes.get(subject_label="PP18")
    with translation.override("zh-hans"):
        chinese_path = vote_path(vote)
    with translation.override("en"):
        english_path = vote_path(vote)
    assert chinese_path == "/zh-hans" + english_path
    page = client.get(chinese_path).content.decode()
    assert "<h1>A/C.1/79/L.53/Rev.1：序言部分第十八段" in page and "第 PP18 段" not in page
    draft_page = client.get(f"/zh-hans/drafts/{seed.symbol}/").content.decode()
    assert "序言部分第十八段" in draft_page and "执行部分第2段" in draft_page
    assert "paragraph PP18" in client.get(english_path).content.decode()


@pytest.mark.parametrize("query", ["PP18", "pp 18", "序言部分第十八段", "序言部分第18段"])
def test_a_paragraph_named_in_either_language_finds_its_vote_and_paragraph(client, seed, query):
    from votes.labels import read_paragraph_name

    assert read_paragraph_name(query) == "PP18"
    page = client.get("/search/", {"q": query}).content.decode()
    assert f'#p-PP18">{seed.symbol} PP18</a>' in page
    votes = client.get("/votes/", {"q": query}).content.decode()
    assert 'data-subject="PP18"' in votes and 'data-subject="OP2"' not in votes


def test_a_query_that_is_not_a_paragraph_name_is_searched_as_text():
    from votes.labels import from_chinese_numeral, read_paragraph_name

    assert [read_paragraph_name(q) for q in ("执行部分第 2 段", "OP 4(a)", "nuclear", "PP", "序言部分第段")] == ["OP2", "OP4(a)", None, None, None]
    assert [from_chinese_numeral(t) for t in ("十", "十八", "二十一", "一百零五", "千")] == [10, 18, 21, 105, None]


# --- the language in the address ------------------------------------------------------------------------------


def alternates(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_every_page_names_itself_in_each_language_with_hreflang(client, mini):
    for path in ("/", "/votes/", "/drafts/A/C.1/79/L.53/Rev.1/", "/countries/", "/countries/CHN/", "/no-such-page/"):
        for prefix in ("", "/zh-hans"):
            html = client.get(prefix + path + "?session=79").content.decode()
            links = alternates(html)
            assert links == {
                "en": f"http://testserver{path}?session=79",
                "x-default": f"http://testserver{path}?session=79",
                "zh-Hans": f"http://testserver/zh-hans{path}?session=79",
            }, (prefix, path)
            own = links["zh-Hans" if prefix else "en"]
            assert f'<link rel="canonical" href="{own}">' in html


def test_the_switcher_leads_to_the_same_page_in_the_other_language_with_its_parameters(client, mini):
    import re
    from html import unescape

    def switcher(html):
        nav = html[html.index('<nav class="language-switch"'):]
        nav = nav[: nav.index("</nav>")]
        return dict((name, unescape(href)) for href, name in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav))

    english = client.get("/votes/", {"country": "CIV", "position": "yes"}).content.decode()
    chinese_url = switcher(english)["简体中文"]
    assert chinese_url == "http://testserver/zh-hans/votes/?country=CIV&position=yes"
    chinese = client.get(chinese_url).content.decode()
    assert '<html lang="zh-hans">' in chinese and "科特迪瓦的立场" in chinese
    assert switcher(chinese)["English"] == "http://testserver/votes/?country=CIV&position=yes"


def test_links_and_htmx_addresses_in_a_chinese_page_stay_chinese(client, mini):
    html = client.get("/zh-hans/votes/", {"q": "peaceful"}).content.decode()
    assert 'href="/zh-hans/drafts/A/C.1/79/L.53/Rev.1/"' in html
    assert 'href="/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/"' in html
    assert 'hx-get="/zh-hans/votes/count/?q=peaceful"' in html
    assert 'hx-get="/zh-hans/votes/"' in html  # the filter form
    fragment = client.get("/zh-hans/votes/", {"session": "79"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and 'href="/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/"' in fragment
    # English rows are cached apart from the Chinese ones: no Chinese address on the English page.
    assert "/zh-hans/" not in client.get("/votes/", {"session": "79"}, HTTP_HX_REQUEST="true").content.decode()


def test_redirects_keep_the_language(client, mini):
    pk = mini["pp2"].pk
    response = client.get(f"/zh-hans/votes/{pk}/?x=1")
    assert response.status_code == 301 and response["Location"] == "/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/?x=1"
    assert client.get(f"/votes/{pk}/")["Location"] == "/votes/A/C.1/79/L.53/Rev.1/PP2/"
    assert client.get("/zh-hans/countries/chn/")["Location"] == "/zh-hans/countries/CHN/"
    assert client.get("/zh-hans/drafts/a/c.1/79/l.53/rev.1/")["Location"] == "/zh-hans/drafts/A/C.1/79/L.53/Rev.1/"


def test_data_has_one_address_whatever_the_language(client, mini):
    english = client.get("/votes/", {"format": "csv", "session": "79"})
    response = client.get("/zh-hans/votes/", {"format": "csv", "session": "79"})
    assert response.status_code == 301 and response["Location"] == "/votes/?format=csv&session=79"
    assert b"".join(client.get(response["Location"]).streaming_content) == b"".join(english.streaming_content)
    assert client.get("/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/?format=json")["Location"] == "/votes/A/C.1/79/L.53/Rev.1/PP2/?format=json"
    # The Chinese page's download links give that address directly, and the API document has no Chinese twin.
    html = client.get("/zh-hans/votes/", {"session": "79"}).content.decode()
    assert 'href="/votes/?session=79&amp;format=csv"' in html and "/zh-hans/votes/?session=79&amp;format=csv" not in html
    assert client.get("/api/openapi.json").status_code == 200
    assert client.get("/zh-hans/api/openapi.json").status_code == 404


def test_a_citation_gives_the_address_without_the_language(client, mini):
    import html as markup

    page = markup.unescape(client.get("/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/").content.decode())
    assert "http://testserver/votes/A/C.1/79/L.53/Rev.1/PP2/ (accessed" in page
    assert "http://testserver/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/ (accessed" not in page


def test_the_admin_keeps_its_address_and_the_language_of_the_cookie(client, mini, admin_user):
    client.force_login(admin_user)
    assert "站点管理" not in client.get("/admin/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert '<html lang="zh-hans"' in client.get("/admin/").content.decode()
    assert client.get("/zh-hans/admin/").status_code == 404


# --- orders: pinyin for Chinese menus and lists, the UN's printed order for a vote's lists ---------------------


def country_menu(html: str) -> list[str]:
    import re

    select = html[html.index('<select name="country"'):]
    select = select[: select.index("</select>")]
    return [name for code, name in re.findall(r'<option value="([A-Z]{3})"[^>]*>([^<]+)</option>', select)]


def test_chinese_country_menus_and_lists_are_in_pinyin_order_english_alphabetical(client, countries):
    import re

    menu = country_menu(client.get("/zh-hans/votes/").content.decode())
    assert menu[:3] == ["阿尔巴尼亚", "阿尔及利亚", "阿富汗"]  # a er ba…, a er ji…, a fu…
    # Code-point order began 中国, 中非共和国, 乌兹别克斯坦 (中 U+4E2D, 乌 U+4E4C before 阿 U+963F).
    assert menu.index("阿富汗") < menu.index("乌兹别克斯坦") < menu.index("乍得") < menu.index("中非共和国") < menu.index("中国")
    assert menu.index("巴西") < menu.index("白俄罗斯") and menu.index("马来西亚") < menu.index("马里")
    listed = re.findall(r'<tr data-country="[A-Z]{3}"><td><a href="[^"]+">([^<]+)</a>', client.get("/zh-hans/countries/").content.decode())
    assert [name for name in listed if name in menu] == [name for name in menu if name in listed] and len(listed) > 190
    english = country_menu(client.get("/votes/").content.decode())
    assert english.index("Costa Rica") + 1 == english.index("Côte d’Ivoire") == english.index("Croatia") - 1


def test_a_renamed_country_moves_to_its_place_in_the_chinese_menu(client, countries):
    from votes.models import Country

    country = Country.objects.get(pk="ALB")
    country.name_zh = "中国之后"  # zhong guo zhi hou: after 中国
    country.save()
    menu = country_menu(client.get("/zh-hans/votes/").content.decode())
    assert menu.index("中国") + 1 == menu.index("中国之后")


def printed_list(report_text: str, heading: str) -> list[str]:
    """The first list under `heading` ("赞成：") as the report prints it, lines joined (a name may break across them)."""
    start = report_text.index(heading) + len(heading)
    block = "".join(line.strip() for line in report_text[start:].splitlines())
    return block[: block.index("。")].split("、")


def test_the_chinese_vote_page_lists_the_countries_in_the_order_the_report_prints_them(client, seed):
    import re

    from tests.conftest import SEED_ZH

    printed = printed_list(SEED_ZH.read_text(encoding="utf-8"), "赞成：")  # the vote on PP18, the report's first
    assert printed[:3] == ["阿尔及利亚", "安哥拉", "安提瓜和巴布达"] and len(printed) == 87
    page = client.get(f"/zh-hans/votes/{seed.symbol}/PP18/").content.decode()
    yes = page[page.index('id="group-yes"'):page.index('id="group-no"')]
    assert re.findall(r'<li data-country="[A-Z]{3}"><a href="[^"]+">([^<]+)</a>', yes) == printed


def test_the_chinese_vote_page_shows_the_footnote_as_the_chinese_report_prints_it(client, seed):
    from tests.conftest import SEED_EN
    from votes.ingest import ingest_report_file
    from votes.models import IntendedPosition

    chinese_footnote = "科特迪瓦代表团随后通知秘书处，本打算投弃权票。"
    english_footnote = "Subsequently, the delegation of Côte d’Ivoire informed the Secretariat that it had intended to abstain."
    result = ingest_report_file(SEED_EN)  # the second language adds its footnotes
    assert result.updated["intended_positions"] >= 1
    intention = IntendedPosition.objects.get(vote__draft=seed, vote__subject_label="PP18", country="CIV")
    assert (intention.footnote_zh, intention.footnote_en) == (chinese_footnote, english_footnote)
    chinese = client.get(f"/zh-hans/votes/{seed.symbol}/PP18/").content.decode()
    assert f'<blockquote lang="zh">{chinese_footnote}</blockquote>' in chinese and english_footnote not in chinese
    english = client.get(f"/votes/{seed.symbol}/PP18/").content.decode()
    assert f'<blockquote lang="en">{english_footnote}</blockquote>' in english and chinese_footnote not in english
    # The vote list's footnote beside a country's position, in the page's language too.
    row = client.get("/zh-hans/votes/", {"country": "CIV", "draft": seed.symbol}).content.decode()
    assert chinese_footnote in row and english_footnote not in row


def test_a_footnote_only_in_english_shows_in_english_on_the_chinese_page(client, mini):
    html = client.get("/zh-hans/votes/A/C.1/79/L.53/Rev.1/PP2/").content.decode()
    assert "<blockquote lang=\"en\">Subsequently, Côte d&#x27;Ivoire intended to abstain.</blockquote>" in html
