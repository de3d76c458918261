"""A letter's own number as published copies show it: after a mirror's furniture, in a publication table,
in a title line, with an Eerste Kamer letter, in older header forms."""

import pytest

from ingest.pipeline import analyse_path

BODY = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2014

Hierbij zend ik u het overzicht van de stand van zaken, zoals gevraagd door de vaste commissie.

De Minister van Infrastructuur en Milieu,
A.B. Voorbeeld
"""


def analyse_text(tmp_path, text):
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    return analyse_path(path)


PUBLICATION_TABLE_GLUED = """Kamerstuk

Datum publicatieOrganisatieVergaderjaarDossier- en ondernummer
Tweede Kamer der Staten-Generaal2013-201431456 nr. 77

31 456 Verkeersveiligheid op provinciale wegen

Nr. 77 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU

""" + BODY

PUBLICATION_TABLE_WITH_BARS = """Brief regering : Stand van zaken verkeersveiligheid
Kamerstuk / Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer
Tweede Kamer der Staten-Generaal | 2013-2014 | 31456 nr. 77

""" + BODY

SITE_TITLE = """Kamerstuk 31456-XII-77

Stand van zaken verkeersveiligheid

Dossier: Vaststelling van de begrotingsstaten (XII) voor het jaar 2014
Gepubliceerd: 4 maart 2014
Bron: https://zoek.officielebekendmakingen.nl/kst-31456-XII-77.html

Nr. 77 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU

""" + BODY

OLDER_HEADER = """31 456 XII
Vaststelling van de begrotingsstaten van het Ministerie van Infrastructuur en Milieu (XII) voor het jaar 2014

nr. 77
BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU

""" + BODY

NO_SPACE_AFTER_NR = """31 456 Verkeersveiligheid op provinciale wegen

Nr.77 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU

""" + BODY


TABLE_CELLS_IN_HEADER = """Stand van zaken verkeersveiligheid
Brief regering
- 2014-03-12 14:00: Verkeersveiligheid (Commissiedebat), vaste commissie
Preview document (origineel)
Tweede Kamer der Staten-Generaal | 2 |
Vergaderjaar 2013-2014 |
31 456 Verkeersveiligheid op provinciale wegen
Nr. 77 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU
""" + BODY


@pytest.mark.parametrize("text, own", [
    (TABLE_CELLS_IN_HEADER, "31456-77"),
    (PUBLICATION_TABLE_GLUED, "31456-77"),
    (PUBLICATION_TABLE_WITH_BARS, "31456-77"),
    (SITE_TITLE, "31456-XII-77"),
    (OLDER_HEADER, "31456-XII-77"),
    (NO_SPACE_AFTER_NR, "31456-77"),
], ids=["table-cells", "table-glued", "table-bars", "site-title", "older-header", "nr-without-space"])
def test_it_finds_the_own_number_after_any_furniture(tmp_path, text, own):
    analysis = analyse_text(tmp_path, text)
    assert analysis.kamerstuk == own
    assert analysis.text.startswith("Hierbij zend ik u het overzicht")
    assert own not in {r.kamerstuk for r in analysis.references}


EERSTE_KAMER = """Kamerstuk

Datum publicatieOrganisatieVergaderjaarDossier- en ondernummer
Eerste Kamer der Staten-Generaal2013-2014CIV nr. F

CIV Nota over de inrichting van het openbaar bestuur

F BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES

Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

Den Haag, 3 maart 2014

In september zend ik uw Kamer de gevraagde analyse.
"""

EERSTE_KAMER_TWO_DOSSIERS = """31 456 Wijziging van de Wegenverkeerswet
32 789 Invoering van de Wegenverkeerswet 2015

G1 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU

Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

Den Haag, 3 maart 2014

Ik zal uw Kamer in september informeren over de evaluatie.
"""


def test_it_reads_an_eerste_kamer_letter_under_a_roman_dossier(tmp_path):
    analysis = analyse_text(tmp_path, EERSTE_KAMER)
    assert (analysis.kamerstuk, analysis.dossiers) == ("CIV-F", ["CIV"])
    assert analysis.text.startswith("In september zend ik")


def test_it_reads_an_eerste_kamer_letter_with_a_footnote_mark_in_two_dossiers(tmp_path):
    analysis = analyse_text(tmp_path, EERSTE_KAMER_TWO_DOSSIERS)
    assert (analysis.kamerstuk, analysis.dossiers) == ("31456-G", ["31456", "32789"])


def test_a_letter_without_a_number_has_none(tmp_path):
    assert analyse_text(tmp_path, BODY).kamerstuk is None


MIRROR_TITLE_LINE = """Direct naar (in deze pagina): inhoud, zoekveld of menu.

