"""The JSON API (django-ninja): HSDS profile under /api/hsds/, the rest under /api/v1/.

Each app contributes a router from its own `api.py`; they are mounted here. Site-wide rules of the boundary
live here too: request bodies must be JSON (415 otherwise: a form or `text/plain` post from another website is
refused), and every 422 has the documented `FieldErrorsOut` body (see `schemas.py`).
"""

from functools import wraps

from django.http import HttpRequest, JsonResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from infolavoro.booking.api import router as booking_router
from infolavoro.desks.api import router as desks_router
from infolavoro.network.api import router as hsds_router

from .schemas import field_errors

BODY_METHODS = {"POST", "PUT", "PATCH"}


def require_json(view):
    """Refuse a request body that is not `application/json` before it is parsed (no CORS-free cross-site
    posts: browsers send `text/plain`, forms and multipart without a preflight)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method in BODY_METHODS and request.content_type != "application/json":
            return JsonResponse({"detail": "Il corpo della richiesta deve essere JSON (application/json)."},
                                status=415)
        return view(request, *args, **kwargs)

    return wrapper


api = NinjaAPI(
    title="InfoLavoro API",
    version="1.0.0",
    description="Open data of the InfoLavoro desks and their networks, and the booking API.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_decorator(require_json, mode="view")


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError):
    return api.create_response(request, field_errors(exc.errors), status=422)


api.add_router("/v1/desks", desks_router)
api.add_router("/v1/desks", booking_router)
api.add_router("/hsds", hsds_router)
