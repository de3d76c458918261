"""A ministry's words for how far a promise is, in the register's terms, and where it was made."""

import datetime as dt

import pytest

from ingest.stated_status import stated_status
from ingest.vindplaats import resolve_vindplaats


@pytest.mark.parametrize("words, status", [
    ("Afgedaan", "voldaan"),
    ("Afgerond.", "voldaan"),
    ("Gereed", "voldaan"),
    ("Ja", "voldaan"),
    ("Met deze brief is de toezegging afgedaan.", "voldaan"),
    ("De toezegging kan als afgedaan worden beschouwd.", "voldaan"),
    ("De Kamer is met de brief van 3 maart 2024 geïnformeerd.", "voldaan"),
    ("Deels afgedaan", "deels_voldaan"),
    ("Deels", "deels_voldaan"),
    ("Deels uitgevoerd; de rest volgt in mei.", "deels_voldaan"),
    ("Loopt", "openstaand"),
    ("In uitvoering", "openstaand"),
    ("Deels in uitvoering", "openstaand"),
    ("Nee", "openstaand"),
    ("Nog niet afgerond", "openstaand"),
    ("De toezegging is nog niet afgedaan", "openstaand"),
    ("Wordt meegenomen in de voortgangsbrief van mei 2024", "openstaand"),
    ("De Kamer wordt voor de zomer geïnformeerd.", "openstaand"),
    ("Het onderzoek wordt in mei afgerond.", "openstaand"),
    ("Dit is een lopend traject dat in 2025 wordt afgerond", "openstaand"),
    ("Er is toegezegd dat de Kamer in mei wordt geïnformeerd", "openstaand"),
])
def test_the_ministrys_words_map_to_a_status(words, status):
    assert stated_status(words) == status


def test_without_words_of_its_own_a_row_takes_the_status_of_its_part_of_the_table():
    assert stated_status("", "Afgedane toezeggingen") == "voldaan"
    assert stated_status("", "Openstaande toezeggingen") == "openstaand"
    assert stated_status("", "Veiligheid") == "openstaand"
    assert stated_status("Loopt", "Afgedane toezeggingen") == "openstaand"  # the row's own words first


@pytest.mark.parametrize("written, kamerstuk, handelingen, day, number", [
    ("Kamerstuk 29 628, nr. 1150", "29628-1150", None, None, None),
    ("11-06-2009 Wetgevingsoverleg (31 924 VII, nr. 1)", "31924-VII-1", None, dt.date(2009, 6, 11), None),
    ("Handelingen II 2022/23, nr. 45, item 12", None, "h-tk-20222023-45-12", None, None),
    ("Plenair debat begroting, 16 november 2023 (Handelingen II 2023–2024, nr. 20)", None, "h-tk-20232024-20",
     dt.date(2023, 11, 16), None),
    ("Handelingen I 2019/20, nr. 12, item 5", None, "h-ek-20192020-12-5", None, None),
    ("Commissiedebat Politie d.d. 12 april 2023, TZ202304-117", None, None, dt.date(2023, 4, 12), "TZ202304-117"),
    ("Schriftelijk overleg", None, None, None, None),
])
def test_a_vindplaats_is_resolved(written, kamerstuk, handelingen, day, number):
    found = resolve_vindplaats(written)
    assert (found.kamerstuk, found.handelingen, found.promised_on, found.tk_number) == (
        kamerstuk, handelingen, day, number)