Vaststelling begroting Wegenfonds voor het jaar 2015

31456 J 12 Brief van de minister van infrastructuur en milieu

Vergaderjaar 2014-2015

Nr. 12

""" + BODY

TK_MIRROR = """[overzicht] [activiteiten] [kamerstukdossiers] [toezeggingen]

Stand van zaken verkeersveiligheid

Brief regering

Nummer: 2014D09876, datum: 2014-03-04, bijgewerkt: 2014-03-05 10:12, versie: 1

Onderdeel van kamerstukdossier 31456 -77 Verkeersveiligheid op provinciale wegen.

Preview document (origineel)

Geachte voorzitter,

Hierbij zend ik u het overzicht van de stand van zaken.
"""


OVERHEID_MIRROR = """Skip navigatie, ga direct naar de Inhoud

Vergaderjaar 2013-2014
Kamerstuk 31456 nr. 77

Gepubliceerd op 5 maart 2014 10:12

Toon alle stukken in dossier Bijlagen31 456 Verkeersveiligheid op provinciale wegen

""" + BODY


def test_it_reads_a_kamerstuk_line_of_a_mirror(tmp_path):
    assert analyse_text(tmp_path, OVERHEID_MIRROR).kamerstuk == "31456-77"


def test_it_reads_a_mirror_title_line_with_dossier_suffix_and_number(tmp_path):
    assert analyse_text(tmp_path, MIRROR_TITLE_LINE).kamerstuk == "31456-J-12"


def test_it_reads_the_tweede_kamer_mirror_lines_for_number_and_date(tmp_path):
    analysis = analyse_text(tmp_path, TK_MIRROR)
    assert analysis.kamerstuk == "31456-77"
    assert analysis.date.isoformat() == "2014-03-04"
    assert analysis.text.startswith("Hierbij zend ik u")


@pytest.mark.parametrize("opening, date", [
    ("Ministerie van Defensie\n\nUitstel van de evaluatie\n\n22 januari 2009\n\nOndertekenaar: Staatssecretaris van "
     "Defensie\n\n", "2009-01-22"),
    ("Nieuwe regels voor rijscholen\n\n31 mei 2022, 12:27 Algemeen\n\n", "2022-05-31"),
    ("Kamervraag 2024Z05226\nIngediend 27 maart 2024\nBeantwoord 3 april 2024 (na 7 dagen)\n\n", "2024-04-03"),
    # above the title, on one line with it where the copy joined them
    ("Rijksoverheid\n\n\n23 november 2010\nToezegging aan de Eerste Kamer\n\n", "2010-11-23"),
    # a field of a line of fields, written out or in figures
    ("Nieuws | 18 april 2024\n\nKamerbrief over de voortgang\n\n", "2024-04-18"),
    ("Ministerie van Buitenlandse Zaken\n\nKamerbrief over de agenda\n\n11-03-2009 | Kamerstuk | Ministerie van "
     "Buitenlandse Zaken\n\n", "2009-03-11"),
    # a news item's stamp, with the time it was written, also after a stamp that gives only the month
    ("Politiek\n\nKamer moet geduld hebben\n\nDEN HAAG (ANP). De minister zei dat dinsdag.\n\n8 April 2014 20:38"
     "Gewijzigd op 15 November 2020 09:55\n\n", "2014-04-08"),
    (" date 2016-11 Kamer krijgt vooraf blik op risico's\n\nDEN HAAG - De staatssecretaris licht de Kamer in.\n\n"
     "Door ANP - 2-11-2016, 22:23 (Update 2-11-2016, 22:23)\n\n", "2016-11-02"),
    # under a mirror's menu lines
    ("Menu\n\nZoek op\nrubriek\nKlimaatweb\n0\n\nKamerbrief over het eindverslag\n\nMinister Jetten stuurt de Kamer "
     "het eindverslag.\n\n22 november 2022\n\nKamerstuk: kamerbrief\n\nGeachte Voorzitter,\n\n", "2022-11-22"),
])
def test_it_reads_a_date_standing_alone_under_a_title(tmp_path, opening, date):
    analysis = analyse_text(tmp_path, opening + "Het onderzoek loopt nog. De resultaten volgen in week 6.\n")
    assert analysis.date.isoformat() == date


EERSTE_KAMER_MIRROR = """Direct naar (in deze pagina): inhoud, zoekveld of menu.

  • Download PDF

