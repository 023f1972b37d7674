"""The demo "Rete per il lavoro" of La Spezia: 33 members with their services.

The two public bodies named in the 2018 article keep their names; every other member is fictional, and so are
all e-mail addresses (.example), phone numbers and people.
"""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from infolavoro.desks.models import Desk

from .models import Location, Organization, OrganizationKind, Service, TaxonomyTerm

NAMESPACE = uuid.UUID("6f1b6c2e-6a3e-4e55-9a51-2c0f3d1e7a10")
ROME = ZoneInfo("Europe/Rome")

TOPICS = [
    ("orientamento", "Orientamento", "Capire che lavoro cercare, quali servizi usare, da dove cominciare."),
    ("cv-colloquio", "CV e colloquio di lavoro", "Scrivere il curriculum, la lettera, prepararsi al colloquio."),
    ("portali-lavoro", "Registrazione ai portali per il lavoro",
     "Iscriversi alle piattaforme pubbliche e private per cercare lavoro."),
    ("corsi-formazione", "Corsi di formazione", "Corsi professionali, di aggiornamento e di qualifica."),
    ("apprendistato-tirocini", "Apprendistato e tirocini", "Imparare un mestiere lavorando, tirocini in azienda."),
    ("autoimpiego", "Lavoro autonomo e avvio d'impresa", "Aprire partita IVA, avviare un'impresa o una cooperativa."),
    ("diritti-lavoro", "Diritti del lavoro e contratti", "Contratti, buste paga, licenziamenti, disoccupazione."),
    ("riconoscimento-titoli", "Riconoscimento dei titoli di studio",
     "Far valere in Italia titoli e qualifiche ottenuti all'estero."),
    ("lingua-italiana", "Corsi di lingua italiana", "Imparare l'italiano per lavorare e vivere in Italia."),
    ("disabilita-inclusione", "Disabilità e inclusione lavorativa",
     "Collocamento mirato, accompagnamento e sostegno al lavoro."),
    ("giovani-neet", "Giovani e NEET", "Per chi ha meno di 30 anni e non studia né lavora."),
    ("over-50", "Ricollocazione over 50", "Tornare al lavoro dopo i 50 anni."),
    ("stranieri", "Cittadini stranieri", "Permessi, documenti e servizi per chi viene da un altro paese."),
]

TB = OrganizationKind.TRAINING_BODY
AS = OrganizationKind.ASSOCIATION
TA = OrganizationKind.TRADE_ASSOCIATION
UN = OrganizationKind.UNION
PB = OrganizationKind.PUBLIC_BODY

APPOINTMENT = "Presso la sede, su appuntamento: telefona o scrivi per fissarlo."

