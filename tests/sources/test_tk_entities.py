import datetime as dt

import pytest

from ingest.sources.safexml import SourceFormatError
from ingest.sources.tk_opendata import (
    TOEZEGGING_STATUSES,
    kamerstuk_id,
    parse_document,
    parse_kamerstukdossier,
    parse_toezegging,
)


def test_it_reads_a_letter_from_the_government(recorded):
    document = parse_document(recorded("tk/entity_document_3f6e2a1c.xml"))
    assert document.id == "3f6e2a1c-8b0d-4c7e-9a51-2d4f6b8c0e11"
    assert document.document_number == "2023D47863"
    assert document.kind == "Brief regering"
    assert document.ondernummer == 960
    assert document.date == dt.date(2023, 11, 21)
    assert document.subject == "Brief van de minister van Defensie over de inzet in Irak"
    assert document.title == "Bestrijding internationaal terrorisme"
    assert document.vergaderjaar == "2023-2024"
    assert document.dossier_refs == ["c71e5a08-94d2-4f3b-a6e1-58b0d2f7c913"]
    assert document.zaak_refs == ["b8d41f27-5c3e-4a90-8e16-0f2a7c9d3b54"]
    assert (document.content_type, document.content_length) == ("application/pdf", 184213)
    assert document.resource_id == document.id
    assert not document.deleted


def test_a_document_that_is_not_a_kamerstuk_has_no_ondernummer(recorded):
    xml = recorded("tk/entity_document_3f6e2a1c.xml").replace(b"<volgnummer>960<", b"<volgnummer>-1<")
    assert parse_document(xml).ondernummer is None


def test_the_dossier_gives_the_letter_its_canonical_id(recorded):
    document = parse_document(recorded("tk/entity_document_3f6e2a1c.xml"))
    dossier = parse_kamerstukdossier(recorded("tk/entity_kamerstukdossier_c71e5a08.xml"))
    assert (dossier.number, dossier.addition, dossier.dossier) == (27925, None, "27925")
    assert kamerstuk_id(document, dossier) == "27925-960"
    assert kamerstuk_id(document, None) is None


def test_a_budget_chapter_keeps_its_roman_numeral(recorded):
    dossier = parse_kamerstukdossier(recorded("tk/entity_kamerstukdossier_36200X.xml"))
    assert dossier.dossier == "36200-X"


def test_an_open_commitment_has_no_due_date_and_no_letter(recorded):
    promise = parse_toezegging(recorded("tk/entity_toezegging_open.xml"))
    assert promise.number == "TZ202603-130"
    assert promise.text.startswith("De minister zegt toe de Kamer voor de zomer")
    assert (promise.status, promise.tk_status) == ("openstaand", "Openstaand")
    assert promise.due is None
    assert promise.fulfilled_by == []
    assert promise.ministry == "Defensie"
    assert promise.minister == "Ruben Brekelmans"
    assert promise.minister_function == "minister van Defensie"
    assert promise.activiteit_ref == "a93d5e17-0c4b-4e82-b7f6-2e1a8d9c4f30"
    assert promise.activiteit_number == "2026A01452"
    assert promise.created == dt.datetime(2026, 3, 11)


def test_a_fulfilled_commitment_keeps_every_letter_that_fulfilled_it(recorded):
    promise = parse_toezegging(recorded("tk/entity_toezegging_afgedaan.xml"))
    assert (promise.status, promise.tk_status) == ("voldaan", "Afgedaan")
    assert promise.due == dt.date(2024, 6, 30)
    assert promise.fulfilled_by == ["2024D20515", "2024D22907"]
    assert promise.minister == "K.H. Ollongren"  # composed when there is no full name
    assert promise.repeats == ["f0d26b8e-3a71-4e94-8c05-6b2e9d1f7a43"]


@pytest.mark.parametrize(
    ("tk_status", "ours"),
    [
        ("Openstaand", "openstaand"),
        ("Voldaan", "voldaan"),
        ("Afgedaan", "voldaan"),
        ("Deels Voldaan", "deels_voldaan"),
        ("Deels voldaan", "deels_voldaan"),
        ("Deels Afgedaan", "deels_voldaan"),
        ("Vervallen", "vervallen"),
        ("Iets nieuws", None),
    ],
)
def test_it_maps_every_register_status_to_ours(recorded, tk_status, ours):
    xml = recorded("tk/entity_toezegging_open.xml").replace(b">Openstaand<", f">{tk_status}<".encode())
    promise = parse_toezegging(xml)
    assert (promise.status, promise.tk_status) == (ours, tk_status)


def test_our_statuses_are_the_four_of_the_register():
    assert set(TOEZEGGING_STATUSES.values()) == {"openstaand", "voldaan", "deels_voldaan", "vervallen"}


def test_it_refuses_an_entity_of_another_kind(recorded):
    with pytest.raises(SourceFormatError, match="toezegging"):
        parse_toezegging(recorded("tk/entity_document_3f6e2a1c.xml"))
