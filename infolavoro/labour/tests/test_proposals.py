from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from infolavoro.intake import services as intake_services
from infolavoro.intake.models import AuditEntry, Citizen
from infolavoro.labour import selectors, services
from infolavoro.labour.models import CandidateProfile, Proposal, ProposalEvent, ProposalState, VacancyState
from infolavoro.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_ranked_vacancies_explain_themselves(profile, vacancy, other_vacancy, taxonomy):
    ranked = selectors.ranked_vacancies(profile)
    assert {v for v, _m in ranked} == {vacancy, other_vacancy}
    match = ranked[0][1]
    assert match.score == 100
    assert "professione cercata, 24 mesi di esperienza" in match.met
    assert "competenze essenziali: 1 su 1" in match.met


def test_a_missing_licence_excludes_and_a_missing_skill_points_to_courses(profile, vacancy, operator, taxonomy,
                                                                          organization):
    from infolavoro.network.models import TrainingOpportunity

    profile.skills.clear()
    today = timezone.localdate()
    TrainingOpportunity.objects.create(
        organization=organization, title="Patentino per il carrello elevatore", slug="muletto",
        description="Corso di 12 ore.", starts_on=today, ends_on=today)
    ranked = selectors.ranked_vacancies(selectors.profile_for(profile.citizen))
    missing = set().union(*(m.missing_essential for _v, m in ranked))
    assert missing == {taxonomy["muletto"].pk}
    courses = selectors.courses_for_skills(profile.desk, [taxonomy["muletto"]])
    assert [c.title for c in courses[taxonomy["muletto"].pk]] == ["Patentino per il carrello elevatore"]
    profile.licences = ["B"]
    profile.save()
    assert selectors.ranked_vacancies(selectors.profile_for(profile.citizen)) == []


def test_candidates_for_a_vacancy_only_with_consent(profile, vacancy, operator, taxonomy, citizen):
    assert [p.citizen_id for p, _m in selectors.ranked_candidates(vacancy)] == [citizen.pk]
    services.save_profile(citizen, {}, operator, occupations={taxonomy["carrellista"]: 24},
                          skills=[taxonomy["muletto"]], consent=False)
    assert selectors.ranked_candidates(vacancy) == []
    assert "revocato" in AuditEntry.objects.filter(citizen_ref=citizen.pk).first().what


def test_proposal_needs_the_persons_agreement_and_consent(profile, vacancy, operator, citizen):
    with pytest.raises(ValidationError, match="Chiedi prima alla persona"):
        services.propose(vacancy, citizen, operator, candidate_agreed=False)
    CandidateProfile.objects.filter(pk=profile.pk).update(consent_at=None)
    with pytest.raises(ValidationError, match="consenso"):
        services.propose(vacancy, citizen, operator, candidate_agreed=True)
    assert not Proposal.objects.exists()


def test_the_whole_loop_with_emails_and_the_database_guard(profile, vacancy, operator, employer_contact,
                                                           other_employer_contact, citizen):
    proposal = services.propose(vacancy, citizen, operator, candidate_agreed=True, message="Disponibile subito")
    assert OutboxMessage.objects.filter(template="labour/email/employer_proposal.txt").count() == 1
    with pytest.raises(ValidationError, match="già stata proposta"):
        services.propose(vacancy, citizen, operator, candidate_agreed=True)
    with pytest.raises(PermissionDenied):
        services.move_proposal(proposal, ProposalState.HIRED, other_employer_contact)
    with pytest.raises(PermissionDenied):  # the outcome is the employer's to record, not the desk's
        services.move_proposal(proposal, ProposalState.HIRED, operator)
    services.mark_seen(proposal, employer_contact)
    services.move_proposal(proposal, ProposalState.INTERVIEW, employer_contact,
                           interview_at=timezone.now() + dt.timedelta(days=2))
    services.move_proposal(proposal, ProposalState.HIRED, employer_contact, note="Assunto dal 1° del mese")
    assert [e.to_state for e in proposal.events.all()] == ["proposed", "seen", "interview", "hired"]
    vacancy.refresh_from_db()
    assert vacancy.state == VacancyState.FILLED  # one opening, one hired
    with pytest.raises(ValidationError):
        services.move_proposal(proposal, ProposalState.WITHDRAWN, operator)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalEvent.objects.create(proposal=proposal, from_state="hired", to_state="proposed",
                                     at=timezone.now())


