from django.apps import AppConfig


class VotesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "votes"
    verbose_name = "Voting record"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete

        from . import agreement, search
        from .models import Draft, Paragraph, Vote

        # However a vote goes (the admin, a draft deleted with its votes), the stored figures lose it.
        pre_delete.connect(agreement.vote_deleted, sender=Vote, dispatch_uid="votes.agreement.vote_deleted")
        # Drafts and paragraphs saved one by one (admin, corrections) keep their search text; ingest and the
        # synthetic corpus write in bulk and call votes.search themselves.
        post_save.connect(search.draft_saved, sender=Draft, dispatch_uid="votes.search.draft_saved")
        post_save.connect(search.paragraph_saved, sender=Paragraph, dispatch_uid="votes.search.paragraph_saved")
        post_delete.connect(search.paragraph_deleted, sender=Paragraph, dispatch_uid="votes.search.paragraph_deleted")
