"""Named, chainable query logic: views and exports call these, templates never query."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q


class CountryQuerySet(models.QuerySet):
    def members_on(self, on_date: datetime.date) -> "CountryQuerySet":
        """States that were UN Members on that date (observers are not)."""
        return self.filter(
            Q(memberships__start__lte=on_date) & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=on_date))
        ).distinct()

    def current_members(self) -> "CountryQuerySet":
        return self.filter(kind="member")


class DraftQuerySet(models.QuerySet):
    def with_relations(self) -> "DraftQuerySet":
        return self.select_related("session", "body", "agenda_item")


class VoteQuerySet(models.QuerySet):
    def recorded(self) -> "VoteQuerySet":
        return self.filter(method="recorded")

    def without_vote(self) -> "VoteQuerySet":
        return self.filter(method="without_vote")

    def on_paragraphs(self) -> "VoteQuerySet":
        return self.filter(subject="paragraph")

    def on_whole(self) -> "VoteQuerySet":
        return self.filter(subject="whole")

    def for_listing(self) -> "VoteQuerySet":
        """What a list row shows: the draft, its body and the paragraph, in one query."""
        return self.select_related("draft", "body", "paragraph", "session")


class PositionQuerySet(models.QuerySet):
    def of_country(self, iso3: str) -> "PositionQuerySet":
        return self.filter(country_id=iso3)

    def voting(self) -> "PositionQuerySet":
        """Positions actually cast (absent excluded)."""
        return self.exclude(position="absent")
