"""A desk for another Comune in one command; asks for what is missing when run in a terminal."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from infolavoro.desks import services

# option → (prompt, required)
QUESTIONS = {
    "comune": ("Comune (nome o codice ISTAT)", True),
    "name": ("Nome dello sportello", True),
    "slug": ("Indirizzo breve (es. sarzana)", True),
    "address": ("Indirizzo", True),
    "postal_code": ("CAP", False),
    "office": ("Piano e ufficio", False),
    "phone": ("Telefono", True),
    "email": ("E-mail dello sportello", True),
    "hours": ("Orari settimanali (es. «mar 08:30-12:00 14:30-17:30; gio 09:00-12:00»)", True),
    "patron_saint": ("Santo patrono, se il Comune non è il capoluogo di provincia (es. Sant'Andrea)", False),
    "patron_day": ("Giorno del santo patrono (giorno/mese, es. 30/11)", False),
    "admin_email": ("E-mail del primo amministratore (riceve l'invito)", True),
    "admin_first_name": ("Nome del primo amministratore", True),
    "admin_last_name": ("Cognome del primo amministratore", True),
}


class Command(BaseCommand):
    help = ("Create a desk for another Comune: identity and ISTAT code, weekly hours, patron saint, booking reasons, "
            "job portals, retention, statistical cell size, and its first administrator invited by e-mail. Example: "
            "create_desk --comune Sarzana --name InfoLavoro --slug sarzana --address 'Piazza Matteotti 1' "
            "--phone '0187 6141' --email infolavoro@comune.sarzana.example --hours 'lun 09:00-12:30; gio 14:30-17:30' "
            "--patron-saint \"Sant'Andrea\" --patron-day 30/11 --admin-email a@comune.sarzana.example "
            "--admin-first-name Anna --admin-last-name Neri --no-input")

    def add_arguments(self, parser):
        for option in QUESTIONS:
            parser.add_argument(f"--{option.replace('_', '-')}", dest=option, default=None)
        parser.add_argument("--presentation", default="")
        parser.add_argument("--reason", action="append", dest="reasons",
                            help="a booking reason (repeat the option); default: the usual six")
        parser.add_argument("--portal", action="append", dest="portals",
                            help="a job portal from the catalogue, by name (repeat); 'all' for every one")
        parser.add_argument("--retention-months", type=int, default=24)
        parser.add_argument("--min-cell-size", type=int, default=5)
        parser.add_argument("--no-input", action="store_false", dest="interactive",
                            help="never ask: fail if a required option is missing")

    def handle(self, *args, interactive, **options):
        interactive = interactive and sys.stdin.isatty()
        for option, (prompt, required) in QUESTIONS.items():
            while interactive and options[option] is None:
                answer = input(f"{prompt}: ").strip()
                if answer or not required:
                    options[option] = answer
            if required and not options[option]:
                raise CommandError(f"Manca --{option.replace('_', '-')} ({prompt}).")
        catalogue = [p["name"] for p in services.portal_catalogue()]
        portals = options["portals"] or []
        try:
            new = services.NewDesk(
                name=options["name"], slug=options["slug"], comune=options["comune"], address=options["address"],
                phone=options["phone"], email=options["email"], admin_email=options["admin_email"],
                admin_first_name=options["admin_first_name"], admin_last_name=options["admin_last_name"],
                hours=services.parse_weekly_hours(options["hours"]), postal_code=options["postal_code"] or "",
                office=options["office"] or "", presentation=options["presentation"],
                patron_saint=options["patron_saint"] or "",
                patron_day_month=services.parse_day_month(options["patron_day"] or ""),
                reasons=options["reasons"] or list(services.DEFAULT_REASONS),
                portals=catalogue if "all" in portals else portals,
                retention_months=options["retention_months"], min_cell_size=options["min_cell_size"])
            desk = services.create_desk(new, None)
        except ValidationError as exc:
            problems = (["; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())]
                        if hasattr(exc, "error_dict") else exc.messages)
            raise CommandError("Sportello non creato: " + " ".join(problems)) from None
        self.stdout.write(self.style.SUCCESS(
            f"Sportello creato: {desk} (ISTAT {desk.istat_code}) su /{desk.slug}/. Invito inviato a "
            f"{new.admin_email}. Poi: python manage.py import_network --desk {desk.slug} rete.xlsx"))
