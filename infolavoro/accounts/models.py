"""Staff users and their roles. Citizens never have an account."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UserManager(DjangoUserManager):
    """Users log in with their e-mail address, which is also stored as the username."""

    def _create_user(self, username, email, password, **extra_fields):  # type: ignore[override]
        email = self.normalize_email(email or username).lower()
        return super()._create_user(email, email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # E-mail addresses are stored lower-case; people type them as they like.
        return self.get(email__iexact=username)

    def create_user(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.pop("username", None)
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.pop("username", None)
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, email, password, **extra_fields)


class User(AbstractUser):
    email = models.EmailField(_("e-mail"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("utente")
        verbose_name_plural = _("utenti")

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        self.username = self.email
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    DESK_OPERATOR = "desk_operator", _("Operatore dello sportello")
    DESK_ADMIN = "desk_admin", _("Amministratore dello sportello")
    MEMBER_EDITOR = "member_editor", _("Redattore di un soggetto della rete")
    MONITORING_VIEWER = "monitoring_viewer", _("Monitoraggio (Regione)")
    EMPLOYER_CONTACT = "employer_contact", _("Referente di un datore di lavoro")


class RoleAssignment(models.Model):
    """A role held by a user on a desk; member editors also name their organisation.

    Operators are lent by other bodies (the Region's employment centres, the Chamber of Commerce):
    `affiliation` records which, as the seed describes.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("ruolo"), max_length=32, choices=Role.choices)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="role_assignments")
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="editor_assignments",
    )
    # Employer contacts, and only they, are tied to an employer (scoped to it like member editors).
    employer = models.ForeignKey(
        "labour.Employer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_assignments",
    )
    affiliation = models.CharField(
        _("ente di provenienza"), max_length=200, blank=True,
        help_text=_("Es. «Centro per l'Impiego – Regione Liguria»"),
    )
    is_active = models.BooleanField(_("attivo"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ruolo assegnato")
        verbose_name_plural = _("ruoli assegnati")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "desk"],
                condition=Q(organization__isnull=True),
                name="role_unique_per_desk",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organization"],
                condition=Q(organization__isnull=False),
                name="role_unique_per_organization",
            ),
            # Member editors, and only they, are tied to an organisation.
            models.CheckConstraint(
                condition=(
                    Q(role="member_editor", organization__isnull=False)
                    | (~Q(role="member_editor") & Q(organization__isnull=True))
                ),
                name="role_organization_iff_member_editor",
            ),
            models.CheckConstraint(
                condition=(
                    Q(role="employer_contact", employer__isnull=False)
                    | (~Q(role="employer_contact") & Q(employer__isnull=True))
                ),
                name="role_employer_iff_employer_contact",
            ),
        ]

    def __str__(self) -> str:
        target = self.organization or self.desk
        return f"{self.user} – {self.get_role_display()} – {target}"
