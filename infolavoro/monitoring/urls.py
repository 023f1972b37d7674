from django.urls import path, re_path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    re_path(r"^grafico/(?P<code>[a-z_.]+)\.svg$", views.chart, name="chart"),
    re_path(r"^esporta/(?P<code>[a-z_.]+)\.(?P<fmt>csv|xlsx)$", views.export, name="export"),
    path("<slug:desk_slug>/rapporto/<int:year>-<int:month>.pdf", views.monthly_report, name="report"),
]
