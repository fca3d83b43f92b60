"""Pages of the record. Thin: FilterSets validate and filter, QuerySets carry the queries and give the figures,
votes.listing serves the list protocol (400 on invalid input, CSV/JSON twins, pages, htmx fragments), one
template per page.
"""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.urls import reverse
from django.utils.translation import gettext as _

from . import api, citations, dump, exports, fragments
from .analysis import charts, cohesion, idealpoints, similarity, worldmap
from .analysis.forms import CountryAnalysisForm
from .analysis import groups as analysis_groups
from .filters import COMPARE_KEYS, CompareForm, CountryFilterSet, DraftFilterSet, VoteFilterSet, country_choices
from .links import vote_address
from .listing import VARY, Listing, partial_wanted
from .models import (
    AgreementScore,
    Body,
    Correction,
    Country,
    CountryTally,
    Dataset,
    Document,
    Draft,
    Group,
    GroupCohesion,
    Position,
    RollCall,
    Session,
    Vote,
    page_language,
)
from .pagination import rows_in_order
from .plenary import PLENARY
from .querysets import VoteQuerySet, paragraphs_matching

POSITIONS = ("yes", "no", "abstain", "absent")
SEARCH_LIMIT = 20
AGREEMENT_SHOWN = 5


def vote_rows(keys):
    """A page of votes read by key, with the listing's joins. The positions a row shows come with the keys
    (`carried_positions`)."""
    return Vote.objects.for_listing().filter(pk__in=keys)


def carried_positions(country: str | None = None, compared: list[str] | None = None) -> tuple[str, ...]:
    """The annotations a page of votes reads with its keys: the position of `country`, or of each one `compared`."""
    if country:
        return VoteQuerySet.COUNTRY_ANNOTATIONS
    return VoteQuerySet.compared_annotations(len(compared)) if compared else ()


def redirect_keeping_query(request, name: str, *args):
    """301 to the canonical address of the same page (the URL named `name`), with the same parameters."""
    path = reverse(name, args=args)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)


# --- home -----------------------------------------------------------------------------------------------------


LATEST_VOTES = 10  # on the home page


def home(request):
    """A search box, the record's coverage and counts with links into the data, and the latest recorded votes."""
    counts = {
        "sessions": Session.objects.with_votes().count(),
        "drafts": Draft.objects.count(),
        "recorded_votes": Vote.objects.recorded().count(),
        "plenary_votes": Vote.objects.recorded().filter(body="GA").count(),
        "roll_calls": RollCall.objects.count(),
        "positions": CountryTally.objects.positions(),  # stored: counting 5 million rows took ~140 ms
    }
    counts["committee_votes"] = counts["recorded_votes"] - counts["plenary_votes"]
    context = {
        "counts": counts,
        "datasets": Dataset.objects.order_by("slug"),
        "coverage": Vote.objects.coverage(),
        "latest_votes": rows_in_order(list(Vote.objects.recorded().newest_first().values_list("pk", flat=True)[:LATEST_VOTES]), vote_rows),
    }
    return render(request, "home.html", context)


# --- votes ----------------------------------------------------------------------------------------------------


def vote_list(request, exact_count: bool = False):
    """Every vote, newest first, filtered by GET parameters; with `country`, that country's position on each.
    With text (`q`), the page comes without its count, which `vote_count` gives after it (unless `exact_count`)."""
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.for_listing(), request=request)
    listing = Listing(request, filterset)
    code = filterset.country_code
    shape = request.GET.get("shape", "")
    if shape == "voeten-votes":
        twin = listing.twin("un_votes", lambda: exports.voeten_vote_rows(filterset.qs, exports.voeten_names()))
    elif shape == "voeten-roll-calls":
        twin = listing.twin("un_roll_calls", lambda: exports.voeten_roll_call_rows(filterset.qs))
    else:
        unknown = {"shape": [_("Unknown shape: use voeten-votes or voeten-roll-calls, or leave it out.")]} if shape else None
        twin = listing.twin("votes", lambda: exports.vote_rows(request, filterset.qs, code, request.GET.get("codes")), unknown)
    if twin is not None:
        return twin
    context = {"filterset": filterset, "page_obj": None, "country": None}
    if listing.valid:
        counted = exact_count or "q" not in filterset.active_filters()
        context["page_obj"] = listing.page(
            filterset.qs, fetch=vote_rows, carried=carried_positions(code), count=filterset.stored_count(), counted=counted
        )
        context["country"] = filterset.form.cleaned_data.get("country")
        text = filterset.form.cleaned_data.get("q")
        if text and not context["country"]:
            # A country's name typed as text: its votes are a filter, offered beside what the text finds.
            context["named_countries"] = list(Country.objects.named(text).order_by("iso3")[:3])
    return listing.render("votes/vote_list.html", context)


