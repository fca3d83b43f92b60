"""The admin, the staff's interface to the record: where staff enter votes no report covers, correct what a
report got wrong, and upload reports.

- Every change to a draft, vote, position, paragraph or sponsorship is in its history (simple_history), with
  who, when and the reason given on the change form.
- A hand change to a fact a report also states (a position, a paragraph's text, a vote's tally or outcome, a
  sponsor) is also recorded as a `votes.Correction`, so that re-ingesting the report keeps it; the log of
  corrections is read-only.
- The stored figures follow every change through `votes.figures`.
- Countries and their names come from the reference data (`manage.py load_countries`), documents from ingestion
  and agreement scores from computation: those are read-only here.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from votes import figures
from votes.removal import plan_removal, remove_documents
from votes.models import (
    LANGUAGES,
    AgendaItem,
    AgreementScore,
    Body,
    Correction,
    Country,
    CountryTally,
    CountryName,
    Document,
    Draft,
    IntendedPosition,
    Membership,
    Paragraph,
    Position,
    RollCall,
    Session,
    Sponsorship,
    Vote,
)

from .forms import (
    ParagraphForm,
    PositionForm,
    ReasonForm,
    ReasonInlineFormSet,
    VoteForm,
)
from .services import CORRECTED_FIELDS, record_hand_change, set_positions
from .views import upload_report

admin.site.site_header = "Tally administration"
admin.site.site_title = "Tally admin"
admin.site.index_title = "Record of votes: entry and corrections"


def language_fields(name: str) -> list[str]:
    return [f"{name}_{code}" for code in LANGUAGES]


# --- Read-only admins (reference data, ingestion output, computed scores) -------------------------------------


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewable by staff with the view permission; changed only by the command that owns the data."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyTabularInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MembershipInline(ReadOnlyTabularInline):
    model = Membership
    fields = ["start", "end"]


class CountryNameInline(ReadOnlyTabularInline):
    model = CountryName
    fields = ["language", "name", "valid_from", "valid_to", "note"]


@admin.register(Country)
class CountryAdmin(ReadOnlyAdmin):
    """Loaded from reference/data/*.csv by `load_countries`: change the CSV, not these rows."""

    list_display = ["iso3", "name_en", "name_zh", "kind", "admitted", "ended"]
    list_filter = ["kind"]
    search_fields = ["iso3", "iso2", "m49"] + language_fields("name") + ["other_names__name"]
    inlines = [MembershipInline, CountryNameInline]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["country", "start", "end"]
    list_select_related = ["country"]
    search_fields = ["country__iso3", "country__name_en"]
    date_hierarchy = "start"


@admin.register(CountryName)
class CountryNameAdmin(ReadOnlyAdmin):
    list_display = ["name", "language", "country", "valid_from", "valid_to", "note"]
    list_filter = ["language"]
    list_select_related = ["country"]
    search_fields = ["name", "country__iso3", "country__name_en"]


@admin.register(AgreementScore)
class AgreementScoreAdmin(ReadOnlyAdmin):
    list_display = ["country", "other", "agreed", "votes", "score", "same", "common"]
    list_select_related = ["country", "other"]
    search_fields = ["country__iso3", "country__name_en", "other__iso3", "other__name_en"]
    ordering = ["country", "-score"]


@admin.register(CountryTally)
class CountryTallyAdmin(ReadOnlyAdmin):
    """Stored beside the record (votes.figures); shown to check, never edited."""

    list_display = ["country", "yes", "no", "abstain", "absent", "with_majority"]
    list_select_related = ["country"]
    search_fields = ["country__iso3", "country__name_en"]


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    """Documents are what ingestion records; "add" is the upload of a report."""

    list_display = ["__str__", "file_name", "language", "body", "session", "ingested_at", "ingested_by"]
    list_filter = ["language", "body", "session"]
    list_select_related = ["body", "session"]
    search_fields = ["symbol", "file_name", "sha256", "ingested_by"]
    date_hierarchy = "ingested_at"

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("votes.add_document")

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return redirect(reverse("admin:votes_document_upload"))

    def get_urls(self):
        upload = self.admin_site.admin_view(lambda request: upload_report(request, self))
        return [path("upload/", upload, name="votes_document_upload")] + super().get_urls()

    # Deleting a document deletes what it alone produced and keeps what another source also gives
    # (votes.removal): the confirmation lists both, in counts and names, instead of Django's tree of objects.

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("votes.delete_document")

    def get_deleted_objects(self, objs, request):
        removal = plan_removal(objs)
        counts = {"documents": len(removal.documents), "drafts": len(removal.drafts_deleted)}
        counts.update({kind.replace("_", " "): n for kind, n in removal.deleted.items()})
        return removal.describe()["goes"], counts, set(), []

    def render_delete_form(self, request, context):
        context["stays"] = plan_removal([context["object"]]).describe()["stays"]
        return super().render_delete_form(request, context)

    def log_deletions(self, request, queryset):
        # Before the deletion (Django calls it first): the log says what goes and what stays, and who did it.
        described = plan_removal(queryset).describe()
        message = "Deleted with what it alone produced: " + "; ".join(described["goes"])
        if described["stays"]:
            message += ". Kept: " + "; ".join(described["stays"])
        return LogEntry.objects.log_actions(
            user_id=request.user.pk, queryset=list(queryset), action_flag=DELETION, change_message=message
        )

    def delete_model(self, request, obj):
        remove_documents([obj])

    def delete_queryset(self, request, queryset):
        remove_documents(list(queryset))


# --- Sessions, bodies, agenda items ------------------------------------------------------------------------------


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["number", "start_year"]
    search_fields = ["number"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh", "order"]
    search_fields = ["code"] + language_fields("name")

    def has_add_permission(self, request):
        return False  # the plenary and the six Main Committees are loaded with the schema

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["session", "number", "title_en", "title_zh"]
    list_filter = ["session"]
    search_fields = ["number"] + language_fields("title")


# --- Corrections and history -------------------------------------------------------------------------------------


class CorrectingAdmin(SimpleHistoryAdmin):
    """Saves the form's reason into the history, and records hand changes to the fields a report also states
    (`curation.services.CORRECTED_FIELDS`) as corrections: changes to the record, and rows added, changed or
    removed in its inlines when the record itself existed before."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # A read-only page: no reason to give.
            fieldsets = [(name, opts) for name, opts in fieldsets if opts.get("fields") != ["reason"]]
            fieldsets = [
                (name, {**opts, "fields": [f for f in opts["fields"] if f != "reason"]}) for name, opts in fieldsets
            ]
        return fieldsets

    def save_model(self, request, obj, form, change):
        reason = form.cleaned_data.get("reason", "")
        obj._change_reason = reason or None
        before = {name: form.initial.get(name) for name in CORRECTED_FIELDS.get(type(obj), ())} if change else None
        super().save_model(request, obj, form, change)
        if change:
            record_hand_change(obj, before, reason=reason, user=request.user)

    def save_formset(self, request, form, formset, change):
        reason = form.cleaned_data.get("reason", "")
        record = change and formset.model in CORRECTED_FIELDS
        before = {f.instance.pk: dict(f.initial) for f in formset.initial_forms if f.has_changed()}
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            if record:
                record_hand_change(obj, None, deleted=True, reason=reason, user=request.user)
            obj._change_reason = reason or None
            obj.delete()
        for obj in instances:
            adding = obj._state.adding
            obj._change_reason = reason or None
            obj.save()
            if record:
                record_hand_change(obj, None if adding else before.get(obj.pk, {}), reason=reason, user=request.user)
        formset.save_m2m()


# --- Drafts, sponsors, paragraphs --------------------------------------------------------------------------------


class DraftForm(ReasonForm):
    class Meta:
        model = Draft
        fields = "__all__"


class SponsorshipForm(ReasonForm):
    class Meta:
        model = Sponsorship
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and not cleaned.get("reason"):
            self.add_error("reason", "Say why this sponsor is added by hand (and your source).")
        return cleaned


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option is labelled from `labels` (filled once for a whole formset) rather
    than by one query per row."""

    labels: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        if self.labels is None:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for pk in [str(v) for v in value if str(v) not in self.choices.field.empty_values][:1]:
            options.append(self.create_option(name, pk, self.labels.get(pk, pk), True, len(options)))
        return [(None, options, 0)]


class SponsorshipFormSet(ReasonInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {form.instance.country_id: str(form.instance.country) for form in self.initial_forms}
        for form in self.forms:
            widget = form.fields["country"].widget
            getattr(widget, "widget", widget).labels = labels


class SponsorshipInline(admin.TabularInline):
    model = Sponsorship
    formset = SponsorshipFormSet
    fields = ["country", "kind", "order"]
    autocomplete_fields = ["country"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft", "country")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "country":
            kwargs["widget"] = PreloadedAutocompleteSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ParagraphInline(admin.StackedInline):
    model = Paragraph
    formset = ReasonInlineFormSet
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft")

    fieldsets = [
        (None, {"fields": [("voted_label", "label", "part", "number", "sub_label", "order", "in_adopted_text")]}),
        ("Text", {"fields": language_fields("text"), "classes": ["collapse"]}),
    ]


class VoteInline(ReadOnlyTabularInline):
    model = Vote
    fk_name = "draft"
    fields = ["subject_label", "method", "outcome", "meeting", "date", "stated_tally", "counted_tally"]
    readonly_fields = fields
    show_change_link = True
    ordering = ["order"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft")

    @admin.display(description="stated")
    def stated_tally(self, obj):
        return VoteAdmin.stated_tally(obj)

    @admin.display(description="counted")
    def counted_tally(self, obj):
        return VoteAdmin.counted_tally(obj)


@admin.register(Draft)
class DraftAdmin(CorrectingAdmin):
    form = DraftForm
    list_display = ["symbol", "kind", "short_title", "session", "body", "agenda_item", "vote_count"]
    list_filter = ["session", "body", "kind"]
    list_select_related = ["session", "body", "agenda_item"]
    search_fields = ["symbol"] + language_fields("title")
    autocomplete_fields = ["agenda_item"]
    readonly_fields = ["documents"]
    inlines = [SponsorshipInline, ParagraphInline, VoteInline]
    fieldsets = [
        (None, {"fields": ["symbol", "kind", "session", "body", "agenda_item", "documents"]}),
        ("Title", {"fields": language_fields("title")}),
        ("Why", {"fields": ["reason"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(vote_total=Count("votes", distinct=True))

    @admin.display(description="title")
    def short_title(self, obj):
        title = obj.title
        return title if len(title) <= 80 else title[:79] + "…"

    @admin.display(description="votes", ordering="vote_total")
    def vote_count(self, obj):
        return obj.vote_total


@admin.register(Sponsorship)
class SponsorshipAdmin(CorrectingAdmin):
    form = SponsorshipForm
    list_display = ["draft", "country", "kind", "order"]
    list_filter = ["kind", "draft__session", "draft__body"]
    list_select_related = ["draft", "country"]
    search_fields = ["draft__symbol", "country__iso3", "country__name_en", "country__name_zh"]
    autocomplete_fields = ["draft", "country"]
    fields = ["draft", "country", "kind", "order", "reason"]

    def has_delete_permission(self, request, obj=None):
        return False  # remove a sponsor on the draft's page, where the reason is asked for

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:  # a sponsor added by hand: recorded so that re-ingesting keeps it
            record_hand_change(obj, None, reason=form.cleaned_data["reason"], user=request.user)


@admin.register(Paragraph)
class ParagraphAdmin(CorrectingAdmin):
    form = ParagraphForm
    list_display = ["draft", "voted_label", "label", "part", "in_adopted_text", "short_text"]
    list_filter = ["part", "in_adopted_text", "draft__session", "draft__body"]
    list_select_related = ["draft"]
    search_fields = ["draft__symbol", "voted_label", "label"] + language_fields("text")
    autocomplete_fields = ["draft"]
    fieldsets = [
        (None, {"fields": ["draft", ("voted_label", "label", "part", "number", "sub_label", "order", "in_adopted_text")]}),
        ("Text", {"fields": language_fields("text")}),
        ("Why", {"fields": ["reason"]}),
    ]

    @admin.display(description="text")
    def short_text(self, obj):
        text = obj.text
        return text if len(text) <= 80 else text[:79] + "…"


# --- Votes and positions -----------------------------------------------------------------------------------------


@admin.register(Vote)
class VoteAdmin(CorrectingAdmin):
    form = VoteForm
    list_display = [
        "draft",
        "subject_label",
        "method",
        "outcome",
        "date",
        "body",
        "stated_tally",
        "counted_tally",
        "tally_matches",
        "margin",
    ]
    list_filter = ["session", "body", "outcome", "subject", "method", "date"]
    list_select_related = ["draft", "body", "session"]
    search_fields = ["draft__symbol", "subject_label", "amendment_symbol"] + [f"draft__title_{c}" for c in LANGUAGES]
    date_hierarchy = "date"
    autocomplete_fields = ["draft", "paragraph", "document"]
    readonly_fields = ["positions_summary", "yes_count", "no_count", "abstain_count", "absent_count", "margin"]

    # What goes with a deleted vote. Positions cannot be deleted one by one (an absent Member keeps its row), which
    # the admin would otherwise read as forbidding the vote's deletion ("Cannot delete vote … position").
    DELETED_WITH_A_VOTE = (Position, IntendedPosition, RollCall)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed -= {str(model._meta.verbose_name) for model in self.DELETED_WITH_A_VOTE}
        return deleted, model_count, perms_needed, protected

    def delete_model(self, request, obj):
        with figures.changing(votes=[obj.pk]):  # the lock, one transaction, the figures in step
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with figures.changing(votes=list(queryset.values_list("pk", flat=True))):
            super().delete_queryset(request, queryset)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": ["draft", ("subject", "paragraph", "amendment_symbol"), "subject_label", ("method", "outcome")]}),
            ("When and where", {"fields": [("body", "session"), ("meeting", "date"), "order", "document"]}),
            ("Tally as stated", {"fields": [("stated_yes", "stated_no", "stated_abstain")]}),
            (
                "Lists of countries",
                {
                    "fields": ["language", "yes_list", "no_list", "abstain_list"],
                    "description": (
                        "Paste the three lists as printed, in any of the six languages. Every name must be known "
                        "and the counts must match the stated tally; Member States in no list are recorded as "
                        "absent. Nothing is saved while a list has an error."
                    ),
                },
            ),
        ]
        if obj is not None:
            fieldsets.append(
                (
                    "Positions",
                    {
                        "fields": ["positions_summary", ("yes_count", "no_count", "abstain_count", "absent_count", "margin")],
                        "description": "Counted from the stored positions. Correct one country on its position's page.",
                    },
                )
            )
        if obj is not None or self.has_add_permission(request):
            fieldsets.append(("Why", {"fields": ["reason"]}))
        if obj is not None and not self.has_change_permission(request, obj):
            # A read-only page shows what is stored; the paste fields belong to the change form.
            fieldsets = [fs for fs in fieldsets if fs[0] not in ("Lists of countries", "Why")]
        return fieldsets

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft", "body", "session", "paragraph", "document")

    @staticmethod
    @admin.display(description="stated")
    def stated_tally(obj):
        if obj.stated_yes is None:
            return "—"
        return f"{obj.stated_yes}–{obj.stated_no}–{obj.stated_abstain}"

    @staticmethod
    @admin.display(description="counted")
    def counted_tally(obj):
        if obj.method != Vote.Method.RECORDED:
            return "—"
        return f"{obj.yes_count}–{obj.no_count}–{obj.abstain_count} ({obj.absent_count} absent)"

    @admin.display(description="lists match tally", boolean=True)
    def tally_matches(self, obj):
        return obj.stated_matches_counted if obj.method == Vote.Method.RECORDED else None

    @admin.display(description="positions by vote")
    def positions_summary(self, obj):
        positions = list(obj.positions.select_related("country").order_by("country__name_en"))
        groups = {value: {"label": label, "positions": []} for value, label in Position.Value.choices}
        for position in positions:
            groups[position.position]["positions"].append(position)
        return render_to_string(
            "admin/votes/vote/positions_summary.html",
            {
                "groups": groups.values(),
                "vote": obj,
                "total": len(positions),
                "changelist_url": reverse("admin:votes_position_changelist") + f"?vote__id__exact={obj.pk}",
            },
        )

    def save_model(self, request, obj, form, change):
        # A changed date or method changes who has a position: the stored figures follow the whole save.
        counts = None
        with figures.changing(votes=[obj.pk] if change else []):
            super().save_model(request, obj, form, change)
            if form.listed_positions is not None:
                counts = set_positions(
                    obj, form.listed_positions, user=request.user, reason=form.cleaned_data.get("reason", ""), correct=change
                )
        obj.refresh_from_db(fields=figures.VoteCounts.fields)
        if counts is not None:
            read = f"Lists read ({form.lists_language})" if form.lists_language else "Members on the new date"
            messages.info(
                request,
                f"{read}: {obj.yes_count} yes, {obj.no_count} no, {obj.abstain_count} abstaining, {obj.absent_count} "
                f"absent; positions {counts['created']} created, {counts['updated']} changed, {counts['deleted']} "
                "removed.",
            )
        elif obj.method == Vote.Method.RECORDED and obj.stated_yes is not None and not obj.stated_matches_counted:
            messages.warning(
                request,
                "The stated tally and the stored positions disagree: paste the lists, or correct the positions.",
            )


@admin.register(Position)
class PositionAdmin(CorrectingAdmin):
    """One country on one vote. Positions are created from a vote's lists; here one is corrected."""

    form = PositionForm
    list_display = ["country", "position", "vote", "vote_date"]
    list_filter = ["position", "vote__session", "vote__body", "vote__subject"]
    list_select_related = ["country", "vote__draft", "vote__body"]
    search_fields = ["country__iso3", "country__name_en", "country__name_zh", "vote__draft__symbol", "vote__subject_label"]
    readonly_fields = ["vote", "country"]
    fields = ["vote", "country", "position", "reason"]
    history_list_display = ["position"]

    def has_add_permission(self, request):
        return False  # paste the lists on the vote

    def has_delete_permission(self, request, obj=None):
        return False  # an absent Member keeps its row, as "absent"

    @admin.display(description="date", ordering="vote__date")
    def vote_date(self, obj):
        return obj.vote.date

    def response_change(self, request, obj):
        # A position is corrected from its vote's page: back there, not to the list of five million positions.
        response = super().response_change(request, obj)
        if "_continue" in request.POST or "_saveasnew" in request.POST:
            return response
        return redirect(reverse("admin:votes_vote_change", args=[obj.vote_id]))

    def save_model(self, request, obj, form, change):
        with figures.changing(votes=[obj.vote_id]):
            super().save_model(request, obj, form, change)
        vote = obj.vote
        vote.refresh_from_db(fields=figures.VoteCounts.fields)
        if vote.stated_yes is not None and not vote.stated_matches_counted:
            messages.warning(
                request,
                format_html(
                    "The positions of <a href='{}'>{}</a> now count {}–{}–{}; the stated tally is {}–{}–{}.",
                    reverse("admin:votes_vote_change", args=[vote.pk]),
                    vote,
                    vote.yes_count,
                    vote.no_count,
                    vote.abstain_count,
                    vote.stated_yes,
                    vote.stated_no,
                    vote.stated_abstain,
                ),
            )


@admin.register(IntendedPosition)
class IntendedPositionAdmin(admin.ModelAdmin):
    list_display = ["country", "position", "vote"]
    list_filter = ["position", "vote__session", "vote__body"]
    list_select_related = ["country", "vote__draft"]
    search_fields = ["country__iso3", "country__name_en", "vote__draft__symbol", "footnote_en", "footnote_zh"]
    autocomplete_fields = ["vote", "country"]


# --- The log of corrections: read-only. Corrections are written by the change forms above, never typed in. -----


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "created_by", "record_link", "field", "old_value", "new_value", "short_reason"]
    list_filter = ["content_type", "field", "created_by"]
    list_select_related = ["content_type", "created_by"]
    search_fields = ["reason", "old_value", "new_value", "field"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="record")
    def record_link(self, obj):
        label = f"{obj.content_type.model} {obj.object_id}"
        if obj.key:
            label = f"{obj.content_type.model}: " + " ".join(str(value) for value in obj.key.values())
        try:
            url = reverse(f"admin:{obj.content_type.app_label}_{obj.content_type.model}_change", args=[obj.object_id])
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description="reason")
    def short_reason(self, obj):
        return obj.reason if len(obj.reason) <= 80 else obj.reason[:79] + "…"
