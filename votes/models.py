"""The voting record of the General Assembly and its Main Committees.

Every fact of a committee report has a place here: who sponsored a draft, every action on it (a recorded vote
on the whole or on one paragraph, or an adoption without a vote), one Position row per Member State per
recorded vote (absent ones included), and the footnoted intentions. Counts and margins are stored with the
vote, and the figures stored beside the record (country tallies, agreement, search rows) in their own models:
`votes.figures` keeps all of them in step with the record.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reference import LANGUAGES
from reference.collation import alphabetical_sort_key, pinyin_sort_key

from .querysets import (
    AgreementScoreQuerySet,
    CountryQuerySet,
    CountryTallyQuerySet,
    DraftQuerySet,
    PositionQuerySet,
    SessionQuerySet,
    VoteQuerySet,
)

# The six official languages, defined once in the reference data (plain Python); the names of their choices.
LANGUAGE_CHOICES = [
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("ru", "Russian"),
    ("zh", "Chinese"),
    ("ar", "Arabic"),
]


def sort_keys(name_en: str, name_zh: str) -> tuple[str, str]:
    """A country's stored sort keys (`Country.name_en_sort`, `name_zh_sort`) from its names."""
    return alphabetical_sort_key(name_en), pinyin_sort_key(name_zh)


def page_language() -> str:
    """The data language (en, zh, ...) that matches the active UI language ("zh-hans" -> "zh")."""
    code = (get_language() or "en").split("-")[0]
    return code if code in LANGUAGES else "en"


class MultilingualMixin:
    """Models with `<field>_<lang>` columns read them with `localized("title")`, falling back to English."""

    def localized(self, field: str, language: str | None = None) -> str:
        shown = self.localized_language(field, language)
        return getattr(self, f"{field}_{shown}", "") or "" if shown else ""

    def localized_language(self, field: str, language: str | None = None) -> str:
        """The language `localized(field)` shows: the page's, else English, else the first that has a text ("" if none)."""
        language = language or page_language()
        for candidate in (language, "en", *LANGUAGES):
            if getattr(self, f"{field}_{candidate}", ""):
                return candidate
        return ""


def six_language_fields(field_name: str, verbose: str, max_length: int | None = None) -> dict[str, models.Field]:
    """One column per official language; TextField when no max_length is given."""
    fields = {}
    for code, language in LANGUAGE_CHOICES:
        help_text = f"{verbose} in {language}, as printed in UN documents; blank when not known."
        if max_length:
            fields[f"{field_name}_{code}"] = models.CharField(
                f"{verbose} ({code})", max_length=max_length, blank=True, help_text=help_text
            )
        else:
            fields[f"{field_name}_{code}"] = models.TextField(f"{verbose} ({code})", blank=True, help_text=help_text)
    return fields


# --- Countries -------------------------------------------------------------------------------------------------


class Country(MultilingualMixin, models.Model):
    """A State that votes (or voted, or observes) in the General Assembly."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("Member State")
        OBSERVER = "observer", _("Observer State")
        FORMER = "former", _("Former State")

    iso3 = models.CharField(
        "ISO alpha-3",
        max_length=3,
        primary_key=True,
        help_text="ISO 3166-1 alpha-3 code; ISO 3166-3 code (e.g. SUN, YUG) for a former State.",
    )
    iso2 = models.CharField("ISO alpha-2", max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, if any.")
    m49 = models.CharField("M49", max_length=3, blank=True, help_text="UN M49 numeric code, three digits.")
    kind = models.CharField(max_length=8, choices=Kind.choices, help_text="Member, observer or former State.")
    locals().update(six_language_fields("name", "UN short name", 200))
    name_en_sort = models.CharField(
        "English sort key",
        max_length=255,
        blank=True,
        editable=False,
        help_text="The English short name without accents or case (reference.collation.alphabetical_sort_key), set "
        "from name_en on every save: English lists, and the vote lists in every language (as the UN prints them), "
        "sort by it.",
    )
    name_zh_sort = models.CharField(
        "Chinese sort key",
        max_length=255,
        blank=True,
        editable=False,
        help_text="The Chinese short name in pinyin (reference.collation.pinyin_sort_key), set from name_zh on every "
        "save: Chinese menus and lists sort by it.",
    )
    admitted = models.DateField(null=True, blank=True, help_text="Date of admission to the United Nations.")
    ended = models.DateField(null=True, blank=True, help_text="For a former State: the date its membership ended.")
    successors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        help_text="For a former State: the State(s) that succeeded it.",
    )
    notes = models.TextField(blank=True, help_text="Sources and uncertainties about this record.")

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.name_en} ({self.iso3})"

    def save(self, *args, **kwargs):
        self.name_en_sort, self.name_zh_sort = sort_keys(self.name_en, self.name_zh)
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        """Short name in the page's language."""
        return self.localized("name")


