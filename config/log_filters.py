"""Filters for the log: a refused request is one line, a crash keeps its traceback, and the claim check that beat
runs every few seconds is not announced each time."""

import logging


class RefusalsWithoutTraceback(logging.Filter):
    """Django logs a PermissionDenied with its traceback; a refusal is expected, so its one line says enough."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True


class QuietHousekeeping(logging.Filter):
    """Drop the INFO lines of a frequent housekeeping task (sent, received, succeeded); its warnings and errors
    stay, and so does every line of the work itself."""

    TASKS = ("tracker.requeue_stale_documents",)

    def filter(self, record):
        return record.levelno > logging.INFO or not any(task in record.getMessage() for task in self.TASKS)
