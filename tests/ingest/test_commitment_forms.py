"""Forms of promise and of non-promise as real letters write them, in sentences written for these tests."""

import datetime as dt

import pytest

from ingest.calendar_nl import recess
from tests.ingest.promises import found_in

LETTER_DATE = dt.date(2014, 3, 4)


def found(sentence, date=LETTER_DATE):
    return found_in(sentence, date)


@pytest.mark.parametrize("sentence", [
    # a promise said inside a sentence about this letter
    "Met deze brief laat ik u weten dat ik uw Kamer de gevraagde analyse in de tweede helft van mei zal toesturen.",
    # promises without a personal subject
    "Beantwoording van de vragen zal zo spoedig mogelijk plaatsvinden.",
    "De reactie op het advies volgt naar verwachting op 30 april a.s.",
    "U wordt op de hoogte gebracht van de uitkomsten van de evaluatie.",
    # verbs and forms a closed list misses
    "Het kabinet zal in de eerste helft van 2014 met een beleidsbrief komen over de sector.",
    "Uw Kamer mag uiterlijk begin volgend jaar de eindrapportage verwachten.",
    "De geannoteerde agenda gaat uw Kamer uiterlijk volgende week toe.",
    "Mijn inspanningen zijn erop gericht het wetsvoorstel kort na de zomer bij uw Kamer in te dienen.",
    "Ik streef ernaar het besluit over de verlenging binnen twee maanden na de laatste ronde van de gesprekken "
    "te nemen.",
    # planned sending, and making known
    "Na de verkiezingen is verzending van een gezamenlijke evaluatie aan uw Kamer voorzien in het zomerreces.",
    "Gezien de planning is verzending van een gezamenlijke evaluatie van de drie genoemde verkiezingen en de "
    "verkiezingen voor het Europees Parlement voorzien in het zomerreces.",
    "Het overzicht voor uw Kamer met de reactie van het kabinet is voor het derde kwartaal van dit jaar gepland.",
    # an intention that is a promise, and a paper the minister will write
    "Het is mijn voornemen de Kamer te informeren zodra de publicaties van de onderzoekers verschenen zijn.",
    "Ik zal de mogelijke varianten met hun voor- en nadelen uitwerken in een notitie.",
    "Vanaf volgend jaar zal het kabinet elk voorjaar aan u verantwoording afleggen over de behaalde resultaten.",
    # deciding with the verb before its noun, in the present tense with a time
    "Het kabinet neemt voor Prinsjesdag een besluit over de middelen voor de ondersteuning van gemeenten.",
    # a time named by the event it comes with
    "Uiterlijk bij gelegenheid van het toezenden van de jaarrapportage doe ik u ook de reactie van het kabinet "
    "toekomen.",
    "Ik streef ernaar de resultaten van de nieuwe verdeling in maart aan uw Kamer bekend te maken.",
    # an aside naming what was said before does not make the promise past
    "Zoals ik heb gemeld in mijn brief van 3 februari jl. stuur ik u zo spoedig mogelijk een kabinetsreactie op "
    "het advies.",
    "Zoals gemeld in de antwoorden, zal ik u de reactie van de commissie toezenden zodra ik die heb ontvangen.",
], ids=lambda s: s[:40])
def test_it_finds_the_promise(sentence):
    assert found(sentence), sentence


