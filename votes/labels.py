"""Translated display labels for the coded values of the models: the models' own choice labels (marked for
translation there), gathered by field for forms, templates and page headings; exports keep the codes.
"""

from .models import Country, Draft, IntendedPosition, Position, Sponsorship, Vote

POSITION = {**dict(Position.Value.choices), **dict(IntendedPosition.Value.choices)}
SUBJECT = dict(Vote.Subject.choices)
METHOD = dict(Vote.Method.choices)
OUTCOME = dict(Vote.Outcome.choices)
COUNTRY_KIND = dict(Country.Kind.choices)
DRAFT_KIND = dict(Draft.Kind.choices)
SPONSOR_KIND = dict(Sponsorship.Kind.choices)

# Voeten's coding of positions (UN General Assembly Voting Data): 1 yes, 2 abstain, 3 no, 8 absent.
VOETEN = {"yes": 1, "abstain": 2, "no": 3, "absent": 8}


def choices(labels: dict) -> list[tuple[str, str]]:
    return list(labels.items())
