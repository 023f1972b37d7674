from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from . import selectors, services
from .dashboard import glance
from .lockout import normalise_email
from .models import RoleAssignment
from .permissions import require
from .selectors import active_roles
from .services import DESK_STAFF_ROLES


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"})
    )
    error_messages = {
        "invalid_login": _("E-mail o password non corretti. Controlla e riprova."),
        "inactive": _("Questo account è disattivato."),
    }


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The staff home: for each of the user's roles, what is waiting today and what it lets them do."""
    roles = [(role, glance(request.user, role)) for role in active_roles(request.user)]
    return render(request, "accounts/dashboard.html", {"roles": roles})


class StaffInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("Nome"), max_length=150)
    last_name = forms.CharField(label=_("Cognome"), max_length=150)
    role = forms.ChoiceField(label=_("Ruolo"), choices=[(r.value, r.label) for r in DESK_STAFF_ROLES])
    affiliation = forms.CharField(
        label=_("Ente di provenienza"), max_length=200, required=False,
        help_text=_("Es. «Centro per l'Impiego – Regione Liguria» o «Camera di Commercio»"),
    )


@login_required
def desk_staff(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    form = StaffInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_staff(desk, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Invito inviato a %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("desks:staff", desk_slug=desk.slug)
    return render(request, "accounts/staff.html", {"form": form, "staff": selectors.desk_staff(desk)})


def _add_errors(form: forms.Form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@login_required
@require_POST
def end_role(request: HttpRequest, desk_slug: str, pk: int) -> HttpResponse:
    assignment = get_object_or_404(RoleAssignment, pk=pk, desk=request.desk)
    require(request.user, "desk.administer", assignment)
    try:
        services.end_role(assignment, request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Ruolo disattivato."))
    return redirect("desks:staff", desk_slug=desk_slug)


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the e-mail going through the outbox like every other e-mail."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        from infolavoro.notifications.services import queue_email

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        queue_email(desk=None, to=[to_email], subject=subject, template=email_template_name,
                    context={**context, "site_url": settings.SITE_URL})


# Reset e-mails: a few an hour to one address, a few more from one client (shared cache, so across workers).
RESET_RATE_PER_ADDRESS = "3/h"
RESET_RATE_PER_CLIENT = "10/h"


def _reset_address(group: str, request: HttpRequest) -> str:
    return normalise_email(request.POST.get("email"))


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        request = self.request
        if is_ratelimited(request, group="accounts.password_reset.client", key="ip", rate=RESET_RATE_PER_CLIENT,
                          method="POST", increment=True):
            form.add_error(None, _("Troppe richieste da questo dispositivo: riprova tra un'ora."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if is_ratelimited(request, group="accounts.password_reset.address", key=_reset_address,
                          rate=RESET_RATE_PER_ADDRESS, method="POST", increment=True):
            # Say the same as for any address, so that the limit does not reveal which addresses have accounts.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
