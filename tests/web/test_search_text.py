"""votes.search: the per-draft search rows stay in step with drafts and paragraphs, however they are written."""

import pytest

from votes.models import DraftSearchText, Paragraph, Vote
from votes.search import rebuild_search_texts, refresh_search_texts, search_key, search_terms

from .factories import DraftFactory, ParagraphFactory


def found(text: str) -> list[str]:
    return sorted(Vote.objects.matching(text).values_list("subject_label", flat=True))


def test_search_key_lowercases_and_collapses_whitespace():
    assert search_key("  Nuclear\n  WEAPONS\tfree ") == "nuclear weapons free"
    assert search_key("核武器") == "核武器"


def test_search_terms_are_words_and_quoted_phrases():
    assert search_terms('Export  "Undue restrictions" L.53') == ["export", "undue restrictions", "l.53"]
    assert search_terms('"unclosed phrase') == ['"unclosed', "phrase"]  # a lone quote is part of a word
    assert search_terms('  "" ') == []


def test_rows_follow_edits_of_paragraphs_and_titles(mini):
    paragraph = mini["draft"].paragraphs.get(voted_label="OP1")
    assert found("fissile material") == []
    paragraph.text_en = "Calls for a treaty banning the production of fissile material"
    paragraph.save()  # as the admin does
    assert found("FISSILE  material") == ["OP1", "whole"]  # the paragraph's own vote and the vote on the whole
    draft = mini["draft"]
    draft.title_fr = "Promotion de la coopération internationale"
    draft.save()
    assert found("coopération internationale") == ["OP1", "PP2", "whole"]  # a title matches every vote


def test_deleted_paragraph_leaves_the_search_once_committed(mini, django_capture_on_commit_callbacks):
    paragraph = mini["draft"].paragraphs.get(voted_label="PP3")  # not voted on separately
    assert search_key(paragraph.text_zh) in DraftSearchText.objects.get(draft=mini["draft"]).body
    with django_capture_on_commit_callbacks(execute=True):
        paragraph.delete()
    assert search_key(paragraph.text_zh) not in DraftSearchText.objects.get(draft=mini["draft"]).body


def test_a_deleted_draft_takes_its_row(mini, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mini["other"].delete()
    assert not DraftSearchText.objects.filter(draft_id=mini["other"].pk).exists()


def test_parts_never_match_across_their_boundary(db):
    draft = DraftFactory(title_en="Outer space")
    ParagraphFactory(draft=draft, part="operative", number=1, text_en="First ends here")
    ParagraphFactory(draft=draft, part="operative", number=2, text_en="Second starts")
    refresh_search_texts([draft.pk])
    assert search_key("here second") not in DraftSearchText.objects.get(draft=draft).body
    assert list(Paragraph.objects.filter(draft=draft).values_list("number", flat=True)) == [1, 2]


def test_rebuild_writes_the_same_rows_as_refresh(mini):
    before = {row.draft_id: (row.heading, row.body) for row in DraftSearchText.objects.all()}
    DraftSearchText.objects.all().delete()
    assert rebuild_search_texts() == len(before)
    assert {row.draft_id: (row.heading, row.body) for row in DraftSearchText.objects.all()} == before


@pytest.mark.parametrize("query", ["undue restrictions", "序言部分第1段", "l.53/rev.1"])
def test_search_rows_hold_every_language_and_the_symbol(mini, query):
    assert Vote.objects.matching(query).exists()
