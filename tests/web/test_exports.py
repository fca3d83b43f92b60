"""The csv/json twins: same filters as the page, streamed, 400 on invalid parameters."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from .factories import DraftFactory, make_vote


def body(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


def test_votes_csv_one_row_per_vote(client, mini):
    response = client.get("/votes/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    data = rows(response)
    assert [r["subject"] for r in data] == ["whole", "OP1", "PP2", "whole"]
    first = data[0]
    assert first["draft"] == "A/C.1/79/L.53/Rev.1" and first["body"] == "C.1" and first["session"] == "79"
    assert (first["yes"], first["no"], first["abstain"], first["absent"], first["margin"]) == ("3", "1", "1", "1", "2")
    assert first["url"].endswith("/votes/A/C.1/79/L.53/Rev.1/whole/")
    assert "country" not in first


def test_votes_csv_with_country_one_row_per_position(client, mini):
    data = rows(client.get("/votes/", {"format": "csv", "country": "CIV"}))
    assert [(r["subject"], r["country"], r["position"], r["intended_position"]) for r in data] == [
        ("whole", "CIV", "yes", ""),
        ("OP1", "CIV", "abstain", ""),
        ("PP2", "CIV", "yes", "abstain"),
    ]


def test_votes_csv_voeten_codes(client, mini):
    data = rows(client.get("/votes/", {"format": "csv", "country": "MDG", "codes": "voeten"}))
    assert [r["position"] for r in data] == ["8", "1", "8"]
    data = rows(client.get("/votes/", {"format": "csv", "country": "USA", "codes": "voeten"}))
    assert {r["position"] for r in data} == {"3"}
    data = rows(client.get("/votes/", {"format": "csv", "country": "BRA", "codes": "voeten", "paragraph": "PP2"}))
    assert [r["position"] for r in data] == ["2"]


def test_votes_json_same_filters(client, mini):
    response = client.get("/votes/", {"format": "json", "outcome": "retained", "country": "USA"})
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(body(response))
    assert data["query"] == {"outcome": "retained", "country": "USA"}
    assert [(r["subject"], r["position"]) for r in data["results"]] == [("OP1", "no"), ("PP2", "no")]
    assert data["results"][0]["date"] == "2024-11-06"


@pytest.mark.parametrize(
    "query",
    ["format=csv&country=XXX", "format=json&session=abc", "format=xml", "format=csv&codes=cow", "format=json&position=no"],
)
def test_invalid_twin_is_400(client, mini, query):
    response = client.get(f"/votes/?{query}")
    assert response.status_code == 400
    assert not isinstance(response, StreamingHttpResponse)


def test_invalid_json_twin_names_the_errors(client, mini):
    response = client.get("/votes/", {"format": "json", "session": "abc"})
    assert "session" in json.loads(response.content)["errors"]


def test_other_twins(client, mini):
    data = rows(client.get("/drafts/", {"format": "csv", "sponsor": "CHN"}))
    assert [(r["symbol"], r["final_outcome"], r["actions"]) for r in data] == [("A/C.1/79/L.53/Rev.1", "adopted", "3")]
    data = rows(client.get("/countries/", {"format": "csv", "q": "china"}))
    assert [(r["iso3"], r["name_zh"]) for r in data] == [("CHN", "中国")]
    data = rows(client.get("/countries/USA/", {"format": "csv", "codes": "voeten"}))
    assert [(r["subject"], r["country"], r["position"]) for r in data] == [("whole", "USA", "3"), ("OP1", "USA", "3"), ("PP2", "USA", "3")]
    data = rows(client.get("/countries/compare/", {"format": "csv", "a": "CHN", "b": "BRA"}))
    assert [(r["subject"], r["country"], r["position"]) for r in data] == [("PP2", "CHN", "yes"), ("PP2", "BRA", "abstain")]
    data = rows(client.get("/countries/compare/", {"format": "csv", "a": "CIV", "b": "USA", "show": "all", "codes": "voeten"}))
    assert [(r["subject"], r["country"], r["position"], r["intended_position"]) for r in data] == [
        ("whole", "CIV", "1", ""), ("whole", "USA", "3", ""),
        ("OP1", "CIV", "2", ""), ("OP1", "USA", "3", ""),
        ("PP2", "CIV", "1", "abstain"), ("PP2", "USA", "3", ""),
    ]
    data = json.loads(body(client.get("/search/", {"format": "json", "q": "undue"})))
    # The draft whose paragraph has the word is among the drafts (its search page lists it so).
    assert {(r["type"], r["label"]) for r in data["results"]} == {
        ("draft", ""), ("vote", "PP2"), ("vote", "whole"), ("paragraph", "PP2")
    }
    assert client.get("/search/", {"format": "csv"}).status_code == 400


def test_export_streams_in_chunks_without_loading_rows_in_memory(client, mini, monkeypatch):
    from votes import exports

    monkeypatch.setattr(exports, "ROWS_PER_WRITE", 10)
    for n in range(30):
        make_vote(DraftFactory(), "whole", yes=["USA"], no=["CHN"])
    response = client.get("/votes/", {"format": "csv", "country": "USA"})
    chunks = [chunk.decode() for chunk in response.streaming_content]
    assert chunks[0].startswith("vote_id,date,")
    assert [chunk.count("\n") for chunk in chunks] == [11, 10, 10, 3]  # the header, then ten rows a write
    data = json.loads(body(client.get("/votes/", {"format": "json", "country": "USA"})))
    assert len(data["results"]) == 33


def test_export_urls_are_the_pages_urls(client, mini):
    from django.urls import reverse

    row = rows(client.get("/votes/", {"format": "csv", "paragraph": "PP2"}))[0]
    assert row["url"] == "http://testserver" + reverse("vote-page", args=["A/C.1/79/L.53/Rev.1/PP2"])
    row = rows(client.get("/drafts/", {"format": "csv", "q": "L.53"}))[0]
    assert row["url"] == "http://testserver" + reverse("draft-detail", args=["A/C.1/79/L.53/Rev.1"])
    row = rows(client.get("/countries/", {"format": "csv", "q": "CIV"}))[0]
    assert row["url"] == "http://testserver" + reverse("country-detail", args=["CIV"])


@pytest.mark.parametrize("symbol", ["A/RES/79/1 (Part I)*", "A/C.3/79/L.2 #?%", "A/C.1/79/L.9/Rév.1", "9081726354"])
def test_export_urls_quote_symbols_as_reverse_does(client, mini, symbol):
    from django.urls import reverse

    DraftFactory(symbol=symbol, session=mini["draft"].session)
    urls = {row["symbol"]: row["url"] for row in rows(client.get("/drafts/", {"format": "csv"}))}
    assert urls[symbol] == "http://testserver" + reverse("draft-detail", args=[symbol])
    urls = {row["key"]: row["url"] for row in rows(client.get("/search/", {"format": "csv", "q": symbol})) if row["type"] == "draft"}
    assert urls[symbol] == "http://testserver" + reverse("draft-detail", args=[symbol])