@pytest.mark.parametrize("sentence", [
    # requests of the Kamer retold, also in a relative clause
    "Op 3 maart heeft uw Kamer de motie aangenomen, waarin u de regering verzoekt de Kamer voor de zomer te "
    "informeren.",
    "De vaste commissie heeft mij bij brief van 2 februari jl. gevraagd uw Kamer voor de zomer de evaluatie te sturen.",
    "Op dezelfde dag is mij verzocht om uw Kamer voor het zomerreces een overzicht te sturen.",
    # the receiving direction
    "Wij ontvangen graag spoedig uw reactie op ons verzoek.",
    # a future only in what was said before
    "Eerder berichtte ik u dat het wetsvoorstel na de zomer bij uw Kamer zal worden ingediend.",
    "In mijn brief van 2 februari heb ik gemeld dat ik uw Kamer in maart zou informeren.",
    "In het commissiedebat kondigden wij aan dat wij uw Kamer in mei zouden informeren.",
    "Daarbij heb ik opgemerkt dat ik u naar verwachting voor het einde van het eerste kwartaal zou berichten.",
    # … also with a footnote's number set against its verb in a copied text
    "In september heb ik aangekondigd1 uiterlijk in het laatste kwartaal de beleidsdoorlichting aan uw Kamer te "
    "sturen.",
    # what this letter does
    "Vandaag ontvangt u een overzicht van de toezeggingen die nog openstaan.",
    "Eveneens informeer ik u over de uitkomsten van twee bijgevoegde rapporten.",
    "Ik heb ervoor gekozen u deze keer over twee jaren tegelijk te informeren.",
    # nouns that look like future markers
    "Op 2 maart aanvaardde uw Kamer de motie om te komen met een analyse van de voornemens van de regering.",
    # a promise reported, not made
    "In het debat van 3 februari heb ik toegezegd u te zullen berichten over de termijn van het onderzoek.",
    "In de regeling van werkzaamheden verzocht uw Kamer mij om het plan voor 1 april naar de Kamer te sturen.",
    # a day without a year that has just passed
    "Het kabinet werkt aan een voortgangsbrief, maar deze was nog niet gereed om voor 1 maart toe te sturen.",
    # an apology, and the opening of this letter
    "Ik bied u mijn excuses aan voor de verwarring over de termijn van toezending van de stukken.",
    "Naar aanleiding van het verzoek van de commissie om uiterlijk 1 maart mijn visie aan uw Kamer te sturen, deel ik "
    "u het volgende mede.",
    "In deze vijfde voortgangsrapportage zal ik ingaan op de toezeggingen uit het commissiedebat.",
    # a question retold without its question mark, and the heading of written answers
    "Wilt u in de toekomst beide posten opnemen in de begroting en het jaarverslag over 2015",
    "Schriftelijke antwoorden van de minister op vragen gesteld in de eerste termijn van de begrotingsbehandeling 2011",
    # an agenda item
    "• de brief van de minister d.d. 2 februari 2014 inzake de reactie op het verzoek van de commissie over de "
    "planning",
], ids=lambda s: s[:40])
def test_it_leaves_what_only_looks_like_a_promise(sentence):
    assert not found(sentence), sentence


@pytest.mark.parametrize("sentence, due", [
    ("Deze zal ik uiterlijk voor het einde van het zomerreces aan uw Kamer zenden.", "2014-09-01"),
    ("Ik informeer uw Kamer aan het einde van deze zomer over de uitkomst.", "2014-08-31"),
    ("Ik zal uw Kamer in week 12 informeren over de uitkomst.", "2014-03-23"),
    ("In de loop van volgende week volgt een uitgebreider verslag van mijn bezoek aan de eilanden.", "2014-03-16"),
    ("Ik zal de kabinetsreactie kort na de jaarwisseling aan u doen toekomen.", "2015-01-31"),
    ("Ik zal uw Kamer binnen enkele weken informeren over de uitkomst.", "2014-03-25"),
    ("Wij zullen uw Kamer de beleidsagenda volgend voorjaar toezenden.", "2014-05-31"),
    ("Het rapport wordt verwacht in april/mei 2014 en uw Kamer zal hierover worden geïnformeerd.", "2014-05-31"),
    ("Ik zal u zo spoedig mogelijk, doch uiterlijk 1 juni 2014, informeren.", "2014-06-01"),
    ("In de voortgangsrapportage van september 2014 gaan we in op de resultaten.", "2014-09-30"),
    # a parliamentary year names the session, not the deadline
    ("Naar aanleiding van de motie (Kamerstuknr. 2013–2014, CIV, B) deel ik u mede dat ik voornemens ben de "
     "gevraagde informatie in september 2014 aan uw Kamer te doen toekomen.", "2014-09-30"),
])
def test_it_resolves_the_due_date(sentence, due):
    commitments = found(sentence)
    assert commitments, sentence
    assert commitments[0].due == dt.date.fromisoformat(due)


