"""Which ministry each sender belongs to, across the renamings since 2010."""

import datetime as dt

import pytest

from ingest.ministries import current, ministries_of
from ingest.pipeline import analyse_path


@pytest.mark.parametrize("sender, on, ministries", [
    ("Minister van Defensie", None, ["Defensie"]),
    ("Staatssecretaris van Defensie", None, ["Defensie"]),
    ("Minister voor Medische Zorg", None, ["VWS"]),
    ("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", None, ["BZ"]),
    ("Minister van Buitenlandse Zaken en Minister van Defensie", None, ["BZ", "Defensie"]),
    ("Ministers van Buitenlandse Zaken en van Defensie", None, ["BZ", "Defensie"]),
    ("Minister-President, Minister van Algemene Zaken", None, ["AZ"]),
    ("Staatssecretaris van Economische Zaken, Landbouw en Innovatie", dt.date(2011, 5, 1), ["ELI"]),
    ("Minister van Economische Zaken", dt.date(2015, 5, 1), ["EZ"]),
    ("Minister van Economische Zaken en Klimaat", dt.date(2020, 5, 1), ["EZK"]),
    ("Minister voor Klimaat en Energie", dt.date(2023, 5, 1), ["EZK"]),
    ("Minister van Klimaat en Groene Groei", dt.date(2025, 5, 1), ["KGG"]),
    ("Minister voor Volkshuisvesting en Ruimtelijke Ordening", dt.date(2023, 5, 1), ["BZK"]),
    ("Minister van Volkshuisvesting en Ruimtelijke Ordening", dt.date(2025, 5, 1), ["VRO"]),
    ("Minister van Veiligheid en Justitie", dt.date(2014, 5, 1), ["VenJ"]),
    # an old name written after the renaming means its successor
    ("Staatssecretaris van Justitie", dt.date(2024, 11, 5), ["JenV"]),
    # a name typed without its diaeresis
    ("Staatssecretaris van Financien", None, ["Financiën"]),
])
def test_each_sender_belongs_to_its_ministry(sender, on, ministries):
    assert ministries_of(sender, on) == ministries


def test_a_renamed_ministry_is_held_by_its_successors_today():
    assert current("VenJ") == ["JenV"]
    assert current("EZK") == ["EZ", "KGG"]
    assert current("ELI") == ["EZ", "LVVN"]


def analyse_text(tmp_path, text):
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    return analyse_path(path)


def test_a_signature_keeps_the_commas_of_a_ministry_name(tmp_path):
    analysis = analyse_text(tmp_path, "Den Haag, 3 maart 2014\n\nIk zal u in mei informeren.\n\n"
                                      "De Minister van Volksgezondheid, Welzijn en Sport,\nA.B. Voorbeeld\n")
    assert analysis.sender == "Minister van Volksgezondheid, Welzijn en Sport"
    assert analysis.signatories == ["A.B. Voorbeeld"]
    assert analysis.ministries == ["VWS"]


def test_an_answer_names_its_minister_in_its_heading(tmp_path):
    analysis = analyse_text(tmp_path, "Antwoord van Minister Voorbeeld (Economische Zaken en Klimaat) (ontvangen 6 "
                                      "december 2021)\n\nVraag 1\nWat is de stand?\n\nAntwoord 1\nDe stand is goed.\n")
    assert analysis.ministries == ["EZK"]


def test_a_joint_letter_belongs_to_each_ministry(tmp_path):
    analysis = analyse_text(tmp_path, "Den Haag, 3 maart 2014\n\nHierbij zend ik u, mede namens de Minister van "
                                      "Financiën, het overzicht.\n\nDe Minister van Defensie,\nA.B. Voorbeeld\n")
    assert analysis.ministries == ["Defensie", "Financiën"]


def test_one_ministry_named_by_an_office_a_name_or_a_code():
    from ingest.ministries import ministry_label, ministry_of

    on = dt.date(2024, 3, 1)
    assert ministry_of("minister van Defensie", on) == "Defensie"
    assert ministry_of("De Minister van Buitenlandse Zaken, mede namens de Minister van Defensie", on) == "BZ"
    assert ministry_of("ministerie van Financien", on) == "Financiën"
    assert ministry_of("BZK", on) == "BZK" and ministry_of("jenv", on) == "JenV"
    assert ministry_of("Economische Zaken", dt.date(2015, 1, 1)) == "EZ"
    assert ministry_of("Kabouterzaken", on) is None and ministry_of("", on) is None
    assert ministry_label("IenM") == "Infrastructuur en Milieu" and ministry_label("Onbekend") == "Onbekend"