# name, kind, description, domain, phone, (street, postcode, city), reviewed on, services
# service: (name, description, who it is for, cost, topic codes)
MEMBERS: list[tuple] = [
    ("Centro per l'Impiego della Spezia – Regione Liguria", PB,
     "Il servizio pubblico per il lavoro della Regione Liguria: iscrizione come disoccupati, patto di servizio, "
     "offerte di lavoro del territorio e politiche attive.",
     "cpi-laspezia.example", "0187 510101", ("Via XX Settembre 64", "19121", "La Spezia"), (2026, 11, 10), [
         ("Dichiarazione di immediata disponibilità e patto di servizio",
          "Iscrizione allo stato di disoccupazione e definizione di un percorso personalizzato con un "
          "operatore: colloquio, profilazione e impegni reciproci.",
          "Persone disoccupate o a rischio di disoccupazione, residenti o domiciliate in Liguria.", "Gratuito",
          ["orientamento", "portali-lavoro"]),
         ("Incontro domanda e offerta",
          "Preselezione per le offerte di lavoro delle aziende del territorio e segnalazione dei candidati "
          "adatti ai datori di lavoro.", "Chi cerca lavoro ed è iscritto al Centro per l'Impiego.", "Gratuito",
          ["cv-colloquio", "portali-lavoro"]),
         ("Collocamento mirato",
          "Servizio dedicato all'inserimento lavorativo delle persone con disabilità e delle categorie protette "
          "(legge 68/1999).", "Persone iscritte alle liste del collocamento mirato.", "Gratuito",
          ["disabilita-inclusione"]),
     ]),
    ("Camera di Commercio Riviere di Liguria", PB,
     "Sostiene le imprese del territorio e chi vuole avviarne una: informazioni, registro imprese, "
     "orientamento al lavoro e alle professioni.",
     "rivlig-cciaa.example", "0187 728201", ("Piazza Europa 16", "19124", "La Spezia"), (2026, 10, 28), [
         ("Punto nuova impresa",
          "Primo orientamento per chi vuole mettersi in proprio: forme giuridiche, adempimenti, costi di avvio e "
          "finanziamenti disponibili.", "Aspiranti imprenditori e lavoratori autonomi.", "Gratuito",
          ["autoimpiego"]),
         ("Orientamento alle professioni e alle imprese che assumono",
          "Dati sui fabbisogni professionali delle imprese liguri (indagine Excelsior) per scegliere percorsi "
          "di formazione e lavoro.", "Studenti, giovani e adulti in cerca di lavoro.", "Gratuito",
          ["orientamento", "giovani-neet"]),
     ]),
    ("Servizi Sociali – Comune della Spezia", PB,
     "Sostegno alle persone e alle famiglie in difficoltà, con percorsi di inclusione sociale e lavorativa.",
     "servizisociali-sp.example", "0187 727310", ("Via Fontevivo 21", "19125", "La Spezia"), (2026, 11, 3), [
         ("Percorsi di inclusione lavorativa",
          "Tirocini di inclusione e accompagnamento al lavoro per persone seguite dai servizi sociali, in "
          "collaborazione con imprese e cooperative.", "Persone in carico ai servizi sociali.", "Gratuito",
          ["disabilita-inclusione", "apprendistato-tirocini"]),
         ("Segretariato sociale",
          "Informazioni su contributi, assegno di inclusione e servizi del territorio per chi ha perso il "
          "lavoro.", "Tutti i residenti.", "Gratuito", ["diritti-lavoro", "orientamento"]),
     ]),
    ("Informagiovani della Spezia", PB,
     "Lo sportello per i giovani: lavoro, studio, volontariato, mobilità in Europa e tempo libero.",
     "informagiovani-sp.example", "0187 727440", ("Via del Torretto 1", "19121", "La Spezia"), (2026, 11, 12), [
         ("Bacheca del lavoro e aiuto al CV",
          "Offerte di lavoro stagionale e non, consulenza per il curriculum e la lettera di presentazione.",
          "Giovani dai 16 ai 35 anni.", "Gratuito", ["cv-colloquio", "giovani-neet"]),
         ("Lavorare e studiare all'estero",
          "Informazioni su Erasmus+, Corpo europeo di solidarietà, EURES e lavoro alla pari.",
          "Giovani dai 18 ai 30 anni.", "Gratuito", ["giovani-neet", "orientamento"]),
         ("Garanzia Giovani: primo passo",
          "Aiuto all'adesione al programma Garanzia Giovani e alla registrazione sui portali dedicati.",
          "Giovani NEET tra 15 e 29 anni.", "Gratuito", ["portali-lavoro", "giovani-neet"]),
     ]),
    ("CPIA della Spezia – Centro provinciale istruzione adulti", PB,
     "Scuola pubblica per adulti: licenza media, corsi di lingua italiana per stranieri, percorsi di "
     "alfabetizzazione.", "cpia-sp.example", "0187 500872", ("Via Carducci 34", "19126", "La Spezia"),
     (2026, 9, 30), [
         ("Corsi di italiano per stranieri (A1–B1)",
          "Corsi di lingua italiana con certificazione finale, validi per il permesso di soggiorno di lungo "
          "periodo.", "Cittadini stranieri dai 16 anni.", "Gratuito", ["lingua-italiana", "stranieri"]),
         ("Licenza media per adulti",
          "Percorso per ottenere il diploma di scuola secondaria di primo grado, anche serale.",
          "Adulti senza licenza media.", "Gratuito", ["corsi-formazione", "over-50"]),
     ]),
    # --- training bodies ---
    ("Ente Formazione Golfo dei Poeti", TB,
     "Ente accreditato dalla Regione Liguria per la formazione professionale: corsi di qualifica nei settori "
     "turismo, logistica portuale e nautica.", "formazione-golfo.example", "0187 563210",
     ("Via Valdilocchi 12", "19136", "La Spezia"), (2026, 11, 5), [
         ("Corso di qualifica per operatore della logistica portuale",
          "600 ore tra aula e stage nelle aziende del porto: movimentazione merci, sicurezza, uso di mezzi di "
          "sollevamento.", "Disoccupati dai 18 anni con licenza media.", "Gratuito (finanziato dal FSE+)",
          ["corsi-formazione", "apprendistato-tirocini"]),
         ("Corsi di formazione per il turismo",
          "Corsi brevi di accoglienza, sala e bar, con stage nelle strutture delle Cinque Terre.",
          "Giovani e adulti in cerca di lavoro stagionale.", "Gratuito", ["corsi-formazione", "giovani-neet"]),
         ("Bilancio di competenze",
          "Un percorso individuale per riconoscere le competenze acquisite e definire un progetto "
          "professionale.", "Adulti che vogliono cambiare lavoro o rientrare.", "Gratuito",
          ["orientamento", "over-50"]),
     ]),
    ("Scuola Edile Spezzina", TB,
     "La scuola dell'edilizia della provincia: formazione e sicurezza per chi lavora o vuole lavorare nei "
     "cantieri.", "scuolaedile-sp.example", "0187 986540", ("Via Privata Oto 8", "19136", "La Spezia"),
     (2026, 10, 20), [
         ("Corso base per operaio edile",
          "Tecniche di muratura, lettura del disegno e sicurezza in cantiere, con inserimento nelle imprese "
          "iscritte alla Cassa Edile.", "Disoccupati dai 18 anni.", "Gratuito",
          ["corsi-formazione", "apprendistato-tirocini"]),
         ("Formazione obbligatoria sulla sicurezza",
          "Corsi di 16 ore e aggiornamenti per lavoratori dell'edilizia, con attestato.",
          "Lavoratori e lavoratori in cerca di occupazione nel settore.", "Gratuito per i lavoratori iscritti",
          ["corsi-formazione", "diritti-lavoro"]),
     ]),
    ("Accademia Nautica del Levante", TB,
     "Formazione per i mestieri del mare e della cantieristica da diporto, con laboratori attrezzati.",
     "accademia-nautica.example", "0187 601245", ("Viale San Bartolomeo 400", "19126", "La Spezia"),
     (2026, 11, 1), [
         ("Tecnico della cantieristica da diporto",
          "Corso di specializzazione con 300 ore di stage nei cantieri del golfo: vetroresina, impianti, "
          "allestimento.", "Giovani e adulti con diploma o qualifica.", "Gratuito",
          ["corsi-formazione", "apprendistato-tirocini"]),
         ("Certificati per la gente di mare",
          "Corsi per i certificati di base richiesti per imbarcarsi (sicurezza, primo soccorso, antincendio).",
          "Aspiranti marittimi.", "Quota di iscrizione ridotta per i disoccupati", ["corsi-formazione"]),
     ]),
    ("Centro Studi Lunigiana Lavoro", TB,
     "Centro di formazione professionale a Sarzana: informatica, amministrazione e servizi alla persona.",
     "cslunigiana.example", "0187 620418", ("Via Variante Aurelia 64", "19038", "Sarzana"), (2026, 10, 15), [
         ("Competenze digitali per il lavoro",
          "Corso di informatica di base e avanzata: posta elettronica, fogli di calcolo, SPID e servizi online.",
          "Adulti, anche over 50, che vogliono aggiornarsi.", "Gratuito", ["corsi-formazione", "over-50"]),
         ("Operatore socio-sanitario (OSS)",
          "Corso di qualifica regionale di 1000 ore con tirocinio in strutture sanitarie e residenze.",
          "Maggiorenni con licenza media, selezione all'ingresso.", "Gratuito (FSE+)",
          ["corsi-formazione", "apprendistato-tirocini"]),
     ]),
    ("Istituto di Formazione Tecnica Val di Magra", TB,
     "Percorsi di istruzione e formazione tecnica superiore per meccatronica e impiantistica.",
     "ifts-valdimagra.example", "0187 694512", ("Via Falcinello 2", "19038", "Sarzana"), (2026, 9, 25), [
         ("Tecnico superiore di meccatronica",
          "Percorso biennale post diploma con metà delle ore in azienda, in collaborazione con le imprese "
          "metalmeccaniche del territorio.", "Diplomati under 30.", "Gratuito",
          ["corsi-formazione", "giovani-neet"]),
         ("Apprendistato di alta formazione",
          "Accompagnamento delle imprese e dei giovani nei contratti di apprendistato con titolo di studio.",
          "Giovani dai 18 ai 29 anni.", "Gratuito", ["apprendistato-tirocini"]),
     ]),
    ("Formazione Servizi Riviera", TB,
     "Agenzia formativa specializzata in ristorazione, pasticceria e servizi di accoglienza.",
     "fsriviera.example", "0187 734420", ("Via Fiume 138", "19122", "La Spezia"), (2026, 11, 8), [
         ("Corso di aiuto cuoco",
          "Laboratorio di cucina di 400 ore con stage in ristoranti della riviera e attestato HACCP.",
          "Disoccupati maggiorenni.", "Gratuito", ["corsi-formazione"]),
         ("Laboratorio di pasticceria per giovani",
          "Percorso pratico per ragazzi che hanno lasciato la scuola, con tirocinio finale.",
          "Giovani dai 16 ai 24 anni.", "Gratuito", ["giovani-neet", "apprendistato-tirocini"]),
     ]),
    ("Agenzia Formativa Mare e Terra", TB,
     "Corsi di formazione per l'agricoltura, la manutenzione del verde e la cura del territorio.",
     "mareterra-formazione.example", "0187 988130", ("Via Provinciale 55", "19020", "Follo"), (2026, 7, 14), [
         ("Manutentore del verde",
          "Corso abilitante di 180 ore per lavorare in imprese di giardinaggio e manutenzione del verde.",
          "Adulti in cerca di lavoro.", "Gratuito per disoccupati", ["corsi-formazione", "over-50"]),
         ("Agricoltura sociale: tirocini",
          "Tirocini nelle aziende agricole della val di Vara per persone in percorsi di inclusione.",
          "Persone segnalate dai servizi.", "Gratuito", ["apprendistato-tirocini", "disabilita-inclusione"]),
     ]),
    ("Scuola di Lingue Porta Ligure", TB,
     "Scuola di lingue con corsi di italiano per stranieri e di lingue straniere per il lavoro.",
     "portaligure-lingue.example", "0187 771980", ("Via Chiodo 29", "19121", "La Spezia"), (2026, 10, 30), [
         ("Italiano per il lavoro (livello B1–B2)",
          "Lessico e comunicazione per i colloqui e i luoghi di lavoro, preparazione alle certificazioni.",
          "Cittadini stranieri con italiano di base.", "Gratuito per iscritti al Centro per l'Impiego",
          ["lingua-italiana", "stranieri"]),
         ("Inglese per il turismo",
          "Corso di 60 ore orientato all'accoglienza e alla ristorazione.", "Chi lavora o vuole lavorare nel "
          "turismo.", "80 euro", ["corsi-formazione"]),
     ]),
    ("Consorzio Formazione Spezia Impresa", TB,
     "Consorzio di enti e imprese che progetta corsi su misura per i fabbisogni delle aziende locali.",
     "cfsi.example", "0187 530612", ("Via del Molo 1", "19126", "La Spezia"), (2026, 11, 2), [
         ("Corsi su commessa con assunzione",
          "Corsi di formazione progettati con le imprese che si impegnano ad assumere parte dei partecipanti.",
          "Disoccupati iscritti al Centro per l'Impiego.", "Gratuito", ["corsi-formazione"]),
         ("Riqualificazione per lavoratori over 50",
          "Percorsi brevi per aggiornare le competenze di chi ha perso il lavoro dopo i 50 anni.",
          "Lavoratori over 50 in cerca di occupazione.", "Gratuito", ["over-50", "corsi-formazione"]),
     ]),
    # --- associations ---
    ("Cooperativa Sociale Il Ponte", AS,
     "Cooperativa sociale di tipo B che inserisce al lavoro persone svantaggiate nei servizi di pulizia, "
     "manutenzione e logistica.", "coop-ilponte.example", "0187 712233", ("Via Sarzana 220", "19126",
                                                                          "La Spezia"), (2026, 10, 22), [
         ("Inserimento lavorativo protetto",
          "Assunzioni e tirocini con un tutor dedicato per persone con disabilità o in condizione di "
          "svantaggio.", "Persone svantaggiate ai sensi della legge 381/1991.", "Gratuito",
          ["disabilita-inclusione", "apprendistato-tirocini"]),
         ("Orientamento e accompagnamento",
          "Colloqui individuali per costruire un progetto di lavoro realistico.", "Persone fragili e "
          "disoccupati di lunga durata.", "Gratuito", ["orientamento"]),
     ]),
    ("Associazione Lavoro Solidale Spezzino", AS,
     "Volontari ex professionisti e ex manager che accompagnano chi cerca lavoro con mentoring e gruppi di "
     "ricerca attiva.", "lavorosolidale.example", "0187 254871", ("Via Galilei 18", "19121", "La Spezia"),
     (2026, 6, 20), [
         ("Mentoring per la ricerca di lavoro",
          "Un volontario ti segue per tre mesi: obiettivi, candidature, preparazione ai colloqui.",
          "Adulti in cerca di lavoro, in particolare over 50.", "Gratuito", ["over-50", "cv-colloquio"]),
         ("Club della ricerca attiva",
          "Incontri settimanali di gruppo per scambiarsi contatti, offerte e strategie.",
          "Chiunque cerchi lavoro.", "Gratuito", ["orientamento", "cv-colloquio"]),
     ]),
    ("Casa dei Popoli del Golfo", AS,
     "Associazione di accoglienza e mediazione culturale per cittadini stranieri e richiedenti protezione.",
     "casadeipopoli.example", "0187 284590", ("Via Lunigiana 90", "19125", "La Spezia"), (2026, 11, 11), [
         ("Sportello stranieri e lavoro",
          "Informazioni su permesso di soggiorno, conversione per lavoro, contratti e diritti dei lavoratori "
          "stranieri.", "Cittadini stranieri.", "Gratuito", ["stranieri", "diritti-lavoro"]),
         ("Riconoscimento dei titoli esteri",
          "Aiuto a preparare la domanda di equipollenza o dichiarazione di valore dei titoli di studio e "
          "professionali.", "Cittadini con titoli conseguiti all'estero.", "Gratuito",
          ["riconoscimento-titoli", "stranieri"]),
         ("Mediazione linguistica ai colloqui",
          "Un mediatore accompagna ai servizi per il lavoro chi non parla ancora bene l'italiano.",
          "Cittadini stranieri.", "Gratuito", ["lingua-italiana", "stranieri"]),
     ]),
    ("Associazione Donne e Lavoro La Spezia", AS,
     "Rete di donne che sostiene l'occupazione femminile, il rientro dopo la maternità e l'imprenditoria.",
     "donnelavoro-sp.example", "0187 219904", ("Via Manin 44", "19122", "La Spezia"), (2026, 10, 5), [
         ("Rientro al lavoro dopo la maternità",
          "Percorso di gruppo e colloqui individuali su conciliazione, part-time e diritti delle lavoratrici.",
          "Donne che vogliono rientrare al lavoro.", "Gratuito", ["diritti-lavoro", "orientamento"]),
         ("Impresa al femminile",
          "Laboratorio per trasformare un'idea in impresa, con i finanziamenti dedicati alle donne.",
          "Donne aspiranti imprenditrici.", "Gratuito", ["autoimpiego"]),
     ]),
    ("Associazione Oltre il Limite", AS,
     "Associazione di famiglie e persone con disabilità per l'autonomia e il lavoro.",
     "oltreillimite.example", "0187 500331", ("Via Veneto 120", "19124", "La Spezia"), (2026, 9, 18), [
         ("Sportello lavoro e disabilità",
          "Consulenza su collocamento mirato, agevolazioni per le imprese, adattamenti del posto di lavoro.",
          "Persone con disabilità e loro famiglie.", "Gratuito", ["disabilita-inclusione", "diritti-lavoro"]),
         ("Laboratori di autonomia",
          "Laboratori pratici per sviluppare competenze utili al lavoro e alla vita indipendente.",
          "Giovani con disabilità intellettiva.", "Gratuito", ["disabilita-inclusione", "giovani-neet"]),
     ]),
    ("Giovani al Centro APS", AS,
     "Associazione di promozione sociale che lavora con ragazzi e ragazze che hanno lasciato la scuola.",
     "giovanialcentro.example", "0187 606077", ("Via Genova 250", "19123", "La Spezia"), (2026, 11, 7), [
         ("Progetto Ripartenza per NEET",
          "Accoglienza, orientamento e attività di gruppo per giovani che non studiano e non lavorano.",
          "Giovani dai 16 ai 29 anni.", "Gratuito", ["giovani-neet", "orientamento"]),
         ("Scrivi il tuo primo CV",
          "Laboratorio di due incontri per preparare il curriculum e simulare un colloquio.",
          "Giovani alla prima esperienza.", "Gratuito", ["cv-colloquio", "giovani-neet"]),
     ]),
    ("Associazione Seconda Opportunità", AS,
     "Volontariato per il reinserimento sociale e lavorativo di persone detenute ed ex detenute.",
     "secondaopportunita.example", "0187 257318", ("Via Vittorio Veneto 7", "19124", "La Spezia"),
     (2026, 6, 2), [
         ("Accompagnamento al lavoro dopo la detenzione",
          "Colloqui, ricerca di tirocini e contatti con imprese disponibili ad assumere.",
          "Persone in esecuzione penale esterna o ex detenute.", "Gratuito",
          ["disabilita-inclusione", "apprendistato-tirocini"]),
         ("Sportello documenti",
          "Aiuto per documenti d'identità, codice fiscale e iscrizione ai servizi.", "Persone in difficoltà.",
          "Gratuito", ["portali-lavoro"]),
     ]),
    ("Centro di Ascolto San Venerio", AS,
     "Centro di ascolto di volontari per persone e famiglie in difficoltà economica.",
     "ascolto-sanvenerio.example", "0187 733912", ("Via Lamarmora 3", "19121", "La Spezia"), (2026, 10, 10), [
         ("Ascolto e orientamento ai servizi",
          "Primo ascolto e indirizzo ai servizi pubblici e del privato sociale per lavoro, casa e sostegno.",
          "Chiunque si trovi in difficoltà.", "Gratuito", ["orientamento"]),
         ("Aiuto alla registrazione online",
          "Volontari aiutano a ottenere lo SPID e a registrarsi sui portali per il lavoro e per i sussidi.",
          "Chi ha poca dimestichezza con internet.", "Gratuito", ["portali-lavoro", "over-50"]),
     ]),
    # --- trade associations ---
    ("Associazione Imprese Artigiane Spezzine", TA,
     "Rappresenta le imprese artigiane della provincia e le assiste nelle assunzioni e nell'avvio d'impresa.",
     "artigiani-sp.example", "0187 518820", ("Via Fontevivo 19", "19125", "La Spezia"), (2026, 11, 4), [
         ("Apprendistato nelle botteghe artigiane",
          "Incontro tra giovani e imprese artigiane che cercano apprendisti, con la gestione del contratto.",
          "Giovani dai 15 ai 29 anni.", "Gratuito per i candidati", ["apprendistato-tirocini", "giovani-neet"]),
         ("Avvio di impresa artigiana",
          "Consulenza su requisiti, iscrizione all'albo, contabilità e agevolazioni per nuove imprese.",
          "Aspiranti artigiani.", "Primo incontro gratuito", ["autoimpiego"]),
     ]),
    ("Confederazione Commercio e Turismo del Golfo", TA,
     "Associazione delle imprese del commercio, del turismo e dei servizi della provincia.",
     "commercioturismo-golfo.example", "0187 596600", ("Via Fontevivo 21/M", "19125", "La Spezia"),
     (2026, 10, 26), [
         ("Selezione per la stagione turistica",
          "Raccolta candidature per alberghi, bar, ristoranti e stabilimenti balneari della riviera.",
          "Chi cerca lavoro stagionale.", "Gratuito", ["cv-colloquio"]),
         ("Scuola per nuovi commercianti",
          "Corso abilitante per la somministrazione di alimenti e bevande e per il commercio alimentare.",
          "Aspiranti esercenti.", "Quota di iscrizione", ["autoimpiego", "corsi-formazione"]),
     ]),
    ("Unione Industriali della Provincia della Spezia", TA,
     "Associazione delle imprese industriali: metalmeccanica, nautica, difesa, logistica.",
     "industriali-sp.example", "0187 725401", ("Via Don Minzoni 2", "19121", "La Spezia"), (2026, 9, 12), [
         ("Alternanza e tirocini in azienda",
          "Collega scuole, enti di formazione e imprese per tirocini curricolari ed extracurricolari.",
          "Studenti e giovani diplomati.", "Gratuito", ["apprendistato-tirocini", "giovani-neet"]),
         ("Le professioni dell'industria",
          "Incontri di orientamento sui mestieri più richiesti dalle imprese del territorio.",
          "Giovani e adulti.", "Gratuito", ["orientamento"]),
     ]),
    ("Associazione Agricoltori Liguri di Levante", TA,
     "Organizzazione professionale agricola: assistenza alle aziende agricole e ai giovani che vogliono "
     "insediarsi.", "agricoltori-levante.example", "0187 934455", ("Via Aurelia 36", "19021", "Arcola"),
     (2026, 8, 1), [
         ("Giovani in agricoltura",
          "Consulenza per l'insediamento di giovani agricoltori e le domande di contributo regionali.",
          "Under 41 che vogliono avviare un'azienda agricola.", "Gratuito", ["autoimpiego", "giovani-neet"]),
         ("Lavoro stagionale in agricoltura",
          "Raccolta delle disponibilità per vendemmia e raccolta, con informazioni sul contratto agricolo.",
          "Lavoratori e lavoratrici anche stranieri.", "Gratuito", ["diritti-lavoro", "stranieri"]),
     ]),
    ("Lega delle Cooperative di Levante", TA,
     "Associazione di rappresentanza delle cooperative: promozione di nuove cooperative e workers buyout.",
     "coop-levante.example", "0187 507712", ("Via Lunigiana 2", "19125", "La Spezia"), (2026, 10, 18), [
         ("Fare impresa in cooperativa",
          "Accompagnamento di gruppi che vogliono costituire una cooperativa, anche di lavoratori di "
          "un'azienda in crisi.", "Gruppi di almeno tre persone.", "Gratuito", ["autoimpiego"]),
         ("Lavorare nelle cooperative sociali",
          "Informazioni sulle opportunità di lavoro nelle cooperative sociali del territorio.",
          "Chi cerca lavoro nei servizi alla persona.", "Gratuito", ["orientamento"]),
     ]),
    ("Associazione Professionisti Spezzini", TA,
     "Associazione dei liberi professionisti e dei lavoratori autonomi con partita IVA.",
     "professionisti-sp.example", "0187 770025", ("Corso Cavour 88", "19121", "La Spezia"), (2026, 10, 2), [
         ("Aprire la partita IVA",
          "Incontro informativo su regime forfettario, contributi previdenziali e fatturazione elettronica.",
          "Chi vuole lavorare in proprio.", "Gratuito", ["autoimpiego"]),
         ("Tutele dei lavoratori autonomi",
          "Consulenza su indennità, malattia, maternità e contratti di collaborazione.",
          "Lavoratori autonomi e collaboratori.", "Gratuito per i soci", ["diritti-lavoro"]),
     ]),
    # --- unions ---
    ("Sindacato Autonomo Lavoratori del Golfo", UN,
     "Sindacato confederale con sportelli di tutela individuale per lavoratori, disoccupati e pensionati.",
     "salg.example", "0187 753300", ("Via Bologna 80", "19124", "La Spezia"), (2026, 11, 6), [
         ("Vertenze e controllo della busta paga",
          "Verifica di buste paga, TFR e contratti; assistenza nelle controversie con il datore di lavoro.",
          "Lavoratori e lavoratrici di ogni settore.", "Gratuito per gli iscritti",
          ["diritti-lavoro"]),
         ("Domanda di NASpI",
          "Aiuto per la domanda di indennità di disoccupazione e per gli adempimenti successivi.",
          "Chi ha perso il lavoro.", "Gratuito", ["diritti-lavoro", "portali-lavoro"]),
     ]),
    ("Unione Sindacale Territoriale Spezzina", UN,
     "Sindacato dei lavoratori dipendenti con uffici vertenze, patronato e servizi per i giovani.",
     "ust-spezzina.example", "0187 284400", ("Via Crispi 16", "19124", "La Spezia"), (2026, 10, 24), [
         ("Sportello giovani e primo lavoro",
          "Come leggere un contratto, tirocini, apprendistato e lavoro in somministrazione: i tuoi diritti.",
          "Giovani lavoratori e lavoratrici.", "Gratuito", ["diritti-lavoro", "giovani-neet"]),
         ("Patronato: pratiche previdenziali",
          "Pratiche INPS, disoccupazione agricola, assegni familiari e pensioni.", "Tutti.",
          "Gratuito", ["diritti-lavoro"]),
     ]),
    ("Federazione Lavoratori del Mare e dei Porti", UN,
     "Sindacato di categoria per i lavoratori marittimi, portuali e della cantieristica navale.",
     "flmp.example", "0187 517600", ("Viale Italia 5", "19121", "La Spezia"), (2026, 9, 8), [
         ("Lavorare nel porto e sulle navi",
          "Informazioni sui contratti portuali e marittimi, iscrizione alla gente di mare, sicurezza.",
          "Chi vuole lavorare nel porto o imbarcarsi.", "Gratuito", ["diritti-lavoro", "orientamento"]),
         ("Tutela dei lavoratori degli appalti navali",
          "Assistenza ai lavoratori delle ditte in appalto nei cantieri, anche stranieri.",
          "Lavoratori della cantieristica.", "Gratuito per gli iscritti", ["diritti-lavoro", "stranieri"]),
     ]),
    ("Sindacato Lavoratori Atipici e Precari", UN,
     "Sindacato dei lavoratori con contratti a termine, in somministrazione, delle piattaforme digitali.",
     "slap-sp.example", "0187 701122", ("Via Milano 42", "19126", "La Spezia"), (2026, 5, 28), [
         ("Sportello precari",
          "Consulenza su contratti a termine, collaborazioni, lavoro tramite agenzia e piattaforme.",
          "Lavoratori con contratti non standard.", "Gratuito", ["diritti-lavoro"]),
         ("Formazione sui diritti per lavoratori stranieri",
          "Incontri in più lingue su contratto, orari, sicurezza e come difendersi dallo sfruttamento.",
          "Lavoratori stranieri.", "Gratuito", ["diritti-lavoro", "stranieri", "lingua-italiana"]),
     ]),
    ("Sindacato Pensionati e Lavoratori Anziani", UN,
     "Tutela dei lavoratori anziani e dei pensionati, con attenzione a chi perde il lavoro vicino alla "
     "pensione.", "spla-sp.example", "0187 735510", ("Via Prione 120", "19121", "La Spezia"), (2026, 10, 12), [
         ("Over 50 senza lavoro: che fare",
          "Consulenza su ammortizzatori sociali, contributi mancanti e opportunità di ricollocazione.",
          "Lavoratori over 50 disoccupati.", "Gratuito", ["over-50", "diritti-lavoro"]),
         ("Calcolo dei contributi",
          "Verifica dell'estratto conto contributivo e della data di pensione.", "Lavoratori over 55.",
          "Gratuito per gli iscritti", ["over-50"]),
     ]),
]

