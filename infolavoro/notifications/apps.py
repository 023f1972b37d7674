from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "infolavoro.notifications"
    label = "notifications"