def test_pages_of_the_loop(client, profile, vacancy, operator, employer_contact, citizen):
    client.force_login(operator)
    url = reverse("labour:profile", args=[vacancy.desk.slug, citizen.pk])
    page = client.get(url).content.decode()
    assert "Carrellista turni" in page
    assert "100/100" in page
    response = client.post(reverse("labour:propose", args=[vacancy.desk.slug, citizen.pk]),
                           {"vacancy": vacancy.pk})
    assert response.status_code == 302
    assert not Proposal.objects.exists()
    response = client.post(reverse("labour:propose", args=[vacancy.desk.slug, citizen.pk]),
                           {"vacancy": vacancy.pk, "candidate_agreed": "on"})
    proposal = Proposal.objects.get()
    client.force_login(employer_contact)
    detail = reverse("labour:proposal", args=[vacancy.desk.slug, proposal.pk])
    page = client.get(detail).content.decode()
    assert "Maria Rossi" in page
    assert "Assunta/o" in page
    client.post(detail, {"to_state": "hired"})
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.HIRED
    client.force_login(operator)
    assert "assunta/o" in client.get(reverse("labour:proposals", args=[vacancy.desk.slug])).content.decode()


def test_profile_form_resolves_synonyms_and_keeps_input_on_errors(client, citizen, operator, taxonomy):
    client.force_login(operator)
    url = reverse("labour:profile", args=[citizen.desk.slug, citizen.pk])
    response = client.post(url, {"professione_0": "badante", "mesi_0": "12", "consent": "on", "work_permit": "on",
                                 "skills": [taxonomy["pasti"].pk], "home_comune": "Sarzana"})
    assert response.status_code == 302
    profile = selectors.profile_for(citizen)
    assert [w.occupation for w in profile.wanted.all()] == [taxonomy["assistente"]]
    response = client.post(url, {"professione_0": "astronauta", "home_comune": "Lerici\x00"})
    page = response.content.decode()
    assert "Professione non trovata" in page
    assert "astronauta" in page
    typeahead = client.get(reverse("labour:skill_search", args=[citizen.desk.slug]), {"q": "muletto"})
    assert "condurre il carrello elevatore" in typeahead.content.decode()  # through the desk's synonym


def test_cv_is_checked_stored_privately_served_to_staff_and_erased(client, settings, tmp_path, profile, operator,
                                                                   citizen, employer_contact, vacancy):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError, match="PDF"):
        services.attach_cv(profile, SimpleUploadedFile("cv.pdf", b"MZ not a pdf"), operator)
    with pytest.raises(ValidationError, match="5 MB"):
        services.attach_cv(profile, SimpleUploadedFile("cv.pdf", PDF + b"0" * services.CV_MAX_BYTES), operator)
    services.attach_cv(profile, SimpleUploadedFile("cv.pdf", PDF), operator)
    profile.refresh_from_db()
    path = tmp_path / profile.cv.name
    assert path.exists()
    assert not str(path).startswith(str(settings.MEDIA_ROOT))
    url = reverse("labour:cv", args=[citizen.desk.slug, citizen.pk])
    client.force_login(employer_contact)
    assert client.get(url).status_code == 404  # not proposed to this employer yet
    services.propose(vacancy, citizen, operator, candidate_agreed=True)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 404
    intake_services.erase_citizen(citizen, operator)
    assert not path.exists()
    assert not CandidateProfile.objects.exists()
    assert not Citizen.objects.exists()


def test_export_and_retention_cover_profile_and_proposals(profile, vacancy, operator, citizen):
    services.propose(vacancy, citizen, operator, candidate_agreed=True, message="Persona puntuale")
    data = intake_services.citizen_data(citizen)
    assert data["candidate_profile"]["occupations"][0]["occupation"] == "carrellista"
    assert data["proposals"][0]["message"] == "Persona puntuale"
    intake_services._anonymise(citizen.desk, [citizen.pk], timezone.now())
    assert not CandidateProfile.objects.exists()
    proposal = Proposal.objects.get()
    assert proposal.message == ""
    assert proposal.state == ProposalState.PROPOSED


