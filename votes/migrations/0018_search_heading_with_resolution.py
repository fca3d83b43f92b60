"""The search rows' heading holds the resolution a draft became (votes.search.heading_parts), so that "79/6" or
"A/RES/55/132" finds the committee's draft: the rows of drafts with a resolution of another symbol are rewritten
(by this migration's rule and models, never today's code)."""

from django.db import migrations
from django.db.models import F

LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")


def _normalised(parts) -> str:
    keys = (" ".join((part or "").split()).lower() for part in parts)
    return "\n".join(key for key in keys if key)


def add_resolutions(apps, schema_editor):
    Draft = apps.get_model("votes", "Draft")
    DraftSearchText = apps.get_model("votes", "DraftSearchText")
    drafts = Draft.objects.exclude(resolution="").exclude(resolution=F("symbol")).filter(search_text__isnull=False)
    rows = [
        DraftSearchText(draft_id=pk, heading=_normalised([symbol, resolution, *titles]))
        for pk, symbol, resolution, *titles in drafts.values_list(
            "pk", "symbol", "resolution", *(f"title_{lang}" for lang in LANGUAGES)
        ).iterator()
    ]
    DraftSearchText.objects.bulk_update(rows, ["heading"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("votes", "0017_agreement_by_body_and_cohesion_by_issue")]

    operations = [migrations.RunPython(add_resolutions, migrations.RunPython.noop)]
