"""Links to the record's pages by URL name (votes/urls.py), for the lists and exports that link every row.

`reverse()` runs once per page name; each row's key then takes the place of a marker key, quoted as `reverse()`
quotes a path argument. A `reverse()` per row cost more than the rest of the row.
"""

from __future__ import annotations

from typing import Callable
from urllib.parse import quote

from django.conf import settings
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language, get_language_from_path

# What reverse() leaves unquoted in a path argument (Django's rule: the RFC 3986 sub-delimiters and "/~:@").
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"
# A key no page has, valid for the int, str and path converters.
MARKER = "9081726354"

_AROUND_KEY: dict[tuple, tuple[str, str]] = {}


def _around_key(url: str) -> tuple[str, str]:
    head, tail = url.rsplit(MARKER, 1)
    return head, tail


def _with_key(head: str, tail: str, key) -> str:
    return f"{head}{quote(str(key), safe=PATH_SAFE)}{tail}"


def page_path(name: str, key) -> str:
    """`reverse(name, args=[key])`, reversed once per name, language (the pages' addresses carry it), script prefix
    and URL conf."""
    urlconf = get_urlconf()
    cache_key = (name, get_language(), get_script_prefix(), get_resolver(urlconf))
    try:
        head, tail = _AROUND_KEY[cache_key]
    except KeyError:
        head, tail = _AROUND_KEY[cache_key] = _around_key(reverse(name, urlconf=urlconf, args=[MARKER]))
    return _with_key(head, tail, key)


def absolute_urls(request, name: str) -> Callable[[object], str]:
    """A function giving, for a key, `request.build_absolute_uri(reverse(name, args=[key]))`."""
    head, tail = _around_key(request.build_absolute_uri(reverse(name, args=[MARKER])))
    return lambda key: _with_key(head, tail, key)


def vote_address(draft_symbol: str, draft_body: str, body: str, subject_label: str) -> str:
    """What a vote is, as its address: the draft's symbol and the subject ("A/C.1/79/L.53/Rev.1/PP18"), with the
    body between them when it is not the draft's own ("A/C.1/79/L.53/Rev.1/GA/whole": the plenary's vote on a
    committee's draft). `Vote.objects.at_address` reads it back."""
    middle = "" if body == draft_body else f"{body}/"
    return f"{draft_symbol}/{middle}{subject_label}"


def vote_path(vote) -> str:
    """The page of a vote (from a Vote whose draft is loaded)."""
    return page_path("vote-page", vote_address(vote.draft.symbol, vote.draft.body_id, vote.body_id, vote.subject_label))


# --- the language in the address (config/urls.py: i18n_patterns, English without a prefix) ---------------------


def path_without_language(path_info: str) -> str:
    """The part of an address (a path_info, without the script prefix) after its language prefix: the Chinese
    vote list's is the English one's; an English address is its own."""
    language = get_language_from_path(path_info)
    if language and path_info.startswith(f"/{language}/"):
        return path_info[len(language) + 1:]
    return path_info


def path_in_language(path_info: str, language: str) -> str:
    """The same page in `language`, under the script prefix: English without a prefix, others with theirs."""
    rest = path_without_language(path_info).lstrip("/")
    prefix = get_script_prefix()
    return f"{prefix}{rest}" if language == settings.LANGUAGE_CODE else f"{prefix}{language}/{rest}"
