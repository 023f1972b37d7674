from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "infolavoro.referrals"
    label = "referrals"
