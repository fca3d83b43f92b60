from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CurationConfig(AppConfig):
    """Data entry and correction by staff: corrections, report upload, staff groups."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "curation"
    verbose_name = "Data entry and corrections"

    def ready(self) -> None:
        from .groups import sync_after_migrate

        # The editors and viewers groups follow the models: created, and their permissions set, by `migrate`.
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="curation.sync_staff_groups")
