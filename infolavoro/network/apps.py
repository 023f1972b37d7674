from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "infolavoro.network"
    label = "network"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from infolavoro.desks import public_cache

        from . import search
        from .models import Organization

        search.connect()
        # A member saved or deleted anywhere (a script, the shell, a cascade) renews its desk's public pages;
        # the editing services bump the version themselves (network.services._record), once per transaction.
        for signal in (post_save, post_delete):
            signal.connect(public_cache.organization_changed, sender=Organization,
                           dispatch_uid=f"network.public_cache.{signal is post_save}")
