from django.urls import path

from . import views

app_name = "labour"
urlpatterns = [
    path("", views.index, name="index"),
    path("datori/nuovo/", views.employer_new, name="employer_new"),
    path("datori/<uuid:pk>/", views.employer_detail, name="employer"),
    path("datori/<uuid:employer_pk>/nuova-offerta/", views.vacancy_new, name="vacancy_new"),
    path("datori/<uuid:employer_pk>/importa/", views.vacancy_import, name="vacancy_import"),
    path("offerte/<uuid:pk>/", views.vacancy_detail, name="vacancy"),
    path("offerte/<uuid:pk>/modifica/", views.vacancy_edit, name="vacancy_edit"),
    path("offerte/<uuid:pk>/stato/", views.vacancy_move, name="vacancy_move"),
    path("persone/<uuid:citizen_pk>/", views.profile, name="profile"),
    path("persone/<uuid:citizen_pk>/proponi/", views.propose, name="propose"),
    path("persone/<uuid:citizen_pk>/curriculum/", views.cv_download, name="cv"),
    path("competenze/", views.skill_search, name="skill_search"),
    path("competenze/offerta/", views.vacancy_skill_search, name="vacancy_skill_search"),
    path("proposte/", views.proposals, name="proposals"),
    path("proposte/<uuid:pk>/", views.proposal_detail, name="proposal"),
]
