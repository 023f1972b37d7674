from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "infolavoro.core"
    label = "core"
