"""One sync per source at a time, whatever the broker delivers twice: a PostgreSQL advisory lock.

A run of hours outlives a broker's visibility timeout, so the same task can be delivered again while the
first still runs. The lock is the session's: it goes with the connection, also when the process is killed.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connection

# The first half of the lock's key: this product's syncs, apart from any other advisory lock on the database.
NAMESPACE = 7013


class SyncBusy(Exception):
    """Another process is syncing this source right now."""


@contextmanager
def one_sync_at_a_time(source: str):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, hashtext(%s))", [NAMESPACE, source])
        if not cursor.fetchone()[0]:
            raise SyncBusy(source)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, hashtext(%s))", [NAMESPACE, source])
