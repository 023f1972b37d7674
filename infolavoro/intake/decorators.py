"""Access decorators for pages about one person: an anonymous visitor learns nothing, not even that it exists."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse


def signed_in_or_404(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like `login_required`, but a 404 instead of a redirect to the login page (which would confirm the
    address is real). Lists and dashboards keep `login_required`."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
