"""Load the demo: La Spezia's desk and a second desk in Sarzana, each with its hours, network (a data file loaded
through import_network), staff, bookings, people and referrals. Idempotent."""

from __future__ import annotations

import importlib

from django.core.management.base import BaseCommand

from infolavoro.accounts import demo as accounts_demo
from infolavoro.desks import demo as desks_demo

# Apps that contribute demo data through a `demo.load(desk)` function, in dependency order; the demo staff
# (accounts) come after them, and the monitoring last: its year of history is made by the desk's operators.
DEMO_APPS = ["network", "booking", "opportunities", "intake", "referrals", "labour"]
LAST_APPS = ["monitoring"]


class Command(BaseCommand):
    help = ("Loads the demo desks of La Spezia (33 network members) and Sarzana (8 members) with demo staff "
            "(fictional people).")

    def handle(self, *args, **options) -> None:
        desk = desks_demo.load()
        for each in (desk, desks_demo.load_sarzana()):
            for app in DEMO_APPS:
                _load(app, each)
            accounts_demo.load(each)
            for app in LAST_APPS:
                _load(app, each)
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {desk} at /{desk.slug}/, InfoLavoro – Sarzana at "
                                             f"/{desks_demo.SARZANA_SLUG}/"))
        self.stdout.write("Demo logins: `manage.py demo_logins` (`make run` prints them last).")


def _load(app: str, desk) -> None:
    try:
        module = importlib.import_module(f"infolavoro.{app}.demo")
    except ModuleNotFoundError as exc:
        if exc.name != f"infolavoro.{app}.demo":
            raise
        return
    module.load(desk)