def test_a_list_of_questions_belongs_to_the_minister_who_was_asked(tmp_path):
    analysis = analyse_text(tmp_path, "12 345 Voorbeelddossier\n\nNr. 20 LIJST VAN VRAGEN EN ANTWOORDEN\n\n"
                                      "Vastgesteld 3 maart 2020\n\nDe vaste commissie voor Economische Zaken heeft "
                                      "een aantal vragen voorgelegd aan de Staatssecretaris van Infrastructuur en "
                                      "Waterstaat over de brief van 1 februari 2020.\n\nVraag 1\nHoe staat het?\n\n"
                                      "Antwoord\nHet gaat goed.\n")
    assert analysis.sender == "Staatssecretaris van Infrastructuur en Waterstaat"
    assert analysis.ministries == ["IenW"]


def test_a_signature_with_the_name_above_the_office(tmp_path):
    analysis = analyse_text(tmp_path, "Geachte Voorzitter,\n\nDe vragen kunnen niet binnen de termijn worden "
                                      "beantwoord.\n\nA. Voorbeeld\nMinister van Sociale Zaken en Werkgelegenheid\n\n"
                                      "Bron: Rijksoverheid\n")
    assert analysis.sender == "Minister van Sociale Zaken en Werkgelegenheid"
    assert analysis.ministries == ["SZW"]


def test_a_news_item_names_the_minister_with_the_ministrys_code(tmp_path):
    analysis = analyse_text(tmp_path, "Uitstel beantwoording vragen\n\nMinister Voorbeeld (OCW) laat de Kamer weten "
                                      "dat de vragen van het lid Anders (VVD) later worden beantwoord.\n")
    assert analysis.ministries == ["OCW"]


def test_on_behalf_of_in_a_sentence_about_an_earlier_letter_is_not_this_letters(tmp_path):
    analysis = analyse_text(tmp_path, "Den Haag, 3 maart 2014\n\nWij verwijzen naar de brief die wij onlangs mede "
                                      "namens de Minister-President aan de Eerste Kamer verstuurden.\n\nHierbij "
                                      "zend ik u, mede namens de Minister van Financiën, de agenda.\n\n"
                                      "De Minister van Buitenlandse Zaken,\nA.B. Voorbeeld\n")
    assert analysis.ministries == ["BZ", "Financiën"]


@pytest.mark.parametrize("text, ministries", [
    ("De ministers Een (Buitenlandse Zaken), Twee (Defensie) en Drie (Justitie en Veiligheid) sturen een brief naar "
     "de Eerste Kamer.", ["BZ", "Defensie", "JenV"]),
    ("Staatssecretaris Van der Voorbeeld (Defensie) geeft antwoord op nadere vragen.", ["Defensie"]),
    ("De commissie heeft vragen voorgelegd aan de minister voor Infrastructuur en Milieu over de brief.", ["IenM"]),
])
def test_senders_as_summaries_and_lists_of_questions_name_them(tmp_path, text, ministries):
    assert analyse_text(tmp_path, f"Den Haag, 3 maart 2012\n\n{text}\n").ministries == ministries


def test_the_minister_for_immigration_and_asylum_of_2010_belongs_to_bzk():
    from ingest.ministries import ministries_of

    assert ministries_of("Minister voor Immigratie en Asiel", dt.date(2011, 4, 8)) == ["BZK"]


def test_offices_named_on_behalf_of_in_the_text_are_no_signatories(tmp_path):
    text = ("33 820 Evaluatie van de wet\n\nNr. 1 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN "
            "KONINKRIJKSRELATIES\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 2 december 2013\n\nHierbij bied ik u, mede namens de Minister-President, Minister van Algemene "
            "Zaken, de Minister van Defensie en de Minister van Veiligheid en Justitie, het rapport aan.\n\n"
            "De Minister van Binnenlandse Zaken en Koninkrijksrelaties, A.B. Voorbeeld\n")
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    analysis = analyse_path(path)
    assert analysis.sender == "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
    assert analysis.ministries == ["BZK", "AZ", "Defensie", "VenJ"]  # the signer's first, then each on whose behalf


