"""The OpenAPI 3 description of the JSON twins (`?format=json` of the list pages, a vote's roll call), served at
`/api/openapi.json`; `/api/` is its human page.

The parameters are read from the FilterSets and forms the pages validate with, so the document cannot drift
from what the site accepts: a new filter is documented by being added. What each twin answers is the same
envelope (licence, source, generated, query, columns, results, count), or a 400 naming the invalid parameters.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.urls import reverse

from . import exports
from .filters import COMPARE_KEYS, SHOW, CountryFilterSet, DraftFilterSet, KeyChoiceField, VoteFilterSet

VERSION = "1.0"

ENVELOPE = {
    "type": "object",
    "required": ["licence", "source", "generated", "query", "columns", "results", "count"],
    "properties": {
        "licence": {"type": "string"},
        "source": {"type": "string"},
        "generated": {"type": "string", "format": "date-time"},
        "query": {"type": "object", "description": "The parameters given, as read."},
        "columns": {"type": "array", "items": {"type": "string"}},
        "results": {"type": "array", "items": {"type": "object"}},
        "count": {"type": "integer", "minimum": 0},
    },
}
ERRORS = {
    "type": "object",
    "required": ["errors"],
    "properties": {"errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}},
}


def _schema_of(name: str, filter_) -> dict:
    """A JSON schema for one filter's value, from its form field."""
    field = filter_.field
    if isinstance(field, KeyChoiceField):
        hints = {"country": "ISO 3166 alpha-3 code, e.g. USA", "sponsor": "ISO 3166 alpha-3 code", "session": "session number",
                 "body": "GA or C.1 … C.6", "issue": "issue code, e.g. hr"}
        return {"type": "string", "description": hints.get(name, "a record's key")}
    if isinstance(filter_, django_filters.NumberFilter):
        return {"type": "integer", "minimum": 1}
    if isinstance(filter_, django_filters.DateFilter):
        return {"type": "string", "format": "date"}
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [value for value, _ in field.choices if value != ""]}
    return {"type": "string"}


def _parameters(filterset_class, omit=()) -> list[dict]:
    filterset = filterset_class()
    return [
        {"name": name, "in": "query", "required": False, "description": str(filter_.label or name), "schema": _schema_of(name, filter_)}
        for name, filter_ in filterset.filters.items()
        if name not in omit
    ]


FORMAT = {"name": "format", "in": "query", "required": True, "schema": {"type": "string", "enum": ["json"]}}
PAGE = {"name": "page", "in": "query", "required": False, "description": "Ignored by the twins (they hold every row).", "schema": {"type": "integer", "minimum": 1}}
CODES = {"name": "codes", "in": "query", "required": False, "description": "voeten: positions as 1 yes, 2 abstain, 3 no, 8 absent.", "schema": {"type": "string", "enum": ["voeten"]}}


def _operation(summary: str, parameters: list[dict], description: str = "", *, path: dict | None = None) -> dict:
    """A GET of a twin: `format=json` and the page's parameters; with `path`, the path parameter it also takes
    (and then a 404 for a key that names nothing)."""
    responses = {
        "200": {"description": "The rows.", "content": {"application/json": {"schema": ENVELOPE}}},
        "400": {"description": "An invalid parameter, named.", "content": {"application/json": {"schema": ERRORS}}},
    }
    if path:
        responses["404"] = {"description": "Nothing has that key."}
    path_parameters = [{"in": "path", "required": True, **path}] if path else []
    return {"get": {"summary": summary, "description": description, "parameters": [*path_parameters, FORMAT, *parameters], "responses": responses}}


def document(request) -> dict:
    """The OpenAPI document, with the server this request came to."""
    votes = _parameters(VoteFilterSet)
    compare = [
        *({"name": key, "in": "query", "required": key in ("a", "b"), "description": "A compared country (ISO3).",
           "schema": {"type": "string"}} for key in COMPARE_KEYS),
        {"name": "show", "in": "query", "required": False, "schema": {"type": "string", "enum": list(SHOW)}},
        *_parameters(VoteFilterSet, omit=("country", "position")),
    ]
    path_of = {name: reverse(name) for name in ("vote-list", "draft-list", "country-list", "country-compare", "search")}
    vote_path = reverse("vote-page", args=["ADDRESS"]).replace("ADDRESS", "{address}")
    country_path = reverse("country-detail", args=["USA"]).replace("/USA/", "/{iso3}/")
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Tally: votes at the UN General Assembly and its Main Committees",
            "version": VERSION,
            "description": "Every list page of Tally answers `?format=json` (and `?format=csv`) with the same filters"
            " as the page. " + exports.LICENCE + ".",
            "license": {"name": exports.LICENCE},
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": {
            path_of["vote-list"]: _operation("Votes", [*votes, PAGE, CODES], "One row per vote; with `country`, its position on each."),
            vote_path: _operation(
                "One vote's roll call", [], "Every Member on the vote's date, its position and stated intention.",
                path={"name": "address", "description": "What the vote is: its draft's symbol and subject, e.g."
                      " A/C.1/79/L.53/Rev.1/PP18 (the body between them when it is not the draft's own).",
                      "schema": {"type": "string", "minLength": 1}},
            ),
            path_of["draft-list"]: _operation("Drafts", [*_parameters(DraftFilterSet), PAGE]),
            path_of["country-list"]: _operation("Countries", _parameters(CountryFilterSet)),
            country_path: _operation(
                "A country's votes", [*_parameters(VoteFilterSet, omit=("country",)), PAGE, CODES],
                path={"name": "iso3", "schema": {"type": "string", "pattern": "^[A-Z]{3}$"}},
            ),
            path_of["country-compare"]: _operation("Countries compared", [*compare, CODES], "One row per vote and country."),
            path_of["search"]: _operation("Search", [{"name": "q", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1}}]),
        },
    }