def test_after_a_year_is_no_deadline():
    commitments = found("Over de voortgang wordt uw Kamer na 2015 jaarlijks via de begroting geïnformeerd.")
    assert commitments and commitments[0].due is None


@pytest.mark.parametrize("sentence", [
    "Minister Jansen wil de Kamer voor de zomer een plan van aanpak sturen.",
    "Hij heeft toegezegd de Kamer in het najaar te informeren over de uitkomsten.",
    "De Kamer krijgt na de zomer een evaluatie van de regeling, zegt de staatssecretaris toe.",
    # the promise inside what the minister wrote or said
    "Jansen schreef de Kamer deze week dat hij de kabinetsreactie uiterlijk 2 juli naar de Kamer stuurt.",
    "Eerder deze week liet de staatssecretaris weten dat het wetsvoorstel zeker in maart naar de Kamer gaat.",
    "Jansen beloofde de Kamer goed op de hoogte te houden.",
    "Voor de Kerst informeert de minister de Kamer over de laatste inzichten.",
    "Aanstaande dinsdag stuurt Jansen een wetsvoorstel naar de Tweede Kamer.",
    "Hij hoopt nog deze maand met voorstellen te kunnen komen.",
    "Jansen belooft de Kamer wel zeer frequent te gaan informeren over de stappen.",
    "De energieminister verwacht ook voor de kerstvakantie met een brief te komen.",
    "Jansen schrijft nu dat hij ernaar streeft de Kamer zo spoedig mogelijk te informeren, maar hij vraagt begrip.",
    "Dat zegt de minister, die belooft een kloppende lijst na te zenden.",
    "Jansen doet de toezegging dat de Kamer over alle documenten kan beschikken.",
    "De minister zei dat hij voor de zomer ook met een voorstel komt over de hulpverleners.",
    # what the minister wrote she expects to tell both chambers; a promise to do something, with its time
    "In haar laatste brief meldt ze dat ze op 20 mei verwacht de uitkomsten van de onderzoeken aan de Kamers te "
    "kunnen melden.",
    "Wel zegt zij toe om in de volgende voortgangsrapportage in december het tijdspad verder uit te werken.",
], ids=lambda s: s[:40])
def test_a_news_item_reports_the_promise_in_the_third_person(sentence):
    assert found_in(sentence, LETTER_DATE, news=True), sentence


@pytest.mark.parametrize("sentence", [
    "Dat schrijft minister Jansen vandaag in een brief aan de Tweede Kamer.",
    "De minister stuurt vandaag het rapport van de commissie naar de Kamer.",
    "Zij stuurt de contourennota (bijlage 1) en het overzicht van de voortgang naar de Kamer.",
], ids=lambda s: s[:40])
def test_a_news_item_retelling_what_a_letter_does_holds_no_promise(sentence):
    assert not found_in(sentence, LETTER_DATE, news=True), sentence


def test_a_letter_saying_it_was_promised_is_no_new_promise():
    assert not found("Ik heb toegezegd de Kamer in het najaar te informeren over de uitkomsten.")


def test_each_promise_carries_a_score_and_the_rules_that_fired():
    [clear] = found("In december informeer ik uw Kamer over de uitkomst van de evaluatie.")
    [vague] = found("Het kabinet zal later een besluit nemen over de verdeling.")
    assert 0 < vague.score < clear.score <= 1
    assert {"to_kamer", "present_with_time", "dated"} <= set(clear.rules)
    assert "decision" in vague.rules and "future" in vague.rules


