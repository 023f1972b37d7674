"""WSGI entry point: `gunicorn infolavoro.wsgi`."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infolavoro.settings")
application = get_wsgi_application()

from infolavoro.core.startup import settle  # noqa: E402 - needs Django set up

settle()
