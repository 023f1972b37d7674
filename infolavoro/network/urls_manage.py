from django.urls import path

from infolavoro.search import views as search_views

from . import views_import, views_manage

app_name = "network_manage"
urlpatterns = [
    path("", views_manage.index, name="index"),
    path("revisione/", views_manage.review, name="review"),
    path("temi/", views_manage.terms, name="terms"),
    path("sinonimi/", search_views.edit, name="synonyms"),
    path("importa/", views_import.import_network, name="import"),
    path("importa/modello.xlsx", views_import.template_download, name="template"),
    path("importa/rete.xlsx", views_import.template_download, {"filled": True}, name="template_filled"),
    path("<slug:slug>/", views_manage.organization, name="organization"),
    path("<slug:slug>/confermo/", views_manage.confirm, name="confirm"),
    path("<slug:slug>/invita/", views_manage.invite, name="invite"),
    path("<slug:slug>/sospendi/", views_manage.suspend, name="suspend"),
    path("<slug:slug>/<str:kind>/nuovo/", views_manage.entry, name="new"),
    path("<slug:slug>/<str:kind>/<uuid:pk>/", views_manage.entry, name="edit"),
]