Wijziging van de begroting voor de verduurzaming van rijksgebouwen

34455 H BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES

Vergaderjaar 2018-2019

""" + BODY


def test_an_eerste_kamer_mirror_line_gives_the_letter_and_the_title_above_it(tmp_path):
    analysis = analyse_text(tmp_path, EERSTE_KAMER_MIRROR)
    assert analysis.kamerstuk == "34455-H"
    assert analysis.title == "Wijziging van de begroting voor de verduurzaming van rijksgebouwen"


@pytest.mark.parametrize("furniture", [
    "[overzicht] [activiteiten] [besluiten] [commissies]",
    "Nummer: 2011D27665, datum: 2011-05-26, bijgewerkt: 2024-02-19 10:56, versie: 1",
    "Documentdatum | 02-02-2023 |",
    "• No results found",
])
def test_a_copys_navigation_and_metadata_are_never_its_title(tmp_path, furniture):
    text = f"{furniture}\n\nLijst van vragen over de verdeling van het provinciefonds\n\nVraag 1\n\nKlopt het?\n"
    assert analyse_text(tmp_path, text).title == "Lijst van vragen over de verdeling van het provinciefonds"


def test_a_copy_running_the_letter_on_after_the_salutation_keeps_its_text(tmp_path):
    text = ("Beantwoording vragen over de begroting\nBrief regering\n"
            "Nummer: 2016D40472, datum: 2016-10-26, bijgewerkt: 2024-02-19 10:56, versie: 2\n"
            "Geachte Voorzitter, Hierbij stuur ik uw Kamer de antwoorden op een deel van de vragen. De resterende "
            "vragen zal ik beantwoorden tijdens mijn eerste termijn. (w.g.) A.B. Voorbeeld Minister van Economische "
            "Zaken\n")
    analysis = analyse_text(tmp_path, text)
    assert "De resterende vragen zal ik beantwoorden" in analysis.text
    assert [c.text for c in analysis.commitments] == ["De resterende vragen zal ik beantwoorden tijdens mijn eerste "
                                                       "termijn."]


@pytest.mark.parametrize("site_title", [
    "Brief regering : Contouren van het huisvestingsplan",
    "Brief regering; Contouren van het huisvestingsplan",
])
def test_the_sites_title_of_the_paper_is_its_title(tmp_path, site_title):
    text = f"{site_title}\n34 919 Defensienota\nNr. 89\nBRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE\n" + BODY
    assert analyse_text(tmp_path, text).title == "Contouren van het huisvestingsplan"


def test_a_copys_links_between_its_parts_are_no_text(tmp_path):
    text = BODY + "\nX Noot\n1\n\nKamerstuk 31 456, nr. 70\n\nNaar boven\n"
    analysis = analyse_text(tmp_path, text)
    assert "Naar boven" not in analysis.text and "X Noot" not in analysis.text
    assert [r.kamerstuk for r in analysis.references] == ["31456-70"]


EK_REPORT = """12 345 Wijziging van de Voorbeeldwet in verband met een meldplicht

B VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR BINNENLANDSE ZAKEN1

Vastgesteld 3 maart 2015

De leden van de fractie hebben kennisgenomen van het wetsvoorstel.
"""
EK_FURTHER_REPORT_TWO_DOSSIERS = """12 345 Wijziging van de Voorbeeldwet

12 300 Verzamelwet Voorbeeld 2010

F1 NADER VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR ECONOMISCHE ZAKEN

Vastgesteld 3 maart 2012

De leden hebben met belangstelling kennisgenomen van de memorie van antwoord.
"""
EK_LETTER_ON_ITS_OWN_LINE = """12 345
Wijziging van de Voorbeeldwet

C
MEMORIE VAN ANTWOORD

Ontvangen 15 juni 2009

