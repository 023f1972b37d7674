"""CVs live in a private folder outside the static and media roots; they are served only through a view that
checks permissions (never by URL)."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Reads settings.PRIVATE_MEDIA_ROOT at each use, so tests and deployments can move it."""

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:  # type: ignore[override]
        return None


def private_storage() -> FileSystemStorage:
    return PrivateStorage()