class Membership(models.Model):
    """A period of UN membership. Most States have one; a few have two (Syria left for the United Arab Republic)."""

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="memberships", help_text="The Member State."
    )
    start = models.DateField(help_text="First day of membership.")
    end = models.DateField(null=True, blank=True, help_text="Last day of membership; blank while it lasts.")

    class Meta:
        ordering = ["country", "start"]
        constraints = [
            models.UniqueConstraint(fields=["country", "start"], name="membership_unique_start"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="membership_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.start}–{self.end or ''}"


class CountryName(models.Model):
    """A name a report may print for a country besides its current UN short name: former names and variants."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="other_names", help_text="The country named.")
    language = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, help_text="Language of the name.")
    name = models.CharField(max_length=200, help_text="The name as printed.")
    valid_from = models.DateField(null=True, blank=True, help_text="First day the name was in use, if known.")
    valid_to = models.DateField(null=True, blank=True, help_text="Last day the name was in use; blank if still used.")
    note = models.TextField(blank=True, help_text="Source or reason (former name, typographic variant, ...).")

    class Meta:
        ordering = ["country", "language", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "language", "name"], name="countryname_unique"),
        ]
        indexes = [models.Index(fields=["language", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.language}) → {self.country_id}"


# --- Sessions, bodies, agenda items, documents -----------------------------------------------------------------


class Session(models.Model):
    """A regular session of the General Assembly (the 79th opened in September 2024)."""

    number = models.PositiveSmallIntegerField(primary_key=True, help_text="Session number, e.g. 79.")
    start_year = models.PositiveSmallIntegerField(help_text="Year the session opened (1945 + number for regular sessions).")

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.number}th session ({self.start_year}–{self.start_year + 1})"

    @classmethod
    def for_number(cls, number: int) -> "Session":
        session, _ = cls.objects.get_or_create(number=number, defaults={"start_year": 1945 + number})
        return session


class Body(MultilingualMixin, models.Model):
    """The plenary (GA) or one of the six Main Committees (C.1 … C.6)."""

    code = models.CharField(max_length=4, primary_key=True, help_text='"GA" for the plenary, "C.1" … "C.6".')
    locals().update(six_language_fields("name", "Name", 200))
    order = models.PositiveSmallIntegerField(default=0, help_text="Display order.")

    class Meta:
        ordering = ["order"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name_en or self.code

    @property
    def name(self) -> str:
        return self.localized("name")


class AgendaItem(MultilingualMixin, models.Model):
    """An item of a session's agenda; committee reports are one per item."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="agenda_items", help_text="The session.")
    number = models.PositiveSmallIntegerField(help_text="Item number on that session's agenda.")
    locals().update(six_language_fields("title", "Title"))

    class Meta:
        ordering = ["-session", "number"]
        constraints = [models.UniqueConstraint(fields=["session", "number"], name="agendaitem_unique_number")]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.number} {self.title_en[:60]}"

    @property
    def title(self) -> str:
        return self.localized("title")


class Document(models.Model):
    """A source file that was ingested. Every stored fact points back to the document(s) it came from."""

    symbol = models.CharField(max_length=60, blank=True, help_text="UN document symbol (e.g. A/79/408), if printed.")
    language = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, help_text="Language of the text.")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="documents", help_text="Body whose report it is.")
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="documents", help_text="Session.")
    file_name = models.CharField(max_length=255, help_text="Name of the file as ingested.")
    sha256 = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the file's bytes: the same file is ingested once.")
    ingested_at = models.DateTimeField(auto_now_add=True, help_text="When it was ingested.")
    ingested_by = models.CharField(max_length=150, blank=True, help_text="User or command that ingested it.")
    summary = models.JSONField(default=dict, blank=True, help_text="What the ingest created, updated or found unchanged.")

    class Meta:
        ordering = ["-ingested_at"]

    def __str__(self) -> str:
        return f"{self.symbol or self.file_name} ({self.language})"


# --- Drafts, sponsors, paragraphs -------------------------------------------------------------------------------


