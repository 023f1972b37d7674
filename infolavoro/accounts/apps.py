from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "infolavoro.accounts"
    label = "accounts"
