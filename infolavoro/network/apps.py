from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "infolavoro.network"
    label = "network"

    def ready(self) -> None:
        from . import public_cache, search

        search.connect()
        public_cache.connect()
