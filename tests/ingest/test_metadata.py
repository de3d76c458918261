"""What a document says about itself: date, own number, sender, kind, title."""

import datetime as dt

from ingest.pipeline import analyse_path

from tests.seeds import IRAK_LETTER_PDF, SEED_TEXTS


def analyse_text(tmp_path, text, name="brief.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return analyse_path(path)


KAMERSTUK_HEADER = """Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2023–2024

27 925 Bestrijding internationaal terrorisme
29 521 Nederlandse deelname aan vredesmissies

Nr. 946 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 29 september 2023

In deze brief informeren wij uw Kamer over de inzet (Kamerstuk 27 925, nr. 943).

De Minister van Buitenlandse Zaken,
H.G.J. Bruins Slot

De Minister van Defensie,
K.H. Ollongren
"""


def test_it_reads_the_date_after_den_haag(tmp_path):
    assert analyse_text(tmp_path, KAMERSTUK_HEADER).date == dt.date(2023, 9, 29)


def test_it_reads_own_number_and_both_dossiers_from_the_header_block(tmp_path):
    analysis = analyse_text(tmp_path, KAMERSTUK_HEADER)
    assert analysis.kamerstuk == "27925-946"
    assert analysis.dossiers == ["27925", "29521"]
    assert analysis.dossier_titles["29521"] == "Nederlandse deelname aan vredesmissies"


def test_it_keeps_the_header_block_out_of_the_body(tmp_path):
    analysis = analyse_text(tmp_path, KAMERSTUK_HEADER)
    assert analysis.text.startswith("In deze brief informeren wij")
    assert [r.kamerstuk for r in analysis.references] == ["27925-943"]


def test_it_reads_senders_and_signatories_from_the_signature(tmp_path):
    analysis = analyse_text(tmp_path, KAMERSTUK_HEADER)
    assert analysis.sender == "Minister van Buitenlandse Zaken en Minister van Defensie"
    assert analysis.signatories == ["H.G.J. Bruins Slot", "K.H. Ollongren"]
    assert analysis.kind == "brief"


def test_it_reads_the_sender_from_the_header_when_unsigned(tmp_path):
    text = KAMERSTUK_HEADER.split("De Minister van Buitenlandse Zaken,")[0]
    assert analyse_text(tmp_path, text).sender == "Minister van Buitenlandse Zaken en Minister van Defensie"


def test_a_ministry_name_wrapped_in_the_header_is_read_whole(tmp_path):
    text = ("31 839 Jeugdzorg\n\nNr. 297 BRIEF VAN DE STAATSSECRETARIS VAN VOLKSGEZONDHEID, WELZIJN EN\nSPORT\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 25 juni 2013\n\n"
            "Hierbij bied ik u het advies aan.\n")
    analysis = analyse_text(tmp_path, text)
    assert analysis.sender == "Staatssecretaris van Volksgezondheid, Welzijn en Sport"
    assert analysis.ministries == ["VWS"]


def test_a_minister_and_state_secretary_of_one_ministry_are_two_offices(tmp_path):
    text = ("36 410 XII Vaststelling van de begroting\n\nNr. 80 BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN "
            "INFRASTRUCTUUR EN WATERSTAAT\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 2 juni 2025\n\nHierbij bieden wij u de geannoteerde agenda aan.\n")
    analysis = analyse_text(tmp_path, text)
    assert analysis.sender == ("Minister van Infrastructuur en Waterstaat en "
                               "Staatssecretaris van Infrastructuur en Waterstaat")
    assert analysis.ministries == ["IenW"]


def test_it_does_not_guess_the_own_number_without_a_dossier():
    analysis = analyse_path(SEED_TEXTS / "000_997e94ac44658105.txt")
    assert analysis.kamerstuk is None
    assert analysis.date == dt.date(2023, 11, 21)


def test_it_reads_the_own_number_from_the_running_header_of_a_pdf():
    analysis = analyse_path(IRAK_LETTER_PDF)
    assert analysis.kamerstuk == "27925-960"
    assert analysis.sender == "Minister van Defensie"
    assert analysis.signatories == ["K.H. Ollongren"]


def test_it_reads_a_letterhead_date_and_subject(tmp_path):
    text = (
        "> Retouradres Postbus 20701 2500 ES Den Haag\n\nDe Voorzitter van de Tweede Kamer\n"
        "der Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n\nDatum 12 mei 2022\n"
        "Betreft Voortgang van de inzet in Irak\n\nGeachte voorzitter,\n\nHierbij informeer ik u.\n"
    )
    analysis = analyse_text(tmp_path, text)
    assert analysis.date == dt.date(2022, 5, 12)
    assert analysis.title == "Voortgang van de inzet in Irak"
    assert analysis.text == "Hierbij informeer ik u."


def test_it_reads_the_date_a_report_was_settled(tmp_path):
    text = ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\nVastgesteld 14 februari 2023\n\n"
            "De vaste commissie heeft vragen gesteld.\n")
    analysis = analyse_text(tmp_path, text)
    assert analysis.date == dt.date(2023, 2, 14)