def vote_count(request):
    """How many votes the vote list's filters select: for htmx, the count alone (the list loads it after showing
    a page of text search results); otherwise the list itself, counted."""
    if not partial_wanted(request):
        return vote_list(request, exact_count=True)
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.all(), request=request)
    listing = Listing(request, filterset)
    if not listing.valid:
        return listing.render("votes/vote_list.html", {"filterset": filterset, "page_obj": None})
    context = {"count": filterset.qs.order_by().count()}
    return listing.render("votes/vote_list.html", context, fragment="result_count")


class ListedCountry:
    """What the vote page shows of a country in its position lists."""

    __slots__ = ("iso3", "name")

    def __init__(self, iso3: str, name: str):
        self.iso3, self.name = iso3, name

    @property
    def pk(self) -> str:
        return self.iso3


def _to_vote_page(request, vote: Vote):
    return redirect_keeping_query(request, "vote-page", vote_address(vote.draft.symbol, vote.draft.body_id, vote.body_id, vote.subject_label))


def vote_by_id(request, pk: int):
    """The address a vote had before it was addressed by what it is: a permanent redirect there."""
    return _to_vote_page(request, get_object_or_404(Vote.objects.select_related("draft"), pk=pk))


def vote_by_roll_call(request, rcid: int):
    """A plenary vote by its roll-call id in Voeten's data: a permanent redirect to its page."""
    return _to_vote_page(request, get_object_or_404(Vote.objects.select_related("draft"), roll_call__rcid=rcid))


def vote_detail(request, address: str):
    """One vote: what was voted on, outcome, tallies, the countries under each position, intentions, siblings."""
    # The roll call apart: with it and its dataset joined, planning the vote's query took ~7 ms.
    vote = Vote.objects.select_related("draft__agenda_item", "body", "paragraph", "document").at_address(address)
    if vote is None:
        raise Http404(_("No vote at %(address)s.") % {"address": address})
    roll_call = RollCall.objects.select_related("dataset").filter(vote=vote).first()
    if roll_call is not None:
        vote.roll_call = roll_call
    fmt = exports.wants_export(request)
    if fmt == "":
        return exports.error_response("json", {"format": [_("Unknown format: use csv or json.")]})
    if fmt:
        return exports.export_response(request, fmt, f"vote-{vote.pk}-roll-call", *exports.roll_call_rows(vote))
    intended = {i.country_id: i for i in vote.intended_positions.select_related("country")}
    groups = {value: [] for value in ("yes", "no", "abstain", "absent")}
    # Some 193 rows: read as values, not model instances (the page shows each country's code and name only). In
    # the order the UN prints its lists in every language, the Chinese reports too: by the English short name.
    language = page_language()
    rows = vote.positions.in_printed_order().values_list("position", "country_id", f"country__name_{language}", "country__name_en")
    names = {}
    for value, iso3, local_name, english_name in rows:
        names[iso3] = local_name or english_name or ""
        groups.setdefault(value, []).append((ListedCountry(iso3, names[iso3]), intended.get(iso3)))
    siblings = vote.draft.votes.select_related("body").order_by("order", "id")
    positions = [(c.iso3, value) for value, members in groups.items() for c, _ in members]
    memberships = cohesion.memberships_on(vote.date) if positions else []
    context = {
        "vote": vote,
        "draft": vote.draft,
        "groups": [(value, groups[value]) for value in groups],
        "intended": sorted(intended.values(), key=lambda i: i.country.name_en),  # as the lists, in printed order
        "siblings": siblings,
        "roll_call": roll_call,
        # A vote made of a dataset's roll call (not a verbatim record's vote that a roll call joined).
        "dataset_vote": roll_call is not None and vote.document_id is None,
        "corrections": Correction.objects.of_vote(vote),
        "citation": citations.for_vote(request, vote, roll_call),
        "issue_tags": vote.issue_tags.all() if roll_call else (),
        # The lists, the map and the bloc table are kept rendered by what they show (the positions with the names
        # and intentions listed, the memberships on the day): the map and the table are computed on a miss only.
        "analysis_key": fragments.content_key(
            "vote-analysis", vote.pk, [(value, [(c.iso3, c.name, i and i.position) for c, i in members]) for value, members in groups.items()], memberships
        ),
        "blocs": SimpleLazyObject(lambda: cohesion.vote_breakdown(vote, positions, names, memberships)),
        "vote_map": SimpleLazyObject(lambda: worldmap.vote_map(dict(positions), language)) if vote.is_recorded else None,
        "ai_reference": cohesion.AI_REFERENCE,
    }
    return render(request, "votes/vote_detail.html", context)


