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
from infolavoro.labour.api import router as labour_router
from infolavoro.monitoring.api import router as monitoring_router
from infolavoro.network.api import router as hsds_router

from .schemas import ErrorOut, FieldErrorsOut, field_errors

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


ERROR_ANSWERS = {
    "400": "The body is not valid JSON",
    "404": "Not found",
    "415": "The body is not application/json",
    "422": "Invalid input: the errors by field, in Italian",
}


class InfoLavoroAPI(NinjaAPI):
    """The OpenAPI document says every error the boundary can answer, for every operation: 422 wherever there
    is input, 404 wherever there is a path parameter, 400 and 415 wherever there is a body."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (ErrorOut, FieldErrorsOut):
            components.setdefault(model.__name__, model.model_json_schema(ref_template="#/components/schemas/{model}"))
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                params = operation.get("parameters", [])
                answers = set()
                if params or "requestBody" in operation:
                    answers.add("422")
                if any(p.get("in") == "path" for p in params):
                    answers.add("404")
                if "requestBody" in operation:
                    answers |= {"400", "415"}
                responses = operation.setdefault("responses", {})
                for code in sorted(answers - set(responses)):
                    body = "FieldErrorsOut" if code == "422" else "ErrorOut"
                    responses[code] = {"description": ERROR_ANSWERS[code], "content": {"application/json": {
                        "schema": {"$ref": f"#/components/schemas/{body}"}}}}
        return schema


api = InfoLavoroAPI(
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
api.add_router("/v1/desks", labour_router)
api.add_router("/v1/desks", monitoring_router)
api.add_router("/hsds", hsds_router)