class Draft(MultilingualMixin, models.Model):
    """A draft resolution or decision (e.g. A/C.1/79/L.53/Rev.1) and its fate."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Draft resolution")
        DECISION = "decision", _("Draft decision")

    symbol = models.CharField(max_length=60, unique=True, help_text="Document symbol of the draft, e.g. A/C.1/79/L.53/Rev.1.")
    kind = models.CharField(max_length=10, choices=Kind.choices, help_text="Draft resolution or draft decision.")
    locals().update(six_language_fields("title", "Title"))
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="drafts", help_text="Session it was acted on.")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="drafts", help_text="Body that acted on it.")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="drafts", help_text="Agenda item it falls under."
    )
    documents = models.ManyToManyField(Document, blank=True, related_name="drafts", help_text="Reports this draft was read from.")
    resolution = models.CharField(
        max_length=40,
        blank=True,
        db_index=True,
        help_text="Symbol of the resolution or decision it became (A/RES/55/132), once the plenary has adopted it.",
    )
    committee_report = models.CharField(
        max_length=60,
        blank=True,
        db_index=True,
        help_text="Symbol of the Main Committee report that recommends it to the plenary (A/65/456); blank if none.",
    )
    report_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text='Its numeral among that report\'s recommended drafts ("draft resolution II" = 2); blank for a single unnumbered text.',
    )
    history = HistoricalRecords()

    objects = DraftQuerySet.as_manager()

    class Meta:
        ordering = ["-session", "symbol"]

    def __str__(self) -> str:
        return self.symbol

    @property
    def title(self) -> str:
        return self.localized("title")


class Sponsorship(models.Model):
    """A State sponsoring a draft: an original sponsor (listed when introduced) or one that joined later."""

    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Original sponsor")
        LATER = "later", _("Joined later")

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="sponsorships", help_text="The draft.")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="sponsorships", help_text="The sponsor.")
    kind = models.CharField(max_length=8, choices=Kind.choices, help_text="Original or later sponsor.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the printed list (the introducing State first).")
    history = HistoricalRecords()

    class Meta:
        ordering = ["draft", "kind", "order"]
        constraints = [models.UniqueConstraint(fields=["draft", "country"], name="sponsorship_unique_country")]

    def __str__(self) -> str:
        return f"{self.country_id} sponsors {self.draft}"


class Paragraph(MultilingualMixin, models.Model):
    """One paragraph of a draft: in the recommended (adopted) text, or struck by a separate vote."""

    class Part(models.TextChoices):
        PREAMBULAR = "preambular", "Preambular"
        OPERATIVE = "operative", "Operative"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="paragraphs", help_text="The draft.")
    part = models.CharField(max_length=10, choices=Part.choices, help_text="Preambular (PP) or operative (OP).")
    number = models.PositiveSmallIntegerField(help_text="Number in the draft as voted on.")
    sub_label = models.CharField(max_length=8, blank=True, help_text='Sub-paragraph letter such as "(a)", if any.')
    voted_label = models.CharField(
        max_length=16, help_text='Label in the draft as voted on: "PP18", "OP2", "OP4(a)". Votes use this numbering.'
    )
    label = models.CharField(
        max_length=16,
        blank=True,
        help_text="Label in the recommended text as published (renumbered after a paragraph was struck); blank if not in it.",
    )
    in_adopted_text = models.BooleanField(default=True, help_text="False for a paragraph not retained by a separate vote.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the draft.")
    locals().update(six_language_fields("text", "Text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["draft", "order"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "voted_label"], name="paragraph_unique_voted_label"),
            # Target of the composite foreign key from Vote (paragraph, draft): see migration 0002.
            models.UniqueConstraint(fields=["id", "draft"], name="paragraph_unique_id_draft"),
        ]

    def __str__(self) -> str:
        return f"{self.draft} {self.voted_label}"

    @property
    def text(self) -> str:
        return self.localized("text")


# --- Datasets: records that come from someone else's data rather than from a document ---------------------


class Dataset(models.Model):
    """A published dataset imported whole (Voeten's UNGA roll calls): which release, from which files."""

    slug = models.SlugField(max_length=40, unique=True, help_text='Short name used in addresses and commands, e.g. "voeten".')
    name = models.CharField(max_length=200, help_text="The dataset's name as its authors give it.")
    release = models.CharField(max_length=100, help_text="Which release or download the files are.")
    citation = models.TextField(help_text="How to cite the dataset.")
    licence = models.CharField(max_length=100, help_text="Licence of the data, e.g. CC0 1.0.")
    url = models.URLField(blank=True, help_text="Where the dataset is published.")
    files = models.JSONField(default=dict, help_text="SHA-256 of each file imported, by file name.")
    imported_at = models.DateTimeField(auto_now=True, help_text="When it was last imported.")
    summary = models.JSONField(default=dict, blank=True, help_text="What the last import created, changed and flagged.")

    def __str__(self) -> str:
        return f"{self.name} ({self.release})"


class IssueTag(models.Model):
    """A topic a dataset assigns to votes (Voeten's six issues: "me" Palestinian conflict, "nu" nuclear, …)."""

    code = models.SlugField(max_length=10, primary_key=True, help_text='The dataset\'s short name, e.g. "hr".')
    name = models.CharField(max_length=100, unique=True, help_text='The topic as the dataset names it, e.g. "Human rights".')

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# --- Votes and positions ----------------------------------------------------------------------------------------


class Vote(models.Model):
    """One action on a draft: a recorded vote or an adoption without a vote, on the whole, a paragraph or an amendment."""

    class Subject(models.TextChoices):
        WHOLE = "whole", _("Draft as a whole")
        PARAGRAPH = "paragraph", _("Paragraph")
        AMENDMENT = "amendment", _("Amendment")
        # A dataset that does not say what a roll call was on (Voeten's data mostly, after 1985): never guessed.
        NOT_CODED = "not_coded", _("Not coded")

    class Method(models.TextChoices):
        RECORDED = "recorded", _("Recorded vote")
        WITHOUT_VOTE = "without_vote", _("Without a vote")

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        RETAINED = "retained", _("Retained")
        REJECTED = "rejected", _("Rejected")
        # A dataset's roll call whose result the data do not imply (only a numbered whole resolution does).
        NOT_RECORDED = "not_recorded", _("Not recorded")

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="votes", help_text="The draft acted on.")
    subject = models.CharField(max_length=10, choices=Subject.choices, help_text="What was voted on.")
    subject_label = models.CharField(
        max_length=80, help_text='"whole", the paragraph\'s voted label ("PP18"), or "amendment:SYMBOL".'
    )
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.PROTECT, null=True, blank=True, related_name="votes", help_text="For a paragraph vote: the paragraph."
    )
    amendment_symbol = models.CharField(max_length=60, blank=True, help_text="For an amendment vote: the amendment's symbol.")
    method = models.CharField(max_length=12, choices=Method.choices, help_text="Recorded vote or without a vote.")
    outcome = models.CharField(max_length=12, choices=Outcome.choices, help_text="Adopted, retained, rejected or not recorded.")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="votes", help_text="Body that voted.")
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="votes", help_text="Session (stored for filtering).")
    meeting = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Meeting number, if stated.")
    date = models.DateField(null=True, blank=True, help_text="Date of the vote, if stated.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Order of the action among the draft's actions.")
    stated_yes = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Votes in favour as stated in the report.")
    stated_no = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Votes against as stated in the report.")
    stated_abstain = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Abstentions as stated in the report.")
    yes_count = models.PositiveSmallIntegerField(default=0, help_text="Positions 'yes' counted from the stored positions.")
    no_count = models.PositiveSmallIntegerField(default=0, help_text="Positions 'no' counted from the stored positions.")
    abstain_count = models.PositiveSmallIntegerField(default=0, help_text="Positions 'abstain' counted.")
    absent_count = models.PositiveSmallIntegerField(default=0, help_text="Members on the date that did not vote, counted.")
    margin = models.SmallIntegerField(default=0, help_text="yes_count − no_count, stored so lists sort on it.")
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="votes", help_text="Report the vote was first read from."
    )
    issue_tags = models.ManyToManyField(
        "IssueTag", blank=True, related_name="votes", help_text="Topics a dataset assigns the vote (Voeten's six issues)."
    )
    history = HistoricalRecords()

    objects = VoteQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "body", "subject_label"], name="vote_unique_subject"),
            models.CheckConstraint(
                condition=(Q(stated_yes__gte=0) | Q(stated_yes__isnull=True))
                & (Q(stated_no__gte=0) | Q(stated_no__isnull=True))
                & (Q(stated_abstain__gte=0) | Q(stated_abstain__isnull=True)),
                name="vote_stated_tally_non_negative",
            ),
            # A paragraph vote names its paragraph, except a dataset's roll call coded "on a paragraph" without
            # saying which (Voeten's `para`): it has no paragraph, and its page says so.
            models.CheckConstraint(
                condition=Q(subject="paragraph", paragraph__isnull=False)
                | (Q(paragraph__isnull=True) & (~Q(subject="paragraph") | Q(document__isnull=True))),
                name="vote_paragraph_iff_paragraph_subject",
            ),
            models.CheckConstraint(
                condition=Q(method="recorded") | Q(stated_yes__isnull=True, stated_no__isnull=True, stated_abstain__isnull=True),
                name="vote_without_vote_has_no_tally",
            ),
        ]
        indexes = [
            models.Index(fields=["date"], name="vote_date_idx"),
            models.Index(fields=["outcome"], name="vote_outcome_idx"),
            models.Index(fields=["subject"], name="vote_subject_idx"),
            models.Index(fields=["subject_label"], name="vote_subject_label_idx"),
            models.Index(fields=["session", "body"], name="vote_session_body_idx"),
            models.Index(fields=["margin"], name="vote_margin_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.draft.symbol} {self.subject_label} ({self.get_outcome_display()})"

    @property
    def is_recorded(self) -> bool:
        return self.method == self.Method.RECORDED

    @property
    def stated_matches_counted(self) -> bool:
        return (self.stated_yes, self.stated_no, self.stated_abstain) == (self.yes_count, self.no_count, self.abstain_count)


class Position(models.Model):
    """How one Member State stood on one recorded vote. Every member on the vote's date has a row, absent ones too."""

    class Value(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        ABSTAIN = "abstain", _("Abstain")
        ABSENT = "absent", _("Absent")

    # No single-column indexes: (vote, country) is unique and (country, position, vote) is indexed, which serve
    # both lookups; two more indexes on 5 million rows cost load time and space for nothing.
    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="positions", db_index=False, help_text="The recorded vote."
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="positions", db_index=False, help_text="The Member State."
    )
    position = models.CharField(max_length=7, choices=Value.choices, help_text="Yes, no, abstain, or absent (not in any list).")
    history = HistoricalRecords()

    objects = PositionQuerySet.as_manager()

    class Meta:
        # By the columns, not through the relations: ordering by the vote and the country joined both tables and
        # sorted on their fields in every query that did not set its own order (an ingest's reads, the admin's list).
        ordering = ["vote_id", "country_id"]
        constraints = [models.UniqueConstraint(fields=["vote", "country"], name="position_unique_country")]
        indexes = [models.Index(fields=["country", "position", "vote"], name="position_country_pos_vote_idx")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.position} on vote {self.vote_id}"


class RollCall(models.Model):
    """A plenary roll call as a dataset gives it (one row of Voeten's `un_roll_calls`), beside the vote made of it.

    The dataset's own fields are kept as given, blanks included ("not coded" is not "no"), so an export in the
    dataset's shape gives back its rows; the vote carries what they mean in Tally's terms."""

    rcid = models.PositiveIntegerField(primary_key=True, help_text="The dataset's roll-call id (Voeten's rcid).")
    dataset = models.ForeignKey(Dataset, on_delete=models.PROTECT, related_name="roll_calls", help_text="The dataset.")
    vote = models.OneToOneField(Vote, on_delete=models.CASCADE, related_name="roll_call", help_text="The vote made of it.")
    session = models.PositiveSmallIntegerField(help_text="Session as given.")
    date = models.CharField(max_length=10, help_text="Date as given (YYYY-MM-DD; session 1 has placeholders).")
    unres = models.CharField(max_length=40, blank=True, help_text='Resolution as given, e.g. "R/55/132"; blank if none.')
    amend = models.CharField(max_length=1, blank=True, help_text='"1" on an amendment, "0" not, blank not coded.')
    para = models.CharField(max_length=1, blank=True, help_text='"1" on a paragraph, "0" on the whole, blank not coded.')
    important = models.CharField(max_length=1, blank=True, help_text='"1" if the US State Department classed it important.')
    short = models.TextField(blank=True, help_text="Short description as given.")
    descr = models.TextField(blank=True, help_text="Long description as given.")
    flags = models.JSONField(default=list, blank=True, help_text="What the import found questionable about it, in words.")
    # When a verbatim record gives the same vote (votes.reconcile), the vote is the record's and the roll call
    # joins it: the dataset's own lists are kept here, and how the two sources differ.
    listed = models.JSONField(
        null=True, blank=True, help_text="The dataset's yes/no/abstain by ISO3, kept when the vote is a verbatim record's."
    )
    differences = models.JSONField(
        default=list, blank=True, help_text="How the dataset's lists differ from the verbatim record's, in words."
    )

    class Meta:
        ordering = ["rcid"]
        indexes = [models.Index(fields=["important"], name="rollcall_important_idx")]

    def __str__(self) -> str:
        return f"roll call {self.rcid}"


class IntendedPosition(MultilingualMixin, models.Model):
    """A later statement that a State had intended to vote otherwise (a footnote); the recorded position stands.
    Its footnote in each language whose report was ingested (each report prints it in its own language)."""

    class Value(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        ABSTAIN = "abstain", _("Abstain")
        NON_PARTICIPATION = "non_participation", _("Not participate")

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="intended_positions", help_text="The recorded vote.")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="intended_positions", help_text="The State.")
    position = models.CharField(max_length=17, choices=Value.choices, help_text="The position it says it intended.")
    locals().update(six_language_fields("footnote", "Footnote"))

    class Meta:
        ordering = ["vote_id", "country_id"]
        constraints = [models.UniqueConstraint(fields=["vote", "country"], name="intendedposition_unique_country")]

    def __str__(self) -> str:
        return f"{self.country_id} intended {self.position} on vote {self.vote_id}"

    @property
    def footnote(self) -> str:
        """The footnote in the page's language, or in English, or in whichever language the record has it."""
        return self.localized("footnote")

    @property
    def footnote_language(self) -> str:
        """The language of `footnote` (for the markup's lang attribute)."""
        return self.localized_language("footnote")


class AgreementScore(models.Model):
    """How two countries stood relative to each other over the whole record, stored in both directions (not
    computed per request: the country page's "agrees most / least" and the unfiltered comparison of two countries
    read it). Kept up to date at ingest and on corrections by `votes.agreement`."""

    # No index but the unique pair (which serves a country's ~200 rows, sorted in memory): an ingested report
    # changes every pair's counts, and with no index on them PostgreSQL updates the rows in place (HOT; the
    # table keeps room for that: fillfactor 50, migration 0008) — 4× faster than updating the indexes too.
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="agreement_scores", db_index=False, help_text="The country."
    )
    other = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+", help_text="The country compared with.")
    common = models.PositiveIntegerField(default=0, help_text="Recorded votes on which both have a position, absent included.")
    same = models.PositiveIntegerField(default=0, help_text="Of those, votes on which both have the same position, absent included.")
    votes = models.PositiveIntegerField(help_text="Recorded votes on which both cast yes, no or abstain (the denominator).")
    agreed = models.PositiveIntegerField(help_text="Of those, votes on which both cast the same position.")
    score = models.FloatField(null=True, help_text="agreed / votes, between 0 and 1; empty when they never both cast one.")

    objects = AgreementScoreQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "other"], name="agreementscore_unique_pair"),
            models.CheckConstraint(condition=models.Q(agreed__lte=models.F("votes")), name="agreementscore_agreed_le_votes"),
            models.CheckConstraint(condition=models.Q(same__lte=models.F("common")), name="agreementscore_same_le_common"),
        ]

    def __str__(self) -> str:
        return f"{self.country_id}~{self.other_id}: {self.agreed}/{self.votes}"