# --- drafts ---------------------------------------------------------------------------------------------------


def draft_list(request):
    drafts = Draft.objects.with_relations().with_final_vote()
    filterset = DraftFilterSet(request.GET, queryset=drafts.latest_first(), request=request)
    listing = Listing(request, filterset)
    twin = listing.twin(
        "drafts", lambda: exports.model_rows(request, filterset.qs, exports.DRAFT_COLUMNS, "drafts", "symbol")
    )
    if twin is not None:
        return twin
    page_obj = listing.page(filterset.qs, fetch=lambda keys: drafts.filter(pk__in=keys)) if listing.valid else None
    return listing.render("votes/draft_list.html", {"filterset": filterset, "page_obj": page_obj})


def draft_detail(request, symbol: str):
    """A draft: title, agenda item, sponsors, every action in order, its text with the voted paragraphs marked."""
    draft = Draft.objects.with_relations().filter(symbol=symbol).first()
    if draft is None:
        draft = Draft.objects.filter(symbol__iexact=symbol).first()
        if draft is None:
            raise Http404(_("No draft with the symbol %(symbol)s.") % {"symbol": symbol})
        return redirect_keeping_query(request, "draft-detail", draft.symbol)
    sponsorships = list(draft.sponsorships.select_related("country").order_by("order", "id"))
    votes = list(draft.votes.select_related("body", "paragraph", "document", "roll_call").order_by("order", "id"))
    plenary_votes = [v for v in votes if v.body_id == PLENARY and v.subject == Vote.Subject.WHOLE]
    by_paragraph = {}
    for vote in votes:
        if vote.paragraph_id:
            by_paragraph.setdefault(vote.paragraph_id, []).append(vote)
    paragraphs = list(draft.paragraphs.order_by("order", "id"))
    for paragraph in paragraphs:
        paragraph.separate_votes = by_paragraph.get(paragraph.id, [])
    roll_calls = {vote.pk: vote.roll_call.rcid for vote in votes if getattr(vote, "roll_call", None)}
    for vote in votes:
        vote.rcid = roll_calls.get(vote.pk)
    context = {
        "draft": draft,
        # Known only from a dataset's roll calls: no sponsors, no text, and the page says why.
        "from_dataset": bool(roll_calls) and not sponsorships and not paragraphs,
        "citation": citations.for_draft(request, draft),
        "original_sponsors": [s for s in sponsorships if s.kind == "original"],
        "later_sponsors": [s for s in sponsorships if s.kind == "later"],
        "votes": votes,
        "preambular": [p for p in paragraphs if p.part == "preambular" and p.in_adopted_text],
        "operative": [p for p in paragraphs if p.part == "operative" and p.in_adopted_text],
        "struck": [p for p in paragraphs if not p.in_adopted_text],
        # The path committee → plenary → resolution, when the plenary's part is known.
        "show_path": bool(plenary_votes or draft.resolution or draft.committee_report),
        "committee_votes": [v for v in votes if v.body_id != PLENARY and v.subject == Vote.Subject.WHOLE],
        "plenary_votes": plenary_votes,
        "resolution_draft": Draft.objects.resolution_record(draft),
    }
    return render(request, "votes/draft_detail.html", context)


# --- countries ------------------------------------------------------------------------------------------------


