from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "infolavoro.network"
    label = "network"
