"""The Celery app: settings from Django's (CELERY_*), tasks discovered in the app."""

import os

from celery import Celery

import config.broker  # noqa: F401  registers the default broker's transport

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("kamerbrieven")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
