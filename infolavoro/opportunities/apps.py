from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "infolavoro.opportunities"
    label = "opportunities"
