from django.core.management.base import BaseCommand

from infolavoro.notifications.services import deliver_pending


class Command(BaseCommand):
    help = "Deliver the e-mails waiting in the outbox."

    def handle(self, *args, **options):
        self.stdout.write(f"{deliver_pending()} e-mail inviate")