def country_list(request):
    filterset = CountryFilterSet(request.GET, queryset=Country.objects.in_language_order(page_language()), request=request)
    listing = Listing(request, filterset)
    twin = listing.twin(
        "countries", lambda: exports.model_rows(request, filterset.qs, exports.COUNTRY_COLUMNS, "countries", "iso3")
    )
    if twin is not None:
        return twin
    # The countries are a bounded list (some 250 States): one page.
    context = {"filterset": filterset, "countries": filterset.qs if listing.valid else None}
    return listing.render("votes/country_list.html", context)


def country_detail(request, iso3: str):
    """A country's record: its positions (filterable like /votes/), counts, majority share, sponsorships,
    the countries it agrees with most and least."""
    if iso3 != iso3.upper():
        return redirect_keeping_query(request, "country-detail", iso3.upper())
    country = get_object_or_404(Country, pk=iso3)
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.for_listing(), request=request, fixed_country=country.pk)
    listing = Listing(request, filterset)
    twin = listing.twin(
        f"{country.pk}-votes", lambda: exports.vote_rows(request, filterset.qs, country.pk, request.GET.get("codes"))
    )
    if twin is not None:
        return twin
    context = {"country": country, "filterset": filterset, "page_obj": None, "summary": None}
    if listing.valid:
        summary = filterset.qs.country_summary(country.pk, filtered=filterset.is_filtered)
        context["summary"] = summary
        context["page_obj"] = listing.page(filterset.qs, fetch=vote_rows, carried=carried_positions(country.pk), count=summary["total"])
    if not partial_wanted(request):
        context.update(country_panels(request, country))
    return listing.render("votes/country_detail.html", context)


def country_panels(request, country: Country) -> dict:
    """What the country page shows beside its record (its htmx fragment does not): other names, sponsorships,
    the countries it agrees with most and least."""
    sponsorships = country.sponsorships.select_related("draft").order_by("-draft__session_id", "-draft__symbol")
    most, least = AgreementScore.objects.extremes(country.pk, AGREEMENT_SHOWN)
    names = dict(country_choices(request))  # the menus' names, in the page's language (one query per request)
    for score in most + least:
        score["other_name"] = names.get(score["other_id"], score["other_id"])
    return {
        "other_names": country.other_names.order_by("language", "valid_from", "name"),
        "sponsorships": sponsorships[:10],
        "sponsorship_count": sponsorships.count(),
        "agrees_most": most,
        "agrees_least": least,
        "citation": citations.for_country(request, country, Dataset.objects.order_by("slug")),
        "ideal_chart": ideal_point_chart(country.pk, country.name),
    }


def compared_votes(votes, codes: list[str], show: str, intentions: bool = False):
    """The votes a comparison lists: all those on which every one of `codes` has a position, or those on which
    they differ."""
    votes = votes.with_countries(codes, intentions=intentions)
    return votes if show == "all" else votes.where_positions_differ(len(codes))


def agreement_chart(codes: list[str], names: dict):
    rows = similarity.agreement_by_session(*codes)
    if not rows:
        return None
    a, b = (names[code].name for code in codes)
    return charts.LineChart(
        title=_("Agreement of %(a)s and %(b)s by session (all bodies)") % {"a": a, "b": b},
        points=[charts.Point(str(session), agreed / n if n else None, n) for session, n, agreed in rows],
        y_label=_("Agreement"),
    )


