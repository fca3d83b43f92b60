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
