from django.apps import AppConfig


class VotesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "votes"
    verbose_name = "Voting record"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
        from threadpoolctl import threadpool_limits

        import numpy  # noqa: F401  (loaded now: the limit reaches only a BLAS already loaded)

        threadpool_limits(limits=settings.BLAS_THREADS, user_api="blas")  # for the whole process: see the setting

        from . import figures
        from .models import Draft, Paragraph, Vote

        # However a vote goes (the admin, a draft deleted with its votes), the stored figures lose it; drafts and
        # paragraphs saved or deleted one by one (admin, corrections) mark their search rows. See votes.figures.
        pre_delete.connect(figures.vote_deleting, sender=Vote, dispatch_uid="votes.figures.vote_deleting")
        post_delete.connect(figures.vote_deleted, sender=Vote, dispatch_uid="votes.figures.vote_deleted")
        post_save.connect(figures.draft_saved, sender=Draft, dispatch_uid="votes.figures.draft_saved")
        post_save.connect(figures.paragraph_saved, sender=Paragraph, dispatch_uid="votes.figures.paragraph_saved")
        post_delete.connect(figures.paragraph_deleted, sender=Paragraph, dispatch_uid="votes.figures.paragraph_deleted")
        post_migrate.connect(figures.fill_missing, sender=self, dispatch_uid="votes.figures.fill_missing")
