"""The parameters of the analysis pages, validated (400 on bad input, as the lists do)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Body


class SessionRangeForm(forms.Form):
    start = forms.IntegerField(required=False, min_value=1, max_value=200, label=_("From session"))
    end = forms.IntegerField(required=False, min_value=1, max_value=200, label=_("To session"))


    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The first session comes after the last."))
        return data


class CountryAnalysisForm(SessionRangeForm):
    """A range of sessions and, optionally, one body (the plenary or a Main Committee): an unknown body is an error."""

    body = forms.ModelChoiceField(
        queryset=Body.objects.all(), to_field_name="code", required=False, label=_("Body"), empty_label=_("All bodies")
    )
    # Empty: a tenth of the largest n (votes both cast) among the partners (similarity.RANKED_SHARE_OF_LARGEST_N).
    min_votes = forms.IntegerField(required=False, min_value=1, max_value=1_000_000, label=_("Ranked from n ="))
