"""Pages of the record. Thin: FilterSets validate and filter, QuerySets carry the queries, one template per page.

Each list page renders its `{% partialdef results %}` alone for an htmx request (not for a history restore),
sends `Vary: HX-Request`, and has `?format=csv` / `?format=json` twins with the same filters.
"""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from . import exports
from .filters import CompareForm, CountryFilterSet, DraftFilterSet, VoteFilterSet, country_choices
from .models import (
    AgreementScore,
    Country,
    CountryTally,
    Draft,
    Session,
    Vote,
    page_language,
)
from .querysets import paragraphs_matching

PER_PAGE = 50
SEARCH_LIMIT = 20
AGREEMENT_SHOWN = 5
CODES = ("", "voeten")


def rows_in_order(keys: list, fetch) -> list:
    """The rows of `keys` read by `fetch(keys)` (the listing's joins, no filters), in the order of `keys`: the
    second of two steps, after the keys were read with the filters and the order only."""
    rows = {row.pk: row for row in fetch(keys).order_by()} if keys else {}
    return [rows[key] for key in keys if key in rows]


class TwoStepPaginator(Paginator):
    """Pages of a QuerySet fetched in two steps: the page's primary keys first (filters and order only, without
    the joins of select_related, so a deep page does not join every row it skips), then the rows of those keys,
    by `fetch(keys)` (a query without the filters, which a text search would otherwise run twice). Optionally
    told its count (from an aggregate the page runs anyway), saving the COUNT query."""

    def __init__(self, object_list, per_page, count: int | None = None, fetch=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count
        self._fetch = fetch or (lambda keys: self.object_list.filter(pk__in=keys))

    @cached_property
    def count(self) -> int:
        return self._known_count if self._known_count is not None else super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(rows_in_order(keys, self._fetch), number, self)


class UncountedPage(Page):
    """A page of an UncountedPaginator: whether a next page exists is known from the one key fetched beyond it."""

    def __init__(self, object_list, number, paginator, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def end_index(self) -> int:
        # Django's compares the number with num_pages, unknown here.
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0


class UncountedPaginator(TwoStepPaginator):
    """For lists whose count costs more than their page (the votes a frequent word is in: ~7,000 rows rechecked to
    count them, against 50 read for the page): `count` and `num_pages` are None, a page fetches one key beyond
    itself to know whether a next page exists, and the template links to the previous and next pages only. The
    count is loaded after the page, from its own address (`vote_count`)."""

    @property
    def count(self):
        return None

    @property
    def num_pages(self):
        return None

    def validate_number(self, number) -> int:
        """Any whole number from 1 up: a page past the end is empty, with a link back."""
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("That page number is not an integer"))
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        return number

    def get_page(self, number):
        try:
            return self.page(self.validate_number(number))
        except (PageNotAnInteger, EmptyPage):
            return self.page(1)

    def page(self, number):
        bottom = (number - 1) * self.per_page
        keys = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page + 1])
        more, keys = len(keys) > self.per_page, keys[: self.per_page]
        return UncountedPage(rows_in_order(keys, self._fetch), number, self, more)


def paginate(request, queryset, count: int | None = None, fetch=None, counted: bool = True):
    paginator = TwoStepPaginator if counted else UncountedPaginator
    return paginator(queryset, PER_PAGE, count, fetch).get_page(request.GET.get("page"))


def vote_rows(country: str | None = None, compared: list[str] | None = None):
    """How a page of votes is fetched by key: the listing's joins, and the position(s) shown."""

    def fetch(keys):
        rows = Vote.objects.for_listing().filter(pk__in=keys)
        if country:
            rows = rows.with_country(country)
        if compared:
            rows = rows.with_countries(compared)
        return rows

    return fetch


def partial_wanted(request) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request and not request.htmx.boosted


def respond(request, template: str, context: dict, status: int = 200):
    """The page, or only its results partial for an htmx request that is not a history restore (nor a boosted
    link, such as a column's sort link, which replaces the whole page)."""
    if partial_wanted(request):
        template = f"{template}#results"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    return response


