"""Storing one document's rows while the engine reads the next, in a worker's pool process.

The engine reads a document in a child process (the sandbox), so the pool process only waits while it
reads; storing the rows of the document before takes about as long. Storing them from a thread meanwhile
lets the task return, and the next document start, as soon as the engine has read one.

Nothing is lost when the process dies before the rows are committed: the document is still "bezig" under a
claim that nobody renews, so the periodic requeue takes it up again, as for a worker killed while reading, and
`store_analysis` stores a document once however often it runs.
"""

import logging
import queue
import threading

from django.db import close_old_connections, connection

log = logging.getLogger(__name__)


class StoreBehind:
    """One thread that calls `store(*args)` for each submission, in order; at most one waits its turn."""

    def __init__(self, store):
        self._store = store
        self._waiting = queue.Queue(maxsize=1)
        self._thread = threading.Thread(target=self._run, name="store-behind", daemon=True)
        self._thread.start()

    def submit(self, *args) -> None:
        """Hand over one document's rows; waits while another is still waiting its turn."""
        self._waiting.put(args)

    def close(self) -> None:
        """Store what was handed over, then stop the thread."""
        self._waiting.put(None)
        self._thread.join()

    def _run(self) -> None:
        try:
            while (args := self._waiting.get()) is not None:
                close_old_connections()  # as before a request: one that broke or grew old is replaced
                try:
                    self._store(*args)
                except Exception:  # the document stays "bezig" and is taken up again
                    log.exception("storing an analysis failed")
        finally:
            connection.close()  # this thread's own connection