def test_the_cli_words_the_rules_in_dutch(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "brief.txt"
    path.write_text("Den Haag, 3 maart 2014\n\nIn december informeer ik uw Kamer over de uitkomst.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "ingest", "extract", str(path)], capture_output=True, text=True,
                         timeout=60).stdout
    assert "zekerheid 0.85" in out and "belooft de Kamer te informeren of iets te sturen" in out


@pytest.mark.parametrize("sentence", [
    "Via deze brief laat ik u weten dat ik uw Kamer de uitkomsten van het onderzoek in juni zal toesturen.",
    "Ik zal de uitkomsten van de verkenning voor de zomer aan uw Kamer kenbaar maken.",
    "Aan het verzoek van de commissie om een overzicht van de kosten zal voor 1 mei worden voldaan.",
    "Daarom verzoek ik u de termijn voor de beantwoording te verlengen tot 20 april.",
    "Ik zal beide Kamers voor het zomerreces informeren over de voortgang.",
    "De streefdatum is 1 juli; ik zal uw Kamer dan de evaluatie toesturen.",
    "Over de uitkomsten van het overleg ontvangt uw Kamer een separate brief.",
    "Zodra de partijen tot een akkoord zijn gekomen, wordt het akkoord verstuurd aan de Kamer.",
    # forms of real letters: a condition still to come, "afzonderlijk", and verbs of sending and describing
    "Wanneer het eindrapport van de commissie beschikbaar is, stuur ik u dit toe met mijn reactie.",
    "Over de uitkomsten van de pilot bericht ik u afzonderlijk.",
    "Hierover informeer ik uw Kamer separaat.",
    "Dat betekent dat ik uiterlijk eind maart het rapport aan uw Kamer kan versturen.",
    "In de geannoteerde agenda die u volgende week zal toegaan, zal ik hier aandacht aan besteden.",
    "In de septemberbrief zullen wij de ontwikkeling van de krijgsmacht voor uw Kamer schetsen.",
    # an aside in the past before the main clause, with commas of its own; "zonder vertraging" is no delay
    "Zoals ik in mijn brief van 28 oktober, met Kamerstuk 31 016, nr. 58, heb aangekondigd stuur ik u in januari een "
    "reactie op het rapport.",
    "Ik zal u zo spoedig mogelijk mijn reactie op dit rapport toezenden, het leek mij goed u het rapport zonder "
    "vertraging te doen toekomen.",
    # "deze brief" that is still being written is another letter
    "Deze brief wordt momenteel voorbereid en ontvangt u voorafgaand aan het wetgevingsoverleg.",
    "Vervolgens zullen de bevindingen van het onderzoek met de Kamer worden gedeeld.",
    # requests as a noun are what the promise answers, not a request retold
    "Uw Kamer mag uiterlijk begin 2015 reacties verwachten op een vijftal verzoeken van de vaste commissie.",
    # a future in what the act is about, the act itself at a time to come
    "Ik informeer u in mei over de wijze waarop ik de aanbevelingen zal uitvoeren.",
    "Hoe wij dit verder zullen aanpakken, zal ik uw Kamer berichten.",
    # reacting, its object before the verb
    "Het kabinet zal op dit bericht reageren in antwoord op het verzoek van de vaste commissie.",
    # what a coming document will do, in the present with its time
    "In de voortgangsrapportage van september 2014 gaan we in op de resultaten van de eerste metingen.",
    # what is reported put first, nothing after the addressee: later
    "Over de uitkomsten van het overleg met de gemeenten bericht ik uw Kamer.",
    # a policy published
    "Dit betekent dat ik het nieuwe beleid op korte termijn zal publiceren.",
    # the Kamer informed in the passive; a document put at its disposal; a letter sent one of these days
    "Uiteraard zal de Kamer via de geannoteerde agenda op de hoogte worden gesteld van de inzet.",
    "Het kabinet zal het voorstel vertrouwelijk aan uw Kamer ter beschikking stellen.",
    "In een brief die één dezer dagen aan de Kamer wordt verzonden, wordt dit verder toegelicht.",
    # questions left for the debate
    "De resterende vragen worden beantwoord tijdens de eerste termijn van de regering.",
    # documents that follow, in the plural
    "De andere rapportages volgen de komende tijd.",
    "Beide brieven volgen voor de zomer.",
], ids=lambda s: s[:40])
def test_it_finds_these_forms_of_promise_too(sentence):
    assert found(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Middels deze brief informeer ik uw Kamer over de stand van zaken van het programma.",
    "Middels deze brief informeer ik u over de conclusies en de vervolgstappen die ik voornemens ben te nemen.",
    "Hiermee kom ik tegemoet aan de toezegging aan het lid Voorbeeld dat de Kamer wordt geïnformeerd over de "
    "stichting.",
    # a postponement saying why, without a new date
    "Door de afstemming tussen de ministeries kost dit meer tijd en is het niet mogelijk om de appreciatie voor "
    "aanstaande donderdag aan uw Kamer te sturen.",
    "Ik zal uw Kamer niet apart informeren over de uitkomsten van de tweede ronde.",
    "De streefdatum voor de afronding van het programma is 1 juli.",
    # the present tense, licensed by a date that lies before this letter
    "Op 3 februari informeer ik de commissie over de stand van zaken van het project.",
    # this letter as the subject, and a letter sent beside it
    "Deze brief zal met u worden besproken tijdens het planningsoverleg dat in november zal plaatsvinden.",
    "Deze brief wordt u toegezonden ter voorbereiding op het commissiedebat van volgende week.",
    "Parallel aan deze brief ontvangt u van de minister van Financiën een aparte brief over de herstelregeling.",
    # refusing, a committee's procedure and request, and what this letter answers "als volgt"
    "Ik zal op deze punten niet nader terugkomen, omdat de commissie er geen vragen over heeft gesteld.",
    "De staatssecretaris zal worden verzocht de vragen uiterlijk 1 maart te beantwoorden.",
    "Binnen de vaste commissie hebben enkele fracties de behoefte om vragen voor te leggen over de voortgangsbrief.",
    "Op uw verzoek om aan te geven wanneer de evaluatie u zal worden aangeboden, bericht ik u als volgt.",
    "Daarna informeer ik u in paragraaf 2 over het sportakkoord en in paragraaf 3 over het topsportbeleid.",
    # an Eerste Kamer committee's request of the government, this letter by "door middel van", and "now"
    "De leden van de commissie verzoeken de regering de memorie van antwoord uiterlijk 1 april aan de Kamer toe te "
    "zenden.",
    "Door middel van deze brief kom ik de toezegging na om uw Kamer jaarlijks over de spreiding te informeren.",
    "Ik ben blij dat ik u nu de totale uitwerking van het akkoord kan toesturen.",
    "Met het toesturen van deze beleidsbrief aan uw Kamer doe ik de toezegging aan het lid Voorbeeld gestand.",
    # a future only in what the act is about: this letter informs now
    "Tot slot informeren wij u over de wijze waarop wij voornemens zijn de resultaten te laten doorwerken.",
    # a coming document, but its time has passed: a document sent before
    "In de voortgangsrapportage van september 2013 gaan we in op de resultaten van de eerste metingen.",
    # what is reported put first, then how or where: this letter
    "Over de voortgang van het programma informeer ik u als volgt.",
    "Over de uitkomsten van het overleg met de gemeenten bericht ik uw Kamer graag.",
    # who answers, not when
    "De vragen worden beantwoord door de minister van Financiën.",
    # following as watching, or as a form taken
    "Wij volgen de rapportages van de toezichthouder de komende tijd nauwgezet.",
    "De rapportages volgen de systematiek van vorig jaar.",
], ids=lambda s: s[:40])
def test_it_leaves_these_too(sentence):
    assert not found(sentence), sentence


