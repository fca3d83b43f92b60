"""The parameters of the analysis pages, validated (400 on bad input, as the lists do)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SessionRangeForm(forms.Form):
    start = forms.IntegerField(required=False, min_value=1, max_value=200, label=_("From session"))
    end = forms.IntegerField(required=False, min_value=1, max_value=200, label=_("To session"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The first session comes after the last."))
        return data