class CountryTally(models.Model):
    """A country's whole record in figures, stored (kept by `votes.agreement` at ingest and on corrections): the
    unfiltered country page and the count of a country's votes read one row instead of aggregating its ~28,000
    positions per request."""

    country = models.OneToOneField(
        Country, on_delete=models.CASCADE, primary_key=True, related_name="tally", help_text="The country."
    )
    yes = models.PositiveIntegerField(default=0, help_text="Recorded votes on which it voted yes.")
    no = models.PositiveIntegerField(default=0, help_text="Recorded votes on which it voted no.")
    abstain = models.PositiveIntegerField(default=0, help_text="Recorded votes on which it abstained.")
    absent = models.PositiveIntegerField(default=0, help_text="Recorded votes on which it was a member but cast no vote.")
    with_majority = models.PositiveIntegerField(
        default=0, help_text="Votes on which it cast the most common position of the vote (no majority on a tie)."
    )

    objects = CountryTallyQuerySet.as_manager()

    FIELDS = ("yes", "no", "abstain", "absent", "with_majority")

    class Meta:
        verbose_name = _("country tally")
        verbose_name_plural = _("country tallies")

    def __str__(self) -> str:
        return f"{self.country_id}: {self.yes} yes, {self.no} no, {self.abstain} abstain, {self.absent} absent"


