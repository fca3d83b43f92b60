"""The interface in English and Chinese; data in the page's language, falling back to English."""

import pytest
from django.conf import settings


@pytest.fixture
def chinese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    return client


def test_language_switch_sets_chinese(client, mini):
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/countries/CHN/"})
    assert response.status_code == 302 and response["Location"] == "/countries/CHN/"
    html = client.get("/countries/CHN/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert "<h1>中国" in html


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
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    vote = seed.votes.get(subject_label="PP18")
    from votes.links import vote_path

    page = client.get(vote_path(vote)).content.decode()
    assert "<h1>A/C.1/79/L.53/Rev.1：序言部分第十八段" in page and "第 PP18 段" not in page
    draft_page = client.get(f"/drafts/{seed.symbol}/").content.decode()
    assert "序言部分第十八段" in draft_page and "执行部分第2段" in draft_page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "paragraph PP18" in client.get(vote_path(vote)).content.decode()


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
