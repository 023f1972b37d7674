from django.urls import path

from . import feeds, views

app_name = "jobs"
urlpatterns = [
    path("offri/", views.offer_job, name="offer"),
    path("feed.atom", feeds.VacancyFeed(), name="feed"),
    path("avvisi/", views.alert_subscribe, name="alert"),
    path("avvisi/conferma/<str:token>/", views.alert_confirm, name="alert_confirm"),
    path("avvisi/cancella/<str:token>/", views.alert_unsubscribe, name="alert_unsubscribe"),
    path("<uuid:pk>/", views.vacancy_public, name="vacancy"),
]
