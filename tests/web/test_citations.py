"""'Cite this' on the vote, draft and country pages: the UN documents the facts come from, Tally's page, the
access date; BibTeX that names the same."""

import re

from django.urls import reverse
from django.utils import timezone, translation

from votes.models import Vote


def citation_of(page: str) -> tuple[str, str]:
    text = re.search(r'<p class="citation">(.*?)</p>', page, re.S).group(1)
    bibtex = re.search(r'<pre class="bibtex">(.*?)</pre>', page, re.S).group(1)
    return text, bibtex


def test_a_vote_page_cites_the_draft_the_report_and_itself(client, seed):
    vote = Vote.objects.get(draft=seed, subject_label="PP18")
    url = reverse("vote-page", args=[f"{seed.symbol}/PP18"])
    text, bibtex = citation_of(client.get(url).content.decode())
    assert seed.symbol in text and "PP18" in text and f"http://testserver{url}" in text
    assert "UN document A/C.1/79/" in text  # the committee report the vote was read from
    assert f"accessed {timezone.localdate().isoformat()}" in text
    assert bibtex.startswith("@misc{tally-vote-a-c-1-79-l-53-rev-1-pp18,") and f"\\url{{http://testserver{url}}}" in bibtex


def test_draft_and_country_pages_carry_a_citation(client, seed):
    text, _ = citation_of(client.get(reverse("draft-detail", args=[seed.symbol])).content.decode())
    assert text.startswith(f"\u201c{seed.symbol}:") and "UN document" in text
    text, bibtex = citation_of(client.get(reverse("country-detail", args=["CHN"])).content.decode())
    assert "Voting record of China (CHN)" in text and "@misc{tally-country-chn," in bibtex


def test_vote_and_draft_pages_link_their_un_documents_in_the_pages_language(client, seed):
    vote = Vote.objects.get(draft=seed, subject_label="PP18")
    page = client.get(reverse("vote-detail", args=[vote.pk]), follow=True).content.decode()
    assert f'href="https://undocs.org/en/{seed.symbol}"' in page
    assert vote.document.file_name in page and vote.document.sha256[:10] in page  # the seed prints no report symbol
    with translation.override("zh-hans"):
        page = client.get(reverse("draft-detail", args=[seed.symbol])).content.decode()
    assert f'href="https://undocs.org/zh/{seed.symbol}"' in page


def test_a_plenary_vote_links_its_verbatim_record_and_resolution(client, countries):
    from pathlib import Path

    from votes.plenary import ingest_plenary_file

    ingest_plenary_file(Path(__file__).resolve().parents[2] / "corpus" / "plenary" / "A-79-PV.29_en.txt")
    vote = Vote.objects.get(document__symbol="A/79/PV.29")
    page = client.get(reverse("vote-detail", args=[vote.pk]), follow=True).content.decode()
    assert 'href="https://undocs.org/en/A/79/PV.29"' in page and 'href="https://undocs.org/en/A/RES/79/6"' in page
