"""Loading the groups of States (reference/data/groups.csv, group_memberships.csv) into the database, and who
belonged to which group on a given day."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction

from reference import CountryDirectory
from reference.groups import GroupDirectory

from ..models import Group, GroupMembership, Position

ONE_DAY = datetime.timedelta(days=1)


def _effective_periods(record, country) -> list[tuple[datetime.date, datetime.date | None]]:
    """The group row cut to the State's UN membership periods (half-open)."""
    periods = []
    for start, end in country.memberships:
        lo = max(start, record.start) if record.start else start
        if record.end and end:
            hi = min(end, record.end)
        else:
            hi = record.end or end
        if hi is None or lo < hi:
            periods.append((lo, hi))
    return periods


@transaction.atomic
def load_groups(countries: CountryDirectory | None = None) -> dict[str, int]:
    """Create or update every group and replace their memberships from the files. Idempotent."""
    countries = countries or CountryDirectory.default()
    directory = GroupDirectory.from_files(countries=countries)
    for order, record in enumerate(directory.all()):
        Group.objects.update_or_create(
            code=record.code,
            defaults={"kind": record.kind, "name_en": record.name_en, "name_zh": record.name_zh,
                      "source": record.source, "order": order},
        )
    Group.objects.exclude(code__in=list(directory.groups)).delete()
    rows = []
    for record in directory.memberships:
        for start, end in _effective_periods(record, countries.get(record.country)):
            rows.append(GroupMembership(group_id=record.group, country_id=record.country, start=start,
                                        end=(end - ONE_DAY) if end else None, role=record.role, note=record.note))
    def periods(memberships):
        return sorted((m.group_id, m.country_id, m.start, m.end, m.role) for m in memberships)

    changed = periods(GroupMembership.objects.all()) != periods(rows)
    GroupMembership.objects.all().delete()
    GroupMembership.objects.bulk_create(rows)
    if changed and Position.objects.exists():
        # The group figures count members on each vote's date: new dates or members change them.
        from .. import figures  # votes.figures imports this package's figure modules

        figures.recount(["group cohesion", "group cohesion by issue"])
    return {"groups": len(directory.groups), "group_memberships": len(rows), "group_figures_recounted": changed}


class MembershipCalendar:
    """Every group membership in memory (a few hundred rows), to say who was in which group on a day without a
    query per vote."""

    def __init__(self, rows=None):
        if rows is None:
            rows = GroupMembership.objects.values_list("group_id", "country_id", "start", "end")
        self.by_country: dict[str, list[tuple[str, datetime.date, datetime.date | None]]] = defaultdict(list)
        for group, country, start, end in rows:
            self.by_country[country].append((group, start, end))

    def groups_of(self, country: str, day: datetime.date | None) -> list[str]:
        if day is None:
            return []
        return [group for group, start, end in self.by_country.get(country, ()) if start <= day and (end is None or day <= end)]


# --- what the group pages read (stored figures only: a few hundred rows per group) --------------------------


def members_on(code: str, day: datetime.date):
    from ..models import GroupMembership

    return GroupMembership.objects.on(day).filter(group_id=code).select_related("country").order_by("country__name_en")


def cohesion_by(code: str, key: str, body: str | None = None) -> list[dict]:
    """The group's stored cohesion summed by `key` ("session_id" or "body_id"): votes, mean AI, split votes and
    the members' positions, in key order."""
    from django.db.models import Sum

    from ..models import GroupCohesion

    rows = GroupCohesion.objects.filter(group_id=code)
    if body:
        rows = rows.filter(body_id=body)
    rows = rows.values(key).annotate(
        votes_=Sum("votes"), ai_millionths_=Sum("ai_millionths"), split_=Sum("split"),
        yes_=Sum("yes"), no_=Sum("no"), abstain_=Sum("abstain"), absent_=Sum("absent"),
    ).order_by(key)
    result = []
    for row in rows:
        item = {name.rstrip("_"): value for name, value in row.items()}
        item["key"] = row[key]
        item["mean_ai"] = item["ai_millionths"] / 1e6 / item["votes"] if item["votes"] else None
        result.append(item)
    return result


def cohesion_by_issue(code: str) -> list:
    """The group's stored cohesion on the votes tagged with each issue (`GroupIssueCohesion`), by issue name."""
    from ..models import GroupIssueCohesion

    return list(GroupIssueCohesion.objects.filter(group_id=code).select_related("issue").order_by("issue__name"))


def dissenters(code: str, limit: int = 10, min_votes: int = 1) -> list:
    from django.db.models import F, FloatField
    from django.db.models.functions import Cast

    from ..models import GroupDissent

    return list(
        GroupDissent.objects.filter(group_id=code, votes__gte=min_votes, dissents__gt=0)
        .annotate(share=Cast(F("dissents"), FloatField()) / F("votes"))
        .select_related("country")
        .order_by("-dissents", "-share", "country_id")[:limit]
    )


def with_member_counts(day: datetime.date):
    from django.db.models import Count, Q

    from ..models import Group

    on_day = Q(memberships__start__lte=day) & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=day))
    return Group.objects.annotate(members_on_day=Count("memberships", filter=on_day))
