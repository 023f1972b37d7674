import pytest
from django.urls import reverse

from conftest import PASSWORD


@pytest.mark.django_db
def test_staff_log_in_with_email_and_see_their_roles(client, operator, desk):
    response = client.post(reverse("accounts:login"), {"username": "Operatore@Example.org", "password": PASSWORD},
                           follow=True)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Area riservata" in content
    assert "Operatore dello sportello" in content
    assert str(desk) in content


@pytest.mark.django_db
def test_wrong_password_keeps_the_email_and_explains(client, operator):
    response = client.post(reverse("accounts:login"), {"username": "operatore@example.org", "password": "nope"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "E-mail o password non corretti" in content
    assert 'value="operatore@example.org"' in content


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_out(client, operator):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "operatore@example.org", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "operatore@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "bloccato" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_dashboard_requires_login(client):
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["password123", "12345678901234", "short"]:
        with pytest.raises(ValidationError):
            validate_password(weak)


@pytest.mark.django_db
def test_user_manager_lowercases_email(django_user_model):
    user = django_user_model.objects.create_user(email="Mario.Rossi@Example.ORG", password=PASSWORD)
    assert user.email == user.username == "mario.rossi@example.org"


@pytest.mark.django_db
def test_lock_out_counts_the_address_whatever_its_letter_case(client, operator):
    variants = ["operatore@example.org", "Operatore@example.org", "OPERATORE@EXAMPLE.ORG", " operatore@Example.org",
                "oPeratore@example.org"]
    for variant in variants:
        client.post(reverse("accounts:login"), {"username": variant, "password": "wrong"})
    for variant in ["oPeratore@example.org", "OPERATORE@example.org", "operatore@example.org"]:
        response = client.post(reverse("accounts:login"), {"username": variant, "password": PASSWORD})
        assert response.status_code == 429, variant
        assert "_auth_user_id" not in client.session
