import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolavoro.desks.models import Closure


@pytest.fixture
def url(desk):
    return reverse("desks:manage_closures", args=[desk.slug])


@pytest.mark.django_db
def test_admin_adds_a_closure_that_the_home_page_shows(client, desk, desk_admin, url):
    client.force_login(desk_admin)
    start = timezone.localdate() + dt.timedelta(days=1)
    end = start + dt.timedelta(days=6)  # a week always holds opening days
    response = client.post(url, {"starts_on": start.isoformat(), "ends_on": end.isoformat(),
                                 "reason_it": "Formazione del personale"})
    assert response.status_code == 302
    closure = Closure.objects.get(desk=desk)
    assert (closure.starts_on, closure.ends_on, closure.created_by) == (start, end, desk_admin)
    home = client.get(reverse("desks:home", args=[desk.slug])).content.decode()
    assert "Formazione del personale" in home


@pytest.mark.django_db
def test_end_before_start_keeps_what_was_typed(client, desk, desk_admin, url):
    client.force_login(desk_admin)
    response = client.post(url, {"starts_on": "2026-12-05", "ends_on": "2026-12-01", "reason_it": "Trasloco"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "non può precedere" in content
    assert 'value="Trasloco"' in content
    assert not Closure.objects.exists()


@pytest.mark.django_db
def test_admin_deletes_a_closure(client, desk, desk_admin):
    closure = Closure.objects.create(desk=desk, starts_on=dt.date(2026, 12, 2), ends_on=dt.date(2026, 12, 2),
                                     reason="Sciopero")
    client.force_login(desk_admin)
    response = client.post(reverse("desks:delete_closure", args=[desk.slug, closure.pk]))
    assert response.status_code == 302
    assert not Closure.objects.exists()


@pytest.mark.django_db
def test_closure_of_another_desk_is_404(client, desk, other_desk, desk_admin):
    closure = Closure.objects.create(desk=other_desk, starts_on=dt.date(2026, 12, 2), ends_on=dt.date(2026, 12, 2),
                                     reason="Sciopero")
    client.force_login(desk_admin)
    response = client.post(reverse("desks:delete_closure", args=[desk.slug, closure.pk]))
    assert response.status_code == 404
    response = client.post(reverse("desks:delete_closure", args=[other_desk.slug, closure.pk]))
    assert response.status_code == 404
    assert Closure.objects.exists()


@pytest.mark.django_db
def test_operator_gets_404(client, operator, url):
    client.force_login(operator)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_closures_page_opens_on_29_february(client, desk, desk_admin, url, monkeypatch):
    # A frozen clock on a leap day: the page looks a year ahead, to 28 February 2029 (there is no 29th).
    frozen = dt.datetime(2028, 2, 29, 9, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: frozen)
    assert timezone.localdate() == dt.date(2028, 2, 29)
    client.force_login(desk_admin)
    response = client.get(url)
    assert response.status_code == 200
    holidays = [c.date for c in response.context["public_holidays"]]
    assert dt.date(2028, 4, 25) in holidays  # Liberazione, inside the year ahead
    assert max(holidays) <= dt.date(2029, 2, 28)
