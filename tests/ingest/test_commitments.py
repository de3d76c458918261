"""What counts as a commitment to the Kamer, and what only looks like one (docs/domain.md)."""

import datetime as dt

import pytest

from ingest.commitments import find_commitments
from tests.ingest.promises import found_in
from ingest.model import Reference

LETTER_DATE = dt.date(2023, 11, 21)


def found(sentence, date=LETTER_DATE):
    return found_in(sentence, date)


@pytest.mark.parametrize("sentence", [
    # first person
    "In december informeer ik uw Kamer wederom over de dan geldende veiligheidssituatie in Irak.",
    "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van het onderzoek.",
    "Voor het einde van het jaar stuur ik uw Kamer een brief over de voortgang.",
    "Ik kom hier in het voorjaar bij uw Kamer op terug.",
    "Ik ben voornemens uw Kamer in het eerste kwartaal van 2024 een wetsvoorstel voor te leggen.",
    "Ik verwacht uw Kamer medio 2024 de evaluatie te kunnen sturen.",
    "Ik zal de Kamer op de hoogte houden van de verdere ontwikkelingen.",
    "Ik informeer uw Kamer zodra het onderzoek is afgerond.",
    # the government, plural
    "Het kabinet streeft ernaar hierover een besluit te nemen voor het einde van 2024.",
    "Wij zullen u na de zomer de kabinetsreactie op het rapport doen toekomen.",
    "Het kabinet zal uw Kamer in het najaar informeren over de uitwerking.",
    # passive
    "Uw Kamer wordt hier zo spoedig mogelijk over geïnformeerd.",
    "Uw Kamer zal hierover op een ander tijdstip nader worden geïnformeerd.",
    "Het wetsvoorstel wordt in het voorjaar bij uw Kamer ingediend.",
    # addressed
    "U kunt de brief in januari tegemoet zien.",
    "Na de zomer ontvangt uw Kamer de voortgangsrapportage.",
    # third person
    "De minister geeft in december een nieuwe update over de veiligheidssituatie.",
    "De staatssecretaris stuurt de Kamer voor de zomer een brief over de uitvoering.",
    "De Kamer krijgt in het voorjaar de evaluatie van de proef met begeleid rijden.",
    # the Kamer's committee, written in lower case
    "Ik zal de vaste commissie voor de zomer informeren over de uitkomsten van de pilot.",
    # a promise carried by a later letter
    "Indien ontwikkelingen daartoe aanleiding geven, zullen deze worden meegenomen in de brief die uw Kamer toekomt.",
])
def test_it_finds_a_promise_to_the_kamer(sentence):
    assert len(found(sentence)) == 1


@pytest.mark.parametrize("sentence", [
    # the past
    "In december informeerde ik uw Kamer over de veiligheidssituatie.",
    "Op 3 mei jl. heb ik uw Kamer geïnformeerd over de stand van zaken.",
    "In het commissiedebat informeerde het kabinet uw Kamer dat het dreigingsniveau is verhoogd.",
    "De Kamer heeft de kabinetsreactie op dit rapport op 17 oktober 2023 ontvangen.",
    "Uw Kamer is op 12 september jl. over het besluit geïnformeerd.",
    # what this letter itself does
    "Zoals toegezegd in het commissiedebat van 25 oktober jl. informeer ik u hierbij over de stand van zaken.",
    "In deze brief ga ik in op de vragen van uw Kamer.",
    "Met deze brief informeer ik u over de uitkomsten van de Raad.",
    "Het kabinet zal in de volgende paragrafen ingaan op de gevolgen.",
    "Hierbij zend ik u de antwoorden op de vragen van de vaste commissie.",
    # conditional offers
    "Indien uw Kamer dat wenst, ben ik bereid een technische briefing te verzorgen.",
    "Desgewenst kan ik uw Kamer hierover vertrouwelijk informeren.",
    # positions and plans of others
    "Het kabinet zal in de Raad aandringen op een sterke en eensgezinde oproep.",
    "ProRail zal de werkzaamheden in 2024 afronden.",
    "Nederland zal in de NAVO pleiten voor meer steun aan Oekraïne.",
    # the future without a promise
    "De missie zal tot en met mei 2025 duren.",
    "De komende weken zal moeten blijken welk vervolg de Iraakse regering aan de motie geeft.",
    # a question of the Kamer
    "Wanneer informeert u de Kamer over de meldstructuren?",
    # a request of the Kamer, retold
    "De motie-Jansen verzoekt de regering de Kamer voor de zomer te informeren over de wachtlijsten.",
])
def test_it_does_not_take_look_alikes_for_a_promise(sentence):
    assert found(sentence) == []


def test_the_due_date_and_its_wording_come_from_the_sentence():
    [commitment] = found("In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak.")
    assert commitment.due == dt.date(2023, 12, 31)
    assert commitment.due_text == "In december"
    assert commitment.precision == "maand"


def test_a_promise_without_a_period_has_no_due_date():
    [commitment] = found("Uw Kamer wordt hier zo spoedig mogelijk over geïnformeerd.")
    assert commitment.due is None
    assert commitment.precision == "geen"


