from django.contrib import admin
from django.urls import include, path

from infolavoro.core import views as core_views
from infolavoro.desks import views as desks_views
from infolavoro.network import views as network_views

handler404 = "infolavoro.core.views.page_not_found"
handler500 = "infolavoro.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages without an icon link (print views) and on downloads.
    path("favicon.ico", core_views.favicon),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("infolavoro.accounts.urls")),
    path("api/", include("infolavoro.api.urls")),
    path("monitoraggio/", include("infolavoro.monitoring.urls")),
    path("", core_views.root, name="home"),
    # Every desk's network in one directory (installations that host several Comuni).
    path("rete/", network_views.installation, name="network_installation"),
    path("gestione/sportelli/nuovo/", desks_views.create_desk, name="create_desk"),
    # Public and staff pages of one desk: every URL carries the desk's slug.
    path("<slug:desk_slug>/", include("infolavoro.desks.urls")),
    path("<slug:desk_slug>/gestione/rete/", include("infolavoro.network.urls_manage")),
    path("<slug:desk_slug>/rete/", include("infolavoro.network.urls")),
    path("<slug:desk_slug>/prenota/", include("infolavoro.booking.urls")),
    path("<slug:desk_slug>/agenda/", include("infolavoro.booking.urls_staff")),
    path("<slug:desk_slug>/opportunita/lavoro/", include("infolavoro.labour.urls_public")),
    path("<slug:desk_slug>/opportunita/", include("infolavoro.opportunities.urls")),
    path("<slug:desk_slug>/lavoro/", include("infolavoro.labour.urls")),
    path("<slug:desk_slug>/sportello/", include("infolavoro.intake.urls")),
    path("<slug:desk_slug>/segnalazioni/", include("infolavoro.referrals.urls")),
]
