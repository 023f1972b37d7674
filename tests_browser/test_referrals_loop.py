"""The listening point end to end, in Chromium: the operator records a consultation and the portal checklist,
refers the citizen to a member; the member's editor sees only that referral, accepts it and records the outcome;
the desk sees the loop closed; every access is in the audit log. Zero axe violations on every page."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from infolavoro.accounts.demo import ADMIN_EMAIL
from infolavoro.booking import engine
from infolavoro.booking import services as booking_services
from infolavoro.booking.models import Calendar
from infolavoro.intake.models import AuditEntry, Citizen
from infolavoro.network.models import Organization
from infolavoro.notifications.models import OutboxMessage
from infolavoro.referrals.models import Referral
from tests_browser.conftest import axe, login, screenshot

pytestmark = pytest.mark.browser

OPERATOR = "operatore.cpi1@infolavoro.example"


def logout(page) -> None:
    page.goto("/accounts/")
    with page.expect_navigation():
        page.get_by_role("button", name="Esci").click()


def test_the_closed_loop(browser_page, demo_desk):
    member = Organization.objects.filter(desk=demo_desk).order_by("name").first()  # has a demo editor
    service = member.services.filter(is_active=True).prefetch_related("taxonomy_terms").first()
    need = service.taxonomy_terms.first()
    page = browser_page

    # Giovanna booked an appointment at the desk; the operator opens it from the day's agenda.
    desk_calendar = Calendar.objects.get(desk=demo_desk, service__isnull=True)
    today = timezone.localdate()
    slot = engine.free_slots(desk_calendar, today, today + dt.timedelta(days=14))[0]
    booking = booking_services.book(desk_calendar, start=slot.start, reason_code="orientamento",
                                    first_name="Giovanna", last_name="Esempio", email="giovanna.esempio@example.org",
                                    phone="333 1234567", details="Vorrei tornare a lavorare", privacy_consent=True)
    login(page, OPERATOR)
    page.get_by_role("link", name="Sportello: persone e colloqui").click()
    axe(page, "citizens list")
    page.goto(f"/la-spezia/agenda/?calendario={desk_calendar.pk}&giorno={slot.start.astimezone(demo_desk.tz).date()}")
    axe(page, "agenda of the day")
    page.locator("tr", has_text=booking.code).get_by_role("link", name="Apri colloquio").click()
    # No record with her contacts yet: a new one, prefilled from the booking.
    expect(page.locator("#id_first_name")).to_have_value("Giovanna")
    assert page.locator("#id_email").input_value() == "giovanna.esempio@example.org"
    page.locator("#id_first_name").fill("Giovanna")
    page.locator("#id_last_name").fill("Esempio")
    page.get_by_label("E-mail").fill("giovanna.esempio@example.org")
    page.get_by_label("Telefono").fill("333 1234567")
    page.get_by_label("Codice fiscale").fill("RSSMRA85T10A562X")  # wrong check character
    page.get_by_label("Fascia d'età").select_option("25_34")
    page.get_by_label(need.name).first.check(force=True)
    page.get_by_label("La persona acconsente a condividere").check(force=True)
    page.get_by_label("Ho consegnato l'informativa").check(force=True)
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_text("carattere di controllo non corrisponde")).to_be_visible()
    assert page.locator("#id_last_name").input_value() == "Esempio"  # nothing typed is lost
    axe(page, "citizen form with errors")
    screenshot(page, "intake-citizen-form-error")
    page.get_by_label("Codice fiscale").fill("RSSMRA85T10A562S")
    page.get_by_role("button", name="Salva").click()

    # The consultation, with the need found.
    page.get_by_label("Motivo").fill("Cerca un corso per rientrare nel lavoro")
    page.get_by_role("group", name="Bisogni rilevati").get_by_label(need.name).check(force=True)
    page.get_by_label("Prossimi passi").fill("Registrarsi su SIISL e contattare l'ente")
    axe(page, "consultation form")
    page.get_by_role("button", name="Registra il colloquio").click()
    expect(page.get_by_text("Colloquio registrato.")).to_be_visible()
    booking.refresh_from_db()
    assert booking.status == "completed"  # the appointment is closed by the consultation
    # The portal checklist, ticked together.
    siisl = page.locator("section", has_text="SIISL")
    siisl.get_by_label("Accesso con SPID o CIE").check(force=True)
    siisl.get_by_label("Curriculum caricato").check(force=True)
    siisl.get_by_role("button", name="Salva la checklist").click()
    expect(page.get_by_text("Checklist di «SIISL")).to_be_visible()
    assert page.locator("section", has_text="SIISL").get_by_label("Curriculum caricato").is_checked()
    axe(page, "consultation with checklist")
    screenshot(page, "intake-consultation")
    page.get_by_role("link", name="Riepilogo da stampare").click()
    expect(page.get_by_text("Passi ancora da fare:")).to_be_visible()
    axe(page, "printable portal summary")
    page.get_by_role("link", name="Torna al colloquio").click()

    # The referral to the member, searched by need.
    page.get_by_role("link", name="Indirizza a un soggetto della rete").click()
    page.get_by_label(f"{member.name} – {service.name}").check(force=True)
    page.get_by_label("Cosa portare all'appuntamento").fill("Documento d'identità e curriculum")
    axe(page, "new referral")
    page.get_by_role("button", name="Invia la segnalazione").click()
    referral = Referral.objects.get(citizen__last_name="Esempio")
    expect(page.get_by_text(f"Segnalazione {referral.code} inviata.")).to_be_visible()
    screenshot(page, "referral-sent")
    # A slot at the member's premises, booked at once; the citizen gets the confirmation.
    page.get_by_role("link", name="Fissa l'appuntamento presso il soggetto").click()
    axe(page, "member's free times")
    page.locator("label[for=s-1-1]").click()
    page.get_by_role("button", name="Prenota").click()
    expect(page.get_by_text("Appuntamento fissato presso")).to_be_visible()
    referral.refresh_from_db()
    assert referral.booking.calendar.service == service
    logout(page)

    # The member's editor sees only that referral, accepts it and records the outcome.
    login(page, f"redazione@{member.slug}.example")
    page.get_by_role("link", name="Segnalazioni ricevute").click()
    # Only this member's referrals: the new one and the demo's.
    assert page.locator("tbody tr").count() == Referral.objects.filter(organization=member).count()
    expect(page.locator("tbody tr", has_text=referral.code)).to_have_count(1)
    axe(page, "member inbox")
    page.get_by_role("link", name=referral.code).click()
    expect(page.get_by_text("Giovanna Esempio")).to_be_visible()
    page.get_by_role("button", name="Segna come «accettata»").click()
    expect(page.get_by_text("Stato aggiornato: accettata.")).to_be_visible()
    # The desk booked the slot already: the member confirms it, no date to type again.
    expect(page.get_by_text(f"(prenotazione {referral.booking.code})").first).to_be_visible()
    expect(page.get_by_label("Data e ora dell'appuntamento")).to_have_count(0)
    page.get_by_role("button", name="Segna come «appuntamento fissato»").click()
    expect(page.get_by_text("Stato aggiornato: appuntamento fissato.")).to_be_visible()
    served = page.locator("form", has=page.get_by_role("button", name="Segna come «servizio erogato»"))
    served.get_by_label("Esito").fill("Iscritta al corso di gennaio")
    served.get_by_role("button", name="Segna come «servizio erogato»").click()
    expect(page.get_by_text("Stato aggiornato: servizio erogato.")).to_be_visible()
    referral.refresh_from_db()
    assert referral.appointment_at == referral.booking.start
    axe(page, "referral, member side")
    screenshot(page, "referral-member")
    logout(page)

    # The desk sees the loop closed, and the administrator sees every access in the log.
    login(page, OPERATOR)
    page.goto(f"/{demo_desk.slug}/segnalazioni/")
    row = page.locator("tr", has_text=referral.code)
    assert "servizio erogato" in row.inner_text()
    axe(page, "desk referrals")
    screenshot(page, "referrals-desk")

    # The citizen's history at a glance shows the closed loop; export and erase, one action each.
    citizen = Citizen.objects.get(last_name="Esempio")
    page.goto(f"/{demo_desk.slug}/sportello/schede/{citizen.pk}/")
    history = page.locator("article", has_text="Cerca un corso per rientrare nel lavoro")
    assert "servizio erogato" in history.inner_text()
    assert "2 passi fatti" in history.inner_text()
    axe(page, "citizen history")
    screenshot(page, "intake-citizen")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Esporta tutti i dati (JSON e PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"dati-{citizen.short_code}.zip"
    with zipfile.ZipFile(download.path()) as archive:
        assert json.loads(archive.read("dati.json"))["citizen"]["last_name"] == "Esempio"
        assert archive.read("dati.pdf").startswith(b"%PDF")
    page.get_by_role("link", name="Cancella tutti i dati").click()
    axe(page, "erase confirmation")
    page.get_by_role("button", name="Sì, cancella tutto").click()
    expect(page.get_by_text(f"resta solo il codice {citizen.short_code}")).to_be_visible()
    assert not Citizen.objects.filter(pk=citizen.pk).exists()
    assert not Referral.objects.filter(pk=referral.pk).exists()
    logout(page)
    login(page, ADMIN_EMAIL)
    page.goto(f"/{demo_desk.slug}/sportello/registro-accessi/")
    entries = AuditEntry.objects.filter(citizen_ref=citizen.pk)
    actions = set(entries.values_list("action", flat=True))
    assert {"create", "view", "update", "share", "export", "erase"} <= actions
    assert page.locator("tbody tr", has_text=citizen.short_code).count() == entries.count()
    assert entries.filter(actor__email=f"redazione@{member.slug}.example", action="view").exists()
    axe(page, "audit log")
    screenshot(page, "intake-audit-log")
    # The citizen was written to through the outbox: the member's contacts, then the appointment booked there.
    to_citizen = OutboxMessage.objects.filter(to=["giovanna.esempio@example.org"]).values_list("template", flat=True)
    assert "referrals/email/citizen_referred.txt" in to_citizen
    assert to_citizen.count() >= 3  # the desk booking, the referral, the member's appointment
