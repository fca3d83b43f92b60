"""FilterSets of the list pages: every filter a GET parameter of the public URL scheme, validated by the form.

An invalid parameter (an unknown country code, `session=abc`) makes the form invalid: the views then show the
form's errors (status 400) and no results rather than silently dropping the filter.
"""

from __future__ import annotations

import re
from html import escape

import django_filters
import django_filters.fields
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import labels
from .models import Body, Country, Draft, Session, Vote, page_language

ANY = _("Any")

# The default order (newest first) is the empty value, so it stays out of the address; "-date" is accepted too.
SORTS = {
    "date": _("Oldest first"),
    "-margin": _("Margin (yes − no), highest first"),
    "margin": _("Margin (yes − no), lowest first"),
    "closest": _("Closest votes first"),
}

PARAGRAPH_LABEL = re.compile(r"^\s*(pp|op)\s*(\d+)\s*(.*?)\s*$", re.IGNORECASE)


def normalize_paragraph_label(value: str) -> str:
    """"pp18" -> "PP18", "op 4(a)" -> "OP4(a)": the voted label as stored."""
    match = PARAGRAPH_LABEL.match(value or "")
    if not match:
        return (value or "").strip()
    prefix, number, rest = match.groups()
    return f"{prefix.upper()}{int(number)}{rest}"


# --- form fields ----------------------------------------------------------------------------------------------


class FastSelect(forms.Select):
    """A <select> rendered in Python: the template-per-option rendering of Django's widget costs tens of
    milliseconds for the 250 countries, on every list page."""

    none_selects_empty = False

    def render(self, name, value, attrs=None, renderer=None):
        values = value if isinstance(value, (list, tuple)) else [value]
        if self.none_selects_empty:
            values = ["" if v is None else v for v in values]
        selected = {str(v) for v in values if v is not None}
        parts = []
        # `light_choices` (see use_light_choices), when set, gives plain pairs: one query, no normalising.
        light_choices = getattr(self, "light_choices", None)
        for option_value, option_label in light_choices() if light_choices else self.choices:
            option_value = "" if option_value is None else str(option_value)
            mark = " selected" if option_value in selected else ""
            parts.append(f'<option value="{escape(option_value)}"{mark}>{escape(str(option_label))}</option>')
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        return mark_safe(f"<select{flatatt(final_attrs)}>{''.join(parts)}</select>")