def test_a_postponement_that_names_a_new_date_is_also_a_promise():
    commitments, postponements = find_commitments_in(
        "De vragen kunnen helaas niet binnen de termijn worden beantwoord. Ik streef ernaar de vragen binnen drie "
        "weken te beantwoorden.")
    assert postponements and commitments
    assert commitments[0].due == LETTER_DATE + dt.timedelta(weeks=3)


def find_commitments_in(text):
    from ingest.commitments import find_commitments

    return find_commitments(text, [0], LETTER_DATE, [])


def test_more_of_what_the_promise_before_sends_is_a_promise_at_its_time():
    commitments, _ = find_commitments_in(
        "De brief die ik uw Kamer volgende week stuur kan bij dit debat worden betrokken. In die brief informeer "
        "ik uw Kamer ook over de afspraken die het kabinet heeft gemaakt met de gemeenten.")
    assert [c.text[:20] for c in commitments] == ["De brief die ik uw K", "In die brief informe"]
    assert commitments[1].due == commitments[0].due == LETTER_DATE + dt.timedelta(days=7 + 6 - LETTER_DATE.weekday())
    assert "in_promised_document" in commitments[1].rules
    # without a promise just before, "in die brief" speaks of a letter already sent
    alone, _ = find_commitments_in("Op 3 maart verscheen het rapport. In die brief informeer ik uw Kamer over de "
                                   "afspraken met de gemeenten.")
    assert alone == []


