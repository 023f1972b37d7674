from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "infolavoro.search"
    label = "search"
