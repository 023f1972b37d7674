from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "infolavoro.booking"
    label = "booking"
