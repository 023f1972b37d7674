from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "infolavoro.intake"
    label = "intake"
