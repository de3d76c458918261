"""What the log keeps: housekeeping that runs every few seconds stays out of it, the work itself stays in."""

import logging

from config.log_filters import QuietHousekeeping


def record(level, message):
    return logging.LogRecord("celery.app.trace", level, __file__, 1, message, None, None)


def test_the_frequent_claim_check_is_not_announced_but_other_tasks_are():
    quiet = QuietHousekeeping()
    assert not quiet.filter(record(logging.INFO, "Task tracker.requeue_stale_documents[ab12] succeeded in 0.01s: 0"))
    assert quiet.filter(record(logging.ERROR, "Task tracker.requeue_stale_documents[ab12] raised: OperationalError"))
    assert quiet.filter(record(logging.INFO, "Task tracker.analyse_document[cd34] succeeded in 1.2s: None"))
