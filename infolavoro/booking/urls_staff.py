from django.urls import path

from . import views_staff

app_name = "booking_staff"
urlpatterns = [
    path("", views_staff.agenda, name="agenda"),
    path("prenota/", views_staff.book_on_behalf, name="book"),
    path("senza-appuntamento/", views_staff.walk_in, name="walk_in"),
    path("blocca/", views_staff.block, name="block"),
    path("blocchi/<int:pk>/rimuovi/", views_staff.unblock, name="unblock"),
    path("appuntamenti/<int:pk>/", views_staff.booking_detail, name="booking"),
    path("appuntamenti/<int:pk>/stato/", views_staff.set_status, name="status"),
    path("calendari/", views_staff.calendars, name="calendars"),
    path("calendari/<int:pk>/", views_staff.calendar_edit, name="calendar"),
    path("argomenti/", views_staff.reasons, name="reasons"),
]