@pytest.mark.parametrize("sentence, kind", [
    ("Ik zal uw Kamer voor de zomer informeren over de uitkomsten.", "informeren"),
    ("Voor het einde van het jaar stuur ik uw Kamer een brief over de voortgang.", "brief"),
    ("Het kabinet streeft ernaar hierover een besluit te nemen voor het einde van 2024.", "besluit"),
    ("Het wetsvoorstel wordt in het voorjaar bij uw Kamer ingediend.", "wetsvoorstel"),
    ("Wij zullen u na de zomer de kabinetsreactie op het rapport doen toekomen.", "reactie"),
])
def test_it_names_what_is_promised(sentence, kind):
    [commitment] = found(sentence)
    assert commitment.kind == kind


def test_offsets_and_page_point_at_the_sentence_in_the_document():
    page_one = "Het kabinet volgt de situatie.\n\n"
    page_two = "Achtergrond.\n\nIn december informeer ik uw Kamer over de uitkomsten."
    text = page_one + page_two
    [commitment] = find_commitments(text, [0, len(page_one)], LETTER_DATE, [])[0]
    assert text[commitment.start:commitment.end] == commitment.text
    assert commitment.page == 2


def test_a_news_item_dated_by_month_only_counts_from_that_month():
    text = "date 2023-11 Kabinet over Irak\n\nDe minister geeft in december een nieuwe update over Irak."
    [commitment] = find_commitments(text, [0], None, [])[0]
    assert commitment.due == dt.date(2023, 12, 31)


def test_a_postponement_cites_the_earlier_letter_and_is_followed_by_the_new_promise():
    text = ("Het is niet mogelijk, zoals eerder toegezegd (Kamerstuk 27 925, nr. 943), uw Kamer eind februari "
            "te informeren over de evaluatie. Het kabinet streeft ernaar uw Kamer voor de zomer te informeren.")
    start = text.index("Kamerstuk")
    reference = Reference(kamerstuk="27925-943", dossier="27925", number="943", text="Kamerstuk 27 925, nr. 943",
                          start=start, end=start + 25)
    commitments, postponements = find_commitments(text, [0], dt.date(2024, 2, 10), [reference])
    [postponement] = postponements
    assert postponement.of == "27925-943"
    assert postponement.new_due == dt.date(2024, 6, 30)
    assert postponement.text.startswith("Het is niet mogelijk")
    [commitment] = commitments
    assert commitment.text.startswith("Het kabinet streeft ernaar")
    assert commitment.due == dt.date(2024, 6, 30)


def test_a_postponement_without_a_citation_has_no_earlier_document():
    text = "Helaas is het niet gelukt uw Kamer, zoals toegezegd, voor het kerstreces te informeren."
    commitments, postponements = find_commitments(text, [0], LETTER_DATE, [])
    assert len(postponements) == 1 and postponements[0].of is None
    assert commitments == []


@pytest.mark.parametrize("sentence", [
    "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.",
    "Ik deel u mee dat het niet mogelijk is deze vragen binnen de gestelde termijn te beantwoorden.",
    "Om die reden verzoek ik u om uitstel van een inhoudelijke reactie op het schrijven.",
])
def test_questions_not_answered_in_time_and_a_request_for_more_time_are_a_postponement(sentence):
    assert len(find_commitments(sentence, [0], LETTER_DATE, [])[1]) == 1


def test_a_promise_made_for_then_takes_the_time_of_the_sentence_before():
    text = ("Ik zal de vragen uiterlijk 13 mei beantwoorden. Tevens zal ik u dan de toegezegde brief over het "
            "medegebruik sturen. Dan ook is het debat gepland.")
    commitments = found(text)
    assert [c.due for c in commitments] == [dt.date(2024, 5, 13)] * 2


def test_a_letter_sent_today_beside_this_one_is_no_promise():
    assert found("Separaat ontvangt de Kamer vandaag een brief over de kosten van het programma.") == []


def test_a_next_sentence_that_only_says_when_is_part_of_the_promise():
    text = "Ik zal uw Kamer over de uitkomsten informeren. Dit gebeurt voor de zomer. Het weer is goed."
    [commitment] = found(text)
    assert commitment.text == "Ik zal uw Kamer over de uitkomsten informeren. Dit gebeurt voor de zomer."
    assert commitment.due == dt.date(2024, 6, 30)


@pytest.mark.parametrize("sentence", [
    "De Commissie komt in het voorjaar met een voorstel voor de herziening van de richtlijn.",
    "De Commissie presenteert in maart haar werkprogramma aan de lidstaten.",
])
def test_it_ignores_plans_of_the_european_commission(sentence):
    assert found(sentence) == []


def test_a_request_named_in_passing_does_not_hide_the_promise():
    sentence = "Over de gevolgen van het advies, waar de motie-Jansen om vraagt, informeer ik uw Kamer in het voorjaar."
    [commitment] = found(sentence)
    assert commitment.due == dt.date(2024, 5, 31)
