from django.urls import path

from . import views

app_name = "referrals"
urlpatterns = [
    path("", views.desk_list, name="desk_list"),
    path("ricevute/", views.inbox, name="inbox"),
    path("nuova/<uuid:consultation_pk>/", views.new, name="new"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/stato/", views.move, name="move"),
    path("<uuid:pk>/appuntamento/", views.book, name="book"),
]
