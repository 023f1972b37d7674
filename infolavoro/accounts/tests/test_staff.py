"""Desk administrators manage the desk's staff; invitations go out through the e-mail outbox."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.notifications.services import deliver_pending


@pytest.fixture
def url(desk):
    return reverse("desks:staff", args=[desk.slug])


@pytest.mark.django_db
def test_admin_invites_a_new_operator_who_sets_a_password_and_logs_in(client, desk, desk_admin, url):
    client.force_login(desk_admin)
    response = client.post(url, {"email": "Nuova.Operatrice@Example.org", "first_name": "Nadia", "last_name": "Rossi",
                                 "role": Role.DESK_OPERATOR, "affiliation": "Centro per l'Impiego"})
    assert response.status_code == 302
    user = User.objects.get(email="nuova.operatrice@example.org")
    assert not user.has_usable_password()
    assignment = RoleAssignment.objects.get(user=user)
    assert (assignment.role, assignment.desk, assignment.affiliation) == (Role.DESK_OPERATOR, desk,
                                                                          "Centro per l'Impiego")
    assert deliver_pending() == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["nuova.operatrice@example.org"]
    link = re.search(r"http://\S+/accounts/password/\S+/", body).group(0)
    client.logout()
    path = link.split("8000", 1)[1] if "8000" in link else link
    response = client.get(path, follow=True)
    set_url = response.redirect_chain[-1][0]
    new_password = "una-password-lunga-2026"
    response = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    response = client.post(reverse("accounts:login"), {"username": "nuova.operatrice@example.org",
                                                        "password": "una-password-lunga-2026"})
    assert response.status_code == 302
    assert response.wsgi_request.user.email == "nuova.operatrice@example.org"


@pytest.mark.django_db
def test_inviting_someone_already_in_the_role_keeps_the_form(client, desk, desk_admin, operator, url):
    client.force_login(desk_admin)
    response = client.post(url, {"email": operator.email, "first_name": "X", "last_name": "Y",
                                 "role": Role.DESK_OPERATOR, "affiliation": ""})
    assert response.status_code == 200
    assert "già questo ruolo" in response.content.decode()
    assert RoleAssignment.objects.filter(user=operator).count() == 1


@pytest.mark.django_db
def test_existing_user_gets_a_second_role_without_a_new_account(client, desk, desk_admin, operator, url):
    client.force_login(desk_admin)
    client.post(url, {"email": operator.email, "first_name": "X", "last_name": "Y",
                      "role": Role.MONITORING_VIEWER, "affiliation": ""})
    assert set(RoleAssignment.objects.filter(user=operator).values_list("role", flat=True)) == {
        Role.DESK_OPERATOR, Role.MONITORING_VIEWER}
    assert operator.has_usable_password()


@pytest.mark.django_db
def test_member_editor_role_cannot_be_given_from_the_staff_page(client, desk, desk_admin, url):
    client.force_login(desk_admin)
    response = client.post(url, {"email": "x@example.org", "first_name": "X", "last_name": "Y",
                                 "role": Role.MEMBER_EDITOR, "affiliation": ""})
    assert response.status_code == 200
    assert not User.objects.filter(email="x@example.org").exists()


@pytest.mark.django_db
def test_end_role_deactivates_and_operator_loses_access(client, desk, desk_admin, operator):
    from infolavoro.accounts.permissions import can

    assignment = RoleAssignment.objects.get(user=operator)
    client.force_login(desk_admin)
    response = client.post(reverse("desks:end_role", args=[desk.slug, assignment.pk]))
    assert response.status_code == 302
    operator.refresh_from_db()
    assert not can(operator, "desk.operate", desk)


@pytest.mark.django_db
def test_admin_cannot_remove_their_own_admin_role(client, desk, desk_admin):
    assignment = RoleAssignment.objects.get(user=desk_admin)
    client.force_login(desk_admin)
    response = client.post(reverse("desks:end_role", args=[desk.slug, assignment.pk]), follow=True)
    assert "Non puoi togliere a te stesso" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.is_active


@pytest.mark.django_db
def test_staff_page_is_404_for_operators_and_other_desks(client, desk, other_desk, operator, url,
                                                         django_assert_max_num_queries):
    from conftest import make_user

    client.force_login(operator)
    assert client.get(url).status_code == 404
    other_admin = make_user("altro@example.org", Role.DESK_ADMIN, other_desk)
    client.force_login(other_admin)
    assert client.get(url).status_code == 404
    assignment = RoleAssignment.objects.get(user=operator)
    assert client.post(reverse("desks:end_role", args=[other_desk.slug, assignment.pk])).status_code == 404


@pytest.mark.django_db
def test_staff_page_query_count_does_not_grow_with_staff(client, desk, desk_admin, url, django_assert_max_num_queries):
    from conftest import make_user

    for n in range(20):
        make_user(f"op{n}@example.org", Role.DESK_OPERATOR, desk)
    client.force_login(desk_admin)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_password_reset_goes_through_the_outbox(client, operator):
    response = client.post(reverse("accounts:password_reset"), {"email": operator.email})
    assert response.status_code == 302
    assert mail.outbox == []  # not sent inside the request
    assert deliver_pending() == 1
    assert "/accounts/password/" in mail.outbox[0].body
