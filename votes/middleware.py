"""Requests answered before any view: input no page can answer (a NUL character), and a data address asked for
in a language (answered by its one address)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect

from .links import path_in_language, path_without_language


class RejectNulMiddleware:
    """A NUL character in the path or a parameter is refused before any query (PostgreSQL text cannot hold one, so
    the query would fail half-way, or a streamed export be cut off)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest("A NUL character is not allowed in an address.", content_type="text/plain")
        return self.get_response(request)


class DataAddressMiddleware:
    """A page's `?format=csv|json` twin has one address, the page's without a language prefix: the data are the
    same in every language (names in all languages, codes, links to the English pages), so /zh-hans/votes/?format=csv
    answers a permanent redirect to /votes/?format=csv, and a dataset is cited and cached under one address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "format" in request.GET:
            neutral = path_without_language(request.path_info)
            if neutral != request.path_info:
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(f"{path_in_language(neutral, settings.LANGUAGE_CODE)}?{query}")
        return self.get_response(request)
