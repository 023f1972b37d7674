from django.apps import AppConfig


class DesksConfig(AppConfig):
    name = "infolavoro.desks"
    label = "desks"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from . import public_cache
        from .models import Desk

        post_save.connect(public_cache.desk_saved, sender=Desk, dispatch_uid="desks.public_cache.desk_saved")
