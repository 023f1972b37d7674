"""Members keep their data current: edits go live at once, the history keeps a field-level diff, the desk's
administrators review it; another member's data is a 404; uploads and rich text are checked."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from infolavoro.network import services
from infolavoro.network.models import ChangeRecord, Organization, Service, TrainingOpportunity
from infolavoro.notifications.services import deliver_pending

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(organization):
    today = timezone.localdate()
    return TrainingOpportunity.objects.create(organization=organization, title="Corso di saldatura", slug="saldatura",
                                              description="Qualifica.", starts_on=today + dt.timedelta(days=20),
                                              ends_on=today + dt.timedelta(days=80), seats=12)


def course_data(course, **extra):
    data = {"title": course.title, "description": course.description, "starts_on": course.starts_on.isoformat(),
            "ends_on": course.ends_on.isoformat(), "application_deadline": "", "place": "Via Roma 1",
            "cost": "Gratuito", "seats": 12, "requirements": "", "how_to_apply": "In segreteria",
            "is_active": "on"}
    data.update(extra)
    return data


def test_member_edit_goes_live_at_once_and_waits_in_the_review_queue(client, member_editor, desk_admin, course):
    client.force_login(member_editor)
    url = reverse("network_manage:edit", args=["la-spezia", course.organization.slug, "corsi", course.pk])
    response = client.post(url, course_data(course, seats=15, place="Via Roma 1, aula 3"))
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.seats == 15
    assert course.last_reviewed_by == member_editor  # editing is verifying
    page = client.get(reverse("network:organization", args=["la-spezia", course.organization.slug]))
    assert "Via Roma 1, aula 3" in page.content.decode()
    record = ChangeRecord.objects.get()
    assert record.changes["posti"] == ["12", "15"]
    assert record.reviewed_at is None
    client.force_login(desk_admin)
    queue = client.get(reverse("network_manage:review", args=["la-spezia"])).content.decode()
    assert "Corso di saldatura" in queue
    assert "15" in queue
    client.post(reverse("network_manage:review", args=["la-spezia"]), {"record": [record.pk]})
    record.refresh_from_db()
    assert record.reviewed_by == desk_admin


def test_admin_edits_are_history_not_review(desk_admin, organization):
    services.update_organization(organization, {"description": "Nuova descrizione"}, desk_admin)
    assert ChangeRecord.objects.get().reviewed_by == desk_admin


def test_scripts_are_stripped_and_text_kept(member_editor, organization):
    text = "Corsi <b>gratuiti</b><script>alert(1)</script> & serali"
    services.update_organization(organization, {"description": text}, member_editor)
    organization.refresh_from_db()
    assert organization.description == "Corsi gratuiti & serali"


def test_another_members_data_is_a_404(client, member_editor, operator, other_organization, course):
    other_course = TrainingOpportunity.objects.create(
        organization=other_organization, title="Altro corso", slug="altro", description="…",
        starts_on=course.starts_on, ends_on=course.ends_on)
    urls = [reverse("network_manage:organization", args=["la-spezia", other_organization.slug]),
            reverse("network_manage:edit", args=["la-spezia", other_organization.slug, "corsi", other_course.pk]),
            reverse("network_manage:edit", args=["la-spezia", course.organization.slug, "corsi", other_course.pk]),
            reverse("network_manage:review", args=["la-spezia"])]
    client.force_login(member_editor)
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    client.force_login(operator)
    assert client.get(urls[0]).status_code == 404
    client.logout()
    assert client.get(urls[0]).status_code == 302  # to the login page


def test_bad_dates_keep_the_input(client, member_editor, course):
    client.force_login(member_editor)
    url = reverse("network_manage:new", args=["la-spezia", course.organization.slug, "corsi"])
    response = client.post(url, course_data(course, title="Corso serale", starts_on="2027-03-10",
                                            ends_on="2027-03-01"))
    content = response.content.decode()
    assert "non può precedere" in content
    assert 'value="Corso serale"' in content
    assert TrainingOpportunity.objects.count() == 1


def png(size=(10, 10)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "blue").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "ok"), [
    ("logo.png", png(), True),
    ("logo.png", b"<svg onload=alert(1)></svg>", False),  # fake extension
    ("logo.gif", b"GIF89a" + b"\x00" * 20, False),
])
def test_logo_uploads_are_checked_by_content(member_editor, organization, settings, tmp_path, name, content, ok):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile(name, content)
    if ok:
        services.update_organization(organization, {"logo": upload}, member_editor)
        assert Organization.objects.get(pk=organization.pk).logo.name.startswith("logos/")
    else:
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            services.update_organization(organization, {"logo": upload}, member_editor)


def test_logo_too_big_is_refused(member_editor, organization):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="1 MB"):
        services.check_logo(SimpleUploadedFile("big.png", b"0" * (1024 * 1024 + 1)))


def test_stale_member_gets_one_reminder_then_none_for_two_weeks(desk, organization, member_editor):
    Service.objects.create(organization=organization, name="Orientamento", slug="o", description="…")
    now = timezone.now()
    Organization.objects.filter(pk=organization.pk).update(last_reviewed_at=now - dt.timedelta(days=200))
    assert services.send_stale_reminders(now=now) == 1
    assert services.send_stale_reminders(now=now + dt.timedelta(days=3)) == 0
    deliver_pending()
    message = mail.outbox[0]
    assert message.to == [member_editor.email]
    assert "Orientamento" in message.body
    assert "/la-spezia/gestione/rete/" in message.body
    assert "confermarle con un clic" in message.body
    assert services.send_stale_reminders(now=now + dt.timedelta(days=15)) == 1


def test_a_member_without_editors_is_asked_to_answer_the_desk(desk, organization):
    Organization.objects.filter(pk=organization.pk).update(email="segreteria@ente.example",
                                                           last_reviewed_at=timezone.now() - dt.timedelta(days=200))
    desk.email = "infolavoro@comune.example"
    desk.save()
    assert services.send_stale_reminders() == 1
    deliver_pending()
    message = mail.outbox[0]
    assert message.to == ["segreteria@ente.example"]
    assert message.reply_to == ["infolavoro@comune.example"]
    assert "rispondere a questa e-mail" in message.body
    assert f"/la-spezia/rete/{organization.slug}/" in message.body  # the public page: it has no login
    assert "/gestione/" not in message.body


def test_confirming_makes_everything_current(client, desk, organization, member_editor):
    Service.objects.create(organization=organization, name="Orientamento", slug="o", description="…")
    client.force_login(member_editor)
    client.post(reverse("network_manage:confirm", args=["la-spezia", organization.slug]))
    from infolavoro.network.selectors import stale_entries

    assert organization.pk not in stale_entries(desk)


def test_editor_of_two_desks_members_sees_only_their_own(client, desk, organization, other_organization):
    editor = make_user("doppio@example.org", "member_editor", desk, organization)
    client.force_login(editor)
    response = client.get(reverse("network_manage:index", args=["la-spezia"]))
    assert response["Location"].endswith(f"/gestione/rete/{organization.slug}/")
