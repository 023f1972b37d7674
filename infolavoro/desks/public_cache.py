"""A cache of the public directory pages, which change only when someone edits the directory.

Each desk has a `public_version` (a random value). Every edit that changes what the public pages show calls
`bump(desk_id)` in its own transaction: the members' and administrators' edits (network.services), the import,
the topics, the synonyms, the desk's own settings (a save of the desk). The version changes with the data or,
if the edit is rolled back, not at all; pages are cached under the version, so an edit shows at once and the
pages of older versions are never read again (they expire).

Only anonymous GET requests without pending messages are served from or stored in the cache; the page's CSRF
token and its language form's return address are per request, so they are stored as placeholders and filled in
for each visitor (a cached page never carries someone else's token). The key is the desk, its version, the
language, htmx or not, the path and the query's parameters that the view reads (normalised: spaces collapsed,
empty ones dropped, in order). Entries also expire after `TIMEOUT`, which bounds what depends on the date (the
"not reviewed for a while" notice, the courses still open).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.translation import get_language

TIMEOUT = 15 * 60
TOKEN = "@@public-cache-csrf-token@@"
NEXT = "@@public-cache-next@@"
_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_NEXT_INPUT = re.compile(r'(<input name="next" type="hidden" value=")[^"]*(")')


class _Bumped:
    """Marks, among the transaction's on-commit callbacks, that this desk's version has changed in this
    application transaction (dropped with a savepoint rolled back, gone when the transaction ends): one UPDATE per
    desk and atomic block. `block` is the outermost atomic block that is the application's, kept alive by this
    mark so that its identity cannot be taken by a later block."""

    def __init__(self, desk_id: int, block: object) -> None:
        self.desk_id = desk_id
        self.block = block

    def __call__(self) -> None:
        pass


def bump(desk_id: int | None, *, force: bool = False) -> None:
    """A new public version for this desk, in the current transaction (once per transaction unless `force`)."""
    from .models import Desk

    if desk_id is None:
        return
    connection = transaction.get_connection()
    # Inside a transaction of the application's (a test's own transaction is not one: each of its statements
    # stands for a transaction of its own, and a page may be cached between two of them).
    outer = next((b for b in connection.atomic_blocks if not getattr(b, "_from_testcase", False)), None)
    if connection.in_atomic_block and outer is not None:
        # The same block: the same savepoints (a decorated service reuses its Atomic object on every call) and the
        # same outermost block (an atomic(savepoint=False), such as a many-to-many add, makes no savepoint).
        savepoints = set(connection.savepoint_ids)
        if not force and any(isinstance(entry[1], _Bumped) and entry[1].desk_id == desk_id
                             and entry[1].block is outer and entry[0] == savepoints
                             for entry in connection.run_on_commit):
            return
        transaction.on_commit(_Bumped(desk_id, outer))
    Desk.objects.filter(pk=desk_id).update(public_version=uuid.uuid4())


def desk_saved(sender, instance, created: bool = False, raw: bool = False, **kwargs) -> None:
    """A desk's settings appear on its public pages; the save wrote the version it was loaded with."""
    if not created and not raw:
        bump(instance.pk, force=True)


def _cacheable(request: HttpRequest) -> bool:
    if not settings.PUBLIC_PAGE_CACHE or request.method != "GET" or getattr(request, "desk", None) is None:
        return False
    if request.user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    return storage is None or not len(storage)  # (counting does not mark the messages as shown)


def _key(request: HttpRequest, params: Iterable[str]) -> str:
    query = []
    for name in params:
        for value in request.GET.getlist(name):
            value = " ".join(value.split())
            if value:
                query.append((name, value))
    digest = hashlib.sha256(repr((request.path, query)).encode()).hexdigest()
    desk = request.desk
    htmx = int(bool(getattr(request, "htmx", False)))
    return f"public-page:{desk.pk}:{desk.public_version}:{get_language()}:{htmx}:{digest}"


def cached_page(params: Iterable[str] = ()) -> Callable:
    """Caches a public page of a desk's directory; `params`: the query parameters the view reads."""
    params = tuple(params)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            key = _key(request, params)
            stored = cache.get(key)
            if stored is not None:
                content, content_type = stored
                content = content.replace(NEXT, escape(request.get_full_path()), 1)
                return HttpResponse(content.replace(TOKEN, get_token(request)), content_type=content_type)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                content = _CSRF_INPUT.sub(rf"\g<1>{TOKEN}\g<2>", response.content.decode(response.charset))
                content = _NEXT_INPUT.sub(rf"\g<1>{NEXT}\g<2>", content, count=1)
                cache.set(key, (content, response["Content-Type"]), TIMEOUT)
            return response

        return wrapper

    return decorator
