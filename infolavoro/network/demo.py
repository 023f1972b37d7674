"""The demo "Rete per il lavoro" of La Spezia: 33 members with their services.

The two public bodies named in the source article (the Centro per l'Impiego of Regione Liguria and the Camera di
Commercio Riviere di Liguria) keep their names, as do the generic public offices of the Comune; every other member
is fictional, and so are all addresses' house numbers, e-mail addresses (.example), websites and phone numbers.
No real person is named.

`load(desk)` is idempotent: rows are keyed on (desk, code), (desk, slug), (organization, slug) and, for
locations, on a UUID derived from the desk and organization slugs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from infolavoro.desks.models import Desk

from .models import Location, Organization, OrganizationKind, Service, TaxonomyTerm

NAMESPACE = uuid.UUID("6f1b6c2e-6a3e-4e55-9a51-2c0f3d1e7a10")
ROME = ZoneInfo("Europe/Rome")

# Needs and topics a citizen may come with: code, name, description (position is the list order).
TAXONOMY: list[dict[str, str]] = [
    {"code": "orientamento", "name": "Orientamento",
     "description": "Capire che lavoro cercare, quali servizi usare e da dove cominciare."},
    {"code": "cv-colloquio", "name": "CV e colloquio di lavoro",
     "description": "Scrivere il curriculum e la lettera di presentazione, prepararsi al colloquio."},
    {"code": "portali-lavoro", "name": "Registrazione ai portali per il lavoro",
     "description": "Iscriversi alle piattaforme pubbliche per cercare lavoro e ottenere SPID e credenziali."},
    {"code": "corsi-formazione", "name": "Corsi di formazione",
     "description": "Corsi professionali, di qualifica, di aggiornamento e di specializzazione."},
    {"code": "apprendistato-tirocini", "name": "Apprendistato e tirocini",
     "description": "Imparare un mestiere lavorando: tirocini in azienda e contratti di apprendistato."},
    {"code": "autoimpiego", "name": "Lavoro autonomo e avvio d'impresa",
     "description": "Aprire una partita IVA, avviare un'impresa o una cooperativa, trovare finanziamenti."},
    {"code": "diritti-lavoro", "name": "Diritti del lavoro e contratti",
     "description": "Contratti, buste paga, licenziamenti, indennità di disoccupazione e tutele."},
    {"code": "riconoscimento-titoli", "name": "Riconoscimento dei titoli di studio",
     "description": "Far valere in Italia titoli di studio e qualifiche professionali ottenuti all'estero."},
    {"code": "lingua-italiana", "name": "Corsi di lingua italiana",
     "description": "Imparare l'italiano per lavorare, studiare e vivere in Italia."},
    {"code": "disabilita-inclusione", "name": "Disabilità e inclusione lavorativa",
     "description": "Collocamento mirato, inserimento accompagnato e sostegno a chi è in condizione di fragilità."},
    {"code": "giovani-neet", "name": "Giovani e NEET",
     "description": "Per chi ha meno di 30 anni e non studia né lavora, o cerca il primo impiego."},
    {"code": "over-50", "name": "Ricollocazione over 50",
     "description": "Tornare al lavoro o aggiornare le proprie competenze dopo i 50 anni."},
    {"code": "stranieri", "name": "Cittadini stranieri",
     "description": "Permessi di soggiorno, documenti e servizi per il lavoro per chi viene da un altro paese."},
]

TB = OrganizationKind.TRAINING_BODY
AS = OrganizationKind.ASSOCIATION
TA = OrganizationKind.TRADE_ASSOCIATION
UN = OrganizationKind.UNION
PB = OrganizationKind.PUBLIC_BODY


def _at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0, tzinfo=ROME)


# Reference date for the review dates: 2026-11-20. Three members were last reviewed more than 90 days before it,
# so that stale information can be demonstrated; all the others within the previous 60 days.
#
# Organization keys: name, kind, description, email, website, phone, location (name, address_1, postal_code,
# city), last_reviewed_at, how_to_access (default for its services), services.
# Service keys: name, description, audience, eligibility, cost, topics (taxonomy codes), optional how_to_access.
MEMBERS: list[dict[str, Any]] = [
    # --- public bodies ---
    {
        "name": "Centro per l'Impiego della Spezia – Regione Liguria",
        "kind": PB,
        "description": (
            "È il servizio pubblico per il lavoro della Regione Liguria nella provincia della Spezia. "
            "Gestisce l'iscrizione come disoccupati, il patto di servizio personalizzato e le offerte di lavoro "
            "delle aziende del territorio, e indirizza verso corsi di formazione e tirocini finanziati."
        ),
        "email": "cpi.laspezia@lavoro-liguria.example",
        "website": "https://cpi-laspezia.example/",
        "phone": "0187 510101",
        "location": {"name": "Sede della Spezia", "address_1": "Via XX Settembre 64", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 10),
        "how_to_access": (
            "Presso la sede, su appuntamento: prenota dal portale regionale per il lavoro, telefona o chiedi "
            "all'InfoLavoro di fissarlo per te. Porta un documento d'identità e il codice fiscale."
        ),
        "services": [
            {
                "name": "Dichiarazione di immediata disponibilità e patto di servizio",
                "description": (
                    "Ti iscrivi allo stato di disoccupazione e, con un operatore, definisci un percorso "
                    "personalizzato di ricerca del lavoro. Il colloquio serve anche a valutare le tue "
                    "competenze e a stabilire gli impegni reciproci."
                ),
                "audience": "Persone disoccupate o a rischio di perdere il lavoro.",
                "eligibility": "Residenza o domicilio in Liguria; età minima 16 anni.",
                "cost": "Gratuito",
                "topics": ["orientamento", "portali-lavoro"],
            },
            {
                "name": "Preselezione per le offerte di lavoro",
                "description": (
                    "Gli operatori raccolgono le offerte delle aziende della provincia e propongono i candidati "
                    "con il profilo adatto. Puoi candidarti alle offerte pubblicate e ricevere consigli per "
                    "migliorare il curriculum prima dell'invio."
                ),
                "audience": "Chi cerca lavoro, anche se già occupato.",
                "eligibility": "Iscrizione al Centro per l'Impiego.",
                "cost": "Gratuito",
                "topics": ["cv-colloquio", "portali-lavoro"],
            },
            {
                "name": "Collocamento mirato",
                "description": (
                    "Ufficio dedicato all'inserimento lavorativo delle persone con disabilità e delle categorie "
                    "protette previste dalla legge 68/1999. Gestisce le liste, segnala i candidati alle aziende "
                    "obbligate alle assunzioni e segue l'inserimento."
                ),
                "audience": "Persone con disabilità e appartenenti alle categorie protette.",
                "eligibility": "Verbale di invalidità civile o riconoscimento della condizione di categoria protetta.",
                "cost": "Gratuito",
                "topics": ["disabilita-inclusione", "diritti-lavoro"],
            },
            {
                "name": "Tirocini extracurricolari",
                "description": (
                    "Attivazione e monitoraggio dei tirocini in azienda previsti dalla normativa regionale, con "
                    "un'indennità mensile a carico del soggetto ospitante. Il tirocinio è un'occasione per "
                    "imparare un mestiere e farsi conoscere da un'impresa."
                ),
                "audience": "Giovani e adulti disoccupati.",
                "eligibility": "Assolvimento dell'obbligo di istruzione; stato di disoccupazione.",
                "cost": "Gratuito",
                "topics": ["apprendistato-tirocini", "giovani-neet"],
            },
        ],
    },
    {
        "name": "Camera di Commercio Riviere di Liguria",
        "kind": PB,
        "description": (
            "L'ente pubblico che tiene il registro delle imprese e sostiene l'economia delle province della "
            "Spezia, di Imperia e di Savona. Per chi cerca lavoro offre dati sulle professioni richieste "
            "dalle imprese e accompagna chi vuole mettersi in proprio."
        ),
        "email": "orientamento@rivlig-cciaa.example",
        "website": "https://rivlig-cciaa.example/",
        "phone": "0187 728201",
        "location": {"name": "Sede della Spezia", "address_1": "Piazza Europa 16", "postal_code": "19124",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 28),
        "how_to_access": (
            "Presso la sede della Spezia, su appuntamento: scrivi all'ufficio orientamento indicando il servizio "
            "che ti interessa e un recapito telefonico."
        ),
        "services": [
            {
                "name": "Punto nuova impresa",
                "description": (
                    "Primo orientamento per chi vuole avviare un'attività: forme giuridiche, adempimenti, costi "
                    "di avvio e finanziamenti disponibili. L'incontro si conclude con una scheda dei passi da "
                    "compiere per la tua idea."
                ),
                "audience": "Aspiranti imprenditori e lavoratori autonomi.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["autoimpiego", "orientamento"],
            },
            {
                "name": "Le professioni che le imprese cercano",
                "description": (
                    "Presentazione dei dati sui fabbisogni professionali delle imprese liguri, settore per "
                    "settore, per scegliere con più consapevolezza un percorso di studio, di formazione "
                    "professionale o di lavoro."
                ),
                "audience": "Studenti, giovani in cerca di prima occupazione e adulti che vogliono cambiare lavoro.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "giovani-neet"],
            },
            {
                "name": "Sportello tirocini e percorsi per le competenze",
                "description": (
                    "Mette in contatto scuole, giovani e imprese iscritte al registro per tirocini e percorsi "
                    "per le competenze trasversali. Aiuta anche le piccole imprese ad accogliere il loro primo "
                    "tirocinante."
                ),
                "audience": "Studenti delle scuole superiori, neodiplomati e imprese.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["apprendistato-tirocini", "giovani-neet"],
            },
        ],
    },
    {
        "name": "Servizi Sociali – Comune della Spezia",
        "kind": PB,
        "description": (
            "Il servizio sociale del Comune sostiene persone e famiglie in difficoltà economica o sociale. "
            "Costruisce con loro percorsi di inclusione che comprendono il lavoro, in collaborazione con le "
            "cooperative sociali e il Centro per l'Impiego."
        ),
        "email": "servizisociali@comune-laspezia.example",
        "website": "https://servizisociali-laspezia.example/",
        "phone": "0187 727310",
        "location": {"name": "Ufficio di cittadinanza", "address_1": "Via Carlo Alberto 45", "postal_code": "19124",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 3),
        "how_to_access": (
            "Presso l'ufficio di cittadinanza, su appuntamento: telefona il lunedì o il giovedì mattina. "
            "Chi è già seguito da un'assistente sociale può chiedere direttamente a lei."
        ),
        "services": [
            {
                "name": "Percorsi di inclusione lavorativa",
                "description": (
                    "Tirocini di inclusione e accompagnamento al lavoro per le persone seguite dai servizi "
                    "sociali, con un tutor che tiene i contatti con l'azienda. Il percorso è concordato con "
                    "l'assistente sociale e può durare fino a un anno."
                ),
                "audience": "Persone in carico ai servizi sociali del Comune.",
                "eligibility": "Progetto individuale concordato con l'assistente sociale.",
                "cost": "Gratuito",
                "topics": ["disabilita-inclusione", "apprendistato-tirocini"],
            },
            {
                "name": "Segretariato sociale",
                "description": (
                    "Informazioni su contributi economici, assegno di inclusione e servizi del territorio per "
                    "chi ha perso il lavoro o ha un reddito insufficiente. L'operatore ti aiuta a capire a quali "
                    "misure puoi accedere e quali documenti servono."
                ),
                "audience": "Residenti nel Comune della Spezia.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "diritti-lavoro"],
            },
            {
                "name": "Sportello comunale per cittadini stranieri",
                "description": (
                    "Informazioni su permesso di soggiorno, ricongiungimento familiare e iscrizione anagrafica, "
                    "con mediatori linguistici in alcune giornate. Indirizza ai corsi di italiano e ai servizi "
                    "per il lavoro della città."
                ),
                "audience": "Cittadini stranieri residenti o domiciliati in città.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["stranieri", "lingua-italiana"],
            },
        ],
    },
    {
        "name": "Informagiovani della Spezia",
        "kind": PB,
        "description": (
            "Lo sportello comunale per i giovani: lavoro, studio, volontariato, mobilità in Europa e tempo "
            "libero. Gli operatori aiutano a orientarsi tra le opportunità e a preparare candidature efficaci."
        ),
        "email": "informagiovani@comune-laspezia.example",
        "website": "https://informagiovani-laspezia.example/",
        "phone": "0187 727440",
        "location": {"name": "Sportello Informagiovani", "address_1": "Via del Torretto 11", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 12),
        "how_to_access": (
            "Presso lo sportello, su appuntamento: scrivi una e-mail o telefona indicando l'argomento. "
            "Gli appuntamenti durano circa 45 minuti."
        ),
        "services": [
            {
                "name": "Bacheca del lavoro e aiuto al curriculum",
                "description": (
                    "Offerte di lavoro stagionale e continuativo selezionate ogni settimana, con una consulenza "
                    "individuale per il curriculum e la lettera di presentazione. Puoi portare il tuo CV su una "
                    "chiavetta o stampato."
                ),
                "audience": "Giovani dai 16 ai 35 anni.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["cv-colloquio", "giovani-neet"],
            },
            {
                "name": "Lavorare e studiare all'estero",
                "description": (
                    "Informazioni su programmi europei di mobilità, volontariato all'estero, lavoro alla pari e "
                    "tirocini nei paesi dell'Unione europea. L'operatore ti aiuta a scegliere il programma e a "
                    "rispettare le scadenze dei bandi."
                ),
                "audience": "Giovani dai 18 ai 30 anni.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["giovani-neet", "orientamento"],
            },
            {
                "name": "Garanzia Giovani: primo passo",
                "description": (
                    "Aiuto per aderire al programma Garanzia Giovani e per registrarsi sui portali pubblici per "
                    "il lavoro, compreso l'ottenimento dello SPID. Al termine sai quale sarà il tuo primo "
                    "appuntamento al Centro per l'Impiego."
                ),
                "audience": "Giovani che non studiano e non lavorano.",
                "eligibility": "Età tra 15 e 29 anni; non essere inseriti in percorsi di studio o di lavoro.",
                "cost": "Gratuito",
                "topics": ["portali-lavoro", "giovani-neet"],
            },
        ],
    },
    {
        "name": "CPIA della Spezia – Centro provinciale istruzione adulti",
        "kind": PB,
        "description": (
            "Scuola pubblica per adulti: licenza media, corsi di lingua italiana per stranieri e percorsi di "
            "alfabetizzazione. Rilascia titoli di studio e certificazioni validi per il lavoro e per il "
            "permesso di soggiorno."
        ),
        "email": "segreteria@cpia-laspezia.example",
        "website": "https://cpia-laspezia.example/",
        "phone": "0187 500872",
        "location": {"name": "Sede centrale", "address_1": "Via Giosuè Carducci 34", "postal_code": "19126",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 9, 30),
        "how_to_access": (
            "In segreteria, su appuntamento per il colloquio di accoglienza e il test di livello: telefona o "
            "scrivi. Le iscrizioni sono aperte tutto l'anno, i corsi partono a ottobre e a febbraio."
        ),
        "services": [
            {
                "name": "Corsi di italiano per stranieri (A1–B1)",
                "description": (
                    "Corsi di lingua italiana in orario mattutino o serale, con esame finale e certificazione "
                    "del livello raggiunto. Il livello A2 è quello richiesto per il permesso di soggiorno UE "
                    "per soggiornanti di lungo periodo."
                ),
                "audience": "Cittadini stranieri dai 16 anni.",
                "eligibility": "Età minima 16 anni.",
                "cost": "Gratuito",
                "topics": ["lingua-italiana", "stranieri"],
            },
            {
                "name": "Licenza media per adulti",
                "description": (
                    "Percorso di primo livello per ottenere il diploma di scuola secondaria di primo grado, "
                    "anche con frequenza serale. Le competenze già possedute vengono riconosciute e riducono "
                    "le ore da frequentare."
                ),
                "audience": "Adulti senza licenza media, italiani e stranieri.",
                "eligibility": "Età minima 16 anni.",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "over-50"],
            },
            {
                "name": "Accoglienza per chi ha un titolo di studio estero",
                "description": (
                    "Un docente esamina i titoli di studio conseguiti all'estero e spiega come ottenerne la "
                    "dichiarazione di valore o l'equipollenza. Se serve, propone un percorso breve per "
                    "completare il titolo in Italia."
                ),
                "audience": "Cittadini stranieri e italiani con titoli di studio esteri.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["riconoscimento-titoli", "stranieri"],
            },
        ],
    },
    # --- training bodies ---
    {
        "name": "Ente Formazione Golfo dei Poeti",
        "kind": TB,
        "description": (
            "Ente accreditato dalla Regione Liguria per la formazione professionale, con corsi di qualifica nei "
            "settori del turismo, della logistica portuale e della nautica. Ogni corso prevede uno stage in "
            "azienda e un accompagnamento alla ricerca di lavoro."
        ),
        "email": "info@formazione-golfo.example",
        "website": "https://formazione-golfo.example/",
        "phone": "0187 563210",
        "location": {"name": "Sede formativa", "address_1": "Via Valdilocchi 12", "postal_code": "19136",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 5),
        "how_to_access": (
            "Presso la sede, su appuntamento: telefona o scrivi a info@formazione-golfo.example. "
            "Per i corsi finanziati serve iscriversi alla selezione entro la scadenza del bando."
        ),
        "services": [
            {
                "name": "Corso di qualifica per operatore della logistica portuale",
                "description": (
                    "600 ore tra aula, laboratorio e stage nelle aziende del porto: movimentazione delle merci, "
                    "sicurezza, uso dei mezzi di sollevamento. Al termine si ottiene la qualifica regionale e il "
                    "patentino per il carrello elevatore."
                ),
                "audience": "Disoccupati dai 18 anni.",
                "eligibility": "Licenza media; stato di disoccupazione; superamento della selezione.",
                "cost": "Gratuito (finanziato dal Fondo sociale europeo)",
                "topics": ["corsi-formazione", "apprendistato-tirocini"],
            },
            {
                "name": "Corsi di formazione per il turismo",
                "description": (
                    "Corsi brevi di accoglienza, sala e bar, con stage nelle strutture ricettive delle Cinque "
                    "Terre e del golfo. Sono pensati per chi vuole lavorare nella stagione estiva già dal primo "
                    "anno."
                ),
                "audience": "Giovani e adulti in cerca di lavoro stagionale.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "giovani-neet"],
            },
            {
                "name": "Bilancio di competenze",
                "description": (
                    "Un percorso individuale di quattro incontri per riconoscere le competenze acquisite nel "
                    "lavoro e nella vita e definire un progetto professionale. Si conclude con un documento che "
                    "puoi allegare al curriculum."
                ),
                "audience": "Adulti che vogliono cambiare lavoro o rientrare dopo una pausa.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "over-50"],
            },
        ],
    },
    {
        "name": "Scuola Edile Spezzina",
        "kind": TB,
        "description": (
            "La scuola dell'edilizia della provincia, gestita insieme dalle imprese e dai sindacati del settore. "
            "Forma chi vuole lavorare nei cantieri e aggiorna i lavoratori già occupati sulla sicurezza."
        ),
        "email": "corsi@scuolaedile-spezzina.example",
        "website": "https://scuolaedile-spezzina.example/",
        "phone": "0187 986540",
        "location": {"name": "Centro di formazione edile", "address_1": "Via del Canaletto 210",
                     "postal_code": "19126", "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 20),
        "how_to_access": (
            "Presso il centro di formazione, su appuntamento: telefona dal lunedì al venerdì, dalle 8 alle 13, "
            "per un colloquio di ingresso."
        ),
        "services": [
            {
                "name": "Corso base per operaio edile",
                "description": (
                    "Tecniche di muratura, lettura del disegno e sicurezza in cantiere, con una prova pratica "
                    "finale in un cantiere scuola. I partecipanti vengono presentati alle imprese edili del "
                    "territorio che cercano personale."
                ),
                "audience": "Disoccupati dai 18 anni, anche senza esperienza.",
                "eligibility": "Conoscenza dell'italiano almeno di livello A2.",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "apprendistato-tirocini"],
            },
            {
                "name": "Formazione obbligatoria sulla sicurezza in cantiere",
                "description": (
                    "Corsi di 16 ore per chi entra per la prima volta in cantiere e aggiornamenti periodici per i "
                    "lavoratori dell'edilizia, con attestato valido in tutta Italia. Alcune edizioni sono "
                    "tenute con un mediatore per i lavoratori stranieri."
                ),
                "audience": "Lavoratori del settore e persone in cerca di occupazione nell'edilizia.",
                "eligibility": "",
                "cost": "Gratuito per i lavoratori delle imprese iscritte alla Cassa Edile",
                "topics": ["corsi-formazione", "diritti-lavoro", "stranieri"],
            },
        ],
    },
    {
        "name": "Accademia Nautica del Levante",
        "kind": TB,
        "description": (
            "Centro di formazione per i mestieri del mare e della cantieristica da diporto, con laboratori "
            "attrezzati e una banchina didattica. Collabora con i cantieri e le marine del golfo per stage e "
            "assunzioni."
        ),
        "email": "segreteria@accademia-nautica.example",
        "website": "https://accademia-nautica.example/",
        "phone": "0187 601245",
        "location": {"name": "Sede di Lerici", "address_1": "Via Biaggini 18", "postal_code": "19032",
                     "city": "Lerici"},
        "last_reviewed_at": _at(2026, 11, 1),
        "how_to_access": (
            "Presso la sede di Lerici, su appuntamento: scrivi alla segreteria indicando il corso. "
            "La sede è raggiungibile con l'autobus dalla Spezia."
        ),
        "services": [
            {
                "name": "Tecnico della cantieristica da diporto",
                "description": (
                    "Corso di specializzazione con 300 ore di stage nei cantieri del golfo: lavorazione della "
                    "vetroresina, impianti di bordo, allestimento degli interni. Una parte dei posti è riservata "
                    "a donne e a persone over 40."
                ),
                "audience": "Giovani e adulti con diploma o qualifica professionale.",
                "eligibility": "Diploma o qualifica triennale; stato di disoccupazione.",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "apprendistato-tirocini"],
            },
            {
                "name": "Certificati di base per la gente di mare",
                "description": (
                    "Corsi per i certificati richiesti per imbarcarsi: sicurezza di base, primo soccorso, "
                    "antincendio e sopravvivenza in mare. Le esercitazioni pratiche si svolgono in piscina e in "
                    "banchina."
                ),
                "audience": "Aspiranti marittimi e personale di bordo degli yacht.",
                "eligibility": "Maggiore età; certificato medico di idoneità.",
                "cost": "350 euro, ridotti a 100 euro per i disoccupati",
                "topics": ["corsi-formazione"],
            },
        ],
    },
    {
        "name": "Centro Studi Lunigiana Lavoro",
        "kind": TB,
        "description": (
            "Centro di formazione professionale di Sarzana specializzato in informatica, amministrazione e "
            "servizi alla persona. Organizza corsi di formazione serali pensati per chi lavora o ha famiglia."
        ),
        "email": "info@cslunigiana.example",
        "website": "https://cslunigiana.example/",
        "phone": "0187 620418",
        "location": {"name": "Sede", "address_1": "Via Variante Aurelia 64", "postal_code": "19038",
                     "city": "Sarzana"},
        "last_reviewed_at": _at(2026, 10, 15),
        "how_to_access": (
            "Presso la sede di Sarzana, su appuntamento: telefona o scrivi a info@cslunigiana.example. "
            "Il colloquio informativo si può fare anche in videochiamata."
        ),
        "services": [
            {
                "name": "Competenze digitali per il lavoro",
                "description": (
                    "Corso di informatica in due livelli: posta elettronica, videoscrittura, fogli di calcolo, "
                    "SPID e servizi pubblici online. Si impara a candidarsi alle offerte e a compilare i moduli "
                    "digitali senza aiuto."
                ),
                "audience": "Adulti, in particolare over 50, che vogliono aggiornarsi.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "over-50", "portali-lavoro"],
            },
            {
                "name": "Operatore socio-sanitario (OSS)",
                "description": (
                    "Corso di qualifica regionale di 1000 ore, metà delle quali di tirocinio in ospedali e "
                    "residenze per anziani. La qualifica è richiesta per lavorare nelle strutture sanitarie e "
                    "socio-assistenziali."
                ),
                "audience": "Adulti interessati al lavoro di cura.",
                "eligibility": "Maggiore età; licenza media; superamento della selezione di ingresso.",
                "cost": "Gratuito (finanziato dal Fondo sociale europeo)",
                "topics": ["corsi-formazione", "apprendistato-tirocini"],
            },
            {
                "name": "Addetto alla contabilità e alle paghe",
                "description": (
                    "Percorso di 240 ore su contabilità ordinaria, fatturazione elettronica ed elaborazione "
                    "delle buste paga con i programmi più diffusi. È utile anche a chi vuole capire meglio il "
                    "proprio cedolino."
                ),
                "audience": "Diplomati in cerca di lavoro negli uffici amministrativi.",
                "eligibility": "Diploma di scuola superiore.",
                "cost": "Gratuito per i disoccupati, 450 euro per gli occupati",
                "topics": ["corsi-formazione"],
            },
        ],
    },
    {
        "name": "Istituto di Formazione Tecnica Val di Magra",
        "kind": TB,
        "description": (
            "Fondazione che organizza percorsi post diploma di formazione tecnica superiore in meccatronica e "
            "impiantistica. I corsi sono progettati con le imprese metalmeccaniche della zona, che ospitano "
            "gli studenti per metà delle ore."
        ),
        "email": "orientamento@its-valdimagra.example",
        "website": "https://its-valdimagra.example/",
        "phone": "0187 694512",
        "location": {"name": "Campus tecnico", "address_1": "Via Falcinello 22", "postal_code": "19038",
                     "city": "Sarzana"},
        "last_reviewed_at": _at(2026, 9, 25),
        "how_to_access": (
            "Presso il campus, su appuntamento: prenota un colloquio di orientamento per telefono. "
            "Ogni primo sabato del mese il campus è aperto per le visite."
        ),
        "services": [
            {
                "name": "Tecnico superiore di meccatronica",
                "description": (
                    "Percorso biennale di 2000 ore, di cui 800 di stage retribuito nelle aziende partner. "
                    "Il tasso di occupazione dei diplomati a un anno dalla fine del corso supera l'80 per cento."
                ),
                "audience": "Diplomati che vogliono entrare nell'industria.",
                "eligibility": "Diploma di scuola superiore; età inferiore a 30 anni.",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "giovani-neet"],
            },
            {
                "name": "Apprendistato di alta formazione",
                "description": (
                    "Accompagna giovani e imprese nei contratti di apprendistato che portano a un titolo di "
                    "studio, dalla scelta del profilo al piano formativo. Il giovane è assunto e nello stesso "
                    "tempo frequenta il corso."
                ),
                "audience": "Giovani e imprese del settore metalmeccanico.",
                "eligibility": "Età tra 18 e 29 anni.",
                "cost": "Gratuito",
                "topics": ["apprendistato-tirocini", "giovani-neet"],
            },
        ],
    },
    {
        "name": "Formazione Servizi Riviera",
        "kind": TB,
        "description": (
            "Agenzia formativa specializzata in ristorazione, pasticceria e servizi di accoglienza, con una "
            "cucina didattica e un piccolo bar aperto al pubblico. Molti allievi vengono assunti dai "
            "ristoranti che li hanno ospitati in stage."
        ),
        "email": "info@fsriviera.example",
        "website": "https://fsriviera.example/",
        "phone": "0187 734420",
        "location": {"name": "Cucina didattica", "address_1": "Via Fiume 138", "postal_code": "19122",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 8),
        "how_to_access": (
            "Presso la sede, su appuntamento: telefona nel pomeriggio o scrivi a info@fsriviera.example. "
            "Puoi anche passare a ritirare il calendario dei corsi."
        ),
        "services": [
            {
                "name": "Corso di aiuto cuoco",
                "description": (
                    "Laboratorio di cucina di 400 ore con stage nei ristoranti della riviera e attestato per "
                    "l'igiene degli alimenti. Si lavora su menu reali, dalla preparazione al servizio."
                ),
                "audience": "Disoccupati maggiorenni.",
                "eligibility": "Maggiore età; stato di disoccupazione.",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "apprendistato-tirocini"],
            },
            {
                "name": "Laboratorio di pasticceria per giovani",
                "description": (
                    "Percorso pratico per ragazze e ragazzi che hanno lasciato la scuola, con un tirocinio finale "
                    "in pasticceria. I gruppi sono piccoli e ogni partecipante ha un tutor."
                ),
                "audience": "Giovani dai 16 ai 24 anni che non studiano e non lavorano.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["giovani-neet", "apprendistato-tirocini"],
            },
        ],
    },
    {
        "name": "Agenzia Formativa Mare e Terra",
        "kind": TB,
        "description": (
            "Agenzia di formazione professionale per l'agricoltura, la manutenzione del verde e la cura del "
            "territorio della val di Vara. Lavora con le aziende agricole e i comuni dell'entroterra."
        ),
        "email": "segreteria@mareterra-formazione.example",
        "website": "https://mareterra-formazione.example/",
        "phone": "0187 988130",
        "location": {"name": "Sede", "address_1": "Via Provinciale 55", "postal_code": "19020", "city": "Follo"},
        "last_reviewed_at": _at(2026, 7, 14),
        "how_to_access": (
            "Presso la sede di Follo, su appuntamento: telefona il martedì o il giovedì. "
            "Per chi non ha l'auto, alcuni incontri si tengono alla Spezia."
        ),
        "services": [
            {
                "name": "Manutentore del verde",
                "description": (
                    "Corso abilitante di 180 ore per lavorare nelle imprese di giardinaggio e di manutenzione "
                    "del verde pubblico e privato. Comprende l'uso in sicurezza della motosega e del "
                    "decespugliatore."
                ),
                "audience": "Adulti in cerca di lavoro.",
                "eligibility": "Maggiore età.",
                "cost": "Gratuito per i disoccupati",
                "topics": ["corsi-formazione", "over-50"],
            },
            {
                "name": "Tirocini in agricoltura sociale",
                "description": (
                    "Tirocini nelle aziende agricole della val di Vara per persone in percorsi di inclusione, "
                    "affiancate da un tutor aziendale e da un educatore. Le attività vanno dall'orto alla "
                    "vendita diretta dei prodotti."
                ),
                "audience": "Persone segnalate dai servizi sociali e sanitari.",
                "eligibility": "Invio da parte di un servizio pubblico.",
                "cost": "Gratuito",
                "topics": ["apprendistato-tirocini", "disabilita-inclusione"],
            },
        ],
    },
    {
        "name": "Scuola di Lingue Porta Ligure",
        "kind": TB,
        "description": (
            "Scuola di lingue con corsi di italiano per stranieri e di lingue straniere per il lavoro. "
            "Offre anche traduzioni di documenti, utili per chi deve far riconoscere i titoli ottenuti "
            "all'estero."
        ),
        "email": "info@portaligure-lingue.example",
        "website": "https://portaligure-lingue.example/",
        "phone": "0187 771980",
        "location": {"name": "Sede", "address_1": "Via Domenico Chiodo 29", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 30),
        "how_to_access": (
            "Presso la sede, su appuntamento per il test di livello: telefona o scrivi a "
            "info@portaligure-lingue.example."
        ),
        "services": [
            {
                "name": "Italiano per il lavoro (livelli B1–B2)",
                "description": (
                    "Lessico e comunicazione per i colloqui e per i luoghi di lavoro, con simulazioni e "
                    "preparazione agli esami di certificazione. Il corso serve anche a chi deve iscriversi a un "
                    "corso di formazione professionale che richiede il B1."
                ),
                "audience": "Cittadini stranieri che parlano già un italiano di base.",
                "eligibility": "Livello A2 di italiano, verificato con un test.",
                "cost": "Gratuito per gli iscritti al Centro per l'Impiego, 120 euro per gli altri",
                "topics": ["lingua-italiana", "stranieri", "cv-colloquio"],
            },
            {
                "name": "Inglese per il turismo",
                "description": (
                    "Corso di 60 ore dedicato all'accoglienza, alla ristorazione e alla vendita, con molte "
                    "esercitazioni orali. Si conclude con un attestato del livello raggiunto."
                ),
                "audience": "Chi lavora o vuole lavorare nel turismo.",
                "eligibility": "",
                "cost": "80 euro",
                "topics": ["corsi-formazione"],
            },
            {
                "name": "Traduzioni per il riconoscimento dei titoli",
                "description": (
                    "Traduzione di diplomi, certificati e programmi di studio per le domande di riconoscimento, "
                    "con asseverazione in tribunale. Prima di iniziare ti spieghiamo quali documenti servono "
                    "davvero."
                ),
                "audience": "Chi ha titoli di studio o professionali ottenuti all'estero.",
                "eligibility": "",
                "cost": "Preventivo gratuito; tariffa ridotta per i disoccupati",
                "topics": ["riconoscimento-titoli", "stranieri"],
            },
        ],
    },
    {
        "name": "Consorzio Formazione Spezia Impresa",
        "kind": TB,
        "description": (
            "Consorzio di enti e imprese che progetta corsi su misura per i fabbisogni delle aziende locali. "
            "Le imprese partecipano alla selezione degli allievi e si impegnano ad assumerne una parte."
        ),
        "email": "selezioni@cfsi.example",
        "website": "https://cfsi.example/",
        "phone": "0187 530612",
        "location": {"name": "Sede", "address_1": "Viale Amendola 170", "postal_code": "19122",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 2),
        "how_to_access": (
            "Presso la sede, su appuntamento: invia il curriculum a selezioni@cfsi.example e sarai richiamato "
            "quando parte un corso adatto al tuo profilo."
        ),
        "services": [
            {
                "name": "Corsi con impegno di assunzione",
                "description": (
                    "Corsi di formazione progettati con le imprese, che si impegnano ad assumere almeno il 60 per "
                    "cento dei partecipanti. Negli ultimi anni hanno riguardato saldatura, impiantistica navale "
                    "e logistica."
                ),
                "audience": "Disoccupati con interesse per il lavoro tecnico.",
                "eligibility": "Iscrizione al Centro per l'Impiego; superamento della selezione.",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "cv-colloquio"],
            },
            {
                "name": "Riqualificazione per lavoratori over 50",
                "description": (
                    "Percorsi brevi per aggiornare le competenze di chi ha perso il lavoro dopo i 50 anni, con "
                    "un consulente che valorizza l'esperienza maturata. Al termine si partecipa a incontri con "
                    "le imprese del consorzio."
                ),
                "audience": "Lavoratori over 50 in cerca di occupazione.",
                "eligibility": "Età pari o superiore a 50 anni; stato di disoccupazione.",
                "cost": "Gratuito",
                "topics": ["over-50", "corsi-formazione"],
            },
        ],
    },
    # --- associations ---
    {
        "name": "Cooperativa Sociale Il Ponte",
        "kind": AS,
        "description": (
            "Cooperativa sociale di tipo B che inserisce al lavoro persone svantaggiate nei servizi di pulizia, "
            "manutenzione e logistica. Ogni persona inserita è seguita da un tutor fino a quando non diventa "
            "autonoma."
        ),
        "email": "inserimenti@coop-ilponte.example",
        "website": "https://coop-ilponte.example/",
        "phone": "0187 712233",
        "location": {"name": "Sede operativa", "address_1": "Via Sarzana 220", "postal_code": "19126",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 22),
        "how_to_access": (
            "Presso la sede operativa, su appuntamento: telefona o scrivi. Di solito l'appuntamento è "
            "richiesto dall'assistente sociale o dal servizio che ti segue."
        ),
        "services": [
            {
                "name": "Inserimento lavorativo protetto",
                "description": (
                    "Assunzioni e tirocini con un tutor dedicato per persone con disabilità o in condizione di "
                    "svantaggio. Si comincia con poche ore alla settimana e si aumenta gradualmente."
                ),
                "audience": "Persone con disabilità o svantaggiate.",
                "eligibility": "Condizione di svantaggio ai sensi della legge 381/1991.",
                "cost": "Gratuito",
                "topics": ["disabilita-inclusione", "apprendistato-tirocini"],
            },
            {
                "name": "Orientamento e accompagnamento al lavoro",
                "description": (
                    "Colloqui individuali per costruire un progetto di lavoro realistico, tenendo conto della "
                    "salute, degli orari e dei trasporti. L'operatore accompagna anche ai primi colloqui in "
                    "azienda."
                ),
                "audience": "Persone fragili e disoccupati di lunga durata.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "disabilita-inclusione"],
            },
        ],
    },
    {
        "name": "Associazione Lavoro Solidale Spezzino",
        "kind": AS,
        "description": (
            "Associazione di volontari, molti dei quali ex dirigenti e professionisti in pensione, che "
            "accompagnano chi cerca lavoro. Propone mentoring individuale e gruppi di ricerca attiva."
        ),
        "email": "contatti@lavorosolidale.example",
        "website": "https://lavorosolidale.example/",
        "phone": "0187 254871",
        "location": {"name": "Sede", "address_1": "Via Galileo Galilei 18", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 6, 20),
        "how_to_access": (
            "Presso la sede, su appuntamento: lascia un messaggio in segreteria telefonica o scrivi; "
            "un volontario ti richiama entro una settimana."
        ),
        "services": [
            {
                "name": "Mentoring per la ricerca di lavoro",
                "description": (
                    "Un volontario ti segue per tre mesi: obiettivi, candidature, preparazione ai colloqui e "
                    "uso dei contatti personali. Gli incontri sono settimanali e si adattano ai tuoi orari."
                ),
                "audience": "Adulti in cerca di lavoro, in particolare over 50.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["over-50", "cv-colloquio"],
            },
            {
                "name": "Club della ricerca attiva",
                "description": (
                    "Incontri di gruppo ogni mercoledì per scambiarsi offerte, contatti e strategie, con ospiti "
                    "dal mondo delle imprese. Stare in gruppo aiuta a non scoraggiarsi."
                ),
                "audience": "Chiunque cerchi lavoro.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "cv-colloquio"],
            },
        ],
    },
    {
        "name": "Casa dei Popoli del Golfo",
        "kind": AS,
        "description": (
            "Associazione di accoglienza e mediazione culturale per cittadini stranieri e richiedenti "
            "protezione internazionale. Aiuta a orientarsi tra documenti, lingua e lavoro, con operatori che "
            "parlano arabo, inglese, francese e spagnolo."
        ),
        "email": "sportello@casadeipopoli-golfo.example",
        "website": "https://casadeipopoli-golfo.example/",
        "phone": "0187 284590",
        "location": {"name": "Sportello", "address_1": "Via Lunigiana 90", "postal_code": "19125",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 11),
        "how_to_access": (
            "Presso lo sportello, su appuntamento: telefona o scrivi indicando la lingua che preferisci. "
            "Porta il permesso di soggiorno o la ricevuta della richiesta."
        ),
        "services": [
            {
                "name": "Sportello stranieri e lavoro",
                "description": (
                    "Informazioni su permesso di soggiorno, conversione del permesso per lavoro, contratti e "
                    "diritti dei lavoratori stranieri. L'operatore verifica con te i documenti prima degli "
                    "appuntamenti in Questura."
                ),
                "audience": "Cittadini stranieri.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["stranieri", "diritti-lavoro"],
            },
            {
                "name": "Riconoscimento dei titoli esteri",
                "description": (
                    "Aiuto a preparare la domanda di equipollenza o di dichiarazione di valore dei titoli di "
                    "studio e professionali. Spieghiamo a quale ufficio rivolgersi e seguiamo la pratica fino "
                    "alla risposta."
                ),
                "audience": "Cittadini con titoli conseguiti all'estero.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["riconoscimento-titoli", "stranieri"],
            },
            {
                "name": "Mediazione linguistica ai servizi per il lavoro",
                "description": (
                    "Un mediatore accompagna al Centro per l'Impiego e ai colloqui chi non parla ancora bene "
                    "l'italiano. Nel frattempo ti aiutiamo a trovare il corso di lingua più adatto."
                ),
                "audience": "Cittadini stranieri con difficoltà linguistiche.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["lingua-italiana", "stranieri"],
            },
        ],
    },
    {
        "name": "Associazione Donne e Lavoro La Spezia",
        "kind": AS,
        "description": (
            "Rete di donne che sostiene l'occupazione femminile, il rientro al lavoro dopo la maternità e "
            "l'imprenditoria delle donne. Organizza gruppi di confronto e consulenze con professioniste "
            "volontarie."
        ),
        "email": "ciao@donnelavoro-sp.example",
        "website": "https://donnelavoro-sp.example/",
        "phone": "0187 219904",
        "location": {"name": "Sede", "address_1": "Via Daniele Manin 44", "postal_code": "19122",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 5),
        "how_to_access": (
            "Presso la sede, su appuntamento: scrivi o telefona. Durante gli incontri di gruppo è disponibile "
            "uno spazio per i bambini."
        ),
        "services": [
            {
                "name": "Rientro al lavoro dopo la maternità",
                "description": (
                    "Percorso di gruppo e colloqui individuali su conciliazione, part-time, congedi e diritti "
                    "delle lavoratrici. Si lavora anche sul curriculum, per valorizzare gli anni di pausa."
                ),
                "audience": "Donne che vogliono rientrare al lavoro.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro", "orientamento", "cv-colloquio"],
            },
            {
                "name": "Impresa al femminile",
                "description": (
                    "Laboratorio di sei incontri per trasformare un'idea in impresa: piano economico, "
                    "comunicazione e finanziamenti dedicati alle donne. Al termine ogni partecipante presenta "
                    "il proprio progetto."
                ),
                "audience": "Donne aspiranti imprenditrici o lavoratrici autonome.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["autoimpiego"],
            },
        ],
    },
    {
        "name": "Associazione Oltre il Limite",
        "kind": AS,
        "description": (
            "Associazione di famiglie e persone con disabilità che promuove l'autonomia e il lavoro. "
            "Affianca le persone nel rapporto con il collocamento mirato e con le aziende."
        ),
        "email": "info@oltreillimite.example",
        "website": "https://oltreillimite.example/",
        "phone": "0187 500331",
        "location": {"name": "Sede", "address_1": "Corso Nazionale 120", "postal_code": "19126",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 9, 28),
        "how_to_access": (
            "Presso la sede, accessibile senza barriere, su appuntamento: telefona o scrivi. "
            "Su richiesta i colloqui si svolgono a domicilio."
        ),
        "services": [
            {
                "name": "Sportello lavoro e disabilità",
                "description": (
                    "Consulenza su collocamento mirato, agevolazioni per le imprese che assumono e adattamenti "
                    "del posto di lavoro. Spieghiamo anche i diritti dei lavoratori con disabilità, dai permessi "
                    "al cambio di mansione."
                ),
                "audience": "Persone con disabilità e loro famiglie.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["disabilita-inclusione", "diritti-lavoro"],
            },
            {
                "name": "Laboratori di autonomia",
                "description": (
                    "Laboratori pratici in piccoli gruppi per sviluppare competenze utili al lavoro: puntualità, "
                    "uso del denaro, spostamenti in autobus. Sono il primo passo verso un tirocinio."
                ),
                "audience": "Giovani con disabilità intellettiva.",
                "eligibility": "Età tra 16 e 35 anni.",
                "cost": "Quota associativa di 20 euro all'anno",
                "topics": ["disabilita-inclusione", "giovani-neet"],
            },
        ],
    },
    {
        "name": "Giovani al Centro APS",
        "kind": AS,
        "description": (
            "Associazione di promozione sociale che lavora con ragazze e ragazzi che hanno lasciato la scuola "
            "o non trovano lavoro. Gli educatori li incontrano nei quartieri e li aiutano a ripartire."
        ),
        "email": "ciao@giovanialcentro.example",
        "website": "https://giovanialcentro.example/",
        "phone": "0187 606077",
        "location": {"name": "Spazio giovani", "address_1": "Via Genova 250", "postal_code": "19123",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 7),
        "how_to_access": (
            "Allo spazio giovani, su appuntamento: scrivi anche solo un messaggio o telefona al pomeriggio. "
            "Puoi venire con un amico."
        ),
        "services": [
            {
                "name": "Progetto Ripartenza per NEET",
                "description": (
                    "Accoglienza, orientamento e attività di gruppo per giovani che non studiano e non lavorano. "
                    "Dopo i primi incontri si costruisce insieme un piano: rientro a scuola, corso o tirocinio."
                ),
                "audience": "Giovani dai 16 ai 29 anni.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["giovani-neet", "orientamento"],
            },
            {
                "name": "Scrivi il tuo primo CV",
                "description": (
                    "Laboratorio di due incontri per preparare il curriculum, creare un profilo sui portali per "
                    "il lavoro e simulare un colloquio. Si esce con un CV pronto da inviare."
                ),
                "audience": "Giovani alla prima esperienza di lavoro.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["cv-colloquio", "giovani-neet", "portali-lavoro"],
            },
        ],
    },
    {
        "name": "Associazione Seconda Opportunità",
        "kind": AS,
        "description": (
            "Associazione di volontariato per il reinserimento sociale e lavorativo di persone detenute ed ex "
            "detenute. Tiene i contatti con imprese e cooperative disponibili ad assumere."
        ),
        "email": "segreteria@secondaopportunita.example",
        "website": "https://secondaopportunita.example/",
        "phone": "0187 257318",
        "location": {"name": "Sede", "address_1": "Via Vittorio Veneto 7", "postal_code": "19124",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 6, 2),
        "how_to_access": (
            "Presso la sede, su appuntamento: telefona o scrivi. Anche i familiari possono chiedere un primo "
            "colloquio informativo."
        ),
        "services": [
            {
                "name": "Accompagnamento al lavoro dopo la detenzione",
                "description": (
                    "Colloqui individuali, ricerca di tirocini e contatti con imprese disponibili ad assumere, "
                    "anche con gli sgravi previsti per chi assume persone detenute. Un volontario resta un punto "
                    "di riferimento nei primi mesi di lavoro."
                ),
                "audience": "Persone in esecuzione penale esterna o ex detenute.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["disabilita-inclusione", "apprendistato-tirocini"],
            },
            {
                "name": "Sportello documenti",
                "description": (
                    "Aiuto per rinnovare documenti d'identità, tessera sanitaria e codice fiscale e per "
                    "registrarsi ai servizi online. Senza documenti in regola non si può firmare un contratto."
                ),
                "audience": "Persone in difficoltà con documenti e servizi online.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["portali-lavoro"],
            },
        ],
    },
    {
        "name": "Centro di Ascolto Il Faro",
        "kind": AS,
        "description": (
            "Centro di ascolto gestito da volontari per persone e famiglie in difficoltà economica. "
            "Ascolta, aiuta con le pratiche più urgenti e indirizza ai servizi giusti, anche per il lavoro."
        ),
        "email": "ascolto@centroilfaro.example",
        "website": "https://centroilfaro.example/",
        "phone": "0187 733912",
        "location": {"name": "Centro di ascolto", "address_1": "Via Alfonso Lamarmora 3", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 10),
        "how_to_access": (
            "Presso il centro, su appuntamento: telefona il lunedì, il mercoledì o il venerdì mattina. "
            "In caso di urgenza si può passare senza appuntamento nelle stesse ore."
        ),
        "services": [
            {
                "name": "Ascolto e orientamento ai servizi",
                "description": (
                    "Primo ascolto e indirizzo ai servizi pubblici e del privato sociale per lavoro, casa e "
                    "sostegno economico. Il volontario prende i contatti con il servizio e fissa l'appuntamento "
                    "insieme a te."
                ),
                "audience": "Chiunque si trovi in difficoltà.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "stranieri"],
            },
            {
                "name": "Aiuto alla registrazione online",
                "description": (
                    "Volontari aiutano a ottenere lo SPID, a creare un indirizzo e-mail e a registrarsi sui "
                    "portali per il lavoro e per le prestazioni sociali. Si usa il tuo telefono, così poi sai "
                    "farlo da solo."
                ),
                "audience": "Chi ha poca dimestichezza con internet.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["portali-lavoro", "over-50"],
            },
        ],
    },
    # --- trade associations ---
    {
        "name": "Associazione Imprese Artigiane Spezzine",
        "kind": TA,
        "description": (
            "Rappresenta le imprese artigiane della provincia e le assiste nelle assunzioni, nella formazione "
            "degli apprendisti e nell'avvio di nuove attività. Molte botteghe cercano giovani a cui insegnare "
            "il mestiere."
        ),
        "email": "info@artigiani-spezzini.example",
        "website": "https://artigiani-spezzini.example/",
        "phone": "0187 518820",
        "location": {"name": "Sede provinciale", "address_1": "Via Fontevivo 19", "postal_code": "19125",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 4),
        "how_to_access": (
            "Presso la sede provinciale, su appuntamento: telefona o scrivi a info@artigiani-spezzini.example "
            "indicando il mestiere che ti interessa."
        ),
        "services": [
            {
                "name": "Apprendistato nelle botteghe artigiane",
                "description": (
                    "Incontro tra giovani e imprese artigiane che cercano apprendisti: elettricisti, "
                    "idraulici, meccanici, acconciatori. L'associazione segue la parte burocratica del contratto "
                    "e la formazione obbligatoria."
                ),
                "audience": "Giovani dai 15 ai 29 anni.",
                "eligibility": "Età tra 15 e 29 anni.",
                "cost": "Gratuito per i candidati",
                "topics": ["apprendistato-tirocini", "giovani-neet"],
            },
            {
                "name": "Avvio di impresa artigiana",
                "description": (
                    "Consulenza su requisiti professionali, iscrizione all'albo delle imprese artigiane, "
                    "contabilità e agevolazioni per le nuove imprese. Il primo incontro serve a verificare se "
                    "l'idea sta in piedi."
                ),
                "audience": "Aspiranti artigiani, anche lavoratori dipendenti che vogliono mettersi in proprio.",
                "eligibility": "",
                "cost": "Primo incontro gratuito",
                "topics": ["autoimpiego"],
            },
            {
                "name": "Corsi abilitanti per i mestieri regolamentati",
                "description": (
                    "Informazioni sui corsi di formazione obbligatori per esercitare alcuni mestieri, come "
                    "acconciatore, estetista o installatore di impianti. Ti indichiamo gli enti accreditati e i "
                    "corsi finanziati disponibili."
                ),
                "audience": "Chi vuole esercitare un mestiere che richiede un'abilitazione.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["corsi-formazione", "autoimpiego"],
            },
        ],
    },
    {
        "name": "Associazione Commercianti e Operatori Turistici del Golfo",
        "kind": TA,
        "description": (
            "Associazione delle imprese del commercio, del turismo e dei servizi della provincia. "
            "Raccoglie ogni anno le richieste di personale di alberghi, ristoranti e negozi per la stagione."
        ),
        "email": "lavoro@commercio-turismo-golfo.example",
        "website": "https://commercio-turismo-golfo.example/",
        "phone": "0187 596600",
        "location": {"name": "Sede", "address_1": "Via Vittorio Veneto 173", "postal_code": "19124",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 26),
        "how_to_access": (
            "Presso la sede, su appuntamento: invia il curriculum a lavoro@commercio-turismo-golfo.example e "
            "indica il periodo in cui sei disponibile."
        ),
        "services": [
            {
                "name": "Selezione per la stagione turistica",
                "description": (
                    "Raccolta delle candidature per alberghi, bar, ristoranti e stabilimenti balneari della "
                    "riviera, con colloqui di gruppo a marzo e aprile. I profili più richiesti sono camerieri, "
                    "cuochi, receptionist e bagnini."
                ),
                "audience": "Chi cerca lavoro stagionale, anche studenti maggiorenni.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["cv-colloquio", "giovani-neet"],
            },
            {
                "name": "Corso abilitante per la somministrazione di alimenti",
                "description": (
                    "Corso obbligatorio per aprire un bar, un ristorante o un negozio di alimentari, con esame "
                    "finale riconosciuto dalla Regione. Vale anche come requisito per fare il preposto in "
                    "un'attività già avviata."
                ),
                "audience": "Aspiranti esercenti e lavoratori del settore.",
                "eligibility": "Maggiore età.",
                "cost": "390 euro",
                "topics": ["autoimpiego", "corsi-formazione"],
            },
        ],
    },
    {
        "name": "Associazione Industrie del Levante Ligure",
        "kind": TA,
        "description": (
            "Associazione delle imprese industriali del territorio: metalmeccanica, nautica, logistica ed "
            "energia. Promuove il dialogo tra scuole, enti di formazione e aziende per ridurre la distanza "
            "tra le competenze cercate e quelle disponibili."
        ),
        "email": "education@industrie-levante.example",
        "website": "https://industrie-levante.example/",
        "phone": "0187 725401",
        "location": {"name": "Sede", "address_1": "Via Don Giovanni Minzoni 2", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 9, 22),
        "how_to_access": (
            "Presso la sede, su appuntamento: scrivi all'ufficio education. Gli incontri di orientamento "
            "di gruppo sono pubblicati sul sito."
        ),
        "services": [
            {
                "name": "Tirocini nelle imprese industriali",
                "description": (
                    "Collega scuole, enti di formazione e imprese per tirocini curricolari ed extracurricolari "
                    "nei reparti produttivi e tecnici. Le aziende associate offrono ogni anno più di cento "
                    "posti."
                ),
                "audience": "Studenti, neodiplomati e neolaureati.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["apprendistato-tirocini", "giovani-neet"],
            },
            {
                "name": "Le professioni dell'industria",
                "description": (
                    "Incontri di orientamento con tecnici e responsabili del personale sui mestieri più "
                    "richiesti dalle imprese del territorio, dal saldatore al progettista. Si possono visitare "
                    "alcuni stabilimenti."
                ),
                "audience": "Giovani e adulti che stanno scegliendo un percorso.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "corsi-formazione"],
            },
        ],
    },
    {
        "name": "Associazione Agricoltori Liguri di Levante",
        "kind": TA,
        "description": (
            "Organizzazione professionale agricola che assiste le aziende agricole della provincia e i giovani "
            "che vogliono insediarsi. Ha uffici di zona e conosce bene i bisogni di manodopera stagionale."
        ),
        "email": "info@agricoltori-levante.example",
        "website": "https://agricoltori-levante.example/",
        "phone": "0187 934455",
        "location": {"name": "Ufficio di zona", "address_1": "Via Aurelia Nord 36", "postal_code": "19021",
                     "city": "Arcola"},
        "last_reviewed_at": _at(2026, 10, 1),
        "how_to_access": (
            "Presso l'ufficio di zona di Arcola, su appuntamento: telefona dal lunedì al venerdì mattina."
        ),
        "services": [
            {
                "name": "Giovani in agricoltura",
                "description": (
                    "Consulenza per l'insediamento dei giovani agricoltori: piano aziendale, terreni disponibili "
                    "e domande di contributo regionali. Ti mettiamo in contatto con chi ha già avviato "
                    "un'azienda in zona."
                ),
                "audience": "Under 41 che vogliono avviare un'azienda agricola.",
                "eligibility": "Età inferiore a 41 anni per i contributi al primo insediamento.",
                "cost": "Gratuito",
                "topics": ["autoimpiego", "giovani-neet"],
            },
            {
                "name": "Lavoro stagionale in agricoltura",
                "description": (
                    "Raccolta delle disponibilità per vendemmia, raccolta delle olive e lavori nei vivai, con "
                    "informazioni sul contratto agricolo e sulla paga oraria. Spieghiamo come riconoscere "
                    "un'offerta regolare."
                ),
                "audience": "Lavoratori e lavoratrici, anche stranieri.",
                "eligibility": "Permesso di soggiorno valido per lavoro, per i cittadini non comunitari.",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro", "stranieri"],
            },
        ],
    },
    {
        "name": "Associazione Cooperative del Golfo",
        "kind": TA,
        "description": (
            "Associazione di rappresentanza delle cooperative della provincia, dai servizi sociali alla "
            "logistica. Aiuta a costituire nuove cooperative, anche quando i lavoratori rilevano l'azienda "
            "in crisi in cui lavorano."
        ),
        "email": "info@cooperative-golfo.example",
        "website": "https://cooperative-golfo.example/",
        "phone": "0187 507712",
        "location": {"name": "Sede", "address_1": "Via Lunigiana 2", "postal_code": "19125",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 18),
        "how_to_access": (
            "Presso la sede, su appuntamento: telefona o scrivi a info@cooperative-golfo.example con una breve "
            "descrizione del progetto."
        ),
        "services": [
            {
                "name": "Fare impresa in cooperativa",
                "description": (
                    "Accompagnamento dei gruppi che vogliono costituire una cooperativa: statuto, piano "
                    "d'impresa, capitale iniziale e finanziamenti. Il servizio segue anche i lavoratori di "
                    "un'azienda in crisi che vogliono rilevarla."
                ),
                "audience": "Gruppi di almeno tre persone.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["autoimpiego"],
            },
            {
                "name": "Lavorare nelle cooperative sociali",
                "description": (
                    "Informazioni sulle opportunità di lavoro nelle cooperative sociali della provincia, dai "
                    "servizi educativi all'assistenza domiciliare. Raccogliamo i curriculum e li giriamo alle "
                    "cooperative che cercano personale."
                ),
                "audience": "Chi cerca lavoro nei servizi alla persona.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["orientamento", "cv-colloquio"],
            },
        ],
    },
    {
        "name": "Associazione Professionisti Spezzini",
        "kind": TA,
        "description": (
            "Associazione dei liberi professionisti e dei lavoratori autonomi con partita IVA della provincia. "
            "Offre a chi comincia informazioni pratiche su fisco, previdenza e tutele."
        ),
        "email": "segreteria@professionisti-spezzini.example",
        "website": "https://professionisti-spezzini.example/",
        "phone": "0187 770025",
        "location": {"name": "Sede", "address_1": "Corso Cavour 88", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 2),
        "how_to_access": (
            "Presso la sede, su appuntamento: scrivi alla segreteria. Gli incontri informativi di gruppo si "
            "tengono il primo giovedì del mese."
        ),
        "services": [
            {
                "name": "Aprire la partita IVA",
                "description": (
                    "Incontro informativo su regime forfettario, contributi previdenziali, fatturazione "
                    "elettronica e scadenze del primo anno. Si esce con una stima delle tasse e dei contributi "
                    "da mettere da parte."
                ),
                "audience": "Chi vuole lavorare in proprio.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["autoimpiego"],
            },
            {
                "name": "Tutele dei lavoratori autonomi",
                "description": (
                    "Consulenza su indennità, malattia, maternità e contratti di collaborazione. Aiuta a "
                    "capire quando un incarico da autonomo nasconde in realtà un rapporto di lavoro dipendente."
                ),
                "audience": "Lavoratori autonomi e collaboratori.",
                "eligibility": "",
                "cost": "Gratuito per i soci, 30 euro per i non soci",
                "topics": ["diritti-lavoro", "autoimpiego"],
            },
        ],
    },
    # --- unions ---
    {
        "name": "Sindacato Autonomo Lavoratori del Golfo",
        "kind": UN,
        "description": (
            "Sindacato intercategoriale con sportelli di tutela individuale per lavoratori, disoccupati e "
            "pensionati. Assiste nelle vertenze, controlla buste paga e contratti e aiuta con le domande di "
            "disoccupazione."
        ),
        "email": "sportello@salg.example",
        "website": "https://salg.example/",
        "phone": "0187 753300",
        "location": {"name": "Sede provinciale", "address_1": "Via Bologna 80", "postal_code": "19124",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 6),
        "how_to_access": (
            "Presso la sede provinciale, su appuntamento: telefona o scrivi a sportello@salg.example. "
            "Porta le ultime buste paga e il contratto, se li hai."
        ),
        "services": [
            {
                "name": "Vertenze e controllo della busta paga",
                "description": (
                    "Verifica di buste paga, TFR, ferie e contratti; assistenza nelle controversie con il datore "
                    "di lavoro, anche dopo un licenziamento. Il primo controllo è sempre gratuito."
                ),
                "audience": "Lavoratori e lavoratrici di ogni settore.",
                "eligibility": "",
                "cost": "Gratuito per gli iscritti; primo controllo gratuito per tutti",
                "topics": ["diritti-lavoro"],
            },
            {
                "name": "Domanda di NASpI",
                "description": (
                    "Aiuto per la domanda di indennità di disoccupazione e per gli adempimenti successivi, "
                    "compresa la comunicazione dei redditi. La domanda va presentata entro 68 giorni dalla fine "
                    "del rapporto di lavoro."
                ),
                "audience": "Chi ha perso il lavoro.",
                "eligibility": "Almeno 13 settimane di contributi negli ultimi quattro anni.",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro", "portali-lavoro"],
            },
        ],
    },
    {
        "name": "Sindacato Unitario Lavoratori Spezzini",
        "kind": UN,
        "description": (
            "Sindacato dei lavoratori dipendenti con ufficio vertenze, patronato e uno sportello per i giovani. "
            "Ha una lunga esperienza nei settori del commercio, dei servizi e della pubblica amministrazione."
        ),
        "email": "info@sindacato-unitario-sp.example",
        "website": "https://sindacato-unitario-sp.example/",
        "phone": "0187 284400",
        "location": {"name": "Sede", "address_1": "Via Francesco Crispi 16", "postal_code": "19124",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 24),
        "how_to_access": (
            "Presso la sede, su appuntamento: telefona al centralino e chiedi dello sportello che ti interessa."
        ),
        "services": [
            {
                "name": "Sportello giovani e primo lavoro",
                "description": (
                    "Come leggere un contratto, cosa prevedono tirocini, apprendistato e lavoro tramite agenzia, "
                    "quanto si deve guadagnare: i tuoi diritti spiegati in modo semplice. Puoi portare un "
                    "contratto da firmare e farlo controllare."
                ),
                "audience": "Giovani lavoratori e lavoratrici.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro", "giovani-neet"],
            },
            {
                "name": "Patronato: pratiche previdenziali",
                "description": (
                    "Pratiche INPS per assegni familiari, disoccupazione agricola, invalidità e pensioni. "
                    "Il patronato segue anche le pratiche dei lavoratori stranieri per il riconoscimento "
                    "dei periodi di lavoro svolti all'estero."
                ),
                "audience": "Lavoratori, pensionati e loro familiari.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro", "stranieri"],
            },
            {
                "name": "Riconoscimento delle qualifiche professionali estere",
                "description": (
                    "Assistenza nelle domande di riconoscimento delle qualifiche professionali ottenute "
                    "all'estero, per esempio per infermieri, insegnanti e tecnici. Ti aiutiamo a raccogliere i "
                    "documenti e a seguire la pratica presso il ministero competente."
                ),
                "audience": "Lavoratori con qualifiche professionali estere.",
                "eligibility": "",
                "cost": "Gratuito per gli iscritti",
                "topics": ["riconoscimento-titoli", "stranieri"],
            },
        ],
    },
    {
        "name": "Federazione Lavoratori del Mare e dei Porti",
        "kind": UN,
        "description": (
            "Sindacato di categoria per i lavoratori marittimi, portuali e della cantieristica navale. "
            "Conosce contratti e regole di un settore importante per l'economia del golfo."
        ),
        "email": "segreteria@flmp.example",
        "website": "https://flmp.example/",
        "phone": "0187 517600",
        "location": {"name": "Sede", "address_1": "Viale Italia 5", "postal_code": "19121", "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 9, 24),
        "how_to_access": (
            "Presso la sede, su appuntamento: telefona o scrivi; per i lavoratori a turni sono possibili "
            "appuntamenti il sabato mattina."
        ),
        "services": [
            {
                "name": "Lavorare nel porto e sulle navi",
                "description": (
                    "Informazioni sui contratti portuali e marittimi, sull'iscrizione nelle matricole della gente "
                    "di mare e sulla sicurezza a bordo. Ti spieghiamo come funzionano le chiamate per il lavoro "
                    "portuale."
                ),
                "audience": "Chi vuole lavorare nel porto o imbarcarsi.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro", "orientamento"],
            },
            {
                "name": "Tutela dei lavoratori degli appalti navali",
                "description": (
                    "Assistenza ai lavoratori delle ditte in appalto e subappalto nei cantieri navali, spesso "
                    "stranieri, su paga, orari e sicurezza. Lo sportello ha operatori che parlano inglese, "
                    "bengalese e romeno."
                ),
                "audience": "Lavoratori della cantieristica navale.",
                "eligibility": "",
                "cost": "Gratuito per gli iscritti",
                "topics": ["diritti-lavoro", "stranieri"],
            },
        ],
    },
    {
        "name": "Sindacato Lavoratori Atipici e Precari",
        "kind": UN,
        "description": (
            "Sindacato dei lavoratori con contratti a termine, in somministrazione, a chiamata e delle "
            "piattaforme digitali. Difende chi lavora senza un contratto stabile e aiuta a far valere i propri "
            "diritti."
        ),
        "email": "aiuto@slap-sp.example",
        "website": "https://slap-sp.example/",
        "phone": "0187 701122",
        "location": {"name": "Sede", "address_1": "Via Milano 42", "postal_code": "19126", "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 11, 16),
        "how_to_access": (
            "Presso la sede, su appuntamento anche in orario serale: scrivi a aiuto@slap-sp.example o telefona."
        ),
        "services": [
            {
                "name": "Sportello precari",
                "description": (
                    "Consulenza su contratti a termine, collaborazioni, lavoro tramite agenzia e piattaforme "
                    "digitali di consegna. Verifichiamo se hai diritto alla stabilizzazione o a differenze di "
                    "paga."
                ),
                "audience": "Lavoratori con contratti non standard.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro"],
            },
            {
                "name": "Incontri sui diritti per lavoratori stranieri",
                "description": (
                    "Incontri in più lingue su contratto, orari, sicurezza e su come difendersi dallo "
                    "sfruttamento e dal lavoro nero. Alla fine di ogni incontro si può chiedere un colloquio "
                    "individuale con un mediatore."
                ),
                "audience": "Lavoratori stranieri, anche con poca conoscenza dell'italiano.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["diritti-lavoro", "stranieri", "lingua-italiana"],
            },
        ],
    },
    {
        "name": "Sindacato Lavoratori Senior del Levante",
        "kind": UN,
        "description": (
            "Tutela i lavoratori anziani e i pensionati, con particolare attenzione a chi perde il lavoro "
            "pochi anni prima della pensione. Aiuta a orientarsi tra ammortizzatori sociali, contributi e "
            "possibilità di ricollocazione."
        ),
        "email": "info@senior-levante.example",
        "website": "https://senior-levante.example/",
        "phone": "0187 735510",
        "location": {"name": "Sede", "address_1": "Via del Prione 120", "postal_code": "19121",
                     "city": "La Spezia"},
        "last_reviewed_at": _at(2026, 10, 12),
        "how_to_access": (
            "Presso la sede, su appuntamento: telefona dal lunedì al giovedì. Porta l'estratto contributivo, "
            "se l'hai già scaricato."
        ),
        "services": [
            {
                "name": "Over 50 senza lavoro: che fare",
                "description": (
                    "Consulenza su ammortizzatori sociali, contributi mancanti e opportunità di ricollocazione, "
                    "compresi i corsi di formazione finanziati per gli over 50. Ogni caso è esaminato con "
                    "calma, anche in più incontri."
                ),
                "audience": "Lavoratori over 50 disoccupati.",
                "eligibility": "",
                "cost": "Gratuito",
                "topics": ["over-50", "diritti-lavoro"],
            },
            {
                "name": "Verifica dei contributi e della data di pensione",
                "description": (
                    "Controllo dell'estratto conto contributivo, ricerca dei periodi mancanti e calcolo della "
                    "data di pensione. Serve a decidere con più sicurezza se accettare un nuovo lavoro o una "
                    "proposta di uscita."
                ),
                "audience": "Lavoratori dai 55 anni.",
                "eligibility": "",
                "cost": "Gratuito per gli iscritti, 25 euro per i non iscritti",
                "topics": ["over-50", "diritti-lavoro"],
            },
        ],
    },
]


def _load_taxonomy(desk: Desk) -> dict[str, TaxonomyTerm]:
    terms: dict[str, TaxonomyTerm] = {}
    for position, term in enumerate(TAXONOMY, start=1):
        terms[term["code"]], _ = TaxonomyTerm.objects.update_or_create(
            desk=desk,
            code=term["code"],
            defaults={"name": term["name"], "description": term["description"], "position": position * 10},
        )
    return terms


def _load_member(desk: Desk, member: dict[str, Any], terms: dict[str, TaxonomyTerm]) -> None:
    slug = slugify(member["name"])[:80].strip("-")
    organization, _ = Organization.objects.update_or_create(
        desk=desk,
        slug=slug,
        defaults={
            "name": member["name"],
            "kind": member["kind"],
            "description": member["description"],
            "email": member["email"],
            "website": member["website"],
            "phone": member["phone"],
            "is_active": True,
            "last_reviewed_at": member["last_reviewed_at"],
        },
    )
    location, _ = Location.objects.update_or_create(
        id=uuid.uuid5(NAMESPACE, f"{desk.slug}/{slug}/location/1"),
        defaults={"organization": organization, "state_province": "SP", "country": "IT", **member["location"]},
    )
    for item in member["services"]:
        service, _ = Service.objects.update_or_create(
            organization=organization,
            slug=slugify(item["name"])[:80].strip("-"),
            defaults={
                "name": item["name"],
                "description": item["description"],
                "audience": item["audience"],
                "eligibility": item["eligibility"],
                "cost": item["cost"],
                "how_to_access": item.get("how_to_access", member["how_to_access"]),
                "is_active": True,
                "last_reviewed_at": member["last_reviewed_at"],
            },
        )
        service.taxonomy_terms.set([terms[code] for code in item["topics"]])
        service.locations.set([location])


@transaction.atomic
def load(desk: Desk) -> None:
    """Idempotent: running it twice gives the same rows, no duplicates."""
    terms = _load_taxonomy(desk)
    for member in MEMBERS:
        _load_member(desk, member, terms)
    _load_extras(desk)


# --- Schedules, contacts, accessibility, languages, projects and training opportunities -------------------
# Generated from each member's own services, with dates relative to today so the demo never looks expired.

ACCESSIBILITY = [
    "Ingresso al piano terra senza gradini; bagno accessibile.",
    "Ascensore fino al primo piano; posti auto riservati davanti all'ingresso.",
    "Rampa all'ingresso laterale; sportello ribassato; su richiesta interprete LIS.",
]
WEEKLY = ["MO,WE", "TU,TH", "WE,FR", "MO,TH", "TU,FR"]
TRAINING_TERMS = {"corsi-formazione", "apprendistato-tirocini", "lingua-italiana"}


def _load_extras(desk: Desk) -> None:
    from .models import Contact, Project, Schedule, TrainingOpportunity

    today = timezone.localdate()
    organizations = (Organization.objects.filter(desk=desk).prefetch_related("services__taxonomy_terms", "locations")
                     .order_by("name"))
    for index, org in enumerate(organizations):
        Contact.objects.get_or_create(organization=org, name="Segreteria", defaults={
            "title": "Informazioni e appuntamenti", "email": org.email, "phone": org.phone})
        for location in org.locations.all():
            if not location.accessibility:
                location.accessibility = ACCESSIBILITY[index % len(ACCESSIBILITY)]
                location.save(update_fields=["accessibility"])
        services = list(org.services.all())
        for n, service in enumerate(services):
            Schedule.objects.get_or_create(service=service, defaults={
                "byday": WEEKLY[(index + n) % len(WEEKLY)], "opens_at": dt.time(9, 0), "closes_at": dt.time(12, 30),
                "description": "Su appuntamento"})
            codes = {t.code for t in service.taxonomy_terms.all()}
            languages = ["it"] + (["en", "fr", "ar"] if codes & {"stranieri", "lingua-italiana"} else [])
            if service.languages != languages:
                service.languages = languages
                service.save(update_fields=["languages"])
        training = [s for s in services if {t.code for t in s.taxonomy_terms.all()} & TRAINING_TERMS]
        for n, service in enumerate(training[:2]):
            starts = today + dt.timedelta(days=21 + 7 * ((index + n) % 6))
            course, created = TrainingOpportunity.objects.get_or_create(
                organization=org, slug=f"corso-{service.slug}"[:80], defaults={
                    "title": f"{service.name} – nuova edizione", "service": service, "description": service.description,
                    "starts_on": starts, "ends_on": starts + dt.timedelta(days=60 + 15 * n),
                    "application_deadline": starts - dt.timedelta(days=7),
                    "place": str(org.locations.first() or org.name), "cost": service.cost or "Gratuito",
                    "seats": 12 + 2 * ((index + n) % 5), "requirements": service.eligibility or "Nessuno",
                    "how_to_apply": f"Iscrizioni in segreteria, su appuntamento: {org.phone or org.email}.",
                    "last_reviewed_at": org.last_reviewed_at,
                })
            if created:
                course.taxonomy_terms.set(service.taxonomy_terms.all())
        if org.kind in (OrganizationKind.TRADE_ASSOCIATION, OrganizationKind.ASSOCIATION, OrganizationKind.UNION) \
                and services:
            startup = org.kind == OrganizationKind.TRADE_ASSOCIATION
            project, created = Project.objects.get_or_create(organization=org, slug="progetto-in-corso", defaults={
                "kind": Project.Kind.STARTUP if startup else Project.Kind.PROJECT,
                "title": f"Nuove imprese con {org.name}" if startup else f"{services[0].name} – progetto {today.year}",
                "description": ("Accompagnamento all'avvio d'impresa: idea, piano d'impresa, forme di "
                                "finanziamento e primi passi burocratici." if startup else services[0].description),
                "starts_on": today - dt.timedelta(days=90), "ends_on": today + dt.timedelta(days=270),
                "funded_by": "Regione Liguria – Fondo sociale europeo plus", "last_reviewed_at": org.last_reviewed_at,
            })
            if created:
                project.taxonomy_terms.set(services[0].taxonomy_terms.all())
