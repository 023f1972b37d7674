"""Demo data of the listening point: the job portals (no citizens). Idempotent."""

from __future__ import annotations

from infolavoro.desks.models import Desk

from .models import IntakeSettings, JobPortal

PORTALS = [
    {
        "name": "SIISL – Sistema informativo per l'inclusione sociale e lavorativa",
        "url": "https://www.siisl.lavoro.gov.it/",
        "what_to_bring": "SPID, CIE o CNS; codice fiscale; indirizzo e-mail e cellulare; curriculum vitae",
        "checklist": "Accesso con SPID o CIE\nDati anagrafici e recapiti controllati\nPatto di attivazione digitale "
                     "firmato\nCurriculum caricato\nPrima ricerca di offerte salvata",
        "next_steps": "Controlla le offerte e i corsi proposti; rispondi alle convocazioni del Centro per l'impiego.",
        "what_to_bring_en": "SPID, CIE or CNS; tax code; e-mail address and mobile number; CV",
        "checklist_en": "Sign in with SPID or CIE\nPersonal details and contacts checked\nDigital activation agreement "
                        "signed\nCV uploaded\nFirst job search saved",
        "next_steps_en": "Check the job offers and courses proposed; answer the Job Centre's calls.",
        "position": 1,
    },
    {
        "name": "Lavoro in Liguria – portale regionale dei servizi per il lavoro",
        "url": "https://www.lavoroinliguria.it/",
        "what_to_bring": "SPID o CIE; codice fiscale; documento d'identità; curriculum vitae",
        "checklist": "Accesso con SPID o CIE\nDichiarazione di immediata disponibilità (DID) resa\nScelta del "
                     "Centro per l'impiego\nCurriculum inserito\nPrenotazione del colloquio al CPI",
        "next_steps": "Presentati al colloquio al Centro per l'impiego con un documento d'identità.",
        "what_to_bring_en": "SPID or CIE; tax code; identity document; CV",
        "checklist_en": "Sign in with SPID or CIE\nDeclaration of immediate availability (DID) made\nJob Centre "
                        "chosen\nCV entered\nInterview at the Job Centre booked",
        "next_steps_en": "Go to the interview at the Job Centre with an identity document.",
        "position": 2,
    },
    {
        "name": "Camera di Commercio Riviere di Liguria – servizi per il lavoro e l'impresa",
        "url": "https://www.rivlig.camcom.gov.it/",
        "what_to_bring": "SPID o CIE; codice fiscale; idea d'impresa o curriculum",
        "checklist": "Servizio individuato (orientamento, creazione d'impresa, certificazione competenze)\n"
                     "Registrazione sul portale\nRichiesta di appuntamento inviata",
        "next_steps": "Attendi la conferma dell'appuntamento dalla Camera di Commercio.",
        "what_to_bring_en": "SPID or CIE; tax code; business idea or CV",
        "checklist_en": "Service chosen (guidance, starting a business, skills certification)\n"
                        "Registration on the portal\nAppointment request sent",
        "next_steps_en": "Wait for the Chamber of Commerce to confirm the appointment.",
        "position": 3,
    },
    {
        "name": "Principali siti privati di annunci di lavoro (InfoJobs, Indeed, LinkedIn)",
        "url": "https://www.infojobs.it/",
        "what_to_bring": "Indirizzo e-mail; curriculum vitae in PDF; foto facoltativa",
        "checklist": "Account creato con e-mail personale\nProfilo e curriculum completati\nAvvisi di lavoro "
                     "impostati per zona e mansione\nPrima candidatura inviata",
        "next_steps": "Controlla gli avvisi ogni giorno e aggiorna il curriculum dopo ogni esperienza.",
        "what_to_bring_en": "E-mail address; CV as a PDF; a photo if you wish",
        "checklist_en": "Account created with a personal e-mail\nProfile and CV completed\nJob alerts "
                        "set by area and role\nFirst application sent",
        "next_steps_en": "Check the alerts every day and update your CV after each job.",
        "position": 4,
    },
]


def load(desk: Desk) -> None:
    IntakeSettings.objects.get_or_create(desk=desk)
    for portal in PORTALS:
        JobPortal.objects.update_or_create(desk=desk, name=portal["name"], defaults=portal)
