from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "infolavoro.network"
    label = "network"

    def ready(self) -> None:
        from . import search

        search.connect()
