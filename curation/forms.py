"""The admin's forms: a reason on every change form, the vote form that takes pasted country lists, and the
report upload."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from parsing.pdf import looks_like_pdf
from reference import CountryDirectory
from votes.models import LANGUAGE_CHOICES, Paragraph, Position, Vote

from .lists import detect_language, resolve_country_list
from .services import member_codes_on

REASON_HELP = (
    "Why you are changing this record, with your source (e.g. the verbatim record A/79/PV.29). Required when you "
    "change a record; kept with the correction and in the history."
)
REASON_REQUIRED = "Say why you are changing this record (and your source)."
LIST_KEYS = ("yes", "no", "abstain")
LIST_LABELS = {"yes": "In favour (yes)", "no": "Against (no)", "abstain": "Abstaining"}


def reason_field() -> forms.CharField:
    return forms.CharField(
        label="Reason for the change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text=REASON_HELP,
    )


class ReasonForm(forms.ModelForm):
    """A change form with a reason, required when an existing record is changed (not when one is added).

    `reason_exempt` names form fields whose change alone does not need a reason."""

    reason = reason_field()
    reason_exempt: tuple[str, ...] = ()

    def changes_needing_reason(self) -> list[str]:
        return [name for name in self.changed_data if name != "reason" and name not in self.reason_exempt]

    def clean(self):
        cleaned = super().clean()
        cleaned["reason"] = (cleaned.get("reason") or "").strip()
        if self.instance.pk and self.changes_needing_reason() and not cleaned["reason"]:
            self.add_error("reason", REASON_REQUIRED)
        return cleaned


class ReasonInlineFormSet(BaseInlineFormSet):
    """Inline rows changed or removed on an existing parent need the parent form's reason (field `reason`)."""

    def clean(self):
        super().clean()
        if not self.instance.pk or (self.data.get("reason") or "").strip():
            return
        touched = [
            form
            for form in self.forms
            if form.instance.pk and (form.has_changed() or (self.can_delete and self._should_delete_form(form)))
        ]
        if touched or any(not form.instance.pk and form.has_changed() for form in self.forms):
            raise ValidationError(REASON_REQUIRED + " (Below, under the main fields.)")


class PositionForm(ReasonForm):
    class Meta:
        model = Position
        fields = ["position"]


class ParagraphForm(ReasonForm):
    class Meta:
        model = Paragraph
        fields = "__all__"


