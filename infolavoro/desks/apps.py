from django.apps import AppConfig


class DesksConfig(AppConfig):
    name = "infolavoro.desks"
    label = "desks"
