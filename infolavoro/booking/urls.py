from django.urls import path

from . import views

app_name = "booking"
urlpatterns = [
    path("", views.start, name="start"),
    path("data/", views.when, name="when"),
    path("argomento/", views.reason, name="reason"),
    path("dati/", views.contacts, name="contacts"),
    path("riepilogo/", views.summary, name="summary"),
    path("confermato/", views.done, name="done"),
    path("confermato/appuntamento.ics", views.done_ics, name="done_ics"),
    path("gestisci/<str:token>/", views.manage, name="manage"),
    path("gestisci/<str:token>/sposta/", views.manage_move, name="manage_move"),
    path("gestisci/<str:token>/appuntamento.ics", views.manage_ics, name="manage_ics"),
    path("valuta/<str:token>/", views.rate, name="rate"),
]
