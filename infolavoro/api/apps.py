from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "infolavoro.api"
    label = "api"
