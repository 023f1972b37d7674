from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("", views.index, name="index"),
    path("nuova-scheda/", views.citizen_new, name="citizen_new"),
    path("da-prenotazione/<int:booking_id>/", views.from_booking, name="from_booking"),
    path("schede/<uuid:pk>/", views.citizen_detail, name="citizen"),
    path("schede/<uuid:pk>/modifica/", views.citizen_edit, name="citizen_edit"),
    path("schede/<uuid:pk>/esporta/", views.citizen_export, name="citizen_export"),
    path("schede/<uuid:pk>/cancella/", views.citizen_erase, name="citizen_erase"),
    path("schede/<uuid:pk>/colloqui/nuovo/", views.consultation_new, name="consultation_new"),
    path("schede/<uuid:pk>/colloqui/<uuid:consultation_pk>/", views.consultation_detail, name="consultation"),
    path("schede/<uuid:pk>/colloqui/<uuid:consultation_pk>/riepilogo/", views.portal_summary,
         name="portal_summary"),
    path("schede/<uuid:pk>/colloqui/<uuid:consultation_pk>/riepilogo/stampa/", views.portal_summary_print,
         name="portal_summary_print"),
    path("registro-accessi/", views.audit_log, name="audit_log"),
    path("portali/", views.manage_portals, name="portals"),
    path("portali/<int:portal_pk>/", views.manage_portals, name="portal_edit"),
    path("impostazioni/", views.manage_settings, name="settings"),
]
