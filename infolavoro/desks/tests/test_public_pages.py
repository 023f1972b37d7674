import pytest
from django.urls import reverse

from conftest import make_desk


@pytest.mark.django_db
def test_home_page_shows_hours_contacts_and_booking(client, desk, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("desks:home", args=[desk.slug]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<td>08:30–12:00, 14:30–17:30</td>" in content  # Tuesday
    assert content.count("<td>08:30–12:00</td>") == 3  # Wednesday to Friday
    assert content.count("<td>chiuso</td>") == 3  # Saturday to Monday
    assert "0187 727248" in content
    assert 'href="tel:+390187727248"' in content
    assert "infolavoro@comune.sp.it" in content
    assert reverse("booking:start", args=[desk.slug]) in content
    assert ("Aperto ora" in content) or ("Prossima apertura" in content)
    assert '<html lang="it">' in content


@pytest.mark.django_db
def test_italian_is_the_default_whatever_the_browser_says(client, desk):
    response = client.get(reverse("desks:home", args=[desk.slug]), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="it">' in response.content.decode()


@pytest.mark.django_db
def test_language_switch_to_english_and_back(client, desk):
    home = reverse("desks:home", args=[desk.slug])
    response = client.post(reverse("set_language"), {"language": "en", "next": home}, follow=True)
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "Opening hours" in content
    assert "Book an appointment" in content
    assert "Tuesday" in content
    response = client.post(reverse("set_language"), {"language": "it", "next": home}, follow=True)
    assert "Orari di apertura" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["desks:contacts", "desks:privacy", "desks:accessibility", "booking:start",
                                  "network:index", "opportunities:index"])
def test_public_pages_render(client, desk, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(reverse(name, args=[desk.slug]))
    assert response.status_code == 200
    assert "infolavoro@comune.sp.it" in response.content.decode()  # footer contacts


@pytest.mark.django_db
def test_privacy_notice_states_controller_and_retention(client, desk):
    desk.privacy_controller = "Comune della Spezia, Piazza Europa 1"
    desk.save()
    content = client.get(reverse("desks:privacy", args=[desk.slug])).content.decode()
    assert "Comune della Spezia, Piazza Europa 1" in content
    assert "24 mesi" in content


@pytest.mark.django_db
def test_unknown_desk_is_a_friendly_404(client, desk):
    response = client.get("/atlantide/")
    assert response.status_code == 404
    assert "Pagina non trovata" in response.content.decode()


@pytest.mark.django_db
def test_inactive_desk_is_404(client, desk):
    desk.is_active = False
    desk.save()
    assert client.get(reverse("desks:home", args=[desk.slug])).status_code == 404


@pytest.mark.django_db
def test_root_redirects_to_the_only_desk(client, desk):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == f"/{desk.slug}/"


@pytest.mark.django_db
def test_root_lists_desks_when_there_are_several(client, desk):
    make_desk(slug="sarzana", comune="Sarzana")
    content = client.get("/").content.decode()
    assert "/la-spezia/" in content
    assert "/sarzana/" in content


@pytest.mark.django_db
def test_reserved_slug_is_refused(desk):
    from django.core.exceptions import ValidationError

    desk.slug = "admin"
    with pytest.raises(ValidationError):
        desk.full_clean()
