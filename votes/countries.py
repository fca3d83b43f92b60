"""Loading the country reference (`reference/data/*.csv`, via `reference.CountryDirectory`) into the database."""

from __future__ import annotations

import datetime

from django.db import transaction

from reference import CountryDirectory

from .analysis.groups import load_groups
from .models import LANGUAGES, Country, CountryName, Membership, sort_keys

ONE_DAY = datetime.timedelta(days=1)


def _country_fields(record) -> dict:
    fields = {
        "iso2": record.iso2 or "",
        "m49": record.m49 or "",
        "kind": record.kind,
        "admitted": record.admitted,
        "ended": record.ended,
        "notes": record.notes or "",
    }
    for language in LANGUAGES:
        fields[f"name_{language}"] = record.names.get(language, "") or ""
    # bulk_create does not call Country.save, which keeps them
    fields["name_en_sort"], fields["name_zh_sort"] = sort_keys(fields["name_en"], fields["name_zh"])
    return fields


def _membership_rows(record) -> list[Membership]:
    # The reference gives half-open periods (end = first day no longer a member); the table stores the last day.
    return [
        Membership(country_id=record.iso3, start=start, end=(end - ONE_DAY) if end else None)
        for start, end in record.memberships
    ]


@transaction.atomic
def load_countries(directory: CountryDirectory | None = None) -> dict[str, int]:
    """Create or update every country, its memberships, other names and successors. Idempotent.

    Returns counts of what was created and updated, for the command to print.
    """
    directory = directory or CountryDirectory.default()
    records = directory.all()
    existing = {country.iso3: country for country in Country.objects.all()}
    created, updated = 0, 0
    to_create = []
    for record in records:
        fields = _country_fields(record)
        country = existing.get(record.iso3)
        if country is None:
            to_create.append(Country(iso3=record.iso3, **fields))
            created += 1
        elif any(getattr(country, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(country, name, value)
            country.save()
            updated += 1
    Country.objects.bulk_create(to_create)

    # Memberships, other names and successors are derived wholly from the reference: replace them.
    Membership.objects.all().delete()
    Membership.objects.bulk_create([row for record in records for row in _membership_rows(record)])
    CountryName.objects.all().delete()
    seen = set()
    names = []
    for other in directory.other_names():
        key = (other.iso3, other.language, other.name)
        if key in seen:  # one row per string: a name listed with two periods keeps the first
            continue
        seen.add(key)
        names.append(
            CountryName(
                country_id=other.iso3,
                language=other.language,
                name=other.name,
                valid_from=other.valid_from,
                valid_to=(other.valid_to - ONE_DAY) if other.valid_to else None,
                note=other.note or "",
            )
        )
    CountryName.objects.bulk_create(names)
    Successor = Country.successors.through
    Successor.objects.all().delete()
    Successor.objects.bulk_create(
        [
            Successor(from_country_id=record.iso3, to_country_id=successor)
            for record in records
            for successor in record.successors
        ]
    )
    groups = load_groups(directory)
    return {"countries": len(records), "created": created, "updated": updated, "other_names": len(names), **groups}
