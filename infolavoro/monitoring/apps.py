from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "infolavoro.monitoring"
    label = "monitoring"
