"""Load the La Spezia demo: the desk, its hours, its network and demo staff. Idempotent."""

from __future__ import annotations

import importlib

from django.core.management.base import BaseCommand

from infolavoro.accounts import demo as accounts_demo
from infolavoro.desks import demo as desks_demo

# Apps that contribute demo data through a `demo.load(desk)` function, in dependency order.
DEMO_APPS = ["network", "booking", "opportunities", "intake", "referrals", "labour", "monitoring"]


class Command(BaseCommand):
    help = "Loads the La Spezia demo desk, its 33 network members and demo staff (fictional people)."

    def handle(self, *args, **options) -> None:
        desk = desks_demo.load()
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"infolavoro.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"infolavoro.{app}.demo":
                    raise
                continue
            module.load(desk)
        accounts_demo.load(desk)
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {desk} at /{desk.slug}/"))
        self.stdout.write(
            f"Demo login: {accounts_demo.ADMIN_EMAIL} / {accounts_demo.DEMO_PASSWORD} "
            "(also amministrazione@, operatore.cpi1@, operatore.cciaa@infolavoro.example, same password)"
        )