def country_compare(request):
    """Two to six countries side by side: their agreement over the filtered votes, and the votes where they differ."""
    has_countries = any(request.GET.get(key) for key in (*COMPARE_KEYS, "country"))
    form = CompareForm(request.GET if has_countries else None, request=request)
    filterset = VoteFilterSet(request.GET, queryset=Vote.objects.for_listing(), request=request, omit=("country", "position"))
    listing = Listing(request, filterset, form)
    codes = form.cleaned_data["codes"] if listing.valid else []
    show = form.cleaned_data["show"] if listing.valid else None

    def rows():
        votes = compared_votes(filterset.qs, codes, show, intentions=True)
        return exports.compared_rows(request, votes, codes, request.GET.get("codes"))

    no_countries = None if has_countries else {"a": [_("Choose at least two countries to compare.")]}
    twin = listing.twin("compare-" + "-".join(codes), rows, errors=no_countries)
    if twin is not None:
        return twin

    context = {"form": form, "filterset": filterset, "countries": [], "page_obj": None}
    if listing.valid:
        names = form.cleaned_data["countries"]
        comparison = filterset.qs.with_countries(codes).comparison(codes, filtered=filterset.is_filtered)
        # The aggregate counted the votes shown too: the paginator does not run its own COUNT over the same joins.
        shown_count = comparison["total"] if show == "all" else comparison["differ"]
        shown = compared_votes(filterset.qs, codes, show)
        page_obj = listing.page(shown, fetch=vote_rows, carried=carried_positions(compared=codes), count=shown_count)
        for vote in page_obj.object_list:
            # With each country's name: on a phone the rows reflow into cards, without the column headings.
            vote.compared_positions = [(names[code].name, getattr(vote, f"pos_{index}")) for index, code in enumerate(codes)]
        context["agreement_chart"] = agreement_chart(codes, names) if len(codes) == 2 else None
        context.update(
            {
                "countries": [names[code] for code in codes],
                "total": comparison["total"],
                "pairs": [{**pair, "a": names[pair["a"]], "b": names[pair["b"]]} for pair in comparison["pairs"]],
                "page_obj": page_obj,
                "show": show,
            }
        )
    # Before any country is chosen, the page is the empty form (with valid filters, not an error).
    status = 200 if listing.valid or not has_countries and filterset.is_valid() else 400
    return listing.render("votes/country_compare.html", context, status)


# --- search ---------------------------------------------------------------------------------------------------


def search(request, counted: bool = False):
    """One box: drafts by symbol or title, countries by any of their names, votes and paragraphs by text. A
    section with more results than it shows comes without its count, which `search_count` gives after it (unless
    `counted`)."""
    q = request.GET.get("q", "").strip()
    listing = Listing(request)
    nothing_to_search = None if q else {"q": [_("Type something to search for.")]}
    twin = listing.twin("search", lambda: exports.search_rows(request, q), errors=nothing_to_search)
    if twin is not None:
        return twin
    context = {"q": q, "results": search_results(q, counted) if q else None, "limit": SEARCH_LIMIT}
    return listing.render("votes/search.html", context)


def search_count(request):
    """How many results one section of the search page has (`kind`): for htmx, the count alone (the page loads
    it after showing the section's first results); otherwise the search page itself, counted."""
    if not partial_wanted(request):
        return search(request, counted=True)
    q, kind = request.GET.get("q", "").strip(), request.GET.get("kind", "")
    if not q or kind not in SEARCH_KINDS:
        return exports.error_response("json", {"kind": [_("Give q and a kind: drafts, countries, votes or paragraphs.")]})
    context = {"count": bounded_count(search_querysets(q)[kind]), "limit": SEARCH_LIMIT, "q": q, "kind": kind}
    response = render(request, "votes/_search_count.html", context)
    patch_vary_headers(response, VARY)  # this address answers the page to others (see listing.respond)
    return response


# A section's count stops here ("more than 1,000"): counting every vote a frequent word is in would cost the
# page what the vote list defers to its own request (/votes/count/).
COUNT_LIMIT = 1000
SEARCH_KINDS = ("drafts", "countries", "votes", "paragraphs")


def bounded_count(queryset) -> tuple[int, bool]:
    """How many rows `queryset` has, by one bounded COUNT (of at most COUNT_LIMIT + 1 rows), and whether the
    count stopped at the bound."""
    count = queryset.order_by()[: COUNT_LIMIT + 1].count()
    return min(count, COUNT_LIMIT), count > COUNT_LIMIT


def search_querysets(q: str) -> dict:
    return {
        "drafts": Draft.objects.matching(q),
        "countries": Country.objects.matching(q),
        "votes": Vote.objects.matching(q),
        "paragraphs": paragraphs_matching(q),
    }