def test_a_signature_after_the_closing_on_its_line_is_read(tmp_path):
    text = ("Datum 3 mei 2024\n\nIk blijf uw Kamer op de hoogte houden. Hoogachtend, de Minister voor "
            "Rechtsbescherming, A.B. Voorbeeld\n")
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    assert analyse_path(path).sender == "Minister voor Rechtsbescherming"


@pytest.mark.parametrize("heading, ministries", [
    ("Antwoord van Staatssecretaris Voorbeeld (Veiligheid en Justitie) mede namens de Minister van Binnenlandse Zaken "
     "en Koninkrijksrelaties (ontvangen 25 februari 2015)", ["VenJ", "BZK"]),
    ("Antwoord van minister Een (Veiligheid en Justitie) en minister Twee (Defensie), mede namens de staatssecretaris "
     "van Infrastructuur en Milieu (ontvangen 20 augustus 2013)", ["VenJ", "Defensie", "IenM"]),
    ("Antwoord van minister-president Voorbeeld (Algemene Zaken), mede ondertekend door de minister van Sociale Zaken "
     "en Werkgelegenheid (ontvangen 12 juli 2013).", ["AZ", "SZW"]),
])
def test_an_answer_belongs_to_every_office_its_heading_names(tmp_path, heading, ministries):
    analysis = analyse_text(tmp_path, f"{heading}\n\nVraag 1\nWat is de stand?\n\nAntwoord 1\nDe stand is goed.\n")
    assert analysis.ministries == ministries


def test_a_sender_wrapped_before_the_rest_of_a_ministry_name_keeps_it(tmp_path):
    text = ("12 345 Industriebeleid\nNr. 260\nBRIEF VAN DE MINISTER VAN KLIMAAT EN GROENE GROEI EN DE STAATSSECRETARIS "
            "VAN INFRASTRUCTUUR\nEN WATERSTAAT\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
            "Den Haag, 30 juni 2025\nIk informeer u over de stand van zaken.\n")
    assert analyse_text(tmp_path, text).ministries == ["KGG", "IenW"]


def test_offices_listed_with_commas_each_belong_to_their_ministry():
    assert ministries_of("Minister van Buitenlandse Zaken, van Defensie en Minister van Asiel en Migratie",
                         dt.date(2025, 5, 1)) == ["BZ", "Defensie", "AenM"]
    assert ministries_of("Minister voor Asiel en Migratie", dt.date(2026, 1, 22)) == ["AenM"]


def test_what_was_said_on_behalf_of_another_before_is_not_this_letters(tmp_path):
    analysis = analyse_text(tmp_path, "Den Haag, 3 maart 2011\n\nIn het debat van 25 mei jl. heb ik mede namens de "
                                      "staatssecretaris van Infrastructuur en Milieu aangegeven dat ik met een visie "
                                      "kom. Ik zal u deze visie in september toesturen.\n\nDe Minister van Defensie,\n"
                                      "A.B. Voorbeeld\n")
    assert analysis.ministries == ["Defensie"]


def test_what_was_promised_before_and_is_sent_now_on_behalf_of_another_is_this_letters(tmp_path):
    analysis = analyse_text(tmp_path, "Den Haag, 3 maart 2011\n\nZoals toegezegd in die brief ontvangt u, mede namens "
                                      "de Staatssecretaris van Sociale Zaken en Werkgelegenheid, een eerste reactie."
                                      "\n\nDe Minister van Defensie,\nA.B. Voorbeeld\n")
    assert analysis.ministries == ["Defensie", "SZW"]


def test_offices_sent_on_behalf_of_keep_their_bracketed_codes(tmp_path):
    analysis = analyse_text(tmp_path, "Den Haag, 1 juli 2019\n\nMet deze brief geef ik, mede namens de Minister van "
                                      "Onderwijs, Cultuur en Wetenschap (OCW) en de Minister van Sociale Zaken en "
                                      "Werkgelegenheid (SZW) uitvoering aan deze motie.\n\nDe Minister van "
                                      "Binnenlandse Zaken en Koninkrijksrelaties,\nA.B. Voorbeeld\n")
    assert analysis.ministries == ["BZK", "OCW", "SZW"]
