"""votes.search without a database: which terms are symbol fragments, where a fragment matches, and snippets cut
between words with the terms marked."""

import re

import pytest

from votes.search import is_symbol_fragment, snippet, symbol_pattern
from votes.templatetags.tally import mark_pieces

SEED_PP2_EN = (
    "Recalling also the Treaty on the Non-Proliferation of Nuclear Weapons, the Convention on the Prohibition of the "
    "Development, Production and Stockpiling of Bacteriological (Biological) and Toxin Weapons and on Their "
    "Destruction and the Convention on the Prohibition of the Development, Production, Stockpiling and Use of "
    "Chemical Weapons and on Their Destruction,"
)
SEED_PP2_ZH = (
    "又回顾《不扩散核武器条约》、《关于禁止发展、生产和储存细菌(生物)及毒素武器和销毁此种武器的公约》、"
    "《关于禁止发展、生产、储存和使用化学武器和销毁此种武器的公约》，"
)


@pytest.mark.parametrize("term", ["79/6", "a/res/55/132", "55/132", "l.53", "a/c.1/79/l.53", "c.1/79/l.53", "l.53/rev.1"])
def test_symbols_and_their_fragments_are_recognised(term):
    assert is_symbol_fragment(term)


@pytest.mark.parametrize("term", ["nuclear", "pp18", "export", "2024", "u.s.", "序言部分第十八段", "<script>alert(1)</script>"])
def test_words_are_not_symbol_fragments(term):
    assert not is_symbol_fragment(term)


@pytest.mark.parametrize(
    "term, text, found",
    [
        ("79/6", "a/res/79/6", True),
        ("79/6", "a/res/79/60", False),
        ("79/6", "a/res/179/6", False),
        ("79/6", "recalling its resolution 79/6 of 4 november", True),
        ("79/6", "recalling its resolution 79/6.", True),
        ("50/22", "a/res/50/22a", True),  # the parts of one resolution
        ("l.53", "a/c.1/79/l.53/rev.1", True),
        ("l.5", "a/c.1/79/l.53/rev.1", False),
        ("c.1/79/l.53", "a/c.1/79/l.53/rev.1", True),
        ("1/79/l.53", "a/c.1/79/l.53/rev.1", False),  # "1" is the end of a part, not a part
        ("a/c.1/79/l.53", "outer space\na/c.1/79/l.53", True),  # a line of the search row's heading
    ],
)
def test_a_fragment_matches_at_part_boundaries(term, text, found):
    assert bool(re.search(symbol_pattern(term), text)) is found


def test_a_snippet_is_cut_between_words_with_every_term_marked():
    pieces = snippet(SEED_PP2_EN, "toxin bacteriological", width=40)
    text = "".join(piece for piece, _ in pieces)
    assert text.startswith("…") and text.endswith("…")
    inner = text.strip("…")
    # Each end is a whole word of the paragraph.
    words = SEED_PP2_EN.split()
    assert inner.split()[0] in words and inner.split()[-1] in words
    assert [piece for piece, marked in pieces if marked] == ["Bacteriological", "Toxin"]


def test_no_word_is_cut_whatever_the_width():
    words = set(SEED_PP2_EN.replace(",", " ").split())
    for width in range(5, 80, 3):
        text = "".join(piece for piece, _ in snippet(SEED_PP2_EN, "toxin", width=width))
        assert all(word.strip(",") in words for word in text.strip("…").split()), (width, text)


def test_words_side_by_side_are_one_mark_and_the_text_keeps_its_spaces():
    pieces = snippet("Noting with concern the undue restrictions on exports", "restrictions undue", width=60)
    assert pieces == [("Noting with concern the ", False), ("undue restrictions", True), (" on exports", False)]


def test_chinese_is_cut_on_characters():
    # `width` characters either side (there is no space to cut at), the ends not moved.
    pieces = snippet(SEED_PP2_ZH, "毒素武器", width=10)
    assert pieces == [("…", False), ("和储存细菌(生物)及", False), ("毒素武器", True), ("和销毁此种武器的公约", False), ("…", False)]


def test_a_symbol_in_running_text_is_marked_whole_and_not_inside_another():
    pieces = snippet("Recalling its resolutions 79/60 and 79/6 of 4 November 2024", "79/6")
    assert [piece for piece, marked in pieces if marked] == ["79/6"]
    assert "".join(piece for piece, _ in pieces).startswith("Recalling its resolutions 79/60 and 79/6")


def test_no_term_in_the_text_is_no_snippet():
    assert snippet(SEED_PP2_EN, "outer space") is None
    assert snippet("", "nuclear") is None


def test_the_markup_escapes_text_and_query_alike():
    html = mark_pieces(snippet("A <b>bold</b> claim about <script>alert(1)</script> here", "<script>alert(1)</script>"))
    assert html == "A &lt;b&gt;bold&lt;/b&gt; claim about <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> here"
