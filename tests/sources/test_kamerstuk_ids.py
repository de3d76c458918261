import pytest

from ingest.sources.kamerstuk_ids import canonical_dossier, canonical_kamerstuk


@pytest.mark.parametrize(
    ("number", "addition", "expected"),
    [
        ("27925", None, "27925"),
        (36200, "X", "36200-X"),
        ("36200 X", None, "36200-X"),
        ("35000", "a", "35000-A"),
        ("21501-20", None, "21501-20"),
        (21501, "20", "21501-20"),
        ("21501", "-02", "21501-02"),
    ],
)
def test_it_writes_dossiers_the_canonical_way(number, addition, expected):
    assert canonical_dossier(number, addition) == expected


def test_it_appends_the_ondernummer_to_the_dossier():
    assert canonical_kamerstuk("27925", 960) == "27925-960"
    assert canonical_kamerstuk("36200 X", "85") == "36200-X-85"
    assert canonical_kamerstuk("21501-20", "1876") == "21501-20-1876"
    assert canonical_kamerstuk("32637", "E") == "32637-E"


def test_it_refuses_an_empty_dossier():
    with pytest.raises(ValueError):
        canonical_dossier(" ")
