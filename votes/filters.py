"""FilterSets of the list pages: every filter a GET parameter of the public URL scheme, validated by the form.

An invalid parameter (an unknown country code, `session=abc`) makes the form invalid: the views then show the
form's errors (status 400) and no results rather than silently dropping the filter. The country, session and
body menus read their (value, label) pairs with one query each per request, and only when a menu is rendered
(an export validates the form but shows none).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.choices import BaseChoiceIterator, CallableChoiceIterator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from parsing.labels import normalize_typed_label

from . import fragments, labels
from .models import Body, Country, CountryTally, Draft, IssueTag, Session, Vote, page_language
from .querysets import VoteQuerySet

ANY = _("Any")

# The default order (newest first) is the empty value, so it stays out of the address; "-date" is accepted too.
SORTS = {
    "date": _("Oldest first"),
    "-margin": _("Margin (yes − no), highest first"),
    "margin": _("Margin (yes − no), lowest first"),
    "closest": _("Closest votes first"),
}
NEWEST_FIRST = "-date"


# --- menus and fields ------------------------------------------------------------------------------------------


class KeptMarkup:
    """A filter form's widget whose markup is kept (votes.fragments) by everything it shows: its template, name,
    value, attributes and options. Every list page renders the same menus and fields: through the template
    engine the 250 countries' options took ~2 ms, and the seven inputs' attribute loops ~3 ms more."""

    def shown_choices(self) -> list[tuple[str, str]]:
        return []

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        key = fragments.content_key(
            "widget",
            self.template_name,
            getattr(self, "input_type", ""),
            name,
            self.format_value(value),
            sorted((key, str(attr)) for key, attr in attrs.items()),  # as text: a lazy translation's repr has no language
            self.shown_choices(),
        )
        return fragments.kept(key, lambda: super(KeptMarkup, self).render(name, value, attrs, renderer))


class Select(KeptMarkup, forms.Select):
    """Django's Select for a flat menu, its options written by one loop of its own template over (value, label,
    selected) triples: Django's template includes a template per option (and one more for its attributes), too
    slow for the 250 countries of every list page's menus."""

    template_name = "votes/widgets/select.html"

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)  # not ChoiceWidget's option dicts
        chosen = context["widget"]["value"]  # the selected values as strings (format_value)
        options, selected = [], False
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            is_selected = not selected and option_value in chosen  # the first match only, as Django's
            selected |= is_selected
            options.append((option_value, label, is_selected))
        context["widget"]["options"] = options
        return context

    def shown_choices(self):
        """What the options show, for the key of the menu's markup: a record menu's stand-in, computed once per
        request (see Menu), else the options as text."""
        menu = self.choices.func() if isinstance(self.choices, CallableChoiceIterator) else self.choices
        shown = getattr(menu, "shown", None)
        return shown if shown is not None else [(str(option), str(label)) for option, label in menu]


class SearchInput(KeptMarkup, forms.SearchInput):
    pass


class TextInput(KeptMarkup, forms.TextInput):
    pass


class NumberInput(KeptMarkup, forms.NumberInput):
    pass


class DateInput(KeptMarkup, forms.DateInput):
    pass


class Menu(BaseChoiceIterator):
    """A menu's (value, label) pairs, already flat and plain: Django normalises any other list of choices anew
    each time they are read (each menu's render and validation: a dozen times 200 countries per page). `shown`,
    if given, stands for the pairs in the key of kept markup (a digest of them: the compare page's three country
    menus and its filters' would otherwise write out some 800 options for their keys)."""

    def __init__(self, pairs: list[tuple], shown=None):
        self.pairs = pairs
        self.shown = shown

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


def _cached_on_request(request, key: str, build):
    """`build(language)` once per request and language (a page may show several menus of the same choices)."""
    language = page_language()
    cache = request.__dict__.setdefault("_tally_choices", {}) if request is not None else {}
    if (key, language) not in cache:
        cache[(key, language)] = build(language)
    return cache[(key, language)]


def choices_digest(request, choices: Callable) -> str:
    """A digest of the (value, label) pairs `choices(request)` gives, once per request and language."""

    def digest(language):
        return fragments.content_key("choices", [(str(value), str(label)) for value, label in choices(request)])

    return _cached_on_request(request, f"{choices.__module__}.{choices.__qualname__}:digest", digest)