def _warehouse_worker(taxonomy):
    """An occupation of another ISCO sub-major group (43) with the same ESCO skills as carrellista (83)."""
    from infolavoro.labour.models import Occupation, OccupationSkill

    occupation = Occupation.objects.create(uri="http://example.org/magazziniere", isco_code="4321",
                                           preferred_label="magazziniere")
    OccupationSkill.objects.create(occupation=occupation, skill=taxonomy["muletto"], relation="essential")
    OccupationSkill.objects.create(occupation=occupation, skill=taxonomy["sicurezza"], relation="optional")
    return occupation


def test_occupations_related_by_skills_are_found_and_explained_both_ways(profile, employer, operator, taxonomy,
                                                                        citizen):
    """A person looking for carrellista is shown a magazziniere vacancy (same skills, another ISCO group), and
    a carrellista vacancy finds a person looking for magazziniere: the narrowing reads related occupations too."""
    from infolavoro.labour.tests.conftest import publish

    warehouse = _warehouse_worker(taxonomy)
    vacancy = publish(employer, operator, warehouse, title="Magazziniere", licences=[])
    ranked = selectors.ranked_vacancies(selectors.profile_for(profile.citizen))
    assert [v for v, _m in ranked] == [vacancy]
    match = ranked[0][1]
    assert "professione affine: 100% delle competenze in comune con quelle cercate" in match.met
    assert match.score == 100 - round(30 * (1 - 0.67))

    services.save_profile(citizen, {"licences": ["B", "muletto"], "home_comune": "La Spezia"}, operator,
                          occupations={warehouse: 12}, skills=[taxonomy["muletto"]], consent=True)
    forklift = publish(employer, operator, taxonomy["carrellista"], title="Carrellista")
    candidates = selectors.ranked_candidates(forklift)
    assert [p.citizen_id for p, _m in candidates] == [citizen.pk]
    assert any(text.startswith("professione affine") for text in candidates[0][1].met)


def test_the_interview_needs_a_date_within_its_guard(profile, vacancy, operator, employer_contact, citizen):
    proposal = services.propose(vacancy, citizen, operator, candidate_agreed=True)
    now = timezone.now()
    for when, message in ((None, "Indica data e ora del colloquio"),
                          (now - dt.timedelta(days=3), "prima della proposta"),
                          (now + dt.timedelta(days=400), "troppo lontano"),
                          (dt.datetime(2026, 12, 9, 10, 0), "fuso orario")):
        with pytest.raises(ValidationError, match=message):
            services.move_proposal(proposal, ProposalState.INTERVIEW, employer_contact, interview_at=when)
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.PROPOSED
    assert proposal.interview_at is None


def test_the_interview_form_reads_the_desks_time_zone_and_keeps_input_on_errors(client, profile, vacancy, operator,
                                                                                employer_contact, citizen):
    proposal = services.propose(vacancy, citizen, operator, candidate_agreed=True)
    client.force_login(employer_contact)
    detail = reverse("labour:proposal", args=[vacancy.desk.slug, proposal.pk])
    page = client.get(detail).content.decode()
    assert 'type="datetime-local"' in page
    assert 'name="interview_at"' in page
    for garbage, message in (("", "Indica data e ora del colloquio"), ("domani", "Data e ora non valide"),
                             ("9999-12-31T23:59", "Data troppo lontana"), ("0001-01-01T00:00", "Data troppo lontana"),
                             ("2026-03-29T02:30", "ora legale"), ("\x00\x00", "null")):
        response = client.post(detail, {"to_state": "interview", "interview_at": garbage, "note": "Sede di via Roma"})
        assert response.status_code == 400, garbage
        page = response.content.decode()
        assert message in page, garbage
        assert "Sede di via Roma" in page
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SEEN
    when = (timezone.now() + dt.timedelta(days=3)).astimezone(ZoneInfo("Europe/Rome")).replace(
        hour=10, minute=30, second=0, microsecond=0)
    response = client.post(detail, {"to_state": "interview", "interview_at": when.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.INTERVIEW
    assert proposal.interview_at == when
    assert when.strftime("%H:%M") in client.get(detail).content.decode()