class DraftSearchText(models.Model):
    """What the text search (`q=`, the search page) looks in, one row per draft, in normalised form (see
    `votes.search`): its heading — symbol and titles — and its body — every paragraph — in all six languages.
    One trigram-indexed row per draft is found in milliseconds where 400,000 paragraph rows took hundreds; its
    own table keeps the drafts' rows, and their history, small. Rewritten whenever the draft or one of its
    paragraphs is."""

    draft = models.OneToOneField(
        Draft, on_delete=models.CASCADE, primary_key=True, related_name="search_text", help_text="The draft."
    )
    heading = models.TextField(help_text="Symbol and titles, normalised.")
    body = models.TextField(help_text="Every paragraph's text, normalised.")

    def __str__(self) -> str:
        return f"search text of draft {self.draft_id}"


# --- hand corrections ---------------------------------------------------------------------------------------
# A rule of the record, so the record owns them: re-ingesting a report keeps what staff corrected (votes.ingest
# reads them); the staff interface (curation) writes them.


class CorrectionQuerySet(models.QuerySet):
    def for_object(self, obj) -> "CorrectionQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def for_model(self, model) -> "CorrectionQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def sponsorships_by_hand(self, draft_symbol: str) -> dict[str, str]:
        """{iso3: kind} for the sponsors of a draft that staff added, changed or removed by hand, the newest
        correction winning; kind "" means removed. Keyed by the record's natural key (`Correction.key`), which
        survives the deletion of the Sponsorship row itself."""
        values = {}
        rows = self.for_model(Sponsorship).filter(field="kind", key__draft=draft_symbol).order_by("created_at", "id")
        for key, value in rows.values_list("key", "new_value"):
            values[key["country"]] = value
        return values

    def of_vote(self, vote) -> "CorrectionQuerySet":
        """Corrections of a vote and of its positions, oldest first, by the natural key they keep (so those of a
        position deleted since are still listed)."""
        key = {"key__draft": vote.draft.symbol, "key__body": vote.body_id, "key__subject_label": vote.subject_label}
        return self.filter(**key).order_by("created_at", "id")

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