def country_choices(request=None) -> list[tuple[str, str]]:
    """(ISO3, name in the page's language) of every country, in that language's order: one query, no model
    instances."""

    def build(language):
        rows = Country.objects.in_language_order(language).values_list("iso3", f"name_{language}", "name_en")
        return [(iso3, local or english) for iso3, local, english in rows]

    return _cached_on_request(request, "countries", build)


SESSION_LABEL = _("%(number)s (%(start)s–%(end)s)")


def session_label(number: int, start_year: int, label: str | None = None) -> str:
    """'79 (2024–2025)'; `label`: SESSION_LABEL in the page's language, when the caller translated it once for many
    (formatting the lazy translation itself cost 10 µs a session)."""
    return (label or str(SESSION_LABEL)) % {"number": number, "start": start_year, "end": start_year + 1}


def session_choices(request=None) -> list[tuple[int, str]]:
    """(number, label) of every session, latest first."""

    def build(language):
        rows = Session.objects.order_by("-number").values_list("number", "start_year")
        label = str(SESSION_LABEL)
        return [(number, session_label(number, start, label)) for number, start in rows]

    return _cached_on_request(request, "sessions", build)


def issue_choices(request=None) -> list[tuple[str, str]]:
    """(code, name) of every issue tag a dataset gave (Voeten's six), by name."""
    return _cached_on_request(request, "issues", lambda language: list(IssueTag.objects.order_by("name").values_list("code", "name")))


def body_choices(request=None) -> list[tuple[str, str]]:
    """(code, name in the page's language) of every body, in their order."""

    def build(language):
        rows = Body.objects.order_by("order").values_list("code", f"name_{language}", "name_en")
        return [(code, local or english or code) for code, local, english in rows]

    return _cached_on_request(request, "bodies", build)


# --- records chosen by their key ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordKey:
    """How a parameter names a record: `key(text)` turns the typed text (stripped) into the stored primary key
    (case, spacing), `choices(request)` gives the menu's (key, label) pairs, `unknown` is the error for a key that
    is not one of `model`'s."""

    model: type[models.Model]
    key: Callable[[str], object]
    choices: Callable[..., list[tuple]]
    unknown: str


def body_key(text: str) -> str:
    return text.upper() if text.lower() == "ga" else text.replace("c.", "C.")


COUNTRY = RecordKey(Country, str.upper, country_choices, _("Unknown country code: %(value)s."))
SESSION = RecordKey(Session, int, session_choices, _("Unknown session: %(value)s."))
BODY = RecordKey(Body, body_key, body_choices, _("Unknown body: %(value)s."))
ISSUE = RecordKey(IssueTag, str.lower, issue_choices, _("Unknown issue: %(value)s."))


class KeyChoiceField(forms.Field):
    """A record chosen by its key as people type it (see RecordKey), from a menu of the record's choices, cached
    on `request`. Validation asks the database for the one key submitted, not for the menu."""

    widget = Select

    def __init__(self, *, record: RecordKey, request=None, empty_label=ANY, **kwargs):
        kwargs["error_messages"] = {"invalid_choice": record.unknown, **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)
        self.record = record
        empty = [("", empty_label)]
        # A callable: read when the menu is rendered.
        self.widget.choices = lambda: Menu(
            empty + record.choices(request), shown=(str(empty_label), choices_digest(request, record.choices))
        )

    def to_python(self, value):
        value = value.strip() if isinstance(value, str) else value
        if value in self.empty_values:
            return None
        try:
            value = self.record.key(value)
            return self.record.model._default_manager.get(pk=value)
        except (ValueError, TypeError, self.record.model.DoesNotExist):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})

    def prepare_value(self, value):
        """The menu's value for a record, or for the text submitted (so that "chn" selects China)."""
        if isinstance(value, models.Model):
            return value.pk
        try:
            return self.record.key(value.strip()) if isinstance(value, str) and value.strip() else value
        except (ValueError, TypeError):
            return value


class KeyFilter(django_filters.Filter):
    """A filter on a record chosen by its key (`record=COUNTRY`, `SESSION`, `BODY`): its field's menu is cached on
    the FilterSet's request, as django-filter hands a ModelChoiceFilter's queryset the request."""

    field_class = KeyChoiceField

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self.extra["request"] = getattr(getattr(self, "parent", None), "request", None)
        return super().field


