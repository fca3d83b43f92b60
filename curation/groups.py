"""The two staff groups and their permissions, kept in step with the models on every `migrate`.

- **editors** enter and correct the record and upload reports: view everything; add and change drafts, votes,
  paragraphs, sponsorships (and remove sponsors, paragraphs, mistaken votes and ingested documents); correct positions; upload reports (the
  `add_document` permission). Countries and their names come from the reference data (`load_countries`), and
  agreement scores are computed: editors only view them. Corrections are written by the change forms, never
  by hand.
- **viewers** read the admin and change nothing: `view_*` permissions only.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

EDITORS = "editors"
VIEWERS = "viewers"
GROUPS = (EDITORS, VIEWERS)

# The apps whose models staff read in the admin.
STAFF_APPS = ("votes", "curation")

# model -> the actions an editor may take besides viewing.
EDITOR_ACTIONS = {
    "votes.session": ("add", "change"),
    "votes.body": ("change",),
    "votes.agendaitem": ("add", "change"),
    "votes.document": ("add", "delete"),  # = upload a report; delete one with what it alone produced
    "votes.draft": ("add", "change"),
    "votes.sponsorship": ("add", "change", "delete"),
    "votes.paragraph": ("add", "change", "delete"),
    "votes.vote": ("add", "change", "delete"),  # with its positions, intentions and roll call
    "votes.position": ("change",),
    "votes.intendedposition": ("add", "change", "delete"),
}


def _staff_models(apps=global_apps):
    """The models staff see: those of STAFF_APPS, without simple_history's Historical* shadows."""
    return [
        model
        for label in STAFF_APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]


def wanted_permissions() -> dict[str, set[tuple[str, str]]]:
    """{group: {(app_label, codename)}}."""
    view, edit = set(), set()
    for model in _staff_models():
        opts = model._meta
        view.add((opts.app_label, f"view_{opts.model_name}"))
        for action in EDITOR_ACTIONS.get(opts.label_lower, ()):
            edit.add((opts.app_label, f"{action}_{opts.model_name}"))
    return {VIEWERS: view, EDITORS: view | edit}


def sync_staff_groups() -> dict[str, int]:
    """Create the groups if missing and set their permissions exactly. Idempotent; returns {group: n perms}."""
    ContentType.objects.clear_cache()
    counts = {}
    for name, codes in wanted_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            p
            for p in Permission.objects.filter(content_type__app_label__in=STAFF_APPS).select_related("content_type")
            if (p.content_type.app_label, p.codename) in codes
        ]
        missing = codes - {(p.content_type.app_label, p.codename) for p in permissions}
        if missing:
            raise RuntimeError(f"permissions not created yet: {sorted(missing)} (run `migrate` first)")
        group.permissions.set(permissions)
        counts[name] = len(permissions)
    return counts


def sync_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """post_migrate receiver: runs once, after the last staff app's permissions exist."""
    if app_config is None or app_config.label != "curation":
        return
    # Permissions for every app are created by contrib.auth's own post_migrate receiver, which Django
    # connects before ours (auth comes first in INSTALLED_APPS) and which runs for each app in order; the
    # curation app is last, so by now votes' permissions exist too.
    sync_staff_groups()
