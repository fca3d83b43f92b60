"""The site's own middleware: the Content-Security-Policy header (Django 5.2 has none built in), a clean
503 while the database is unavailable, and the language of a request (from its address, or for the admin from the
cookie)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware:
    """Adds `settings.CONTENT_SECURITY_POLICY` to every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached (restarting, failed over, out of connections) a page answers 503
    with a short page that needs no database, and `Retry-After`, instead of a 500 and a traceback in the log.
    The next request reconnects (CONN_HEALTH_CHECKS): service comes back by itself."""

    RETRY_AFTER_SECONDS = 5

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("database unavailable for %s %s: %s", request.method, request.path, str(exception).splitlines()[0] if str(exception) else type(exception).__name__)
        # This connection is broken: drop it, so that the next request opens a new one.
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, with pages in the language of their address (config/urls.py: /zh-hans/… Chinese, no prefix
    English, whatever the cookie says), and the addresses that carry no language — the admin, the data — in the
    language of the cookie or the browser, as they were before the language moved into the pages' addresses."""

    def process_request(self, request):
        super().process_request(request)
        if not request.path_info.startswith(self.admin_prefix()):
            return
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if request.path_info.startswith(self.admin_prefix()):
            patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def admin_prefix() -> str:
        # path_info is the address after the script prefix; reverse() gives it with the prefix.
        return "/" + reverse("admin:index").removeprefix(get_script_prefix())
