"""Rendered markup kept in the "fragments" cache (settings.CACHES) under a key made of everything it shows.

A kept fragment is never stale, only evicted: when anything it shows changes (a name, a position, the page's
language, the site's script prefix), its key changes and it is rendered anew. The callers name what their
markup shows; `content_key` only makes a short key of it.
"""

from __future__ import annotations

import hashlib
from typing import Callable

from django.core.cache import caches
from django.urls import get_script_prefix
from django.utils.translation import get_language


def content_key(kind: str, *shown) -> str:
    """A cache key for markup of `kind` showing `shown` (plain values: text, numbers, tuples and lists of them; a
    lazy translation's repr does not say its language, so pass it as text), in the page's language and under the
    site's script prefix (the links it holds)."""
    text = repr((get_language() or "", get_script_prefix(), shown))
    return f"{kind}:" + hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def kept(key: str, render: Callable[[], str]) -> str:
    """The markup kept under `key`, or `render()`'s, kept from now on."""
    cache = caches["fragments"]
    markup = cache.get(key)
    if markup is None:
        markup = render()
        cache.set(key, markup)
    return markup
