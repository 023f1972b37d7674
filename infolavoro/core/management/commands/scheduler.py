import time

from django.core.management.base import BaseCommand

from infolavoro.core.scheduler import enqueue_due


class Command(BaseCommand):
    help = "Enqueue the periodic background jobs when they are due (loop, or once with --once for cron)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue what is due and exit.")
        parser.add_argument("--every", type=int, default=30, help="Seconds between checks (default 30).")

    def handle(self, *args, once=False, every=30, **options):
        while True:
            for name in enqueue_due():
                self.stdout.write(f"enqueued {name}")
            if once:
                return
            time.sleep(every)
