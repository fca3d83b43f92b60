"""Hand corrections by staff. A correction is its own record, so re-ingesting a report cannot silently undo it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class CorrectionQuerySet(models.QuerySet):
    def for_object(self, obj) -> "CorrectionQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def for_model(self, model) -> "CorrectionQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def sponsorships_by_hand(self, draft_symbol: str) -> dict[str, str]:
        """{iso3: kind} for the sponsors of a draft that staff added, changed or removed by hand, the newest
        correction winning; kind "" means removed. Keyed by the record's natural key (`Correction.key`), which
        survives the deletion of the Sponsorship row itself."""
        from votes.models import Sponsorship

        values = {}
        rows = self.for_model(Sponsorship).filter(field="kind", key__draft=draft_symbol).order_by("created_at", "id")
        for key, value in rows.values_list("key", "new_value"):
            values[key["country"]] = value
        return values

    def latest_values(self, model) -> dict[tuple[int, str], str]:
        """{(object_id, field): corrected value} for a model, the newest correction of each field winning."""
        values = {}
        rows = self.filter(content_type=ContentType.objects.get_for_model(model)).order_by("created_at", "id")
        for object_id, field, value in rows.values_list("object_id", "field", "new_value"):
            values[(object_id, field)] = value
        return values


class Correction(models.Model):
    """A value changed by hand: which field of which record, the value before and after, who, when and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, help_text="Kind of record corrected.")
    object_id = models.PositiveBigIntegerField(help_text="Primary key of the record corrected.")
    record = GenericForeignKey("content_type", "object_id")
    key = models.JSONField(
        default=dict,
        blank=True,
        help_text='Natural key of the record, which outlives its row: {"draft": symbol, "country": iso3} for a '
        'sponsorship, {"draft", "body", "subject_label"} for a vote (plus "country" for a position), '
        '{"draft", "voted_label"} for a paragraph.',
    )
    field = models.CharField(max_length=64, help_text='Name of the corrected field, e.g. "position" or "text_en".')
    old_value = models.TextField(blank=True, help_text="The value before the correction (as the report gave it).")
    new_value = models.TextField(blank=True, help_text="The corrected value.")
    reason = models.TextField(help_text="Why the value was corrected (source, e.g. the verbatim record A/79/PV.29).")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, help_text="Who corrected it."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it was corrected.")

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "field"], name="correction_target_idx")]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}.{self.field}: {self.old_value!r} → {self.new_value!r}"
