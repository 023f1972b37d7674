from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "infolavoro.network"
    label = "network"

    def ready(self) -> None:
        from . import public_cache, search

        search.connect()
        # Network rows saved or deleted anywhere renew their desk's public pages (desks.public_cache).
        public_cache.connect()