def test_two_promises_joined_in_one_sentence_are_two_commitments():
    sentence = ("Begin april zal ik u mijn reactie op de evaluatie doen toekomen en informeer ik u tevens over de "
                "wijze waarop de resultaten doorwerken in de vergunning.")
    first, second = found(sentence)
    assert first.text == "Begin april zal ik u mijn reactie op de evaluatie doen toekomen"
    assert second.text.startswith("informeer ik u tevens over de wijze waarop")
    assert first.due == second.due == dt.date(2014, 4, 10)  # the second at the first's time
    assert second.due_text == "Begin april"


def test_a_second_verb_of_one_promise_is_no_promise_of_its_own():
    [promise] = found("Ik zal u voor de zomer de evaluatie sturen en zal daarin ingaan op de aanbevelingen.")
    assert promise.text.endswith("ingaan op de aanbevelingen.")


def test_a_next_sentence_doing_it_at_a_time_gives_the_promise_its_time():
    [promise] = found("Omdat de vragen over hetzelfde onderwerp gaan, zal ik deze gelijktijdig beantwoorden. Zoals "
                      "verzocht door de vaste commissie zal ik dit uiterlijk 13 maart doen.")
    assert promise.due == dt.date(2014, 3, 13)
    assert promise.text.endswith("zal ik dit uiterlijk 13 maart doen.")


def test_a_promise_about_the_document_of_the_promise_beside_it_takes_its_time():
    # the time said after it, in a promise of its own
    commitments, _ = find_commitments_in(
        "Het kabinet werkt aan een plan voor de kazernes. In die brief zal ik ook ingaan op de motie over de "
        "huisvesting van het personeel. U kunt de brief in mei tegemoet zien.")
    assert [c.due for c in commitments] == [dt.date(2014, 5, 31)] * 2
    assert not commitments[0].text.endswith("tegemoet zien.")  # each keeps its own sentence
    # the time said before it
    first, second = found("Voor 1 juni stuur ik uw Kamer de evaluatie van de pilots. Daarnaast zal ik uw Kamer binnen "
                          "dezelfde termijn informeren over de uitvoering van de moties.")
    assert second.due == first.due == dt.date(2014, 6, 1)
    # a time told of an earlier promise is not the new one's
    [promise] = found("Vorig jaar heb ik u toegezegd voor de zomer te rapporteren. Daarnaast zal ik u binnen dezelfde "
                      "termijn informeren over de uitvoering van de moties.")
    assert promise.due is None


def test_both_chambers_are_addressed_too():
    [promise] = found("Ik streef ernaar de beschouwing zo spoedig mogelijk doch uiterlijk 1 juni 2014 aan beide "
                      "Kamers te kunnen aanbieden.")
    assert promise.due == dt.date(2014, 6, 1)


def test_in_this_letter_right_after_a_letter_promised_is_that_letter():
    commitments, _ = find_commitments_in(
        "Hierbij stuur ik u het advies van de Onderwijsraad. Begin april kom ik met een beleidsbrief over de "
        "aanpak van de leerlingendaling. In deze brief zal ik een reactie geven op het advies.")
    assert [c.text[:20] for c in commitments] == ["Begin april kom ik m", "In deze brief zal ik"]
    assert commitments[1].due == commitments[0].due
    # without a letter promised just before, "in deze brief" is this one
    alone, _ = find_commitments_in("Hierbij stuur ik u het advies van de Onderwijsraad. In deze brief zal ik ingaan "
                                   "op de aanbevelingen.")
    assert alone == []


def test_that_recess_is_the_recess_the_sentence_before_names():
    # LETTER_DATE is in March: the coming meireces, and the promise after it is due when that recess ends
    commitments, _ = find_commitments_in(
        "Het wetsvoorstel kan niet meer voor het komende meireces worden ingediend. Wij streven ernaar het "
        "wetsvoorstel zo kort mogelijk na dat reces bij uw Kamer in te dienen.")
    [promise] = [c for c in commitments if "na dat reces" in c.text]
    assert promise.due == recess("meireces", 2014)[1]
    assert promise.due_text == "na dat reces"
    # without a recess named before, "dat reces" is no time
    [alone] = found("Wij streven ernaar het wetsvoorstel zo kort mogelijk na dat reces bij uw Kamer in te dienen.")
    assert alone.due is None