assert len(MEMBERS) == 33


def _topics(desk: Desk) -> dict[str, TaxonomyTerm]:
    terms = {}
    for position, (code, name, description) in enumerate(TOPICS):
        terms[code], _ = TaxonomyTerm.objects.update_or_create(
            desk=desk, code=code, defaults={"name": name, "description": description, "position": position}
        )
    return terms


@transaction.atomic
def load(desk: Desk) -> None:
    """Idempotent: running it twice gives the same rows."""
    terms = _topics(desk)
    for name, kind, description, domain, phone, (street, postcode, city), reviewed, services in MEMBERS:
        slug = slugify(name)[:80]
        organization, _ = Organization.objects.update_or_create(
            desk=desk, slug=slug,
            defaults={
                "name": name, "kind": kind, "description": description, "email": f"info@{domain}",
                "website": f"https://www.{domain}/", "phone": phone,
                "last_reviewed_at": dt.datetime(*reviewed, 10, 0, tzinfo=ROME),
            },
        )
        location, _ = Location.objects.update_or_create(
            id=uuid.uuid5(NAMESPACE, f"{desk.slug}/{slug}/location/1"),
            defaults={"organization": organization, "name": "Sede", "address_1": street, "city": city,
                      "postal_code": postcode, "state_province": "SP"},
        )
        for service_name, service_description, audience, cost, codes in services:
            service, _ = Service.objects.update_or_create(
                organization=organization, slug=slugify(service_name)[:80],
                defaults={"name": service_name, "description": service_description, "audience": audience,
                          "cost": cost, "how_to_access": APPOINTMENT,
                          "last_reviewed_at": organization.last_reviewed_at},
            )
            service.taxonomy_terms.set([terms[code] for code in codes])
            service.locations.set([location])