# --- groups of States and the figures counted by group (votes.analysis) ------------------------------------------


class Group(models.Model):
    """A group of States: a UN regional group or a bloc such as the European Union (reference/data/groups.csv)."""

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("UN regional group")
        BLOC = "bloc", _("Bloc")

    code = models.CharField(max_length=8, primary_key=True, help_text='Stable code used in addresses, e.g. "EU", "AFR".')
    kind = models.CharField(max_length=8, choices=Kind.choices, help_text="UN regional group or other bloc.")
    name_en = models.CharField(max_length=120, help_text="Name in English.")
    name_zh = models.CharField(max_length=120, blank=True, help_text="Name in Chinese.")
    source = models.TextField(blank=True, help_text="Where the membership and its dates come from.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Display order (as in the data file).")

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return (self.name_zh if page_language() == "zh" else "") or self.name_en


class GroupMembershipQuerySet(models.QuerySet):
    def on(self, day) -> "GroupMembershipQuerySet":
        """Memberships in force on `day` (the vote's date, never "now")."""
        return self.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))


class GroupMembership(models.Model):
    """A period in which a State belonged to a group, already cut to the State's own UN membership (loaded from
    reference/data/group_memberships.csv by `load_countries`)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships", help_text="The group.")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="group_memberships", help_text="The State.")
    start = models.DateField(help_text="First day in the group (and a UN Member).")
    end = models.DateField(null=True, blank=True, help_text="Last day in the group; blank while it lasts.")
    role = models.CharField(
        max_length=12, default="member",
        help_text="member; participant (takes part fully, counted in another group for elections); observer.",
    )
    note = models.TextField(blank=True, help_text="Special case or uncertainty, from the data file.")

    objects = GroupMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group", "country", "start"]
        constraints = [models.UniqueConstraint(fields=["group", "country", "start"], name="groupmembership_unique_start")]

    def __str__(self) -> str:
        return f"{self.country_id} in {self.group_id} {self.start}–{self.end or ''}"


class GroupCohesion(models.Model):
    """A group's voting over one session and body, summed over the recorded votes on which at least one of its
    members cast yes, no or abstain (kept by `votes.figures`): the group page reads these rows instead of
    scanning positions. Mean Agreement Index = ai_millionths / 10⁶ / votes."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="cohesion", db_index=False, help_text="The group.")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+", help_text="The session.")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", help_text="The body that voted.")
    votes = models.IntegerField(default=0, help_text="Recorded votes on which members of the group cast a vote.")
    # In millionths, an integer: sums taken out and put back again stay exactly what a recount gives.
    ai_millionths = models.BigIntegerField(
        default=0, help_text="Sum of the group's Agreement Index over those votes, in millionths (each vote's rounded)."
    )
    split = models.IntegerField(default=0, help_text="Of those, votes on which some member cast against the group's majority.")
    yes = models.IntegerField(default=0, help_text="Members' yes positions on those votes.")
    no = models.IntegerField(default=0, help_text="Members' no positions.")
    abstain = models.IntegerField(default=0, help_text="Members' abstentions.")
    absent = models.IntegerField(default=0, help_text="Members absent (on the roll but not voting).")

    class Meta:
        ordering = ["group_id", "session_id", "body_id"]
        constraints = [models.UniqueConstraint(fields=["group", "session", "body"], name="groupcohesion_unique")]

    @property
    def mean_ai(self) -> float | None:
        return self.ai_millionths / 1e6 / self.votes if self.votes else None