def test_it_reads_the_date_answers_were_received(tmp_path):
    text = (
        "Antwoord van minister Ollongren (Defensie) (ontvangen 24 oktober 2023)\n\nVraag 1\n"
        "Kent u het bericht?\n\nAntwoord\nJa.\n\nVraag 2\nKunt u dat toelichten?\n\nAntwoord\nNee.\n"
    )
    analysis = analyse_text(tmp_path, text)
    assert analysis.date == dt.date(2023, 10, 24)
    assert analysis.kind == "antwoorden"


def test_a_notice_that_answers_will_be_late_is_read_as_the_answers_are(tmp_path):
    text = ("Vragen van de leden Jansen en De Vries aan de minister van Veiligheid en Justitie over het rampenplan "
            "(ingezonden 13 februari 2012).\n\nMededeling van minister Opstelten (Veiligheid en Justitie), mede "
            "namens de staatssecretaris van Infrastructuur en Milieu (ontvangen 7 maart 2012).\n\nDe vragen kunnen "
            "niet binnen de gebruikelijke termijn worden beantwoord. Ik streef ernaar de vragen zo spoedig mogelijk "
            "te beantwoorden.\n")
    analysis = analyse_text(tmp_path, text)
    assert analysis.kind == "antwoorden" and analysis.date == dt.date(2012, 3, 7)
    assert analysis.sender.startswith("Minister van Veiligheid en Justitie")
    assert analysis.ministries == ["VenJ", "IenM"]


def test_it_leaves_the_date_empty_when_the_text_gives_only_a_month():
    analysis = analyse_path(SEED_TEXTS / "001_2792b50de437f0a0.txt")
    assert analysis.date is None
    assert analysis.kind == "nieuws"
    assert analysis.title == "Kabinet past huidige en geplande Nederlandse inzet in Irak vooralsnog niet aan"


def test_it_does_not_take_a_date_from_the_body():
    analysis = analyse_path(SEED_TEXTS / "004_71c25b278fb7f6e3.txt")
    assert analysis.date is None  # the letter cites "d.d. 7 juli 2023" but prints no date of its own


def test_it_reads_a_kamerstuk_from_officielebekendmakingen_xml(tmp_path):
    xml = """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie><kamerstuk>
  <kamerstukkop><vergaderjaar>Vergaderjaar 2023–2024</vergaderjaar></kamerstukkop>
  <dossier><dossiernummer><dossiernr>36 200 X</dossiernr></dossiernummer>\
<titel>Vaststelling begroting Defensie</titel></dossier>
  <stuk><stuknr><ondernummer>85</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel>
    <algemeen><brief>
      <dagtekening><plaats>Den Haag</plaats>, <datum isodatum="2023-11-21">21 november 2023</datum></dagtekening>
      <al>Zie de brief<noot><noot.nr>1</noot.nr><noot.al>Kamerstuk 27 925, nr. 943.</noot.al></noot> van juli.</al>
    </brief></algemeen>
  </stuk>
</kamerstuk></officiele-publicatie>"""
    analysis = analyse_text(tmp_path, xml, name="kst-36200-X-85.xml")
    assert (analysis.kamerstuk, analysis.date) == ("36200-X-85", dt.date(2023, 11, 21))
    assert analysis.text == "Zie de brief1 van juli."
    assert analysis.footnotes == ["1 Kamerstuk 27 925, nr. 943."]
    assert [(r.kamerstuk, r.footnote) for r in analysis.references] == [("27925-943", 0)]


