"""Site-wide middleware: the chosen language, NUL-free query strings, sliding staff sessions."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """Like Django's LocaleMiddleware, but ignores Accept-Language: only the cookie set by `set_language`.

    A public office's pages speak the office's language by default; a browser configured in English
    should not make the Italian service appear half-translated at the desk's own computer.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        # Only for this request: the thread goes back to the default language afterwards (a worker thread, or a
        # test, must not go on reading and writing translated content in the last visitor's language).
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]
            response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class StripNulQueryMiddleware:
    """NUL characters removed from every query string before anything reads it (PostgreSQL cannot compare text
    with NUL in it: `?search=%00` or `?desk=a%00b` would be 500s). Placed before every other reader of GET."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            request.META["QUERY_STRING"] = query.replace("%00", "").replace("\x00", "")
            request.__dict__.pop("GET", None)  # re-parsed from the cleaned string if already read
        return self.get_response(request)


class SlidingSessionMiddleware:
    """Staff sessions last a working day (SESSION_COOKIE_AGE) from the last request, not from the login.

    Like SESSION_SAVE_EVERY_REQUEST, but the session row is rewritten at most every SESSION_RENEW_AFTER seconds,
    so that busy pages do not write on every request. Sits after SessionMiddleware and AuthenticationMiddleware.
    """

    KEY = "_renewed_at"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.renew_after = getattr(settings, "SESSION_RENEW_AFTER", 300)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None or not user.is_authenticated:
            return response
        now = int(time.time())
        if now - int(session.get(self.KEY, 0)) >= self.renew_after:
            session[self.KEY] = now  # modified: SessionMiddleware saves it with a fresh expiry and cookie
        return response


def mark_session_renewed(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SlidingSessionMiddleware.KEY] = int(time.time())