def redirect_keeping_query(request, path: str):
    """301 to the canonical address of the same page, with the same parameters."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)


def export_or_error(request, fmt: str, valid: bool, errors: dict):
    """The 400 response of a twin with an unknown format, unknown `codes` or invalid filters; None if all is well."""
    if fmt == "":
        return exports.error_response("json", {"format": [_("Unknown format: use csv or json.")]})
    if request.GET.get("codes", "") not in CODES:
        return exports.error_response(fmt, {"codes": [_("Unknown codes: use voeten or leave it out.")]})
    if not valid:
        return exports.error_response(fmt, errors)
    return None


# --- home -----------------------------------------------------------------------------------------------------


def home(request):
    """Counts of what is loaded, with links into the data."""
    counts = {
        "sessions": Session.objects.with_votes().count(),
        "drafts": Draft.objects.count(),
        "recorded_votes": Vote.objects.recorded().count(),
        "positions": CountryTally.objects.positions(),  # stored: counting 5 million rows took ~140 ms
    }
    return render(request, "home.html", {"counts": counts})


# --- votes ----------------------------------------------------------------------------------------------------


def vote_list(request, exact_count: bool = False):
    """Every vote, newest first, filtered by GET parameters; with `country`, that country's position on each.
    With text (`q`), the page comes without its count, which `vote_count` gives after it (unless `exact_count`)."""
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.for_listing(), request=request)
    valid = filterset.is_valid()
    twin = vote_list_twin(request, filterset, valid, filterset.country_code, "votes")
    if twin is not None:
        return twin
    page_obj = None
    if valid:
        code, count, filters = filterset.country_code, None, filterset.active_filters()
        if code and filters <= {"country", "position"}:
            count = CountryTally.objects.vote_count(code, filterset.form.cleaned_data.get("position") or None)
        counted = exact_count or "q" not in filters
        page_obj = paginate(request, filterset.qs, count=count, fetch=vote_rows(code), counted=counted)
    context = {
        "filterset": filterset,
        "page_obj": page_obj,
        "country": filterset.form.cleaned_data.get("country") if valid else None,
    }
    return respond(request, "votes/vote_list.html", context, status=200 if valid else 400)


def vote_count(request):
    """How many votes the vote list's filters select: for htmx, the count alone (the list loads it after showing
    a page of text search results); otherwise the list itself, counted."""
    if not partial_wanted(request):
        return vote_list(request, exact_count=True)
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.all(), request=request)
    if not filterset.is_valid():
        return respond(request, "votes/vote_list.html", {"filterset": filterset, "page_obj": None}, status=400)
    response = render(request, "votes/vote_list.html#result_count", {"count": filterset.qs.order_by().count()})
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    return response


class ListedCountry:
    """What the vote page shows of a country in its position lists."""

    __slots__ = ("iso3", "name")

    def __init__(self, iso3: str, name: str):
        self.iso3, self.name = iso3, name

    @property
    def pk(self) -> str:
        return self.iso3


def vote_detail(request, pk: int):
    """One vote: what was voted on, outcome, tallies, the countries under each position, intentions, siblings."""
    vote = get_object_or_404(
        Vote.objects.select_related("draft__agenda_item", "draft__body", "draft__session", "body", "session", "paragraph"),
        pk=pk,
    )
    intended = {i.country_id: i for i in vote.intended_positions.select_related("country")}
    groups = {value: [] for value in ("yes", "no", "abstain", "absent")}
    # Some 193 rows: read as values, not model instances (the page shows each country's code and name only).
    language = page_language()
    rows = vote.positions.values_list("position", "country_id", f"country__name_{language}", "country__name_en")
    for value, iso3, local_name, english_name in rows:
        groups.setdefault(value, []).append((ListedCountry(iso3, local_name or english_name or ""), intended.get(iso3)))
    for members in groups.values():
        members.sort(key=lambda pair: pair[0].name)
    siblings = vote.draft.votes.select_related("body").order_by("order", "id")
    context = {
        "vote": vote,
        "draft": vote.draft,
        "groups": [(value, groups[value]) for value in groups],
        "intended": sorted(intended.values(), key=lambda i: i.country.name),
        "siblings": siblings,
    }
    return render(request, "votes/vote_detail.html", context)


def list_twin(request, filterset, valid: bool, name: str, rows_of):
    """The ?format=csv|json twin of a list page, or None when the page itself is asked for: `rows_of(queryset)`
    gives the (columns, rows) of the filtered queryset, exported as `name`."""
    fmt = exports.wants_export(request)
    if fmt is None:
        return None
    error = export_or_error(request, fmt, valid, filterset.errors)
    if error:
        return error
    return exports.export_response(request, fmt, name, *rows_of(filterset.qs))


def vote_list_twin(request, filterset, valid: bool, country: str | None, name: str):
    """The twin of a list of votes (with `country`, its position on each)."""
    codes = request.GET.get("codes")
    return list_twin(request, filterset, valid, name, lambda votes: exports.vote_rows(request, votes, country, codes))


def model_list_twin(request, filterset, valid: bool, spec, section: str, key: str):
    """The twin of a list of drafts or countries."""
    return list_twin(request, filterset, valid, section, lambda rows: exports.model_rows(request, rows, spec, section, key))


# --- drafts ---------------------------------------------------------------------------------------------------


def draft_list(request):
    filterset = DraftFilterSet(
        request.GET, queryset=Draft.objects.with_relations().with_final_vote().latest_first(), request=request
    )
    valid = filterset.is_valid()
    twin = model_list_twin(request, filterset, valid, exports.DRAFT_COLUMNS, "drafts", "symbol")
    if twin is not None:
        return twin
    fetch = lambda keys: Draft.objects.with_relations().with_final_vote().filter(pk__in=keys)  # noqa: E731
    context = {"filterset": filterset, "page_obj": paginate(request, filterset.qs, fetch=fetch) if valid else None}
    return respond(request, "votes/draft_list.html", context, status=200 if valid else 400)


def draft_detail(request, symbol: str):
    """A draft: title, agenda item, sponsors, every action in order, its text with the voted paragraphs marked."""
    draft = Draft.objects.with_relations().filter(symbol=symbol).first()
    if draft is None:
        draft = Draft.objects.filter(symbol__iexact=symbol).first()
        if draft is None:
            raise Http404(_("No draft with the symbol %(symbol)s.") % {"symbol": symbol})
        return redirect_keeping_query(request, reverse("draft-detail", args=[draft.symbol]))
    sponsorships = list(draft.sponsorships.select_related("country").order_by("order", "id"))
    votes = list(draft.votes.select_related("body", "paragraph").order_by("order", "id"))
    by_paragraph = {}
    for vote in votes:
        if vote.paragraph_id:
            by_paragraph.setdefault(vote.paragraph_id, []).append(vote)
    paragraphs = list(draft.paragraphs.order_by("order", "id"))
    for paragraph in paragraphs:
        paragraph.separate_votes = by_paragraph.get(paragraph.id, [])
    context = {
        "draft": draft,
        "original_sponsors": [s for s in sponsorships if s.kind == "original"],
        "later_sponsors": [s for s in sponsorships if s.kind == "later"],
        "votes": votes,
        "preambular": [p for p in paragraphs if p.part == "preambular" and p.in_adopted_text],
        "operative": [p for p in paragraphs if p.part == "operative" and p.in_adopted_text],
        "struck": [p for p in paragraphs if not p.in_adopted_text],
    }
    return render(request, "votes/draft_detail.html", context)


# --- countries ------------------------------------------------------------------------------------------------


def country_list(request):
    queryset = Country.objects.in_language_order(page_language())
    filterset = CountryFilterSet(request.GET, queryset=queryset, request=request)
    valid = filterset.is_valid()
    twin = model_list_twin(request, filterset, valid, exports.COUNTRY_COLUMNS, "countries", "iso3")
    if twin is not None:
        return twin
    # The countries are a bounded list (some 250 States): one page.
    context = {"filterset": filterset, "countries": filterset.qs if valid else None}
    return respond(request, "votes/country_list.html", context, status=200 if valid else 400)


def country_detail(request, iso3: str):
    """A country's record: its positions (filterable like /votes/), counts, majority share, sponsorships,
    the countries it agrees with most and least."""
    if iso3 != iso3.upper():
        return redirect_keeping_query(request, reverse("country-detail", args=[iso3.upper()]))
    country = get_object_or_404(Country, pk=iso3)
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.for_listing(), request=request, fixed_country=country.pk)
    valid = filterset.is_valid()
    twin = vote_list_twin(request, filterset, valid, country.pk, f"{country.pk}-votes")
    if twin is not None:
        return twin

    summary = page_obj = None
    if valid:
        # The whole record's figures are stored; a filtered record is counted.
        if filterset.active_filters():
            summary = filterset.qs.country_summary()
        else:
            summary = CountryTally.objects.summary(country.pk)
        summary["total"] = sum(summary[value] for value in ("yes", "no", "abstain", "absent"))
        summary["cast"] = summary["total"] - summary["absent"]
        summary["majority_share"] = summary["with_majority"] / summary["cast"] if summary["cast"] else None
        page_obj = paginate(request, filterset.qs, count=summary["total"], fetch=vote_rows(country.pk))
    context = {"country": country, "filterset": filterset, "page_obj": page_obj, "summary": summary}
    if partial_wanted(request):
        return respond(request, "votes/country_detail.html", context, status=200 if valid else 400)

    sponsorships = country.sponsorships.select_related("draft").order_by("-draft__session_id", "-draft__symbol")
    most, least = AgreementScore.objects.extremes(country.pk, AGREEMENT_SHOWN)
    names = dict(country_choices(request))  # the menus' names, in the page's language (one query per request)
    for score in most + least:
        score["other_name"] = names.get(score["other_id"], score["other_id"])
    context.update(
        {
            "other_names": country.other_names.order_by("language", "valid_from", "name"),
            "sponsorships": sponsorships[:10],
            "sponsorship_count": sponsorships.count(),
            "agrees_most": most,
            "agrees_least": least,
        }
    )
    return respond(request, "votes/country_detail.html", context, status=200 if valid else 400)


def country_compare(request):
    """Two to six countries side by side: their agreement over the filtered votes, and the votes where they differ."""
    has_countries = any(request.GET.get(key) for key in ("a", "b", "c", "d", "e", "f", "country"))
    form = CompareForm(request.GET if has_countries else None, request=request)
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.for_listing(), request=request, omit=("country", "position"))
    valid = filterset.is_valid() and form.is_valid()
    fmt = exports.wants_export(request)
    if fmt is not None:
        errors = {**filterset.errors, **form.errors} if has_countries else {"a": [_("Choose at least two countries to compare.")]}
        error = export_or_error(request, fmt, valid, errors)
        if error:
            return error

    context = {"form": form, "filterset": filterset, "countries": [], "page_obj": None}
    if valid:
        codes = form.cleaned_data["codes"]
        names = Country.objects.in_bulk(codes)
        compared = filterset.qs.with_countries(codes)
        shown = compared if form.cleaned_data["show"] == "all" else compared.where_positions_differ(len(codes))
        if fmt is not None:
            rows_of = filterset.qs.with_countries(codes, intentions=True)
            if form.cleaned_data["show"] != "all":
                rows_of = rows_of.where_positions_differ(len(codes))
            columns, rows = exports.compared_rows(request, rows_of, codes, request.GET.get("codes"))
            return exports.export_response(request, fmt, "compare-" + "-".join(codes), columns, rows)
        agreement = None
        if len(codes) == 2 and not filterset.active_filters():
            agreement = AgreementScore.objects.comparison(*codes)  # stored for the whole record
        agreement = agreement or compared.agreement(len(codes))
        # The aggregate counted the votes shown too: the paginator does not run its own COUNT over the same joins.
        shown_count = agreement["total"] if form.cleaned_data["show"] == "all" else agreement["differ"]
        page_obj = paginate(request, shown, count=shown_count, fetch=vote_rows(compared=codes))
        for vote in page_obj.object_list:
            vote.compared_positions = [getattr(vote, f"pos_{i}") for i in range(len(codes))]
        context.update(
            {
                "countries": [names[code] for code in codes],
                "total": agreement["total"],
                "pairs": [
                    {"a": names[codes[i]], "b": names[codes[j]], **figures,
                     "score": figures["agreed"] / figures["votes"] if figures["votes"] else None}
                    for (i, j), figures in agreement["pairs"].items()
                ],
                "page_obj": page_obj,
                "show": form.cleaned_data["show"],
            }
        )
    status = 200 if valid or not has_countries and filterset.is_valid() else 400
    return respond(request, "votes/country_compare.html", context, status=status)


# --- search ---------------------------------------------------------------------------------------------------


def search(request):
    """One box: drafts by symbol or title, countries by any of their names, votes and paragraphs by text."""
    q = request.GET.get("q", "").strip()
    fmt = exports.wants_export(request)
    if fmt is not None:
        error = export_or_error(request, fmt, bool(q), {"q": [_("Type something to search for.")]})
        if error:
            return error
        return exports.export_response(request, fmt, "search", *exports.search_rows(request, q))
    results = None
    if q:
        results = {
            "drafts": list(Draft.objects.matching(q).with_relations().latest_first()[: SEARCH_LIMIT + 1]),
            "countries": list(Country.objects.matching(q).in_language_order(page_language())[: SEARCH_LIMIT + 1]),
            # In two steps like a list page: planning the text match with the listing's joins took ~10 ms.
            "votes": rows_in_order(
                list(Vote.objects.matching(q).newest_first().values_list("pk", flat=True)[: SEARCH_LIMIT + 1]),
                vote_rows(),
            ),
            "paragraphs": list(paragraphs_matching(q, limit=SEARCH_LIMIT + 1)[: SEARCH_LIMIT + 1]),
        }
    context = {"q": q, "results": results, "limit": SEARCH_LIMIT}
    return respond(request, "votes/search.html", context)