def test_a_header_run_into_one_line_is_read_as_a_header(tmp_path):
    # copies that lost the header's line breaks, with a garbled dash between the session's years
    analysis = analyse_text(tmp_path, "Een titel van de site\n\nTweede Kamer der Staten-Generaal 2Vergaderjaar "
                                      "2019\u01522020 31 234Voorbeeldbeleid Nr. 45 BRIEF VAN DE MINISTER VAN FINANCIËN "
                                      "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 4 maart "
                                      "2020 Het onderzoek loopt. Ik zal u voor de zomer informeren.\n")
    assert (analysis.kamerstuk, analysis.date, analysis.ministries) == ("31234-45", dt.date(2020, 3, 4), ["Financiën"])
    assert analysis.title == "Voorbeeldbeleid"
    assert [c.text for c in analysis.commitments] == ["Ik zal u voor de zomer informeren."]


def test_a_dossier_title_wrapped_over_lines_still_leads_to_the_number(tmp_path):
    analysis = analyse_text(tmp_path, "35 300 VII Vaststelling van de begrotingsstaten van het Ministerie van\n"
                                      "Binnenlandse Zaken en Koninkrijksrelaties (VII) voor het jaar 2020\n"
                                      "Nr. 113 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES\n"
                                      "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
                                      "Den Haag, 6 april 2020\n\nIk zal u de notitie in mei sturen.\n")
    assert analysis.kamerstuk == "35300-VII-113"
    assert analysis.title == ("Vaststelling van de begrotingsstaten van het Ministerie van Binnenlandse Zaken en "
                              "Koninkrijksrelaties (VII) voor het jaar 2020")


def test_a_signature_run_on_after_the_last_sentence_is_read(tmp_path):
    analysis = analyse_text(tmp_path, "Den Haag, 21 oktober 2011\n\nIk zal uw Kamer mijn visie in november doen "
                                      "toekomen. De staatssecretaris van Economische Zaken, Landbouw en Innovatie, "
                                      "A.B. Voorbeeld\n")
    assert analysis.sender == "Staatssecretaris van Economische Zaken, Landbouw en Innovatie"
    assert analysis.ministries == ["ELI"]


def test_a_signature_in_capitals_names_the_sender(tmp_path):
    text = ("Vervolgstappen project Vervanging F-16\n\nMet deze brief reageer ik op het verzoek van de vaste commissie "
            "voor Defensie over de vervolgstappen van het project.\n\nDE STAATSSECRETARIS VAN DEFENSIE\n\n"
            "drs. J.G. de Vries\n")
    analysis = analyse_text(tmp_path, text)
    assert analysis.sender == "Staatssecretaris van Defensie" and analysis.ministries == ["Defensie"]
    assert analysis.signatories == ["drs. J.G. de Vries"]


def test_an_answer_page_names_who_answered_in_brackets(tmp_path):
    text = ("Kamervraag 2031Z15295\n\nHet artikel over de uithuisplaatsingen\n\nIngediend 10 september 2031\n"
            "Beantwoord 11 oktober 2031\nIndieners A. Lid (CDA)\nBeantwoord door P. Voorbeeld (staatssecretaris "
            "volksgezondheid, welzijn en sport) (CU), A. Ander (staatssecretaris financiën) (D66)\n\n"
            "Vraag 1\nKent u het artikel?\n\nAntwoord 1\nJa.\n")
    analysis = analyse_text(tmp_path, text)
    assert analysis.kind == "antwoorden"
    assert analysis.ministries == ["VWS", "Financiën"]
    assert analysis.sender == ("Staatssecretaris van Volksgezondheid, Welzijn en Sport en Staatssecretaris van "
                               "Financiën")
