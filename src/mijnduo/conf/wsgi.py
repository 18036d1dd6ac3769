"""WSGI entry point for gunicorn: `gunicorn mijnduo.conf.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnduo.conf.settings")

application = get_wsgi_application()
