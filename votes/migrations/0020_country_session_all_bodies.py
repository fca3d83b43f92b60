"""Figures over all bodies read one row per country and session (votes.analysis.similarity): a session that voted
in several bodies gets a row per country over all of them (body empty: the field made nullable, such rows given a
unique constraint of their own), written here as the sums of its bodies' rows (a vote is in one body); in a
session of one body, that body's rows are marked `sole_body`. The texts are decoded and encoded here as
`votes.analysis.similarity` does ("BRA 3 1,CHN 3 0"): a migration does not import the code of today."""

from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models

COUNTS = ("yes", "no", "abstain", "absent")


def add_all_bodies_rows(apps, schema_editor):
    CountrySession = apps.get_model("votes", "CountrySession")
    bodies = defaultdict(set)
    for session_id, body_id in CountrySession.objects.values_list("session_id", "body_id").distinct():
        bodies[session_id].add(body_id)
    one = [session_id for session_id, voted_in in bodies.items() if len(voted_in) == 1]
    CountrySession.objects.filter(session_id__in=one).update(sole_body=True)
    sums = defaultdict(lambda: {"counts": dict.fromkeys(COUNTS, 0), "pairs": defaultdict(lambda: [0, 0])})
    rows = CountrySession.objects.exclude(session_id__in=one).values_list("country_id", "session_id", *COUNTS, "pairs")
    for country_id, session_id, *counts, pairs in rows.iterator(chunk_size=2000):
        total = sums[(country_id, session_id)]
        for name, count in zip(COUNTS, counts):
            total["counts"][name] += count
        for entry in pairs.split(",") if pairs else ():
            other, votes, agreed = entry.split(" ")
            total["pairs"][other][0] += int(votes)
            total["pairs"][other][1] += int(agreed)
    CountrySession.objects.bulk_create(
        [
            CountrySession(
                country_id=country_id, session_id=session_id, body=None, **total["counts"],
                pairs=",".join(f"{other} {votes} {agreed}" for other, (votes, agreed) in sorted(total["pairs"].items())),
            )
            for (country_id, session_id), total in sums.items()
        ],
        batch_size=500,
    )


def remove_all_bodies_rows(apps, schema_editor):
    apps.get_model("votes", "CountrySession").objects.filter(body__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("votes", "0019_ordering_by_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="countrysession",
            name="sole_body",
            field=models.BooleanField(
                default=False,
                help_text="The session voted in this body alone: the row is also the session's over all bodies (then not written).",
            ),
        ),
        migrations.AlterField(
            model_name="countrysession",
            name="body",
            field=models.ForeignKey(
                blank=True, help_text="The body that voted; empty: the session's votes in all bodies.", null=True,
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="votes.body",
            ),
        ),
        migrations.AddConstraint(
            model_name="countrysession",
            constraint=models.UniqueConstraint(
                condition=models.Q(("body__isnull", True)), fields=("country", "session"), name="countrysession_unique_all_bodies"
            ),
        ),
        migrations.RunPython(add_all_bodies_rows, remove_all_bodies_rows),
    ]