class GroupIssueCohesion(models.Model):
    """A group's voting on the recorded votes a dataset tags with one issue (Voeten's six), over the whole record,
    summed like `GroupCohesion` (kept by `votes.figures`): the group page's cohesion by issue. A vote with two tags
    counts under each. Mean Agreement Index = ai_millionths / 10⁶ / votes."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="issue_cohesion", db_index=False, help_text="The group.")
    issue = models.ForeignKey(IssueTag, on_delete=models.CASCADE, related_name="+", help_text="The issue the votes are tagged with.")
    votes = models.IntegerField(default=0, help_text="Recorded votes with the tag on which members of the group cast a vote.")
    ai_millionths = models.BigIntegerField(
        default=0, help_text="Sum of the group's Agreement Index over those votes, in millionths (each vote's rounded)."
    )
    split = models.IntegerField(default=0, help_text="Of those, votes on which some member cast against the group's majority.")
    yes = models.IntegerField(default=0, help_text="Members' yes positions on those votes.")
    no = models.IntegerField(default=0, help_text="Members' no positions.")
    abstain = models.IntegerField(default=0, help_text="Members' abstentions.")
    absent = models.IntegerField(default=0, help_text="Members absent (on the roll but not voting).")

    class Meta:
        ordering = ["group_id", "issue_id"]
        constraints = [models.UniqueConstraint(fields=["group", "issue"], name="groupissuecohesion_unique")]

    @property
    def mean_ai(self) -> float | None:
        return self.ai_millionths / 1e6 / self.votes if self.votes else None


class GroupDissent(models.Model):
    """How often a member voted against its group's majority over the whole record (kept by `votes.figures`)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="dissent", db_index=False, help_text="The group.")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+", help_text="The member.")
    votes = models.IntegerField(default=0, help_text="Votes on which it cast yes, no or abstain and its group had a majority.")
    dissents = models.IntegerField(default=0, help_text="Of those, votes on which it cast another position than that majority.")

    class Meta:
        ordering = ["group_id", "country_id"]
        constraints = [models.UniqueConstraint(fields=["group", "country"], name="groupdissent_unique")]


