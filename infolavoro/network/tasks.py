"""Background work of the network directory."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def send_stale_reminders() -> int:
    """Daily: remind members of entries not verified for the desk's `stale_after_days`."""
    return services.send_stale_reminders()


@task()
def rebuild_brochure(desk_id: int) -> bool:
    """Build a desk's brochure if its data changed since the stored one (several requests may ask at once)."""
    from infolavoro.desks.models import Desk

    from . import brochure

    desk = Desk.objects.filter(pk=desk_id, is_active=True).first()
    if desk is None or brochure.built_version(desk) == brochure.version(desk):
        return False
    brochure.build(desk)
    return True


@task()
def rebuild_stale_brochures() -> int:
    """Every few minutes: rebuild the brochures whose data changed (after edits, and each new day)."""
    from infolavoro.desks.models import Desk

    from . import brochure

    rebuilt = 0
    for desk in Desk.objects.filter(is_active=True):
        if brochure.built_version(desk) != brochure.version(desk):
            brochure.build(desk)
            rebuilt += 1
    return rebuilt
