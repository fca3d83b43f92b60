"""Translated display labels for the coded values of the models (the models' own choice labels are English only).

Forms, templates and page headings read these; exports keep the codes themselves.
"""

from django.utils.translation import gettext_lazy as _

POSITION = {
    "yes": _("Yes"),
    "no": _("No"),
    "abstain": _("Abstain"),
    "absent": _("Absent"),
    "non_participation": _("Not participate"),
}

SUBJECT = {
    "whole": _("Draft as a whole"),
    "paragraph": _("Paragraph"),
    "amendment": _("Amendment"),
}

METHOD = {
    "recorded": _("Recorded vote"),
    "without_vote": _("Without a vote"),
}

OUTCOME = {
    "adopted": _("Adopted"),
    "retained": _("Retained"),
    "rejected": _("Rejected"),
}

COUNTRY_KIND = {
    "member": _("Member State"),
    "observer": _("Observer State"),
    "former": _("Former State"),
}

DRAFT_KIND = {
    "resolution": _("Draft resolution"),
    "decision": _("Draft decision"),
}

SPONSOR_KIND = {
    "original": _("Original sponsor"),
    "later": _("Joined later"),
}

# Voeten's coding of positions (UN General Assembly Voting Data): 1 yes, 2 abstain, 3 no, 8 absent.
VOETEN = {"yes": 1, "abstain": 2, "no": 3, "absent": 8}


def choices(labels: dict) -> list[tuple[str, str]]:
    return list(labels.items())
