"""The Celery app: settings from Django's (CELERY_*), tasks discovered in the app."""

import os

from celery import Celery
from celery.signals import worker_process_init

import config.broker  # noqa: F401  registers the default broker's transport

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("kamerbrieven")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def start_extraction_server(**_):
    """Each pool process starts the server its documents' sandboxes are forked from while it waits for work,
    so the first document it gets does not wait for an interpreter to import the engine."""
    from ingest.sandbox import start_server

    start_server()
