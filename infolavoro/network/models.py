"""The directory of the "Rete per il lavoro", shaped and named after Open Referral HSDS 3.0.

HSDS ids are UUIDs, so the directory's primary keys are UUIDs too.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infolavoro.core.validators import validate_phone_number


class OrganizationKind(models.TextChoices):
    TRAINING_BODY = "training_body", _("Ente di formazione")
    ASSOCIATION = "association", _("Associazione")
    TRADE_ASSOCIATION = "trade_association", _("Associazione di categoria")
    UNION = "union", _("Sindacato")
    PUBLIC_BODY = "public_body", _("Ente pubblico")


class TaxonomyTerm(models.Model):
    """A need or topic a citizen may come with (orientation, CV, training courses, …)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="taxonomy_terms")
    code = models.SlugField(_("codice"), max_length=60)
    name = models.CharField(_("nome"), max_length=120)
    description = models.TextField(_("descrizione"), blank=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    position = models.PositiveSmallIntegerField(_("ordine"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("bisogno / argomento")
        verbose_name_plural = _("bisogni / argomenti")
        constraints = [models.UniqueConstraint(fields=["desk", "code"], name="taxonomy_code_unique_per_desk")]

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    """A member of the network (HSDS organization)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="organizations")
    name = models.CharField(_("nome"), max_length=200)
    slug = models.SlugField(_("indirizzo breve"), max_length=80)
    kind = models.CharField(_("tipo"), max_length=32, choices=OrganizationKind.choices)
    description = models.TextField(_("descrizione"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("sito web"), blank=True)
    phone = models.CharField(_("telefono"), max_length=32, blank=True, validators=[validate_phone_number])
    is_active = models.BooleanField(
        _("attivo"), default=True, help_text=_("Un soggetto sospeso non compare nelle pagine pubbliche.")
    )
    last_reviewed_at = models.DateTimeField(_("ultima verifica"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("soggetto della rete")
        verbose_name_plural = _("soggetti della rete")
        constraints = [models.UniqueConstraint(fields=["desk", "slug"], name="organization_slug_unique_per_desk")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organization", kwargs={"desk_slug": self.desk.slug, "slug": self.slug})


class Location(models.Model):
    """Where a member receives people (HSDS location with its physical address)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("nome della sede"), max_length=200)
    address_1 = models.CharField(_("indirizzo"), max_length=200)
    city = models.CharField(_("città"), max_length=100)
    postal_code = models.CharField(_("CAP"), max_length=5, blank=True)
    state_province = models.CharField(_("provincia"), max_length=2, blank=True)
    country = models.CharField(_("paese"), max_length=2, default="IT")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sede")
        verbose_name_plural = _("sedi")

    def __str__(self) -> str:
        return f"{self.name}, {self.address_1}, {self.city}"


class Service(models.Model):
    """A service a member gives at its own premises, by appointment (HSDS service)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("nome"), max_length=200)
    slug = models.SlugField(_("indirizzo breve"), max_length=80)
    description = models.TextField(_("descrizione"))
    audience = models.TextField(_("a chi si rivolge"), blank=True)
    eligibility = models.TextField(_("requisiti"), blank=True)
    cost = models.CharField(_("costo"), max_length=200, blank=True, default="Gratuito")
    how_to_access = models.TextField(
        _("come accedere"), blank=True, default="Presso la sede del soggetto, su appuntamento."
    )
    taxonomy_terms = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="services")
    locations = models.ManyToManyField(Location, blank=True, related_name="services")
    is_active = models.BooleanField(_("attivo"), default=True)
    last_reviewed_at = models.DateTimeField(_("ultima verifica"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("servizio")
        verbose_name_plural = _("servizi")
        constraints = [
            models.UniqueConstraint(fields=["organization", "slug"], name="service_slug_unique_per_organization")
        ]

    def __str__(self) -> str:
        return self.name
