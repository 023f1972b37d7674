from django.apps import AppConfig


class LabourConfig(AppConfig):
    name = "infolavoro.labour"
    label = "labour"
    verbose_name = "Domanda e offerta di lavoro"

    def ready(self) -> None:
        from .taxonomy import connect_signals

        connect_signals()
