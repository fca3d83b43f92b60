from django.apps import AppConfig


class VotesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "votes"
    verbose_name = "Voting record"

    def ready(self):
        from django.db.models.signals import pre_delete

        from . import agreement
        from .models import Vote

        # However a vote goes (the admin, a draft deleted with its votes), the stored figures lose it.
        pre_delete.connect(agreement.vote_deleted, sender=Vote, dispatch_uid="votes.agreement.vote_deleted")