class FastInputMixin:
    """An <input> rendered in Python, for the same reason as FastSelect: Django renders each widget through two
    templates (some 1 ms apiece), and a filter form has a dozen of them on every list page. Same markup."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        ordered = {"type": widget["type"], "name": widget["name"]}  # Django's order: type, name, value, the rest
        if widget["value"] is not None:
            ordered["value"] = str(widget["value"])
        ordered.update(widget["attrs"])
        markup = "".join(
            f" {escape(key)}" if value is True else f' {escape(key)}="{escape(str(value))}"'
            for key, value in ordered.items()
            if value is not False and value is not None
        )
        return mark_safe(f"<input{markup}>")


class TextInput(FastInputMixin, forms.TextInput):
    pass


class NumberInput(FastInputMixin, forms.NumberInput):
    pass


class DateInput(FastInputMixin, forms.DateInput):
    pass


class ChoiceSelect(FastSelect):
    """FastSelect for the short menus of coded values (position, subject, sort...): the markup of Django's Select
    (no value marks the empty choice selected), without its template per option."""

    none_selects_empty = True


def _cached_on_request(request, key: str, build):
    """`build()` once per request and language (a page may show several menus of the same choices)."""
    language = page_language()
    cache = request.__dict__.setdefault("_tally_choices", {}) if request is not None else {}
    if (key, language) not in cache:
        cache[(key, language)] = build(language)
    return cache[(key, language)]


def country_choices(request=None) -> list[tuple[str, str]]:
    """(ISO3, name in the page's language) of every country, in that language's order: one query, no model
    instances."""

    def build(language):
        rows = Country.objects.in_language_order(language).values_list("iso3", f"name_{language}", "name_en")
        return [(iso3, local or english) for iso3, local, english in rows]

    return _cached_on_request(request, "countries", build)


def session_choices(request=None) -> list[tuple[int, str]]:
    """(number, label) of every session, latest first, labelled as SessionChoiceField labels them."""

    def build(language):
        rows = Session.objects.order_by("-number").values_list("number", "start_year")
        return [(number, SessionChoiceField.session_label(number, start)) for number, start in rows]

    return _cached_on_request(request, "sessions", build)


def body_choices(request=None) -> list[tuple[str, str]]:
    """(code, name in the page's language) of every body, in their order."""

    def build(language):
        rows = Body.objects.order_by("order").values_list("code", f"name_{language}", "name_en")
        return [(code, local or english or code) for code, local, english in rows]

    return _cached_on_request(request, "bodies", build)


def use_light_choices(form, request=None) -> None:
    """Give the country, session and body menus of `form` plain (value, label) pairs from one `values_list`
    query each, instead of iterating a queryset of model instances (through a server-side cursor on
    PostgreSQL) at every render. Validation still asks the database for the one value submitted."""
    sources = {CountryChoiceField: country_choices, SessionChoiceField: session_choices, BodyChoiceField: body_choices}
    for field in form.fields.values():
        source = sources.get(type(field))
        if source is not None:  # read when rendered: an export validates the form but shows no menu
            field.widget.light_choices = lambda field=field, source=source: [("", field.empty_label or "")] + source(request)


class LightChoicesMixin:
    """FilterSets whose forms render their country, session and body menus from `use_light_choices`."""

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_light_choices", False):
            use_light_choices(form, self.request)
            form._light_choices = True
        return form


class KeyedChoiceField(forms.ModelChoiceField):
    """A record chosen by its primary key as people type it: `key()` turns the submitted text into the stored
    key (case, spacing), and an unknown key is an error that names it."""

    def key(self, value):
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            value = self.key(value)
            return self.queryset.get(pk=value)
        except (ValueError, TypeError, self.queryset.model.DoesNotExist):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


class CountryChoiceField(KeyedChoiceField):
    """A country by ISO3 code (any case), labelled with its name in the page's language."""

    default_error_messages = {"invalid_choice": _("Unknown country code: %(value)s.")}

    def to_python(self, value):
        # Normalised first, so that a blank code is no choice at all (the comparison's optional countries).
        return super().to_python(value.strip().upper() if isinstance(value, str) else value)

    def label_from_instance(self, obj: Country) -> str:
        return obj.name


class SessionChoiceField(KeyedChoiceField):
    default_error_messages = {"invalid_choice": _("Unknown session: %(value)s.")}

    def key(self, value) -> int:
        return int(str(value).strip())

    @staticmethod
    def session_label(number: int, start_year: int) -> str:
        return _("%(number)s (%(start)s–%(end)s)") % {"number": number, "start": start_year, "end": start_year + 1}

    def label_from_instance(self, obj: Session) -> str:
        return self.session_label(obj.number, obj.start_year)


class BodyChoiceField(KeyedChoiceField):
    default_error_messages = {"invalid_choice": _("Unknown body: %(value)s.")}

    def key(self, value) -> str:
        value = str(value).strip()
        return value.upper() if value.lower() == "ga" else value.replace("c.", "C.")

    def label_from_instance(self, obj: Body) -> str:
        return obj.name


class SortChoiceField(django_filters.fields.ChoiceField):
    def to_python(self, value):
        value = super().to_python(value)
        return "" if value == "-date" else value


class SortFilter(django_filters.ChoiceFilter):
    field_class = SortChoiceField


class CountryFilter(django_filters.ModelChoiceFilter):
    field_class = CountryChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FastSelect)
        super().__init__(*args, **kwargs)


class SessionFilter(django_filters.ModelChoiceFilter):
    field_class = SessionChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FastSelect)
        super().__init__(*args, **kwargs)


class BodyFilter(django_filters.ModelChoiceFilter):
    field_class = BodyChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FastSelect)
        super().__init__(*args, **kwargs)


def countries(request=None):
    return Country.objects.in_language_order(page_language())


def search_input(placeholder=""):
    return TextInput(attrs={"type": "search", "placeholder": placeholder})


DATE_INPUT = DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# --- votes ----------------------------------------------------------------------------------------------------


class VoteFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("position") and "country" in self.fields and not data.get("country"):
            self.add_error("position", _("Choose a country to filter by its position."))
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


class VoteFilterSet(LightChoicesMixin, django_filters.FilterSet):
    """`/votes/` and everything listing votes (a country's record, a comparison)."""

    q = django_filters.CharFilter(label=_("Text"), method="filter_text", widget=search_input())
    country = CountryFilter(label=_("Country"), queryset=countries, method="filter_noop", empty_label=ANY)
    position = django_filters.ChoiceFilter(
        label=_("Its position"), choices=labels.choices({k: labels.POSITION[k] for k in ("yes", "no", "abstain", "absent")}),
        method="filter_noop", empty_label=ANY,
        widget=ChoiceSelect,
    )
    subject = django_filters.ChoiceFilter(
        label=_("Subject"), field_name="subject", lookup_expr="exact", choices=labels.choices(labels.SUBJECT), empty_label=ANY,
        widget=ChoiceSelect,
    )
    paragraph = django_filters.CharFilter(
        label=_("Paragraph"), field_name="subject_label", method="filter_paragraph",
        widget=TextInput(attrs={"placeholder": "PP18", "size": 6}),
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"), field_name="outcome", lookup_expr="exact", choices=labels.choices(labels.OUTCOME), empty_label=ANY,
        widget=ChoiceSelect,
    )
    method = django_filters.ChoiceFilter(
        label=_("Method"), field_name="method", lookup_expr="exact", choices=labels.choices(labels.METHOD), empty_label=ANY,
        widget=ChoiceSelect,
    )
    session = SessionFilter(label=_("Session"), field_name="session", queryset=Session.objects.all(), empty_label=ANY)
    body = BodyFilter(label=_("Body"), field_name="body", queryset=Body.objects.all(), empty_label=ANY)
    agenda_item = django_filters.NumberFilter(
        label=_("Agenda item"), field_name="draft__agenda_item__number", lookup_expr="exact",
        widget=NumberInput(attrs={"min": 1, "size": 5}),
    )
    draft = django_filters.CharFilter(
        label=_("Draft"), field_name="draft__symbol", lookup_expr="iexact",
        widget=TextInput(attrs={"placeholder": "A/C.1/79/L.53/Rev.1"}),
    )
    sponsor = CountryFilter(label=_("Sponsor"), queryset=countries, method="filter_sponsor", empty_label=ANY)
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte", widget=DATE_INPUT)
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte", widget=DATE_INPUT)
    sort = SortFilter(
        label=_("Sort"), choices=labels.choices(SORTS), method="filter_noop", empty_label=_("Newest first"), widget=ChoiceSelect
    )

    class Meta:
        model = Vote
        fields: list[str] = []
        form = VoteFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, fixed_country: str | None = None, omit=()):
        """`fixed_country`: a country's own page, where the country is the page's, not a parameter.
        `omit`: filters a page does not offer (the comparison sets its countries itself)."""
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.fixed_country = fixed_country
        for name in (*omit, *(("country",) if fixed_country else ())):
            self.filters.pop(name, None)

    # The country, its position and the order are applied together in filter_queryset.
    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_text(self, queryset, name, value):
        return queryset.matching(value) if value.strip() else queryset

    def filter_paragraph(self, queryset, name, value):
        return queryset.filter(subject_label=normalize_paragraph_label(value)) if value.strip() else queryset

    def filter_sponsor(self, queryset, name, value):
        return queryset.sponsored_by(value.pk)

    def active_filters(self) -> set[str]:
        """The filters given a value (valid form only; the order is not a filter). Without any beyond the country
        and its position, a list is a country's whole record, whose figures are stored (CountryTally,
        AgreementScore) rather than counted per request."""
        return {name for name, value in self.form.cleaned_data.items() if name != "sort" and value not in (None, "")}

    @property
    def country_code(self) -> str | None:
        """The country whose positions the list shows, if any (valid form only)."""
        if self.fixed_country:
            return self.fixed_country
        country = self.form.cleaned_data.get("country") if self.is_valid() else None
        return country.pk if country else None

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        country = self.fixed_country or (data.get("country").pk if data.get("country") else None)
        if country:
            queryset = queryset.with_country(country, data.get("position") or None)
        sort = data.get("sort") or "-date"
        if sort == "date":
            return queryset.oldest_first()
        if sort in ("margin", "-margin"):
            return queryset.by_margin(descending=sort == "-margin")
        if sort == "closest":
            return queryset.closest_first()
        return queryset.newest_first()