class IdealPoint(models.Model):
    """A State's estimated position on the main dimension of plenary voting in one session (`votes.idealpoints`,
    recomputed by `manage.py idealpoints` or `recount "ideal points"`). Not summed over votes: a change of the
    record marks it stale, it is not updated in place."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="ideal_points", help_text="The State.")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ideal_points", help_text="The session.")
    value = models.FloatField(help_text="Estimated ideal point (sign: the United States' side positive).")
    se = models.FloatField(null=True, help_text="Standard error (conditional on the roll calls' parameters).")
    votes = models.IntegerField(help_text="Plenary roll calls of the session on which it cast yes, no or abstain.")

    class Meta:
        ordering = ["session_id", "country_id"]
        constraints = [models.UniqueConstraint(fields=["country", "session"], name="idealpoint_unique")]


class IdealPointFit(models.Model):
    """The run that produced the stored ideal points: what it was fitted to, and whether the record changed since."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", help_text="Body whose roll calls were used.")
    fitted_at = models.DateTimeField(auto_now_add=True, help_text="When the model was fitted.")
    roll_calls = models.IntegerField(help_text="Roll calls fitted.")
    items = models.IntegerField(help_text="Binary items the roll calls gave (see votes.analysis.idealpoints).")
    iterations = models.IntegerField(help_text="EM iterations run.")
    converged = models.BooleanField(help_text="Whether the iterations met the tolerance.")
    seconds = models.FloatField(help_text="Time the fit took.")
    stale = models.BooleanField(default=False, help_text="True once a plenary vote changed after the fit.")


class CountrySession(models.Model):
    """A country's positions in one session and body (or all its bodies), counted, and how every other country
    stood relative to it (kept by `votes.figures`): its share of yes / no / abstain by session on the country page,
    "votes most / least like X" over a range of sessions (in one body or all) and the compare page's agreement by
    session."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+", help_text="The country.")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+", help_text="The session.")
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="+", null=True, blank=True,
        help_text="The body that voted; empty: the session's votes in all bodies.",
    )
    yes = models.IntegerField(default=0, help_text="Recorded votes of the session and body on which it voted yes.")
    no = models.IntegerField(default=0, help_text="… no.")
    abstain = models.IntegerField(default=0, help_text="… abstained.")
    absent = models.IntegerField(default=0, help_text="… was a member but cast no vote.")
    sole_body = models.BooleanField(
        default=False,
        help_text="The session voted in this body alone: the row is also the session's over all bodies (then not written).",
    )
    pairs = models.TextField(
        blank=True,
        default="",
        help_text="For each other country with a vote in common: its code, the recorded votes of the session and body on "
        "which both cast yes, no or abstain, and of those the votes on which both cast the same "
        '("BRA 3 1,CHN 3 0"; votes.analysis.similarity.decode_pairs).',
    )

    class Meta:
        ordering = ["country_id", "session_id", "body_id"]
        constraints = [
            models.UniqueConstraint(fields=["country", "session", "body"], name="countrysession_unique"),
            # Two NULLs are not equal to a unique constraint: the all-bodies row has its own.
            models.UniqueConstraint(
                fields=["country", "session"], condition=models.Q(body__isnull=True), name="countrysession_unique_all_bodies"
            ),
        ]