De regering heeft met belangstelling kennisgenomen van het voorlopig verslag.
"""


@pytest.mark.parametrize("text, kamerstuk", [
    (EK_REPORT, "12345-B"),
    (EK_FURTHER_REPORT_TWO_DOSSIERS, "12345-F"),
    (EK_LETTER_ON_ITS_OWN_LINE, "12345-C"),
])
def test_an_eerste_kamer_report_or_memorie_has_its_letter_as_number(tmp_path, text, kamerstuk):
    assert analyse_text(tmp_path, text).kamerstuk == kamerstuk


def test_a_paper_in_three_dossiers_is_numbered_below_all_of_them(tmp_path):
    text = ("Brief regering : Stand van zaken van een aantal moties\n12 345 Problematiek rondom voorbeelden\n"
            "12 300\nNatuurbeleid\n12 200\nMestbeleid\nNr. 415\nBRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU\n"
            + BODY)
    analysis = analyse_text(tmp_path, text)
    assert analysis.kamerstuk == "12345-415"
    assert analysis.dossiers == ["12345", "12300", "12200"]


def test_a_mirrors_dossier_line_names_the_paper_when_its_lines_run_together(tmp_path):
    text = ("Voortgang van het voorbeeldpact\nBrief regering\nNummer: 2026D02855, datum: 2026-01-22, bijgewerkt: "
            "2026-01-23 09:52, versie: 1 Directe link naar document (.docx). Onderdeel van kamerstukdossier 12345 -992 "
            "Voorbeeldraad. Onderdeel van zaak 2026Z01206.\n\nMet deze brief informeer ik u over de voortgang.\n")
    assert analyse_text(tmp_path, text).kamerstuk == "12345-992"


LONG_BILL_TITLE = """12 345 Wijziging van de Voorbeeldwet ter implementatie van de herziene
richtlijnen
12 300 Wijziging van de Wegenwet op een aantal punten van uiteenlopende aard, van
de Vervoerwet ten aanzien van het verbod en enkele technische
wijzigingen, van de Adviesweg in verband met wijzigingen in de
vorm waarin betrokkenen worden betrokken, wijziging van de
Wet op de delicten, de Wet luchtvaart, de Binnenvaartwet, de Wet
capaciteit binnenvaart, de Wet belastingen, de Waterwet, de
Invoeringswet, de Waterschapswet en de Herstelwet op enkele punten van
technische aard (Verzamelwet 2010)
F NADER VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR ECONOMISCHE ZAKEN
Vastgesteld 3 maart 2012
De leden hebben met belangstelling kennisgenomen van de memorie van antwoord.
"""
BARE_DOSSIER_WRAPPED_TITLE = """12 345
Jaarverslag van de Nationale ombudsman, de Kinderombudsman en de Veteranenombudsman over
2019
Nr. 4
BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES
""" + BODY


@pytest.mark.parametrize("text, kamerstuk", [(LONG_BILL_TITLE, "12345-F"), (BARE_DOSSIER_WRAPPED_TITLE, "12345-4")],
                         ids=["long-bill", "bare-dossier"])
def test_a_dossier_title_wrapped_over_many_lines_still_leads_to_the_number(tmp_path, text, kamerstuk):
    assert analyse_text(tmp_path, text).kamerstuk == kamerstuk


def test_a_mirrors_footnote_in_the_shape_of_a_running_header_is_a_citation(tmp_path):
    text = ("31 293 Primair onderwijs\n\nNr. 157 BRIEF VAN DE STAATSSECRETARIS VAN ONDERWIJS, CULTUUR EN "
            "WETENSCHAP\n\nDen Haag, 4 juni 2012\n\nIk zal u het wetsvoorstel voor de zomer toesturen.2\n\n"
            "X Noot\n2\n\nTweede Kamer, Vergaderjaar 2010–2011, 31 293, nr. 106\n\nNaar boven\n")
    analysis = analyse_text(tmp_path, text)
    assert analysis.kamerstuk == "31293-157"
    assert "31293-106" in [r.kamerstuk for r in analysis.references]


def test_the_date_a_copy_set_on_the_titles_line_is_not_part_of_the_title(tmp_path):
    analysis = analyse_text(tmp_path, "Rijksoverheid\n\n\n23 november 2010\nToezegging aan de Eerste Kamer\n\n"
                                      "Hierbij informeer ik u over de stand van zaken.\n")
    assert analysis.date.isoformat() == "2010-11-23"
    assert analysis.title == "Toezegging aan de Eerste Kamer"
