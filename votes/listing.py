"""The list protocol of the record's pages, in one place: bind the filters to the GET parameters, answer 400 on
invalid input, serve the `?format=csv` / `?format=json` twins, paginate, and render the page or, for htmx, its
`{% partialdef results %}` alone (with `Vary: HX-Request`, so that a cache or the back button never serves one
for the other).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from . import exports
from .pagination import TwoStepPaginator, UncountedPaginator

PER_PAGE = 50
CODES = ("", "voeten")
VARY = ("HX-Request", "HX-History-Restore-Request")


def partial_wanted(request) -> bool:
    """An htmx request for the results alone: not a history restore (which needs the whole page), nor a boosted
    link (a column's sort link, which replaces the whole page)."""
    return bool(request.htmx) and not request.htmx.history_restore_request and not request.htmx.boosted


def respond(request, template: str, context: dict, status: int = 200, fragment: str = "results"):
    """The page, or only its `fragment` partial when `partial_wanted`."""
    if partial_wanted(request):
        template = f"{template}#{fragment}"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, VARY)
    return response


class Listing:
    """One request to a list page: its `forms` (the FilterSet; the comparison adds its countries' form) bound to
    the request's GET parameters and validated together."""

    def __init__(self, request, *forms):
        self.request = request
        self.forms = forms
        self.valid = all(form.is_valid() for form in forms)
        self.format = exports.wants_export(request)

    @property
    def errors(self) -> dict:
        return {field: messages for form in self.forms for field, messages in form.errors.items()}

    def twin(self, name: str, rows, errors: dict | None = None):
        """The ?format=csv|json twin, or None when the page itself is asked for: `rows()` gives the (columns, rows)
        exported as `name`. A 400 instead for an unknown format or `codes`, invalid forms, or `errors` the page
        finds itself (which replace the forms' own)."""
        if self.format is None:
            return None
        if self.format == "":
            return exports.error_response("json", {"format": [_("Unknown format: use csv or json.")]})
        if self.request.GET.get("codes", "") not in CODES:
            return exports.error_response(self.format, {"codes": [_("Unknown codes: use voeten or leave it out.")]})
        refused = errors or (None if self.valid else self.errors)
        if refused:
            return exports.error_response(self.format, refused)
        return exports.export_response(self.request, self.format, name, *rows())

    def page(self, queryset, *, fetch=None, carried: tuple[str, ...] = (), count: int | None = None, counted: bool = True):
        """The requested page of `queryset` (see TwoStepPaginator: `fetch(keys)` reads its rows, with the
        annotations `carried` from the first step; `count` saves the COUNT query); not `counted`, a page without a
        count (UncountedPaginator)."""
        paginator = TwoStepPaginator if counted else UncountedPaginator
        # A page "number" that is not one (?page=abc, 0, -1) is an address that does not exist: a 404 saying so,
        # not page 1 under an address that claims another. Past the end is a real number: the last page.
        number = self.request.GET.get("page") or "1"
        if not (number.isascii() and number.isdigit()) or int(number) < 1:
            raise Http404(_("There is no page “%(page)s” of this list: pages are numbered 1, 2, 3…") % {"page": number})
        return paginator(queryset, PER_PAGE, count, fetch, carried).get_page(int(number))

    def render(self, template: str, context: dict, status: int | None = None, fragment: str = "results"):
        """The page or its `fragment` (see `respond`); 400 when the parameters are invalid."""
        return respond(self.request, template, context, status or (200 if self.valid else 400), fragment)
