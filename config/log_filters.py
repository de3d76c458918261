"""Filters for the log: a refused request is one line, a crash keeps its traceback."""

import logging


class RefusalsWithoutTraceback(logging.Filter):
    """Django logs a PermissionDenied with its traceback; a refusal is expected, so its one line says enough."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
