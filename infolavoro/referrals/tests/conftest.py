from __future__ import annotations

import pytest

from infolavoro.intake.tests.conftest import (  # noqa: F401  (shared fixtures)
    citizen,
    consultation,
    other_desk_citizen,
    other_editor,
    other_operator,
    other_service,
    portal,
    service,
    terms,
)
from infolavoro.referrals import services


@pytest.fixture
def sent_emails(monkeypatch) -> list[dict]:
    """The e-mails the referral services write to the real outbox, with their template and context."""
    queued: list[dict] = []
    queue = services.queue_email

    def spy(**kwargs):
        queued.append(kwargs)
        return queue(**kwargs)

    monkeypatch.setattr(services, "queue_email", spy)
    return queued


@pytest.fixture
def referral(consultation, service, operator, sent_emails):  # noqa: F811
    return services.create_referral(consultation, service, operator, message="Interessata al corso",
                                    what_to_bring="Documento d'identità")