def search_results(q: str, counted: bool = False) -> dict:
    """The first SEARCH_LIMIT results of each kind (one more, to know whether there are more), ranked, and how
    many there are of each (`counts[kind]`: (number, stopped at COUNT_LIMIT)). A kind with more than it shows is
    counted only when `counted`, else its count is None (loaded after the page: `search_count`)."""
    querysets = search_querysets(q)
    results = {
        "drafts": list(querysets["drafts"].with_relations().by_relevance()[: SEARCH_LIMIT + 1]),
        "countries": list(querysets["countries"].in_language_order(page_language())[: SEARCH_LIMIT + 1]),
        # In two steps like a list page: planning the text match with the listing's joins took ~10 ms.
        "votes": rows_in_order(
            list(querysets["votes"].newest_first().values_list("pk", flat=True)[: SEARCH_LIMIT + 1]),
            vote_rows,
        ),
        "paragraphs": list(paragraphs_matching(q, limit=SEARCH_LIMIT + 1)[: SEARCH_LIMIT + 1]),
    }
    results["counts"] = {
        kind: (len(results[kind]), False) if len(results[kind]) <= SEARCH_LIMIT else bounded_count(querysets[kind]) if counted else None
        for kind in SEARCH_KINDS
    }
    return results


# --- sources --------------------------------------------------------------------------------------------------


def sources(request):
    """Every document ingested and dataset imported, what each produced and when: the record's "last updated"."""
    documents = Document.objects.select_related("body").annotate(draft_count=Count("drafts", distinct=True), vote_count=Count("votes", distinct=True)).order_by("-ingested_at")
    datasets = Dataset.objects.annotate(roll_call_count=Count("roll_calls")).order_by("slug")
    dates = [d.ingested_at for d in documents] + [d.imported_at for d in datasets]
    context = {"documents": documents, "datasets": datasets, "last_updated": max(dates) if dates else None}
    return render(request, "votes/sources.html", context)


# --- the API's description ------------------------------------------------------------------------------------


