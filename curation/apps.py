from django.apps import AppConfig


class CurationConfig(AppConfig):
    """Data entry and correction by staff: corrections, report upload, staff groups."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "curation"
    verbose_name = "Data entry and corrections"
