"""What the admin's forms do, as plain functions the tests call too: record corrections, store a vote's
positions from pasted lists, create staff accounts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from votes import figures
from votes.models import LANGUAGES, Correction, Country, Draft, Paragraph, Position, Sponsorship, Vote

from .groups import GROUPS, sync_staff_groups
from votes.models import Correction

# Fields whose hand changes are recorded as corrections (so that re-ingesting a report keeps them).
CORRECTED_FIELDS = {
    Vote: ("method", "outcome", "meeting", "date", "stated_yes", "stated_no", "stated_abstain"),
    Position: ("position",),
    Paragraph: tuple(f"text_{code}" for code in LANGUAGES) + ("label", "in_adopted_text"),
    Sponsorship: ("kind",),
    Draft: tuple(f"title_{code}" for code in LANGUAGES),
}


def as_text(value) -> str:
    """A field value as a correction stores it: "" for None, ISO dates, model instances by primary key."""
    if value is None:
        return ""
    if hasattr(value, "pk"):
        return str(value.pk)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def natural_key(obj) -> dict:
    """The key a correction keeps for its record, which outlives the row (see `Correction.key`)."""
    if isinstance(obj, Sponsorship):
        return {"draft": obj.draft.symbol, "country": obj.country_id}
    if isinstance(obj, Paragraph):
        return {"draft": obj.draft.symbol, "voted_label": obj.voted_label}
    if isinstance(obj, Vote):
        return {"draft": obj.draft.symbol, "body": obj.body_id, "subject_label": obj.subject_label}
    if isinstance(obj, Position):
        return {**natural_key(obj.vote), "country": obj.country_id}
    if isinstance(obj, Draft):
        return {"draft": obj.symbol}
    return {}


def record_corrections(obj, changes: dict[str, tuple], *, reason: str, user=None) -> list[Correction]:
    """One Correction per changed field: {field: (old, new)}; unchanged pairs are skipped."""
    content_type = ContentType.objects.get_for_model(obj)
    key = natural_key(obj)
    rows = [
        Correction(
            content_type=content_type,
            object_id=obj.pk,
            key=key,
            field=name,
            old_value=as_text(old),
            new_value=as_text(new),
            reason=reason,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        for name, (old, new) in changes.items()
        if as_text(old) != as_text(new)
    ]
    return Correction.objects.bulk_create(rows)


def record_hand_change(obj, before: dict | None, *, deleted: bool = False, reason: str, user=None) -> list[Correction]:
    """Record what a form did to `obj` as corrections of its CORRECTED_FIELDS: `before` holds the field values
    before the change (None when the record was added by hand); `deleted` when it was removed.

    A sponsorship is a fact about its (draft, country) pair: adding one records kind "" → kind, removing one
    kind → "", and moving a row to another country records both."""
    fields = CORRECTED_FIELDS.get(type(obj), ())
    if deleted:
        return record_corrections(obj, {name: (getattr(obj, name), None) for name in fields}, reason=reason, user=user)
    if before is None:
        return record_corrections(obj, {name: (None, getattr(obj, name)) for name in fields}, reason=reason, user=user)
    if isinstance(obj, Sponsorship) and as_text(before.get("country")) != as_text(obj.country_id):
        old = Sponsorship(pk=obj.pk, draft=obj.draft, country_id=as_text(before.get("country")), kind=before.get("kind"))
        return record_hand_change(old, None, deleted=True, reason=reason, user=user) + record_hand_change(
            obj, None, reason=reason, user=user
        )
    after = {name: getattr(obj, name) for name in fields}
    return record_corrections(obj, changed_fields(before, after, fields), reason=reason, user=user)


def member_codes_on(on_date: datetime.date) -> set[str]:
    """ISO codes of the Member States on a date (from the loaded memberships, as ingestion counts them)."""
    return set(Country.objects.members_on(on_date).values_list("iso3", flat=True))


def set_positions(
    vote: Vote, listed: dict[str, str], *, user=None, reason: str = "", correct: bool = True
) -> dict[str, int]:
    """Give every Member on the vote's date a position: the listed one ({iso3: "yes"|"no"|"abstain"}) or
    absent. Changed positions of an existing vote are recorded as corrections when `correct` is true; every
    change is in the positions' history. The vote's counts and the stored figures follow (`votes.figures`).
    Returns {"created", "updated", "deleted"}."""
    if vote.date is None:
        raise ValueError("a recorded vote needs its date to know who was a Member")
    members = member_codes_on(vote.date)
    not_members = sorted(set(listed) - members)
    if not_members:
        raise ValueError(f"not Members on {vote.date}: {', '.join(not_members)}")
    wanted = {iso3: listed.get(iso3, Position.Value.ABSENT) for iso3 in sorted(members)}
    with figures.changing(votes=[vote.pk]):
        counts = _store_positions(vote, wanted, user=user, reason=reason, correct=correct)
    vote.refresh_from_db(fields=figures.VoteCounts.fields)
    return counts


def _store_positions(vote: Vote, wanted: dict[str, str], *, user, reason: str, correct: bool) -> dict[str, int]:
    stored = {p.country_id: p for p in vote.positions.select_related("vote__draft")}
    user = user if getattr(user, "is_authenticated", False) else None
    new = [Position(vote=vote, country_id=iso3, position=value) for iso3, value in wanted.items() if iso3 not in stored]
    changed, changes = [], []
    for iso3, position in stored.items():
        if iso3 in wanted and position.position != wanted[iso3]:
            changes.append((position, position.position, wanted[iso3]))
            position.position = wanted[iso3]
            changed.append(position)
    gone = [position for iso3, position in stored.items() if iso3 not in wanted]
    if new:
        bulk_create_with_history(new, Position, default_user=user, default_change_reason=reason or None)
    if changed:
        bulk_update_with_history(
            changed, Position, ["position"], default_user=user, default_change_reason=reason or None
        )
        if correct:
            for position, old, value in changes:
                record_corrections(position, {"position": (old, value)}, reason=reason, user=user)
    for position in gone:  # the vote's date changed: no longer a Member then
        position._change_reason = reason or None
        position.delete()
    return {"created": len(new), "updated": len(changed), "deleted": len(gone)}


def create_staff_user(username: str, password: str, group: str, *, email: str = "", superuser: bool = False):
    """A staff account in one of the groups (`editors`, `viewers`), its password checked by the validators."""
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}; expected one of {', '.join(GROUPS)}")
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValueError(f"a user named {username!r} exists already")
    user = User(username=username, email=email, is_staff=True, is_superuser=superuser)
    password_validation.validate_password(password, user)
    user.set_password(password)
    with transaction.atomic():
        user.save()
        if not Group.objects.filter(name=group).exists():
            sync_staff_groups()
        user.groups.add(Group.objects.get(name=group))
    return user


def changed_fields(initial: dict, cleaned: dict, fields: Iterable[str]) -> dict[str, tuple]:
    """{field: (old, new)} for the fields whose value differs between a form's initial and cleaned data."""
    return {
        name: (initial.get(name), cleaned.get(name))
        for name in fields
        if name in cleaned and as_text(initial.get(name)) != as_text(cleaned.get(name))
    }
