"""The search index: one row per searchable document (a network member today, a vacancy tomorrow), with its
text in three weighted fields, the vocabulary used to correct typos, and each desk's synonyms.

The engine-specific parts are created by migration 0002: on PostgreSQL a `vector` tsvector column generated
by the database from the three fields (Italian stemming, unaccent) with a GIN index, and a trigram index on the
vocabulary; on SQLite an FTS5 table `search_fts` holding the stems of the three fields (rowid = document id).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """A searchable thing: `kind` says what ("organization", "vacancy", ...), `object_id` which one.
    Fields by weight: `title` (a match here ranks highest), `keywords` (names of parts, topics), `body`."""

    kind = models.CharField(max_length=30)
    object_id = models.UUIDField()
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    title = models.TextField(blank=True)
    keywords = models.TextField(blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        indexes = [models.Index(fields=["kind", "desk"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class Word(models.Model):
    """A folded word seen in some document: what a misspelt query word may be corrected to."""

    word = models.CharField(max_length=40, primary_key=True)

    def __str__(self) -> str:
        return self.word


class Synonym(models.Model):
    """What a desk's citizens type (`phrase`) and what the directory calls it (`alternatives`, comma separated):
    "badante" → "assistenza familiare, operatore socio sanitario". A desk without rows uses the defaults."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    phrase = models.CharField(_("parole cercate"), max_length=100)
    alternatives = models.CharField(_("significa"), max_length=300)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("sinonimo")
        verbose_name_plural = _("sinonimi")
        constraints = [models.UniqueConstraint(fields=["desk", "phrase"], name="search_synonym_unique_per_desk")]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.alternatives}"
