"""The La Spezia desk as the 2018 article describes it, and a second, fictional desk in Sarzana (its own hours
and patron saint, Sant'Andrea on 30 November), so that every page is tried with two desks. Fictional people only."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from .models import Closure, Desk, OpeningInterval

DESK_SLUG = "la-spezia"

PRESENTATION = (
    "InfoLavoro è il punto di ascolto del Comune della Spezia per chi cerca lavoro o vuole orientarsi. "
    "Gli operatori dei Centri per l'Impiego della Regione Liguria e della Camera di Commercio Riviere di "
    "Liguria ti ricevono su appuntamento, ti aiutano a registrarti sui portali per il lavoro e ti indirizzano "
    "ai soggetti della Rete per il lavoro: enti di formazione, associazioni, associazioni di categoria e "
    "sindacati, che ti ricevono nelle loro sedi."
)

PRESENTATION_EN = (
    "InfoLavoro is the City of La Spezia's listening point for people looking for work or for their way. Advisers "
    "from the Liguria Region's Job Centres and from the Riviere di Liguria Chamber of Commerce see you by "
    "appointment, help you register on the job portals and refer you to the members of the Network for work: "
    "training bodies, associations, trade associations and unions, who see you at their own premises."
)

# Tue–Fri 08:30–12:00, Tue also 14:30–17:30 (weekday: Monday = 0).
HOURS = [(1, "08:30", "12:00"), (1, "14:30", "17:30"), (2, "08:30", "12:00"), (3, "08:30", "12:00"),
         (4, "08:30", "12:00")]

CLOSURES = [(dt.date(2026, 12, 24), dt.date(2026, 12, 24), "Chiusura per le festività natalizie",
             "Closed for the Christmas holidays"),
            (dt.date(2026, 12, 31), dt.date(2026, 12, 31), "Chiusura per le festività natalizie",
             "Closed for the Christmas holidays")]


@transaction.atomic
def load() -> Desk:
    desk, _ = Desk.objects.update_or_create(
        slug=DESK_SLUG,
        defaults={
            "name": "InfoLavoro",
            "comune": "La Spezia",
            "istat_code": "011015",
            "address": "Piazza Europa 1",
            "postal_code": "19124",
            "office": "Piano terra, ufficio accanto ai locali dell'Anagrafe",
            "phone": "0187 727248",
            "email": "infolavoro@comune.sp.it",
            "presentation_it": PRESENTATION,
            "presentation_en": PRESENTATION_EN,
            "comune_denomination_it": "Comune della Spezia",
            "comune_denomination_en": "City of La Spezia",
            "timezone": "Europe/Rome",
            "holiday_subdivision": "SP",
            "privacy_controller": "Comune della Spezia, Piazza Europa 1, 19124 La Spezia",
            "privacy_contact": "rpd@comune.sp.it",
        },
    )
    OpeningInterval.objects.filter(desk=desk).delete()
    OpeningInterval.objects.bulk_create(
        OpeningInterval(desk=desk, weekday=day, opens_at=dt.time.fromisoformat(opens),
                        closes_at=dt.time.fromisoformat(closes))
        for day, opens, closes in HOURS
    )
    for starts_on, ends_on, reason, reason_en in CLOSURES:
        Closure.objects.update_or_create(desk=desk, starts_on=starts_on, ends_on=ends_on,
                                         defaults={"reason_it": reason, "reason_en": reason_en})
    return desk


SARZANA_SLUG = "sarzana"
SARZANA_PRESENTATION = (
    "InfoLavoro Sarzana è lo sportello del Comune di Sarzana per chi cerca lavoro in val di Magra: ti riceviamo su "
    "appuntamento, ti aiutiamo con il curriculum e i portali per il lavoro e ti indirizziamo ai soggetti della rete "
    "del territorio."
)
SARZANA_PRESENTATION_EN = (
    "InfoLavoro Sarzana is the Municipality of Sarzana's desk for people looking for work in the Magra valley: we "
    "see you by appointment, help you with your CV and the job portals and refer you to the local network's "
    "members."
)
# Mon and Thu 09:00–12:30, Wed 14:30–17:30 (weekday: Monday = 0).
SARZANA_HOURS = [(0, "09:00", "12:30"), (2, "14:30", "17:30"), (3, "09:00", "12:30")]


@transaction.atomic
def load_sarzana() -> Desk:
    """Sarzana is not its province's chief town: its patron replaces La Spezia's San Giuseppe."""
    desk, _ = Desk.objects.update_or_create(
        slug=SARZANA_SLUG,
        defaults={
            "name": "InfoLavoro",
            "comune": "Sarzana",
            "istat_code": "011027",
            "address": "Piazza Matteotti 1",
            "postal_code": "19038",
            "office": "Primo piano, sportello 3",
            "phone": "0187 614100",
            "email": "infolavoro@comune-sarzana.example",
            "presentation_it": SARZANA_PRESENTATION,
            "presentation_en": SARZANA_PRESENTATION_EN,
            "comune_denomination_it": "Comune di Sarzana",
            "comune_denomination_en": "Municipality of Sarzana",
            "timezone": "Europe/Rome",
            "holiday_subdivision": "SP",
            "patron_saint": "Sant'Andrea",
            "patron_month": 11,
            "patron_day": 30,
            "privacy_controller": "Comune di Sarzana, Piazza Matteotti 1, 19038 Sarzana",
            "privacy_contact": "rpd@comune-sarzana.example",
        },
    )
    OpeningInterval.objects.filter(desk=desk).delete()
    OpeningInterval.objects.bulk_create(
        OpeningInterval(desk=desk, weekday=day, opens_at=dt.time.fromisoformat(opens),
                        closes_at=dt.time.fromisoformat(closes))
        for day, opens, closes in SARZANA_HOURS
    )
    return desk