# --- other fields ---------------------------------------------------------------------------------------------


class ParagraphLabelField(forms.CharField):
    """A paragraph's label as people type it ("pp18", "op 4(a)"), in its stored form ("PP18", "OP4(a)")."""

    def to_python(self, value):
        return normalize_typed_label(super().to_python(value))


class ParagraphFilter(django_filters.CharFilter):
    """A label ("PP18": that paragraph), or a number alone ("18": preambular paragraph 18 and operative
    paragraph 18, both parts)."""

    field_class = ParagraphLabelField

    def filter(self, qs, value):
        if value and value.isdigit():
            number = int(value)
            return qs.filter(subject_label__in=[f"PP{number}", f"OP{number}"])
        return super().filter(qs, value)


class SortField(django_filters.fields.ChoiceField):
    """One sort (not OrderingFilter's comma-separated list); `default`, the list's order without one ("-date"
    for votes), is the empty value, and an address naming it stays valid."""

    default = NEWEST_FIRST

    def to_python(self, value):
        value = super().to_python(value)
        return "" if value == self.default else value

    def prepare_value(self, value):
        return "" if value == self.default else value


class SortFilter(django_filters.OrderingFilter):
    """The `sort` parameter: a key of SORTS, or empty for newest first. Each names an ordering of VoteQuerySet
    (undated votes and adoptions without a vote come last, which a plain order_by of the fields does not say)."""

    orderings = {
        NEWEST_FIRST: VoteQuerySet.newest_first,
        "date": VoteQuerySet.oldest_first,
        "-margin": partial(VoteQuerySet.by_margin, descending=True),
        "margin": VoteQuerySet.by_margin,
        "closest": VoteQuerySet.closest_first,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, choices=labels.choices(SORTS), **kwargs)
        self.field_class = SortField

    def filter(self, qs, value):
        return self.orderings[value or NEWEST_FIRST](qs)


def choice_filter(label, field_name: str, choices: dict):
    """A menu of coded values (subject, outcome, kind...), "Any" first."""
    return django_filters.ChoiceFilter(
        label=label, field_name=field_name, lookup_expr="exact", choices=labels.choices(choices), empty_label=ANY,
        widget=Select,
    )


DATE_INPUT = DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AGENDA_ITEM_INPUT = NumberInput(attrs={"min": 1, "size": 5})


# --- votes ----------------------------------------------------------------------------------------------------


class VoteFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("position") and "country" in self.fields and not data.get("country"):
            self.add_error("position", _("Choose a country to filter by its position."))
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


POSITIONS = {value: labels.POSITION[value] for value in ("yes", "no", "abstain", "absent")}
IMPORTANT = {"1": _("Important (US State Department)"), "0": _("Not classed important")}


