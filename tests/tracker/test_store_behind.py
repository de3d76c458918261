"""A pool process stores one document's rows from a thread while the engine reads the next."""

import threading

from tracker.store_behind import StoreBehind


def test_what_is_handed_over_is_stored_in_order_and_close_waits_for_it():
    stored, release = [], threading.Event()

    def store(name):
        release.wait(timeout=10)
        stored.append(name)

    behind = StoreBehind(store)
    for name in ("eerste", "tweede"):
        behind.submit(name)
    assert stored == []  # the caller went on while the first was still being stored
    release.set()
    behind.close()
    assert stored == ["eerste", "tweede"]


def test_at_most_one_document_waits_its_turn():
    release, submitted = threading.Event(), []

    behind = StoreBehind(lambda name: release.wait(timeout=10))

    def submit_three():
        for name in ("eerste", "tweede", "derde"):
            behind.submit(name)
            submitted.append(name)

    caller = threading.Thread(target=submit_three)
    caller.start()
    caller.join(timeout=0.5)
    # The first is being stored and the second waits; the third is not taken until the first is done.
    assert submitted == ["eerste", "tweede"]
    release.set()
    caller.join(timeout=10)
    behind.close()
    assert submitted == ["eerste", "tweede", "derde"]


def test_a_failure_to_store_one_document_does_not_stop_the_next(caplog):
    stored = []

    def store(name):
        if name == "kapot":
            raise RuntimeError("database weg")
        stored.append(name)

    behind = StoreBehind(store)
    behind.submit("kapot")
    behind.submit("goed")
    behind.close()
    assert stored == ["goed"]
    assert "storing an analysis failed" in caplog.text
