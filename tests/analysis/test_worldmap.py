"""The vote map: each State's fill is its position on the vote; non-members, former States and small States."""

import re

import pytest
from django.urls import reverse

from votes.analysis.worldmap import NOT_A_MEMBER, outlines, vote_map
from votes.models import Vote

DRAWN = re.compile(r'<(?:path|circle) class="country pos-(\w+)" fill="url\(#pattern-(\w+)\)"[^>]*?(?:data-country="(\w+)" )?data-position="(\w+)"')


def test_seed_vote_map_colours_match_the_positions(client, seed):
    vote = Vote.objects.filter(draft=seed, method="recorded").get(subject_label="whole")
    positions = dict(vote.positions.values_list("country_id", "position"))
    html = client.get(reverse("vote-detail", args=[vote.pk]), follow=True).content.decode()
    drawn = DRAWN.findall(html)
    assert len(drawn) > 190
    seen = {}
    for fill, pattern, iso3, position in drawn:
        assert fill == pattern == position  # the class and the pattern (colour and hatching) say the same
        if iso3:
            seen[iso3] = position
    # Every Member that voted is drawn (outline or dot) with its own position; everything else is "none".
    assert {iso3: p for iso3, p in seen.items() if iso3 in positions} == positions
    assert all(p == NOT_A_MEMBER for iso3, p in seen.items() if iso3 not in positions)
    assert seen.get("PSE") == NOT_A_MEMBER  # an observer State has no vote
    assert 'aria-labelledby="vote-map-title vote-map-desc"' in html and "Table of the map" in html


def test_former_states_take_their_successors_outlines():
    countries = [("SUN", "810", "USSR"), ("RUS", "643", "Russia"), ("UKR", "804", "Ukraine"), ("DDR", "278", "GDR"),
                 ("DEU", "276", "Germany"), ("USA", "840", "USA")]
    result = vote_map({"SUN": "no", "UKR": "yes", "DDR": "abstain", "DEU": "yes", "USA": "yes"}, countries=countries)
    by_outline = {c.d: c for c in result.shapes}
    data = outlines()
    assert by_outline[data["shapes"]["643"]].iso3 == "SUN" and by_outline[data["shapes"]["643"]].position == "no"
    assert by_outline[data["shapes"]["804"]].iso3 == "UKR"  # a Member itself that day (the Ukrainian SSR)
    assert by_outline[data["shapes"]["276"]].iso3 == "DEU"
    assert [(c.iso3, c.position) for c in result.dots] == [("DDR", "abstain")]
    assert result.unmapped == []


def test_small_states_are_dots():
    countries = [("TUV", "798", "Tuvalu"), ("MCO", "492", "Monaco"), ("FRA", "250", "France")]
    result = vote_map({"TUV": "yes", "MCO": "no", "FRA": "abstain"}, countries=countries)
    assert sorted((c.iso3, c.position) for c in result.dots) == [("MCO", "no"), ("TUV", "yes")]
    assert not result.unmapped


@pytest.mark.parametrize("position", ["yes", "no", "abstain", "absent", "none"])
def test_every_fill_has_a_pattern_and_a_legend_entry(client, position):
    from django.template.loader import render_to_string

    patterns = render_to_string("votes/analysis/_patterns.html")
    legend = render_to_string("votes/analysis/_legend.html", {"with_non_members": True})
    assert f'id="pattern-{position}"' in patterns and f"fill-{position}" in legend


def test_map_marks_escape_names_and_keep_one_mark_per_state():
    from votes.templatetags.tally import map_marks

    countries = [("FRA", "250", "France <b>&"), ("MCO", "492", "Monaco")]
    html = str(map_marks(vote_map({"FRA": "abstain", "MCO": "no"}, countries=countries)))
    assert "France &lt;b&gt;&amp;: Abstain" in html and "<b>" not in html
    drawn = {iso3: position for _, _, iso3, position in DRAWN.findall(html) if iso3}
    assert drawn == {"FRA": "abstain", "MCO": "no"}


def test_outlines_are_path_data_only():
    from votes.analysis.worldmap import PATH_DATA

    assert all(PATH_DATA.fullmatch(d) for d in outlines()["shapes"].values())
    assert not PATH_DATA.fullmatch('M0 0"/><script>')
