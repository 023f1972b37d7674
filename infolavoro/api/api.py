"""The JSON API (django-ninja): HSDS profile under /api/hsds/, the rest under /api/v1/.

Each app contributes a router from its own `api.py`; they are mounted here.
"""

from ninja import NinjaAPI

from infolavoro.booking.api import router as booking_router
from infolavoro.desks.api import router as desks_router
from infolavoro.labour.api import router as labour_router
from infolavoro.monitoring.api import router as monitoring_router
from infolavoro.network.api import router as hsds_router

api = NinjaAPI(
    title="InfoLavoro API",
    version="1.0.0",
    description="Open data of the InfoLavoro desks and their networks, and the booking API.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("/v1/desks", desks_router)
api.add_router("/v1/desks", booking_router)
api.add_router("/v1/desks", labour_router)
api.add_router("/v1/desks", monitoring_router)
api.add_router("/hsds", hsds_router)
