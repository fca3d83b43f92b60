"""Input an operator's probe sent (issue 18): NUL characters in addresses, spreadsheet formulas in exported
text, an empty report. Each is refused or neutralised with a clear answer, never a 500 or a cut-off body."""

import csv
import io

import pytest

from parsing import ReportError, parse_report
from votes.models import Draft

pytestmark = pytest.mark.django_db

NUL_ADDRESSES = [
    "/votes/?country=%00",
    "/votes/?q=%00",
    "/votes/?%00=1",
    "/drafts/%00/",
    "/countries/compare/?a=%00",
    "/search/?q=%00",
    "/search/?q=%00&format=json",
    "/votes/?q=a%00b&format=csv",
]


@pytest.mark.parametrize("address", NUL_ADDRESSES)
def test_a_nul_character_is_a_400_before_any_query(client, mini, address, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(address)
    assert response.status_code == 400
    assert b"NUL" in response.content


@pytest.mark.parametrize("title", ["=SUM(1+1)", "@cmd", "+1+2", "-2+3", "\tTab"])
def test_exported_text_that_a_spreadsheet_would_run_is_kept_as_text(client, mini, title):
    Draft.objects.filter(pk=mini["draft"].pk).update(title_en=title)
    body = b"".join(client.get("/drafts/?format=csv").streaming_content).decode()
    rows = {row["symbol"]: row for row in csv.DictReader(io.StringIO(body))}
    assert rows[mini["draft"].symbol]["title_en"] == "'" + title
    # Other text and the figures are as they were.
    assert rows["A/C.1/79/L.7"]["title_en"] == "Outer space transparency"
    assert rows[mini["draft"].symbol]["final_yes"] == "3"


def test_an_empty_report_is_refused_as_empty():
    for source in (b"", b"   \n\n", "\ufeff\n".encode()):
        with pytest.raises(ReportError, match="the file is empty"):
            parse_report(source)
