"""The filter forms' Python-rendered widgets give the markup of Django's template-rendered ones."""

import datetime

import pytest
from django import forms

from votes import filters


@pytest.mark.parametrize(
    "fast, django_widget, value",
    [
        (filters.TextInput(attrs={"placeholder": 'a"<b'}), forms.TextInput(attrs={"placeholder": 'a"<b'}), "x\"&<y'"),
        (filters.TextInput(attrs={"required": True, "disabled": False}), forms.TextInput(attrs={"required": True, "disabled": False}), ""),
        (filters.NumberInput(attrs={"min": 1, "size": 5}), forms.NumberInput(attrs={"min": 1, "size": 5}), 3),
        (filters.NumberInput(attrs={"min": 1}), forms.NumberInput(attrs={"min": 1}), None),
        (filters.DateInput(format="%Y-%m-%d"), forms.DateInput(format="%Y-%m-%d"), datetime.date(2024, 11, 6)),
    ],
)
def test_fast_inputs_render_like_django(fast, django_widget, value):
    assert fast.render("q", value, {"id": "id_q"}) == django_widget.render("q", value, {"id": "id_q"})


def test_the_search_box_keeps_its_type(client, db):
    html = client.get("/votes/", {"q": "nuclear"}).content.decode()
    assert '<input type="search" name="q" value="nuclear"' in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("name", ["country", "sponsor", "session", "body"])
def test_light_menus_render_like_their_querysets(mini, rf, name, language):
    """The country, session and body menus come from one values_list query each; their markup is the one the
    fields' own querysets and labels give."""
    from django.utils import translation

    with translation.override(language):
        request = rf.get("/votes/", {name: {"country": "CHN", "sponsor": "CIV", "session": "79", "body": "C.1"}[name]})
        filterset = filters.VoteFilterSet(request.GET, request=request)
        bound = filterset.form[name]
        light = str(bound)
        del bound.field.widget.light_choices
        bound.field.widget.choices = bound.field.choices  # the queryset's own (value, label) pairs
        assert light == str(bound)
        assert " selected>" in light
