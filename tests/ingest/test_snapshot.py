"""The engine finds exactly what the committed snapshot says, on every corpus document (tests/corpus/snapshot.py)."""
import json

import pytest

from tests.corpus import snapshot


@pytest.mark.parametrize("name", list(snapshot.SETS))
def test_the_engine_finds_what_the_snapshot_holds(name):
    expected = snapshot.stored(name)
    found = json.loads(json.dumps(snapshot.take(name)))  # as stored: tuples become lists
    assert snapshot.differences(expected, found) == []
    assert found == expected


def test_the_snapshot_holds_every_corpus_document():
    counts = {name: len(snapshot.stored(name)) for name in snapshot.SETS}
    assert counts == {"letters-txt": 35, "letters-pdf": 35, "seeds-txt": 5, "seeds-pdf": 5}


def test_a_changed_result_is_named_with_where_it_changed():
    expected = snapshot.stored("seeds-txt")
    file = next(iter(expected))
    changed = json.loads(json.dumps(expected))
    changed[file]["analysis"]["commitments"][0]["due"] = "2099-12-31"
    assert snapshot.differences(expected, changed) == [
        f"{file}: differs at /analysis/commitments[0]/due ('{expected[file]['analysis']['commitments'][0]['due']}' "
        "!= '2099-12-31')"
    ]
