from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("", views.index, name="index"),
    path("opuscolo.pdf", views.brochure, name="brochure"),
    path("open-data.zip", views.open_data, name="open_data"),
    path("temi/", views.topics, name="topics"),
    path("temi/<slug:code>/", views.topic, name="topic"),
    path("<slug:slug>/", views.organization, name="organization"),
    path("<slug:slug>/logo/", views.logo, name="logo"),
    path("<slug:organization_slug>/servizi/<slug:slug>/", views.service, name="service"),
]