# --- drafts ---------------------------------------------------------------------------------------------------


class DraftFilterSet(LightChoicesMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Symbol or title"), method="filter_text", widget=search_input())
    session = SessionFilter(label=_("Session"), field_name="session", queryset=Session.objects.all(), empty_label=ANY)
    body = BodyFilter(label=_("Body"), field_name="body", queryset=Body.objects.all(), empty_label=ANY)
    agenda_item = django_filters.NumberFilter(
        label=_("Agenda item"), field_name="agenda_item__number", lookup_expr="exact",
        widget=NumberInput(attrs={"min": 1, "size": 5}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", lookup_expr="exact", choices=labels.choices(labels.DRAFT_KIND), empty_label=ANY,
        widget=ChoiceSelect,
    )
    sponsor = CountryFilter(label=_("Sponsor"), queryset=countries, method="filter_sponsor", empty_label=ANY)

    class Meta:
        model = Draft
        fields: list[str] = []

    def filter_text(self, queryset, name, value):
        return queryset.matching(value) if value.strip() else queryset

    def filter_sponsor(self, queryset, name, value):
        return queryset.sponsored_by(value.pk)


# --- countries ------------------------------------------------------------------------------------------------


class CountryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or code"), method="filter_text", widget=search_input())
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", lookup_expr="exact", choices=labels.choices(labels.COUNTRY_KIND), empty_label=ANY,
        widget=ChoiceSelect,
    )

    class Meta:
        model = Country
        fields: list[str] = []

    def filter_text(self, queryset, name, value):
        return queryset.matching(value) if value.strip() else queryset



# --- comparison -----------------------------------------------------------------------------------------------

COMPARE_KEYS = ("a", "b", "c", "d", "e", "f")
MAX_COMPARED = len(COMPARE_KEYS)
SHOW = {"differ": _("Votes where they differ"), "all": _("All votes")}


class CompareForm(forms.Form):
    """The countries compared: `a`, `b`, `c`... and/or repeated `country=`; two to six of them."""

    a = CountryChoiceField(label=_("Country A"), queryset=Country.objects.none(), required=False, empty_label="—", widget=FastSelect)
    b = CountryChoiceField(label=_("Country B"), queryset=Country.objects.none(), required=False, empty_label="—", widget=FastSelect)
    c = CountryChoiceField(
        label=_("Country C (optional)"), queryset=Country.objects.none(), required=False, empty_label="—", widget=FastSelect
    )
    show = forms.ChoiceField(label=_("Show"), choices=labels.choices(SHOW), required=False, widget=ChoiceSelect)

    def __init__(self, data=None, request=None, **kwargs):
        super().__init__(data, **kwargs)
        for name in ("a", "b", "c"):
            self.fields[name].queryset = countries()
        use_light_choices(self, request)
        self.extra_codes = []
        if data is not None:
            # d, e, f and repeated `country=` are accepted, not shown as fields.
            self.extra_codes = [data[key] for key in COMPARE_KEYS[3:] if data.get(key)] + list(data.getlist("country"))

    def clean(self):
        data = super().clean()
        codes = [data[name].pk for name in ("a", "b", "c") if data.get(name)]
        extra = [code.strip().upper() for code in self.extra_codes if code.strip()]
        if extra:
            known = set(Country.objects.filter(pk__in=extra).values_list("pk", flat=True))
            unknown = [code for code in extra if code not in known]
            if unknown:
                raise ValidationError(_("Unknown country code: %(value)s."), params={"value": ", ".join(unknown)})
            codes += extra
        codes = list(dict.fromkeys(codes))
        if self.is_bound and len(codes) < 2 and not self.errors:
            raise ValidationError(_("Choose at least two countries to compare."))
        if len(codes) > MAX_COMPARED:
            raise ValidationError(_("Compare at most %(n)s countries at once.") % {"n": MAX_COMPARED})
        data["codes"] = codes
        data["show"] = data.get("show") or "differ"
        return data