class VoteFilterSet(django_filters.FilterSet):
    """`/votes/` and everything listing votes (a country's record, a comparison)."""

    q = django_filters.CharFilter(label=_("Text"), method="filter_text", widget=SearchInput)
    # The country before its position: the position filters the country's positions that filter_country joins.
    country = KeyFilter(label=_("Country"), record=COUNTRY, method="filter_country")
    position = django_filters.ChoiceFilter(
        label=_("Its position"), choices=labels.choices(POSITIONS), empty_label=ANY, method="filter_position",
        widget=Select,
    )
    subject = choice_filter(_("Subject"), "subject", labels.SUBJECT)
    paragraph = ParagraphFilter(
        label=_("Paragraph"), field_name="subject_label", lookup_expr="exact",
        widget=TextInput(attrs={"placeholder": "PP18", "size": 6}),
    )
    outcome = choice_filter(_("Outcome"), "outcome", labels.OUTCOME)
    method = choice_filter(_("Method"), "method", labels.METHOD)
    session = KeyFilter(label=_("Session"), record=SESSION, field_name="session", lookup_expr="exact")
    body = KeyFilter(label=_("Body"), record=BODY, field_name="body", lookup_expr="exact")
    agenda_item = django_filters.NumberFilter(
        label=_("Agenda item"), field_name="draft__agenda_item__number", lookup_expr="exact", widget=AGENDA_ITEM_INPUT,
        min_value=1, max_value=32767,
    )
    draft = django_filters.CharFilter(
        label=_("Draft"), field_name="draft__symbol", lookup_expr="iexact",
        widget=TextInput(attrs={"placeholder": "A/C.1/79/L.53/Rev.1"}),
    )
    sponsor = KeyFilter(label=_("Sponsor"), record=COUNTRY, method="filter_sponsor")
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte", widget=DATE_INPUT)
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte", widget=DATE_INPUT)
    # What Voeten's roll-call data say of a plenary vote: its issue tags, the State Department's "important"
    # class, and the roll call's id there.
    issue = KeyFilter(label=_("Issue"), record=ISSUE, field_name="issue_tags", lookup_expr="exact")
    important = choice_filter(_("Important vote"), "roll_call__important", IMPORTANT)
    rcid = django_filters.NumberFilter(
        label=_("Voeten roll call"), field_name="roll_call__rcid", lookup_expr="exact", min_value=1, max_value=2**31 - 1,
        widget=NumberInput(attrs={"min": 1, "size": 6}),
    )
    sort = SortFilter(label=_("Sort"), empty_label=_("Newest first"), widget=Select)

    class Meta:
        model = Vote
        fields: list[str] = []
        form = VoteFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, fixed_country: str | None = None, omit=()):
        """`fixed_country`: a country's own page, whose votes the list is (the country is the page's, not a
        parameter). `omit`: filters a page does not offer (the comparison sets its countries itself)."""
        if fixed_country:
            queryset = (queryset if queryset is not None else Vote.objects.all()).with_country(fixed_country)
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.fixed_country = fixed_country
        for name in (*omit, *(("country",) if fixed_country else ())):
            self.filters.pop(name, None)

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)

    def filter_country(self, queryset, name, country):
        return queryset.with_country(country.pk)

    def filter_position(self, queryset, name, position):
        return queryset.with_position(position)

    def filter_sponsor(self, queryset, name, country):
        return queryset.sponsored_by(country.pk)

    def active_filters(self) -> set[str]:
        """The filters given a value (valid form only; the order is not a filter)."""
        return {name for name, value in self.form.cleaned_data.items() if name != "sort" and value not in (None, "")}

    @property
    def is_filtered(self) -> bool:
        """Whether the list is narrower than the whole record (a country's own, on its page): the whole record's
        figures are stored (CountryTally, AgreementScore), a filtered list's are counted (valid form only)."""
        return bool(self.active_filters())

    @property
    def country_code(self) -> str | None:
        """The country whose positions the list shows, if any (valid form only)."""
        if self.fixed_country:
            return self.fixed_country
        country = self.form.cleaned_data.get("country") if self.is_valid() else None
        return country.pk if country else None

    def stored_count(self) -> int | None:
        """The number of votes listed, when stored figures give it: a country's votes, or those of one position,
        with no other filter (valid form only). None: the list is counted."""
        if self.country_code and self.active_filters() <= {"country", "position"}:
            return CountryTally.objects.vote_count(self.country_code, self.form.cleaned_data.get("position") or None)
        return None


# --- drafts ---------------------------------------------------------------------------------------------------


class DraftSortFilter(django_filters.OrderingFilter):
    """One column's order, then the primary key: drafts share a session, and a page must not move rows between pages."""

    def filter(self, qs, value):
        return qs.order_by(*self.get_ordering_value(value[0]).split(","), "pk") if value else qs


class DraftFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Symbol, title or text"), method="filter_text", widget=SearchInput)
    session = KeyFilter(label=_("Session"), record=SESSION, field_name="session", lookup_expr="exact")
    body = KeyFilter(label=_("Body"), record=BODY, field_name="body", lookup_expr="exact")
    agenda_item = django_filters.NumberFilter(
        label=_("Agenda item"), field_name="agenda_item__number", lookup_expr="exact", widget=AGENDA_ITEM_INPUT,
        min_value=1, max_value=32767,
    )
    kind = choice_filter(_("Kind"), "kind", labels.DRAFT_KIND)
    sponsor = KeyFilter(label=_("Sponsor"), record=COUNTRY, method="filter_sponsor")
    # The column headers' sort, in the address (shareable); an unknown value is a form error (400), not ignored.
    sort = DraftSortFilter(
        label=_("Sort"), empty_label=_("Newest first"), widget=Select,
        fields=(("symbol", "symbol"), ("session", "session")),
        field_labels={"symbol": _("Symbol"), "session": _("Session")},
    )

    class Meta:
        model = Draft
        fields: list[str] = []

    def filter_text(self, queryset, name, value):
        # Ranked (symbol, title, text) unless a column's order is chosen: the sort filter runs after this one.
        matching = queryset.matching(value)
        return matching if self.form.cleaned_data.get("sort") else matching.by_relevance()

    def filter_sponsor(self, queryset, name, country):
        return queryset.sponsored_by(country.pk)


