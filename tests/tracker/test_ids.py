"""Identifiers as people type them, read once for the whole product (tracker.ids)."""

import pytest

from tracker.ids import parse_typed_dossier, parse_typed_kamerstuk, tk_document_number


@pytest.mark.parametrize("typed, key", [
    ("27925", "27925"), ("27 925", "27925"), ("27.925", "27925"), ("dossier 27925", "27925"),
    ("36200-X", "36200-X"), ("36 200 x", "36200-X"), ("21 501-20", "21501-20"), ("  27\u00a0925 ", "27925"),
])
def test_a_dossier_as_typed_is_its_canonical_key(typed, key):
    assert parse_typed_dossier(typed) == key


@pytest.mark.parametrize("typed", ["", "x", "dossier", "27925 nr. 960 extra", "1234567"])
def test_what_is_no_dossier_number_is_refused(typed):
    assert parse_typed_dossier(typed) is None


@pytest.mark.parametrize("typed, kamerstuk", [
    ("27925-960", "27925-960"), ("27 925, nr. 960", "27925-960"), ("kst-27925-960", "27925-960"),
    ("36200-X-85", "36200-X-85"), ("21 501-20, nr. 1876", "21501-20-1876"),
])
def test_a_kamerstuk_as_typed_is_its_canonical_id(typed, kamerstuk):
    assert parse_typed_kamerstuk(typed) == kamerstuk


@pytest.mark.parametrize("typed, number", [("2024D08306", "2024D08306"), (" 2024 d 08306 ", "2024D08306")])
def test_a_tweede_kamer_document_number_as_typed(typed, number):
    assert tk_document_number(typed) == number


def test_a_kamerstuk_is_no_tweede_kamer_document_number():
    assert tk_document_number("27925-960") is None