class VoteForm(ReasonForm):
    """A vote, with its lists pasted as printed: the positions are read from them, absent ones filled in from
    membership on the vote's date, and the stated tally checked; nothing is saved while a name is unknown."""

    language = forms.ChoiceField(
        label="Language of the lists",
        choices=[("", "Detect from the text")] + LANGUAGE_CHOICES,
        required=False,
        help_text="The language the lists are printed in; left on “detect”, it is read from the text.",
    )
    yes_list = forms.CharField(
        label="In favour", required=False, widget=forms.Textarea(attrs={"rows": 6, "cols": 100})
    )
    no_list = forms.CharField(label="Against", required=False, widget=forms.Textarea(attrs={"rows": 4, "cols": 100}))
    abstain_list = forms.CharField(
        label="Abstaining", required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 100})
    )
    reason_exempt = ("language",)

    class Meta:
        model = Vote
        fields = [
            "draft",
            "subject",
            "paragraph",
            "amendment_symbol",
            "subject_label",
            "method",
            "outcome",
            "body",
            "session",
            "meeting",
            "date",
            "order",
            "document",
            "stated_yes",
            "stated_no",
            "stated_abstain",
        ]
        help_texts = {
            "subject_label": 'Left blank, it is filled in: "whole", the paragraph\'s voted label, or "amendment:" and its symbol.',
            "body": "Left blank: the draft's body.",
            "session": "Left blank: the draft's session.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("subject_label", "body", "session"):
            if name in self.fields:  # (a read-only page has no fields)
                self.fields[name].required = False
        for key in LIST_KEYS:
            if f"{key}_list" not in self.fields:
                continue
            self.fields[f"{key}_list"].help_text = (
                "Paste the list as printed (separated by commas, 、 or semicolons, or one name a line; line breaks "
                "inside a name are fine)."
                + (" Leave all three blank to keep the current positions." if self.instance.pk else "")
            )
        self.listed_positions: dict[str, str] | None = None
        self.lists_language: str | None = None

    def clean(self):
        cleaned = super().clean()
        self._fill_from_draft(cleaned)
        self._check_subject(cleaned)
        if cleaned.get("method") == Vote.Method.WITHOUT_VOTE:
            for key in LIST_KEYS:
                if cleaned.get(f"stated_{key}") is not None:
                    self.add_error(f"stated_{key}", "An adoption without a vote has no tally.")
        self._check_unique(cleaned)
        if any((cleaned.get(f"{key}_list") or "").strip() for key in LIST_KEYS):
            self._read_lists(cleaned)
        elif self.instance.pk and "date" in self.changed_data and self.instance.positions.exists():
            self._check_new_date(cleaned)
        return cleaned

    def _check_unique(self, cleaned) -> None:
        draft, body, label = cleaned.get("draft"), cleaned.get("body"), cleaned.get("subject_label")
        if draft and body and label:
            same = Vote.objects.filter(draft=draft, body=body, subject_label=label).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("subject_label", f"{draft} already has a vote on {label} in this body: change that one.")

    def _check_new_date(self, cleaned) -> None:
        """A new date changes who was a Member: the listed countries must still be Members then (the absent
        ones are recomputed when saved)."""
        on_date = cleaned.get("date")
        if on_date is None:
            self.add_error("date", "A recorded vote with positions needs its date.")
            return
        listed = dict(self.instance.positions.exclude(position=Position.Value.ABSENT).values_list("country_id", "position"))
        not_members = sorted(set(listed) - member_codes_on(on_date))
        if not_members:
            self.add_error("date", f"Not Member States on {on_date}, yet they voted: {', '.join(not_members)}.")
            return
        self.listed_positions = listed

    def _fill_from_draft(self, cleaned) -> None:
        draft = cleaned.get("draft")
        if draft is None:
            return
        if not cleaned.get("body"):
            cleaned["body"] = draft.body
        if not cleaned.get("session"):
            cleaned["session"] = draft.session
        if not cleaned.get("subject_label"):
            subject, paragraph = cleaned.get("subject"), cleaned.get("paragraph")
            if subject == Vote.Subject.WHOLE:
                cleaned["subject_label"] = "whole"
            elif subject == Vote.Subject.PARAGRAPH and paragraph is not None:
                cleaned["subject_label"] = paragraph.voted_label
            elif subject == Vote.Subject.AMENDMENT and cleaned.get("amendment_symbol"):
                cleaned["subject_label"] = f"amendment:{cleaned['amendment_symbol']}"
            else:
                self.add_error("subject_label", "Give the label of what was voted on.")

    def _check_subject(self, cleaned) -> None:
        subject, paragraph, draft = cleaned.get("subject"), cleaned.get("paragraph"), cleaned.get("draft")
        if subject == Vote.Subject.PARAGRAPH and paragraph is None:
            self.add_error("paragraph", "A vote on a paragraph needs the paragraph.")
        if subject != Vote.Subject.PARAGRAPH and paragraph is not None:
            self.add_error("paragraph", "Only a vote on a paragraph names one.")
        if paragraph is not None and draft is not None and paragraph.draft_id != draft.pk:
            self.add_error("paragraph", f"This paragraph belongs to {paragraph.draft}, not to {draft}.")
        if subject == Vote.Subject.AMENDMENT and not cleaned.get("amendment_symbol"):
            self.add_error("amendment_symbol", "A vote on an amendment needs the amendment's symbol.")

    def _read_lists(self, cleaned) -> None:
        if cleaned.get("method") != Vote.Method.RECORDED:
            self.add_error("method", "Lists of countries belong to a recorded vote.")
            return
        on_date = cleaned.get("date")
        if on_date is None:
            self.add_error("date", "Give the date of the vote: who was a Member, and so who was absent, depends on it.")
            return
        directory = CountryDirectory.default()
        texts = {key: cleaned.get(f"{key}_list") or "" for key in LIST_KEYS}
        language = cleaned.get("language") or detect_language(list(texts.values()), directory, on_date)
        self.lists_language = language
        lists = resolve_country_list(texts, language, on_date, directory)
        members = member_codes_on(on_date)
        ok = lists.ok
        for key in LIST_KEYS:
            field = f"{key}_list"
            for error in lists.unknown[key]:
                hint = f" Did you mean: {', '.join(error.suggestions)}?" if error.suggestions else ""
                self.add_error(field, f"Unknown country name “{error.name}” ({language}).{hint}")
            for duplicate in lists.duplicates[key]:
                self.add_error(field, f"Listed twice: {duplicate}.")
            not_members = [iso3 for iso3 in lists.codes[key] if iso3 not in members]
            if not_members:
                ok = False
                self.add_error(field, f"Not a Member State on {on_date}: {', '.join(not_members)}.")
        if not ok:
            return
        for key in LIST_KEYS:
            stated, listed = cleaned.get(f"stated_{key}"), len(lists.codes[key])
            if stated is None:
                ok = False
                self.add_error(f"stated_{key}", f"Give the tally as stated ({listed} names are listed).")
            elif stated != listed:
                ok = False
                message = f"{listed} names listed under “{LIST_LABELS[key]}”, the stated tally says {stated}."
                self.add_error(f"{key}_list", message)
                self.add_error(f"stated_{key}", message)
        if ok:
            self.listed_positions = lists.positions()


class ReportUploadForm(forms.Form):
    report = forms.FileField(
        label="Report file",
        help_text="A committee report or plenary record: its PDF (.pdf, with a text layer) or its text (.txt), "
                  "in any of the six languages.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.txt,application/pdf,text/plain"}),
    )

    MAX_BYTES = 10 * 1024 * 1024

    def clean_report(self):
        report = self.cleaned_data["report"]
        if report.size > self.MAX_BYTES:
            raise ValidationError("The file is larger than 10 MB: is it really a report?")
        # The parser tells a PDF by its bytes (parsing/pdf.py); a ".pdf" that is not one is a wrong file.
        if report.name.lower().endswith(".pdf"):
            head = report.read(1024)
            report.seek(0)
            if not looks_like_pdf(head):
                raise ValidationError("This file is named .pdf but is not a PDF.")
        return report


class ConfirmUploadForm(forms.Form):
    sha256 = forms.RegexField(regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput)
