"""The WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What loading made (Django, the apps, the models) lives as long as the process: moved out of the collector's
# sight, a full collection no longer walks it, which otherwise adds tens of milliseconds to some requests.
gc.freeze()