def test_a_coming_annotated_agenda_that_will_hold_a_report_is_a_promise():
    [promise] = found("In de geannoteerde agenda voor de Raad van 17 en 18 maart zal ik een verslag opnemen van dit "
                      "telefonische overleg.")
    assert promise.due is not None and dt.date(2014, 3, 10) <= promise.due <= dt.date(2014, 3, 31)


def test_what_will_be_included_in_the_promised_position_is_a_promise_at_its_time():
    commitments, _ = find_commitments_in(
        "Nadat ik het onderzoek heb ontvangen, zal ik daarover een standpunt innemen. Daarbij zal ik tevens "
        "betrekken de toegezegde rapportage over de uitspraak van de rechtbank. Ik ben voornemens u mijn standpunt "
        "begin mei toe te zenden.")
    included = next(c for c in commitments if c.text.startswith("Daarbij"))
    assert included.due == commitments[-1].due and included.due.month == 5


@pytest.mark.parametrize("sentence", [
    "Jansen meldt dat het niet lukt om de Tweede Kamer in januari te informeren over de voortgang.",
    "Het blijkt helaas niet haalbaar om de aanvullende informatie binnen de gestelde termijn aan te reiken.",
], ids=lambda s: s[:40])
def test_not_in_time_is_a_postponement_not_a_promise(sentence):
    from ingest.commitments import is_postponement

    assert is_postponement(sentence)
    assert not found_in(sentence, LETTER_DATE, news=True)


@pytest.mark.parametrize("sentence, due", [
    ("Ik zal uw Kamer begin november a.s. voorzien van mijn reactie op deze rapportage.", "2014-11-10"),
    ("Het streven is erop gericht de nota naar aanleiding van het verslag zo spoedig mogelijk in te dienen.", None),
], ids=lambda s: str(s)[:40])
def test_more_ways_of_sending(sentence, due):
    [promise] = found(sentence)
    assert promise.due == (dt.date.fromisoformat(due) if due else None)


def test_what_the_kamer_let_know_it_wishes_is_no_promise():
    assert not found("Uw Kamer heeft in haar brief van 16 februari jl. laten weten per ommegaande geïnformeerd te "
                     "willen worden, zodra de rapportage gereed is.")
    assert not found("Over de capaciteit heb ik u dit jaar twee brieven doen toekomen (op 3 februari en 1 maart).")


def test_answering_at_the_same_occasion_and_on_the_day_named_before():
    first, second = found("Ik zal uw Kamer begin mei mijn reactie op de rapportage sturen. Ook zal ik daarbij antwoord "
                          "geven op de schriftelijke vragen over de rapportage.")
    assert second.due == first.due == dt.date(2014, 5, 10)
    commitments, _ = find_commitments_in("Het kabinet zal in de ministerraad van 27 maart 2014 het besluit bespreken. "
                                         "Ik zal u dezelfde dag per brief over de uitkomst informeren.")
    assert commitments[-1].due == dt.date(2014, 3, 27) and commitments[-1].due_text == "dezelfde dag"


def test_what_the_letter_named_before_and_promised_after_will_hold_is_a_promise():
    commitments, _ = find_commitments_in(
        "Ik werk aan een bredere brief over het binnenlands bestuur. In die brief wil ik ook ingaan op mijn plannen "
        "voor de gemeenschappelijke regelingen. Ik ben voornemens deze brief voor het zomerreces naar uw Kamer te "
        "sturen.")
    assert [c.text[:20] for c in commitments] == ["In die brief wil ik ", "Ik ben voornemens de"]
    assert commitments[0].due == commitments[1].due


def test_telling_the_kamer_now_what_another_will_do_is_no_promise():
    assert not found("Tot slot melden wij u dat de voorzitter een extra Raad bijeen zal roepen op vrijdag 11 april.")