def api_document(request):
    """The OpenAPI 3 document of the JSON twins (votes.api)."""
    response = JsonResponse(api.document(request), json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def api_page(request):
    """How to use the twins: the document's address and examples with curl, pandas and R."""
    base = request.build_absolute_uri("/").rstrip("/")
    return render(request, "votes/api.html", {"base": base, "document_url": request.build_absolute_uri(reverse("api-document"))})


def record_download(request):
    """The whole record zipped with its datapackage.json (votes.dump), remade first if the record changed since."""
    if not dump.is_current():
        dump.write_dump()
    return FileResponse(dump.dump_path().open("rb"), as_attachment=True, filename=dump.FILE_NAME, content_type="application/zip")


# --- analysis: blocs, groups, ideal points ---------------------------------------------------------------------


def vote_blocs(request, pk: int):
    """The bloc breakdown of one vote as CSV or JSON (the table on the vote page)."""
    vote = get_object_or_404(Vote.objects.select_related("draft"), pk=pk)
    fmt = exports.wants_export(request) or "json"
    if fmt not in ("csv", "json"):
        return exports.error_response("json", {"format": [_("Unknown format.")]})
    positions = list(vote.positions.values_list("country_id", "position"))
    rows = [row.as_dict() for row in cohesion.vote_breakdown(vote, positions, {})]
    for row in rows:
        row["dissenters"] = " ".join(f"{d['country']}:{d['position']}" for d in row["dissenters"])
    columns = list(cohesion.BlocRow.COLUMNS)
    return exports.export_response(request, fmt, f"vote-{vote.pk}-blocs", columns, ([row[c] for c in columns] for row in rows))


def group_list(request):
    """The groups of States (UN regional groups and blocs), with their members today."""
    today = datetime.date.today()
    groups = analysis_groups.with_member_counts(today)
    return render(request, "votes/analysis/group_list.html", {"groups": groups, "today": today})


def group_detail(request, code: str):
    """A group: its members today, its cohesion by session (chart and table), by body and by issue tag, its most
    frequent dissenters; `?body=` narrows the sessions to one body; `?format=csv|json` gives the stored figures
    by session and body (`&by=issue`: by issue tag)."""
    group = get_object_or_404(Group, pk=code)
    body = request.GET.get("body") or None
    if body and not Body.objects.filter(pk=body).exists():
        return render(request, "votes/analysis/group_detail.html", {"group": group, "error": _("Unknown body.")}, status=400)
    by = request.GET.get("by") or "session"
    if by not in ("session", "issue"):
        return render(request, "votes/analysis/group_detail.html", {"group": group, "error": _("Unknown table.")}, status=400)
    fmt = exports.wants_export(request)
    if fmt is not None:
        if fmt == "":
            return exports.error_response("json", {"format": [_("Unknown format.")]})
        if by == "issue":
            table = exports.group_issue_rows(group, analysis_groups.cohesion_by_issue(group.pk))
            return exports.export_response(request, fmt, f"group-{group.pk}-issues", *table)
        rows = GroupCohesion.objects.filter(group=group).order_by("session_id", "body_id")
        if body:
            rows = rows.filter(body_id=body)
        return exports.export_response(request, fmt, f"group-{group.pk}", *exports.group_cohesion_rows(group, rows))
    by_session = analysis_groups.cohesion_by(group.pk, "session_id", body)
    chart = charts.LineChart(
        title=_("Mean Agreement Index of %(group)s by session") % {"group": group.name},
        points=[charts.Point(str(row["key"]), row["mean_ai"], row["votes"]) for row in by_session],
        y_label=_("Mean AI"),
    )
    context = {
        "group": group,
        "today": datetime.date.today(),
        "members": analysis_groups.members_on(group.pk, datetime.date.today()),
        "by_session": by_session,
        "by_body": analysis_groups.cohesion_by(group.pk, "body_id"),
        "by_issue": analysis_groups.cohesion_by_issue(group.pk),
        "bodies": Body.objects.all(),
        "body": body,
        "chart": chart,
        "dissenters": analysis_groups.dissenters(group.pk),
        "ai_reference": cohesion.AI_REFERENCE,
    }
    return render(request, "votes/analysis/group_detail.html", context)


def ideal_point_chart(iso3: str, name: str):
    series = idealpoints.country_series(iso3)
    if not series:
        return None
    return charts.LineChart(
        title=_("Ideal point of %(country)s by session (± 2 standard errors)") % {"country": name},
        points=[charts.Point(str(s), v, n, v - 2 * se if se is not None else None, v + 2 * se if se is not None else None) for s, v, se, n in series],
        y_min=-1.0, y_max=1.0, y_label=_("Ideal point"),
    )


def country_analysis(request, iso3: str):
    """A country over a range of sessions, in one body or all: the States voting most and least like it (each with
    its n), its share of yes / no / abstain by session, its ideal point by session (plenary roll calls)."""
    country = get_object_or_404(Country, pk=iso3.upper())
    form = CountryAnalysisForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    cleaned = form.cleaned_data if form.is_bound and valid else {}
    start, end, body = cleaned.get("start"), cleaned.get("end"), cleaned.get("body")
    bodies = list(Body.objects.all())
    context = {"country": country, "form": form, "bodies": bodies, "body": body, "chosen_body": request.GET.get("body", "")}
    labels = {value: str(label) for value, label in Position.Value.choices}
    if valid:
        body_code = body.pk if body else None
        likeness = similarity.most_and_least_like(country.pk, start, end, limit=10, body=body_code,
                                                  min_votes=cleaned.get("min_votes"))
        names = dict(country_choices(request))
        context.update({
            "most": [(names.get(o, o), o, n, g, s) for o, n, g, s in likeness.most],
            "least": [(names.get(o, o), o, n, g, s) for o, n, g, s in likeness.least],
            "min_votes": likeness.min_votes,
            "min_votes_chosen": cleaned.get("min_votes") is not None,
            "shares": [charts.ShareBar(str(row["session_id"]), {v: row[v] for v in POSITIONS}, labels)
                       for row in similarity.shares_by_session(country.pk, body_code)],
            "ideal_chart": ideal_point_chart(country.pk, country.name),
            "fit": idealpoints.latest_fit(),
        })
    return render(request, "votes/analysis/country_analysis.html", context, status=200 if valid else 400)


def session_ideal_points(request, number: int):
    """Every State's ideal point in one session, highest first (the session's spread)."""
    session = get_object_or_404(Session, pk=number)
    points = list(idealpoints.session_spread(session.pk))
    chart = charts.LineChart(
        title=_("Ideal points in session %(n)s, highest first (± 2 standard errors)") % {"n": session.pk},
        points=[charts.Point(p.country_id, p.value, p.votes, p.value - 2 * (p.se or 0), p.value + 2 * (p.se or 0)) for p in points],
        y_min=-1.0, y_max=1.0, y_label=_("Ideal point"),
    )
    return render(request, "votes/analysis/session_ideal_points.html",
                  {"session": session, "points": points, "chart": chart, "fit": idealpoints.latest_fit()})