# --- countries ------------------------------------------------------------------------------------------------


DEFAULT_COUNTRY_SORT = "name"


class CountrySortField(SortField):
    default = DEFAULT_COUNTRY_SORT


class CountrySortFilter(django_filters.OrderingFilter):
    """A column's order of the country list: the name in the page's language order (the default, as the list
    comes), the code, or the date of admission (the never admitted last either way); ties by code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field_class = CountrySortField

    def build_choices(self, fields, labels):
        # The default order (by name) is the empty choice: not listed a second time as "name".
        return [(key, label) for key, label in super().build_choices(fields, labels) if key != DEFAULT_COUNTRY_SORT]

    def filter(self, qs, value):
        if not value:
            return qs
        descending, column = value.startswith("-"), value.lstrip("-")
        if column == "name":
            return qs.reverse() if descending else qs
        if column == "admitted":
            admitted = F("admitted").desc(nulls_last=True) if descending else F("admitted").asc(nulls_last=True)
            return qs.order_by(admitted, "iso3")
        return qs.order_by("-iso3" if descending else "iso3")


class CountryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or code"), method="filter_text", widget=SearchInput)
    kind = choice_filter(_("Kind"), "kind", labels.COUNTRY_KIND)
    # The column headers' sort, in the address; an unknown value is a form error (400).
    sort = CountrySortFilter(
        label=_("Sort"), empty_label=_("Name"), widget=Select,
        fields=(("name", "name"), ("iso3", "code"), ("admitted", "admitted")),
        field_labels={"name": _("Name"), "iso3": _("Code"), "admitted": _("Admitted")},
    )

    class Meta:
        model = Country
        fields: list[str] = []

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)


# --- comparison -----------------------------------------------------------------------------------------------

COMPARE_KEYS = ("a", "b", "c", "d", "e", "f")
MAX_COMPARED = len(COMPARE_KEYS)
SHOW = {"differ": _("Votes where they differ"), "all": _("All votes")}
COMPARED_FIELDS = {"a": _("Country A"), "b": _("Country B"), "c": _("Country C (optional)")}


class CompareForm(forms.Form):
    """The countries compared: `a`, `b`, `c`... and/or repeated `country=`; two to six of them."""

    show = forms.ChoiceField(label=_("Show"), choices=labels.choices(SHOW), required=False, widget=Select)

    def __init__(self, data=None, request=None, **kwargs):
        super().__init__(data, **kwargs)
        # Built per form: their menus share the request's country names with the page's other country menus.
        countries = {
            name: KeyChoiceField(record=COUNTRY, request=request, label=label, required=False, empty_label="—")
            for name, label in COMPARED_FIELDS.items()
        }
        self.fields = {**countries, **self.fields}
        self.extra_codes = []
        if data is not None:
            # d, e, f and repeated `country=` are accepted, not shown as fields.
            self.extra_codes = [data[key] for key in COMPARE_KEYS[3:] if data.get(key)] + list(data.getlist("country"))

    def clean(self):
        data = super().clean()
        countries = {data[name].pk: data[name] for name in COMPARED_FIELDS if data.get(name)}
        extra = [code.strip().upper() for code in self.extra_codes if code.strip()]
        if extra:
            known = Country.objects.in_bulk(extra)
            unknown = [code for code in extra if code not in known]
            if unknown:
                raise ValidationError(_("Unknown country code: %(value)s."), params={"value": ", ".join(unknown)})
            countries.update((code, known[code]) for code in extra if code not in countries)
        codes = list(countries)
        if self.is_bound and len(codes) < 2 and not self.errors:
            raise ValidationError(_("Choose at least two countries to compare."))
        if len(codes) > MAX_COMPARED:
            raise ValidationError(_("Compare at most %(n)s countries at once.") % {"n": MAX_COMPARED})
        data["codes"] = codes
        data["countries"] = countries  # by code: the page shows their names without reading them again
        data["show"] = data.get("show") or "differ"
        return data
