from django.urls import path

from infolavoro.accounts import views as accounts_views

from . import views

app_name = "desks"
urlpatterns = [
    path("", views.home, name="home"),
    path("contatti/", views.contacts, name="contacts"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibilita/", views.accessibility, name="accessibility"),
    path("gestione/orari/", views.manage_hours, name="manage_hours"),
    path("gestione/chiusure/", views.manage_closures, name="manage_closures"),
    path("gestione/chiusure/<int:pk>/elimina/", views.delete_closure, name="delete_closure"),
    path("gestione/personale/", accounts_views.desk_staff, name="staff"),
    path("gestione/personale/<int:pk>/disattiva/", accounts_views.end_role, name="end_role"),
]
