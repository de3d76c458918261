"""Which later letter fulfils which earlier commitment, and how sure the engine is."""

import dataclasses
import datetime as dt

import pytest

from ingest.followups import suggest_fulfilments
from ingest.model import Analysis, Commitment, EarlierCommitment, Postponement, Reason, Reference

IRAK_PROMISE = EarlierCommitment(
    key="irak-december",
    text="In december informeer ik uw Kamer wederom over de dan geldende veiligheidssituatie in Irak",
    due=dt.date(2023, 12, 31), document_kamerstuk="27925-960", document_date=dt.date(2023, 11, 21),
    dossiers=["27925"], sender="Minister van Defensie",
)
STIKSTOF_PROMISE = EarlierCommitment(
    key="stikstof-zomer",
    text="Voor de zomer stuur ik uw Kamer de evaluatie van de aanpak piekbelasting",
    due=dt.date(2024, 6, 30), document_kamerstuk="35334-250", document_date=dt.date(2023, 10, 2),
    dossiers=["35334"], sender="Minister voor Natuur en Stikstof",
)


# A second promise in the same letter as IRAK_PROMISE.
EVALUATIE_PROMISE = EarlierCommitment(
    key="evaluatie-januari",
    text="In januari informeer ik uw Kamer over de evaluatie van de trainingsmissie voor de Koerdische strijdkrachten",
    due=dt.date(2024, 1, 31), document_kamerstuk="27925-960", document_date=dt.date(2023, 11, 21),
    dossiers=["27925"], sender="Minister van Defensie",
)


def letter(text, date=dt.date(2023, 12, 14), references=(), commitments=(), title="Veiligheidssituatie in Irak",
           dossiers=("27925",), sender="Minister van Defensie", postponements=()):
    return Analysis(kind="brief", date=date, kamerstuk="27925-965", dossiers=list(dossiers), title=title,
                    sender=sender, signatories=[], pages=1, text=text, page_starts=[0],
                    references=list(references), commitments=list(commitments), postponements=list(postponements))


def suggestion_for(key, suggestions):
    return next((s for s in suggestions if s.key == key), None)


def cites(kamerstuk):
    dossier, number = kamerstuk.rsplit("-", 1)
    return Reference(kamerstuk=kamerstuk, dossier=dossier, number=number, text=kamerstuk)


def cited_in(text, kamerstuk, written):
    """The reference `written` makes where it stands in `text`."""
    start = text.index(written)
    dossier, number = kamerstuk.rsplit("-", 1)
    return Reference(kamerstuk=kamerstuk, dossier=dossier, number=number, text=written, start=start,
                     end=start + len(written))


FULFILLING_TEXT = ("Zoals toegezegd in mijn brief van 21 november jl. (Kamerstuk 27 925, nr. 960) informeer ik uw "
                   "Kamer hierbij over de veiligheidssituatie in Irak.")


def test_a_letter_that_cites_the_promise_and_says_it_delivers_is_a_confident_match():
    [suggestion] = suggest_fulfilments(letter(FULFILLING_TEXT, references=[cites("27925-960")]),
                                       [IRAK_PROMISE, STIKSTOF_PROMISE])
    assert suggestion.key == "irak-december"
    assert suggestion.confident
    assert Reason("cites", {"kamerstuk": "27925-960"}) in suggestion.reasons
    assert Reason("same_dossier") in suggestion.reasons
    assert Reason("same_ministry") in suggestion.reasons
    assert Reason("timing", {"due": "2023-12-31", "sent": "2023-12-14"}) in suggestion.reasons
    assert any(r.code == "subject" and "Irak" in r.values["words"] for r in suggestion.reasons)


def test_a_letter_citing_the_promise_by_its_date_only_is_found_too():
    text = ("Met deze brief geef ik invulling aan de toezegging uit mijn brief van 21 november jl. en informeer ik "
            "uw Kamer over de veiligheidssituatie in Irak.")
    [suggestion] = suggest_fulfilments(letter(text), [IRAK_PROMISE])
    assert Reason("cites_date", {"date": "2023-11-21"}) in suggestion.reasons
    assert suggestion.confident


def test_suggestions_are_sorted_by_score():
    weaker = EarlierCommitment(
        key="irak-helikopters", text="Het kabinet besluit voor de zomer over de helikopterinzet in Irak",
        due=dt.date(2024, 6, 30), document_kamerstuk="27925-961", document_date=dt.date(2023, 11, 30),
        dossiers=["27925"], sender="Minister van Defensie")
    suggestions = suggest_fulfilments(letter(FULFILLING_TEXT, references=[cites("27925-960")]), [weaker, IRAK_PROMISE])
    assert suggestions[0].key == "irak-december"
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_a_letter_written_before_the_promise_cannot_fulfil_it():
    early = letter(FULFILLING_TEXT, date=dt.date(2023, 11, 1), references=[cites("27925-960")])
    assert suggest_fulfilments(early, [IRAK_PROMISE]) == []


def test_an_unrelated_letter_is_not_suggested():
    text = "Hierbij informeer ik uw Kamer over de voortgang van de woningbouw in Utrecht."
    unrelated = letter(text, title="Woningbouw", dossiers=["32847"], sender="Minister voor Volkshuisvesting")
    assert suggest_fulfilments(unrelated, [IRAK_PROMISE]) == []


def test_a_letter_that_only_cites_the_earlier_one_is_not_confident():
    text = "In de brief over de inzet in het Midden-Oosten (Kamerstuk 27 925, nr. 960) is de planning beschreven."
    suggestions = suggest_fulfilments(letter(text, title="Inzet Midden-Oosten", references=[cites("27925-960")]),
                                      [IRAK_PROMISE])
    assert not any(s.confident for s in suggestions)


def test_a_letter_that_repeats_the_promise_does_not_fulfil_it():
    repeated = "In januari informeer ik uw Kamer wederom over de dan geldende veiligheidssituatie in Irak."
    commitment = Commitment(text=repeated, page=1, due=dt.date(2024, 1, 31), due_text="In januari",
                            precision="maand")
    later = letter("Zie Kamerstuk 27 925, nr. 960. " + repeated, references=[cites("27925-960")],
                   commitments=[commitment])
    suggestions = suggest_fulfilments(later, [IRAK_PROMISE])
    assert not any(s.confident for s in suggestions)
    assert all(Reason("repeats") in s.reasons for s in suggestions)


def test_a_very_late_letter_scores_lower_than_a_timely_one():
    timely = suggest_fulfilments(letter(FULFILLING_TEXT, references=[cites("27925-960")]), [IRAK_PROMISE])
    late = suggest_fulfilments(letter(FULFILLING_TEXT, date=dt.date(2025, 6, 1), references=[cites("27925-960")]),
                               [IRAK_PROMISE])
    assert late[0].score < timely[0].score


def test_a_letter_delivering_one_promise_of_a_letter_does_not_deliver_its_other_promises():
    suggestions = suggest_fulfilments(letter(FULFILLING_TEXT, references=[cites("27925-960")]),
                                      [IRAK_PROMISE, EVALUATIE_PROMISE])
    assert suggestion_for("irak-december", suggestions).confident
    other = suggestion_for("evaluatie-januari", suggestions)
    assert other is None or not other.confident


def test_a_letter_that_postpones_the_promise_does_not_fulfil_it():
    delay = ("Het is helaas niet mogelijk uw Kamer, zoals toegezegd, in januari te informeren over de evaluatie "
             "van de trainingsmissie.")
    postponement = Postponement(text=delay, page=1, of="27925-960", new_due=None)
    later = letter(FULFILLING_TEXT + " " + delay + " De evaluatie van de trainingsmissie vraagt meer tijd.",
                   references=[cites("27925-960")], postponements=[postponement])
    suggestion = suggestion_for("evaluatie-januari", suggest_fulfilments(later, [EVALUATIE_PROMISE]))
    assert suggestion is None or not suggestion.confident
    assert suggestion is None or any(r.code == "postpones" for r in suggestion.reasons)


def test_a_letter_saying_the_promised_work_is_still_under_way_does_not_fulfil_it():
    text = ("Zoals toegezegd in mijn brief van 21 november jl. (Kamerstuk 27 925, nr. 960) informeer ik uw Kamer "
            "hierbij over de evaluatie van de trainingsmissie voor de Koerdische strijdkrachten. De evaluatie van de "
            "trainingsmissie voor de Koerdische strijdkrachten is nog niet afgerond.")
    [suggestion] = suggest_fulfilments(letter(text, references=[cites("27925-960")]), [EVALUATIE_PROMISE])
    assert not suggestion.confident
    assert any(r.code == "still_open" for r in suggestion.reasons)


def test_a_letter_that_keeps_the_promise_named_in_the_sentence_before_fulfils_it():
    text = ("In mijn brief van 21 november jl. heb ik toegezegd uw Kamer in december wederom te informeren over de "
            "veiligheidssituatie in Irak. Met deze brief kom ik die toezegging na.")
    [suggestion] = suggest_fulfilments(letter(text), [IRAK_PROMISE])
    assert suggestion.confident
    assert any(r.code == "fulfilment" for r in suggestion.reasons)


def test_a_promise_stated_twice_in_one_document_is_fulfilled_once():
    summary = EarlierCommitment(
        key="irak-december-samenvatting",
        text="De minister informeert de Kamer in december wederom over de veiligheidssituatie in Irak",
        due=IRAK_PROMISE.due, document_kamerstuk="27925-960", document_date=IRAK_PROMISE.document_date,
        dossiers=["27925"], sender="Minister van Defensie")
    suggestions = suggest_fulfilments(letter(FULFILLING_TEXT, references=[cites("27925-960")]),
                                      [IRAK_PROMISE, summary])
    assert [s.key for s in suggestions if s.confident] == ["irak-december"]
    assert any(r.code == "same_promise" for r in suggestion_for("irak-december-samenvatting", suggestions).reasons)


# A later letter that hands the promised thing over without citing the letter that promised it.
RAPPORT_PROMISE = EarlierCommitment(
    key="rapport-voorjaar",
    text="Ik verwacht uw Kamer het rapport van de onderzoekscommissie over de uitbraak in het voorjaar te sturen",
    due=dt.date(2024, 5, 31), document_kamerstuk="26991-600", document_date=dt.date(2023, 11, 2),
    dossiers=["26991"], sender="Minister van Volksgezondheid, Welzijn en Sport",
)
RAPPORT_DELIVERED = ("Bijgaand sturen wij u het rapport van de onderzoekscommissie over de uitbraak. De commissie "
                     "heeft onderzocht hoe de uitbraak kon ontstaan.")


def test_a_letter_handing_over_the_promised_thing_in_its_dossier_is_a_confident_match():
    later = letter(RAPPORT_DELIVERED, date=dt.date(2024, 4, 20), title="Voedselveiligheid", dossiers=("26991",),
                   sender="Minister van Volksgezondheid, Welzijn en Sport")
    [suggestion] = suggest_fulfilments(later, [RAPPORT_PROMISE])
    assert suggestion.confident
    assert any(r.code == "delivers" for r in suggestion.reasons)


def test_handing_over_something_in_another_dossier_is_not_confident():
    later = letter(RAPPORT_DELIVERED, date=dt.date(2024, 4, 20), title="Voedselveiligheid", dossiers=("31532",))
    assert not any(s.confident for s in suggest_fulfilments(later, [RAPPORT_PROMISE]))


def test_another_instalment_of_a_series_does_not_fulfil_the_promised_one():
    promise = EarlierCommitment(
        key="tweede", text="Zo spoedig mogelijk daarna zend ik u de tweede voortgangsrapportage van de renovatie",
        due=None, document_kamerstuk="34293-49", document_date=dt.date(2018, 12, 12), dossiers=["34293"],
        sender="Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties")
    later = letter("Hierbij ontvangt u de vijfde voortgangsrapportage van de renovatie.", date=dt.date(2020, 12, 4),
                   title="Renovatie", dossiers=("34293",),
                   sender="Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties")
    suggestions = suggest_fulfilments(later, [promise])
    assert not any(s.confident for s in suggestions)


def test_answers_to_the_questions_fulfil_the_promise_to_answer_them():
    promise = EarlierCommitment(
        key="vragen", text="Ik zeg u toe dat ik u de antwoorden op de vragen over de buitendienststelling zo spoedig "
        "mogelijk zal doen toekomen", due=None, document_kamerstuk="29984-290", document_date=dt.date(2012, 3, 1),
        dossiers=["29984"], sender="Minister van Infrastructuur en Milieu")
    later = letter("De vaste commissie heeft vragen voorgelegd over de buitendienststelling. De minister heeft deze "
                   "vragen beantwoord. Vragen en antwoorden zijn hierna afgedrukt.", date=dt.date(2012, 5, 1),
                   title="Spoor", dossiers=("29984",), sender="Minister van Infrastructuur en Milieu")
    [suggestion] = suggest_fulfilments(later, [promise])
    assert suggestion.confident and any(r.code == "answers" for r in suggestion.reasons)


def test_a_promise_pointing_back_takes_its_subject_from_the_sentence_before():
    from ingest.followups import promise_context
    text = "De evaluatie van de Kieswet is in voorbereiding. Deze zal ik voor de zomer aan uw Kamer zenden."
    assert promise_context(text, text.index("Deze")) == "De evaluatie van de Kieswet is in voorbereiding."
    assert promise_context(text, 0) == ""


def test_a_page_without_a_date_of_its_own_still_cites_a_letter_by_its_day_and_month():
    later = letter("Zoals aangekondigd in zijn brief van 21 november jongstleden informeert de minister de Kamer "
                   "hierbij over de veiligheidssituatie in Irak.", date=None)
    [suggestion] = suggest_fulfilments(later, [IRAK_PROMISE])
    assert Reason("cites_date", {"date": "2023-11-21"}) in suggestion.reasons


def test_a_reply_citing_what_the_promise_was_about_fulfils_it():
    # The uitstel letter names the paper its reply is about in the sentence before the promise; the reply cites the
    # same paper and hands itself over, without naming the uitstel letter.
    from ingest.followups import promise_sources

    uitstel = ("De reactie op de nota van het lid Voorbeeld (Kamerstuk 36 100, nr. 2) kan niet binnen de termijn "
               "worden gegeven. We verwachten deze eind oktober te kunnen sturen.")
    source = Reference(kamerstuk="36100-2", dossier="36100", number="2", text="Kamerstuk 36 100, nr. 2", start=59,
                       end=82)
    promise_start = uitstel.index("We verwachten")
    promise = EarlierCommitment(
        key="reactie", text=uitstel[promise_start:], due=dt.date(2020, 10, 31), document_kamerstuk="36100-3",
        document_date=dt.date(2020, 9, 18), dossiers=["36100"], sender="Minister voor Medische Zorg",
        sources=promise_sources(uitstel, [source], promise_start, len(uitstel)))
    assert promise.sources == ["36100-2"]
    reply = letter("De commissie vroeg om een reactie op de nota van het lid Voorbeeld (Kamerstuk 36 100, nr. 2). "
                   "Hierbij ontvangt u mijn reactie.", date=dt.date(2020, 11, 6), references=[cites("36100-2")],
                   dossiers=("36100",), sender="Minister voor Medische Zorg", title="Reactie op de nota")
    [suggestion] = suggest_fulfilments(reply, [promise])
    assert suggestion.confident and Reason("same_source", {"kamerstuk": "36100-2"}) in suggestion.reasons


def test_a_citation_in_another_paragraph_is_not_what_a_promise_is_about():
    from ingest.followups import promise_sources

    text = ("Antwoord 2\n\nIn mijn brief (Kamerstuk 25 424, nr. 680) schreef ik over de wachttijden.\n\nAntwoord 3\n\n"
            "Ik zal uw Kamer informeren over het vervolggesprek.")
    start = text.index("Ik zal")
    source = Reference(kamerstuk="25424-680", dossier="25424", number="680", text="Kamerstuk 25 424, nr. 680",
                       start=text.index("Kamerstuk"), end=text.index(")"))
    assert promise_sources(text, [source], start, len(text)) == []


def test_a_letter_saying_it_is_what_was_announced_fulfils_the_promise_of_that_thing():
    promise = EarlierCommitment(
        key="notitie", text="Ik streef ernaar u de notitie voor 1 april te doen toekomen, waar ik eerder nog uitging "
                            "van de zomer.", due=dt.date(2020, 4, 1), document_kamerstuk="35300-VII-85",
        document_date=dt.date(2019, 11, 27), dossiers=["35300-VII"], sender="Minister van Binnenlandse Zaken")
    later = letter("Bij brief van 27 november 2019 (Kamerstuk 35 300 VII, nr. 85) is u bericht dat uw Kamer een "
                   "notitie zal ontvangen over de varianten. Deze brief strekt daartoe.", date=dt.date(2020, 6, 25),
                   references=[cites("35300-VII-85")], dossiers=(), title="Varianten")
    [suggestion] = suggest_fulfilments(later, [promise])
    assert suggestion.confident and any(r.code == "fulfilment" for r in suggestion.reasons)


def test_an_undated_document_fulfils_only_what_it_cites():
    undated = letter("Zoals aangekondigd in zijn brief van 21 november informeert de minister de Kamer hierbij over "
                     "de veiligheidssituatie in Irak.", date=None)
    [cited] = suggest_fulfilments(undated, [IRAK_PROMISE])
    assert cited.confident and Reason("cites_date", {"date": "2023-11-21"}) in cited.reasons
    uncited = letter("De minister informeert de Kamer hierbij over de veiligheidssituatie in Irak.", date=None)
    assert not any(s.confident for s in suggest_fulfilments(uncited, [IRAK_PROMISE]))


def test_a_news_item_retelling_a_promise_is_not_fulfilled_a_second_time():
    retold = EarlierCommitment(
        key="nieuws", text="De minister informeert de Kamer in december wederom over de veiligheidssituatie in Irak",
        due=IRAK_PROMISE.due, document_kamerstuk=None, document_date=IRAK_PROMISE.document_date, dossiers=[],
        sender="")
    suggestions = suggest_fulfilments(letter(FULFILLING_TEXT, references=[cites("27925-960")]),
                                      [IRAK_PROMISE, retold])
    assert [s.key for s in suggestions if s.confident] == ["irak-december"]


def test_a_promise_naming_its_subject_by_a_pronoun_takes_it_from_the_sentence_before():
    from ingest.followups import promise_context

    text = ("De stichting stopt haar activiteiten per januari. Ik zal uw Kamer daar voor het einde van het jaar over "
            "informeren.")
    assert promise_context(text, text.index("Ik zal")) == "De stichting stopt haar activiteiten per januari."


@pytest.mark.parametrize("delivery", [
    "Bijgevoegd vindt u de evaluatie van de aanpak piekbelasting.",
    "De voorliggende evaluatie van de aanpak piekbelasting biedt een actueel beeld.",
    "Hiermee kom ik tegemoet aan de toezegging over de evaluatie van de aanpak piekbelasting.",
])
def test_ways_of_handing_over_what_was_promised(delivery):
    # linked only by the dossier: the handing over is the sign of delivery
    later = letter(delivery, date=dt.date(2024, 6, 1), dossiers=("35334",), sender="Minister voor Natuur en Stikstof",
                   title="Evaluatie")
    [suggestion] = suggest_fulfilments(later, [STIKSTOF_PROMISE])
    assert suggestion.confident


def test_a_letter_sent_years_after_the_due_date_fulfils_it_only_when_it_cites_it():
    delivery = "Hierbij bied ik u de evaluatie van de aanpak piekbelasting aan."
    years_later = letter(delivery, date=dt.date(2027, 2, 1), dossiers=("35334",), title="Evaluatie",
                         sender="Minister voor Natuur en Stikstof")
    assert not any(s.confident for s in suggest_fulfilments(years_later, [STIKSTOF_PROMISE]))
    citing = letter(f"Zoals toegezegd in mijn brief van 2 oktober 2023 (Kamerstuk 35 334, nr. 250): {delivery}",
                    date=dt.date(2027, 2, 1), references=[cites("35334-250")], dossiers=("35334",),
                    title="Evaluatie", sender="Minister voor Natuur en Stikstof")
    [suggestion] = suggest_fulfilments(citing, [STIKSTOF_PROMISE])
    assert suggestion.confident


def test_a_letter_two_months_late_citing_what_the_postponed_promise_was_about_fulfils_it():
    from ingest.followups import promise_sources

    uitstel = ("In mijn brief (Kamerstuk 35 300 VII, nr. 85) schreef ik dat u voor 1 april een notitie over de "
               "varianten zou ontvangen. Dat is niet gelukt. "
               "Ik verwacht u de brief uiterlijk 30 april te doen toekomen.")
    source = cited_in(uitstel, "35300-VII-85", "Kamerstuk 35 300 VII, nr. 85")
    start = uitstel.index("Ik verwacht")
    promise = EarlierCommitment(
        key="brief", text=uitstel[start:], due=dt.date(2020, 4, 30), document_kamerstuk="35300-VII-113",
        document_date=dt.date(2020, 4, 6), dossiers=[], sender="Minister van Binnenlandse Zaken",
        sources=promise_sources(uitstel, [source], start, len(uitstel)))
    later = letter("Bij brief van 27 november 2019 (Kamerstuk 35 300 VII, nr. 85) is u een notitie over de varianten "
                   "toegezegd. Deze brief strekt daartoe.", date=dt.date(2020, 6, 25),
                   references=[cites("35300-VII-85")], dossiers=(), title="Varianten",
                   sender="Minister van Binnenlandse Zaken")
    [suggestion] = suggest_fulfilments(later, [promise])
    assert suggestion.confident and Reason("same_source", {"kamerstuk": "35300-VII-85"}) in suggestion.reasons


def test_a_reference_without_a_place_in_the_text_is_near_no_promise():
    from ingest.followups import promise_sources

    unplaced = Reference(kamerstuk="36100-2", dossier="36100", number="2", text="", start=-1, end=-1)
    assert promise_sources("Ik zal u de reactie in mei sturen.", [unplaced], 0, 34) == []


UITSTEL_OF_ANSWERS = (
    "Naar aanleiding van de schriftelijke vragen van de vaste commissie over de brief van de minister van "
    "Binnenlandse Zaken van 12 februari 2015 over het gemeentefonds deel ik u mee dat het niet mogelijk is deze "
    "vragen binnen de gestelde termijn te beantwoorden.\n\n"
    "Beantwoording zal plaatsvinden voor het verschijnen van de junicirculaire.")


def test_the_new_promise_of_an_uitstel_takes_its_subject_from_the_postponement_in_the_paragraph_before():
    from ingest.followups import promise_context

    start = UITSTEL_OF_ANSWERS.index("Beantwoording")
    context = promise_context(UITSTEL_OF_ANSWERS, start)
    assert "brief van de minister van Binnenlandse Zaken van 12 februari 2015 over het gemeentefonds" in context
    assert promise_context(UITSTEL_OF_ANSWERS, 0) == ""  # nothing before the postponement itself


def test_answers_citing_the_letter_the_postponed_questions_were_about_fulfil_the_promise_to_answer():
    # The answers name neither the uitstel notice nor a dossier: only the letter the questions were about, by date.
    from ingest.followups import promise_context

    start = UITSTEL_OF_ANSWERS.index("Beantwoording")
    promise = EarlierCommitment(
        key="antwoorden", text=UITSTEL_OF_ANSWERS[start:], due=dt.date(2015, 6, 30), document_kamerstuk="34000-B-7",
        document_date=dt.date(2015, 3, 20), dossiers=["34000-B"], sender="Minister van Binnenlandse Zaken",
        context=promise_context(UITSTEL_OF_ANSWERS, start))
    answers = letter("De vaste commissie heeft vragen voorgelegd over de brief van de minister van Binnenlandse Zaken "
                     "van 12 februari 2015 over het gemeentefonds. Onderstaand de beantwoording van de vragen.",
                     date=dt.date(2015, 5, 28), dossiers=(), title="Lijst van vragen en antwoorden",
                     sender="Minister van Binnenlandse Zaken")
    [suggestion] = suggest_fulfilments(answers, [promise])
    assert Reason("same_source_date", {"date": "2015-02-12"}) in suggestion.reasons
    assert suggestion.confident


def test_a_date_the_promise_itself_cites_is_where_it_was_made_before_not_what_it_is_about():
    from ingest.followups import promise_context

    text = "Zoals in de brief van 3 april aangekondigd, informeren wij uw Kamer na de zomer over de voortgang."
    promise = EarlierCommitment(
        key="voortgang", text=text, due=dt.date(2025, 9, 30), document_kamerstuk="29023-500",
        document_date=dt.date(2025, 6, 1), dossiers=["29023"], sender="Minister van Klimaat en Groene Groei",
        context=promise_context(text, 0))
    other = letter("Over de brief van 3 april 2025 over de tarieven zijn vragen gesteld.", date=dt.date(2025, 7, 1),
                   dossiers=(), title="Tarieven", sender="Minister van Klimaat en Groene Groei")
    assert all(r.code != "same_source_date" for s in suggest_fulfilments(other, [promise]) for r in s.reasons)


def test_the_letter_a_promise_names_by_its_number_is_the_one_that_fulfils_it():
    promise = EarlierCommitment(
        key="artikel-100", text="Zoals eerder gemeld wordt uw Kamer op zeer korte termijn met een aanvullende "
        "artikel 100-brief geïnformeerd (Kamerstuk 27 925, nr. 801).", due=None, document_kamerstuk="27925-805",
        document_date=dt.date(2023, 4, 13), dossiers=["27925"], sender="Minister van Defensie", sources=["27925-801"])
    later = letter("Wij informeren u over de inzet van extra militairen.", date=dt.date(2023, 4, 16))
    named = Analysis(**{**later.__dict__, "kamerstuk": "27925-801"})
    [suggestion] = suggest_fulfilments(named, [promise])
    assert Reason("named_by_promise", {"kamerstuk": "27925-801"}) in suggestion.reasons and suggestion.confident
    assert not any(s.confident for s in suggest_fulfilments(later, [promise]))  # another letter of the dossier


def test_a_promise_of_what_was_promised_before_takes_its_subject_from_the_paragraph():
    from ingest.followups import promise_context

    text = ("In een eerder stadium heb ik toegezegd u in januari de railmap te sturen. Daarvoor is iets meer tijd "
            "nodig. De toegezegde informatie zal ik u uiterlijk 14 februari doen toekomen.")
    context = promise_context(text, text.index("De toegezegde"))
    assert "railmap" in context and "meer tijd nodig" in context


def test_answers_to_questions_about_the_same_quoted_report_fulfil_the_promise_to_answer_them():
    # The letter promising the answers names the questions in its opening, by the news item they are about; the
    # answers, without a dossier or a citation, quote the same headline.
    from ingest.followups import promise_context

    text = ("Op 2 maart ontving ik Kamervragen van het lid Voorbeeld over het bericht «Station moet worden "
            "verbouwd voor meer treinen».\n\nDe benodigde gegevens komen later beschikbaar. Ik zal de vragen van uw "
            "Kamer zo spoedig mogelijk daarna beantwoorden.")
    start = text.index("Ik zal")
    assert promise_context(text, start).startswith("Op 2 maart ontving ik Kamervragen")
    promise = EarlierCommitment(
        key="vragen", text=text[start:], due=None, document_kamerstuk="34775-A-62", document_date=dt.date(2018, 4, 3),
        dossiers=["34775-A"], sender="Staatssecretaris van Infrastructuur en Waterstaat",
        context=promise_context(text, start))
    answers = Analysis(
        kind="antwoorden", date=dt.date(2018, 6, 27), kamerstuk=None, dossiers=[], sender="", signatories=[], pages=1,
        title="Antwoord op vragen van het lid Voorbeeld over het bericht “Station moet worden verbouwd voor meer "
              "treinen”", text="Vraag 1\n\nKent u het bericht?\n\nAntwoord 1\n\nJa.", page_starts=[0],
        references=[], commitments=[])
    [suggestion] = suggest_fulfilments(answers, [promise])
    assert Reason("same_quotation", {"quote": "Station moet worden verbouwd voor meer treinen"}) in suggestion.reasons
    assert suggestion.confident
    other = Analysis(**{**answers.__dict__, "title": "Antwoord op vragen van het lid Voorbeeld over “Een ander bericht "
                                                     "over de spoorwegen”"})
    assert not any(s.confident for s in suggest_fulfilments(other, [promise]))


def test_answers_on_the_promised_subject_by_the_same_minister_fulfil_it_without_a_dossier():
    promise = EarlierCommitment(
        key="verkenning", text="Ik zal u zo spoedig mogelijk in het nieuwe jaar informeren over de uitkomsten van de "
        "verkenning naar de akkerbouwgroepen.", due=None, document_kamerstuk="35300-XIV-62",
        document_date=dt.date(2019, 11, 21), dossiers=["35300-XIV"], sender="Minister van Landbouw")
    answers = Analysis(
        kind="antwoorden", date=dt.date(2020, 5, 18), kamerstuk=None, dossiers=[], sender="Minister van Landbouw",
        signatories=[], pages=1, title="Vragen over de akkerbouwgroepen",
        text="Vraag 2\n\nWat zijn de uitkomsten van de verkenning naar de akkerbouwgroepen in het nieuwe jaar?\n\n"
             "Antwoord 2\n\nBijgevoegd vindt u de uitkomsten van de verkenning.", page_starts=[0], references=[],
        commitments=[])
    [suggestion] = suggest_fulfilments(answers, [promise])
    assert suggestion.confident
    # another minister's answers on the subject, or a letter outside the dossier, are not linked by it
    other_minister = Analysis(**{**answers.__dict__, "sender": "Minister van Financiën"})
    assert not any(s.confident for s in suggest_fulfilments(other_minister, [promise]))
    a_letter = Analysis(**{**answers.__dict__, "kind": "brief"})
    assert not any(s.confident for s in suggest_fulfilments(a_letter, [promise]))


def test_the_plan_the_promise_named_cited_by_the_month_of_its_letter_fulfils_it():
    # The later letter miscites the promise's number and names it by month only; it is the plan itself.
    promise = EarlierCommitment(
        key="plan", text="Op basis hiervan zal het kabinet rond de zomer besluiten over het nieuwe Strategisch "
        "Huisvestingsplan 2030.", due=dt.date(2030, 8, 31), document_kamerstuk="34919-89",
        document_date=dt.date(2030, 5, 13), dossiers=["34919"], sender="Staatssecretaris van Defensie")
    later = letter("In de Kamerbrief van mei jl. (Kamerstuk 34 919, nr. 91) zijn de contouren geschetst. Dit "
                   "Strategisch Huisvestingsplan 2030 vormt het kader van de aanpak.", date=dt.date(2030, 12, 2),
                   references=[cites("34919-91")], dossiers=("36124",), sender="Staatssecretaris van Defensie",
                   title="Strategisch Huisvestingsplan 2030")
    [suggestion] = suggest_fulfilments(later, [promise])
    assert Reason("cites_month", {"month": "2030-05"}) in suggestion.reasons
    assert any(r.code == "delivers" for r in suggestion.reasons)
    assert suggestion.confident


def test_a_month_is_cited_only_with_jl_or_its_year():
    from ingest.followups import _months_cited

    sent = dt.date(2022, 12, 2)
    assert _months_cited("de Kamerbrief van mei jl. en mijn brief van juni 2021", sent) == {(2022, 5), (2021, 6)}
    assert _months_cited("de brief van mei over de kazernes", sent) == set()


def test_a_letter_titled_as_the_promised_reaction_delivers_it():
    promise = EarlierCommitment(
        key="reactie", text="De reactie van het kabinet op de bevindingen en aanbevelingen in het rapport over de "
        "inlichtingendiensten zal binnen drie maanden aan uw Kamer worden aangeboden.", due=dt.date(2014, 3, 2),
        document_kamerstuk="33820-1", document_date=dt.date(2013, 12, 2), dossiers=["33820"],
        sender="Minister van Binnenlandse Zaken")
    text = ("Op 2 december heeft de commissie haar rapport over de inlichtingendiensten uitgebracht. Het kabinet is de "
            "commissie erkentelijk voor haar bevindingen en aanbevelingen.")
    reaction = letter(text, date=dt.date(2014, 3, 11), dossiers=("33820",), sender="Minister van Binnenlandse Zaken",
                      title="Kabinetsreactie op het rapport over de inlichtingendiensten")
    [suggestion] = suggest_fulfilments(reaction, [promise])
    assert suggestion.confident and any(r.code == "delivers" for r in suggestion.reasons)
    # a title naming only what the reaction was about is not the reaction
    about_it = letter(text, date=dt.date(2014, 3, 11), dossiers=("33820",), sender="Minister van Binnenlandse Zaken",
                      title="Het rapport over de inlichtingendiensten")
    assert not any(s.confident for s in suggest_fulfilments(about_it, [promise]))


def test_a_promise_naming_only_the_letter_takes_its_subject_from_its_paragraph():
    from ingest.followups import promise_context
    text = ("Dit is de eerste brief van het jaar. De commissie vroeg om de reactie op het advies over de "
            "samenwerking van de kustwachten. Het advies raakt aan vragen van bevoegdheid. De gevraagde termijn "
            "bleek niet haalbaar. U kunt de brief spoedig, uiterlijk voor het einde van het meireces, tegemoet zien.")
    context = promise_context(text, text.index("U kunt"))
    # three sentences back, where the paragraph names what "de brief" is; not the fourth
    assert context.startswith("De commissie vroeg") and context.endswith("niet haalbaar.")
    # a letter named by its subject refers to nothing before it
    named = "Het advies raakt aan vragen van bevoegdheid. U ontvangt de brief over de kustwachten in mei."
    assert promise_context(named, named.index("U ontvangt")) == ""


def test_papers_of_one_day_in_one_dossier_go_by_their_numbers():
    from ingest.followups import sent_before
    day = dt.date(2024, 2, 5)
    assert sent_before(day, "30234-386", day, "30234-388")
    assert not sent_before(day, "30234-388", day, "30234-386")
    # in different dossiers, or unnumbered, one day says nothing about their order unless asked to
    assert not sent_before(day, "30234-386", day, "31839-388")
    assert sent_before(day, None, day, None, same_day=True)
    assert sent_before(dt.date(2024, 2, 4), "30234-390", day, "30234-388")


def test_the_letter_a_promise_announced_the_same_day_fulfils_it_when_numbered_after_it():
    promise = EarlierCommitment(
        key="zwemmen", text="Deze brief wordt momenteel voorbereid en ontvangt u voorafgaand aan het "
        "wetgevingsoverleg over het schoolzwemmen.", due=None, document_kamerstuk="30234-386",
        document_date=dt.date(2024, 2, 5), dossiers=["30234"], sender="Minister van VWS",
        context="Uw Kamer verzocht om een brief over de wachtlijsten bij het schoolzwemmen.")
    text = ("Hierbij stuur ik u zoals verzocht door de vaste commissie een brief over de wachtlijsten bij het "
            "schoolzwemmen.")
    later = Analysis(kind="brief", date=dt.date(2024, 2, 5), kamerstuk="30234-388", dossiers=["30234"],
                     title="Schoolzwemmen", sender="Minister van VWS", signatories=[], pages=1, text=text,
                     page_starts=[0])
    [suggestion] = suggest_fulfilments(later, [promise])
    assert suggestion.confident
    earlier_number = dataclasses.replace(later, kamerstuk="30234-380")
    assert suggest_fulfilments(earlier_number, [promise]) == []


def test_a_letter_writing_out_the_compound_the_promise_used_is_on_its_subject():
    promise = EarlierCommitment(
        key="krimp", text="Begin april kom ik met een beleidsbrief over de aanpak van leerlingendaling.",
        due=dt.date(2031, 4, 10), document_kamerstuk="31293-159", document_date=dt.date(2031, 2, 19),
        dossiers=["31293"], sender="Staatssecretaris van OCW")
    text = ("De komende jaren gaan steeds minder kinderen naar school. Om de gevolgen van de daling van het aantal "
            "leerlingen het hoofd te bieden, kom ik in deze brief met voorstellen.")
    later = letter(text, date=dt.date(2031, 5, 29), dossiers=("31293",), sender="Staatssecretaris van OCW",
                   title="Onderwijs in de regio")
    [suggestion] = suggest_fulfilments(later, [promise])
    subject = next(r for r in suggestion.reasons if r.code == "subject")
    assert "leerlingendaling" in subject.values["words"]
    assert any(r.code == "delivers" for r in suggestion.reasons) and suggestion.confident


def test_a_delivery_of_a_list_of_subjects_is_about_the_items_of_the_list():
    promise = EarlierCommitment(
        key="zwem", text="Die brief ontvangt u voor het overleg.", due=None, document_kamerstuk="30234-380",
        document_date=dt.date(2031, 1, 10), dossiers=["30234"], sender="Minister van VWS",
        context="Uw Kamer vroeg om een brief over de wachtlijsten bij het schoolzwemmen.")
    text = ("Hierbij stuur ik u zoals verzocht een brief over de volgende onderwerpen:\n\n• de wachtlijsten bij het "
            "schoolzwemmen;\n\n• de financiën van sportverenigingen.")
    later = letter(text, date=dt.date(2031, 2, 5), dossiers=("30234",), sender="Minister van VWS", title="Sport")
    [suggestion] = suggest_fulfilments(later, [promise])
    assert any(r.code == "delivers" for r in suggestion.reasons)


def test_a_promise_on_this_subject_is_about_what_the_paragraph_before_cited():
    from ingest.followups import promise_context, promise_sources
    text = ("Tijdens het debat zijn moties ingediend over gaswinning bij Ameland (Kamerstuk 33 450, nr. 31).\n\n"
            "Beide moties betreffen de gevolgen voor de natuur. Ik verwacht uw Kamer binnen twee weken te informeren "
            "over dit onderwerp.")
    start = text.index("Ik verwacht")
    reference = cited_in(text, "33450-31", "Kamerstuk 33 450, nr. 31")
    assert promise_sources(text, [reference], start, len(text)) == ["33450-31"]
    assert promise_context(text, start) == "Beide moties betreffen de gevolgen voor de natuur."
    # a promise on a subject of its own is not about the paragraph before
    own = text.replace("over dit onderwerp", "over de bodemdaling")
    assert promise_sources(own, [reference], own.index("Ik verwacht"), len(own)) == []


def said_to_deliver(later, promise):
    """The one suggestion of `later` for `promise`, confident because the later letter says it delivers."""
    [suggestion] = suggest_fulfilments(later, [promise])
    assert suggestion.confident
    assert any(r.code == "fulfilment" for r in suggestion.reasons)
    return suggestion


def test_the_time_of_a_promise_says_nothing_of_its_subject():
    # A promise timed by an event ("kort na de behandeling van de begroting") is about what it sends, not the event:
    # the later letter keeping the promise to report on the spreading is its fulfilment.
    promise = EarlierCommitment(
        key="spreiding", text="De Kamerbrief stand spreiding rijkswerkgelegenheid zal kort na de behandeling van de "
                              "begroting aan uw Kamer worden aangeboden.",
        due=None, document_kamerstuk="31490-346", document_date=dt.date(2024, 10, 8), dossiers=["31490"],
        sender="Minister van Binnenlandse Zaken en Koninkrijksrelaties")
    later = letter("Door middel van deze brief kom ik de toezegging na om uw Kamer jaarlijks over de spreiding van de "
                   "werkgelegenheid bij de Rijksoverheid te informeren. De spreiding neemt toe.",
                   date=dt.date(2024, 10, 25), title="Stand spreiding rijkswerkgelegenheid", dossiers=("31490",),
                   sender="Minister van Binnenlandse Zaken en Koninkrijksrelaties")
    suggestion = said_to_deliver(later, promise)
    assert not any("begroting" in r.values.get("words", []) for r in suggestion.reasons)


def test_a_letter_saying_it_keeps_a_promise_made_about_a_long_context_fulfils_it():
    # "hierover" takes its subject from a long paragraph: three of its words in the passage that says it keeps
    # the promise ("aan deze toezegging tegemoet") are enough, though they are a small share of them.
    promise = EarlierCommitment(
        key="groningen", text="Ik verwacht uw Kamer hierover dit najaar te kunnen informeren.",
        context="Met mijn brief van 3 juli heb ik uw Kamer geïnformeerd over de afspraken op hoofdlijnen die ik, de "
                "Minister van Binnenlandse Zaken en de regiobestuurders op basis van het advies van de Mijnraad hebben "
                "gemaakt over een meerjarige bijdrage aan een toekomstbestendig Groningen. Deze afspraken worden "
                "momenteel uitgewerkt in gesprek met de bestuurders van de gemeenten in het aardbevingsgebied, de "
                "provincie, de waterschappen, de woningcorporaties, het onderwijs en de zorginstellingen in de regio.",
        due=dt.date(2018, 11, 30), document_kamerstuk="33529-521", document_date=dt.date(2018, 8, 17),
        dossiers=["33529"], sender="Minister van Economische Zaken en Klimaat")
    later = letter("Vandaag presenteerden de regiobestuurders en de gemeenten hun plannen. Daarom heeft het kabinet de "
                   "afspraak gemaakt om te investeren in Groningen. Met de investering in het programma komt het "
                   "kabinet aan deze toezegging tegemoet.",
                   date=dt.date(2018, 10, 5), title="Afspraken met de regiobestuurders en gemeenten over Groningen",
                   dossiers=("33529",), sender="Minister van Economische Zaken en Klimaat")
    said_to_deliver(later, promise)


@pytest.mark.parametrize("opening", ["Bij deze informeer ik u", "Hierbij informeer ik u", "Hiermee bericht ik u"])
def test_a_letter_informing_the_kamer_hereby_of_the_promised_results_fulfils_the_promise(opening):
    promise = EarlierCommitment(
        key="bedenktijd", text="U wordt op de hoogte gebracht van de resultaten van het onderzoek naar de bedenktijd.",
        due=None, document_kamerstuk="28638-71", document_date=dt.date(2011, 12, 22), dossiers=["28638"],
        sender="Minister van Veiligheid en Justitie")
    later = letter(f"In een brief van 22 december 2011 is toegezegd dat het onderzoek voor mei zou zijn afgerond. "
                   f"{opening} over de resultaten van het onderzoek naar de bedenktijd.",
                   date=dt.date(2012, 5, 11), title="Mensenhandel", dossiers=("28638",),
                   sender="Minister voor Immigratie, Integratie en Asiel")
    said_to_deliver(later, promise)


def test_keeping_a_promise_made_to_a_member_named_in_between_says_it_delivers():
    promise = EarlierCommitment(
        key="toegankelijkheid", text="Ik zal uw Kamer na de zomer een visiebrief over de toegankelijkheid en de "
                                     "kansengelijkheid in het hoger onderwijs sturen.",
        due=dt.date(2018, 9, 30), document_kamerstuk="31288-648", document_date=dt.date(2018, 6, 29),
        dossiers=["31288"], sender="Minister van Onderwijs, Cultuur en Wetenschap")
    later = letter("Met het toesturen van deze beleidsbrief over de toegankelijkheid en de kansengelijkheid in het "
                   "hoger onderwijs doe ik de toezegging aan het lid Voorbeeld gestand.",
                   date=dt.date(2018, 10, 25), title="Toegankelijkheid hoger onderwijs", dossiers=("31288",),
                   sender="Minister van Onderwijs, Cultuur en Wetenschap")
    said_to_deliver(later, promise)


@pytest.mark.parametrize("delivery", ["In deze brief treft u de reactie aan op het rapport van de evaluatie",
                                      "Met deze brief ontvangt u de reactie op het rapport van de evaluatie"])
def test_a_letter_in_which_the_kamer_finds_the_promised_thing_delivers_it(delivery):
    promise = EarlierCommitment(
        key="akademie", text="Mijn reactie op het rapport van de evaluatie van de Akademie stuur ik u na de zomer.",
        due=dt.date(2014, 9, 30), document_kamerstuk="29338-134", document_date=dt.date(2014, 4, 9),
        dossiers=["29338"], sender="Staatssecretaris van Onderwijs, Cultuur en Wetenschap")
    later = letter(f"{delivery} van de Akademie. De Akademie is opgericht in 1808.", date=dt.date(2014, 9, 2),
                   title="Wetenschapsbudget", dossiers=("29338",),
                   sender="Staatssecretaris van Onderwijs, Cultuur en Wetenschap")
    [suggestion] = suggest_fulfilments(later, [promise])
    assert suggestion.confident
    assert any(r.code == "delivers" for r in suggestion.reasons)


VERKENNING_PROMISE = EarlierCommitment(
    key="verkenning-nieuwe-jaar",
    text="Ik zal u zo spoedig mogelijk in het nieuwe jaar informeren over de uitkomsten van de verkenning",
    due=dt.date(2024, 12, 31), document_kamerstuk="36410-XIV-62", document_date=dt.date(2023, 11, 20),
    dossiers=["36410-XIV"], sender="Minister van Landbouw, Natuur en Voedselkwaliteit",
)
VERKENNING_OPENING = ("Eerder informeerde ik uw Kamer over de verkenning naar de toekomst van de akkerbouwstichting. "
                      "Inmiddels heeft de verkenner mij zijn rapport aangeboden. Middels deze brief informeer ik u "
                      "over de conclusies en aanbevelingen van de heer Jansen, en over de vervolgstappen.")


def test_a_letter_in_the_dossier_opening_on_the_promised_subject_and_saying_what_it_does_fulfils_it():
    later = letter(VERKENNING_OPENING, date=dt.date(2024, 5, 18), dossiers=("36410-XIV",),
                   sender="Minister van Landbouw, Natuur en Voedselkwaliteit", title="Vaststelling van de begroting")
    suggestion = suggestion_for("verkenning-nieuwe-jaar", suggest_fulfilments(later, [VERKENNING_PROMISE]))
    assert suggestion and suggestion.confident
    assert "fulfilment" in [r.code for r in suggestion.reasons]
    # not outside its dossier, nor long after it was due
    elsewhere = dataclasses.replace(later, dossiers=["36200-XIV"])
    assert not any(s.confident for s in suggest_fulfilments(elsewhere, [VERKENNING_PROMISE]))
    late = dataclasses.replace(later, date=dt.date(2025, 9, 1))
    assert not any(s.confident for s in suggest_fulfilments(late, [VERKENNING_PROMISE]))
    # nor when what it says it does cites the promise's letter: it delivers another promise of that letter
    citing = ("Eerder informeerde ik uw Kamer over de verkenning naar de toekomst van de akkerbouwstichting. Met deze "
              "brief informeer ik u, zoals toegezegd in mijn brief van 20 november 2023, over de subsidieregeling.")
    other = letter(citing, date=dt.date(2024, 5, 18), dossiers=("36410-XIV",),
                   sender="Minister van Landbouw, Natuur en Voedselkwaliteit", title="Vaststelling van de begroting")
    assert not any(s.confident for s in suggest_fulfilments(other, [VERKENNING_PROMISE]))


def test_a_delay_of_that_promise_takes_its_subject_from_before_the_delay():
    # "… om aan deze toezegging te kunnen voldoen": what was promised is named in the paragraph before
    from ingest.followups import promise_context

    uitstel = ("Tijdens het overleg van 3 maart heb ik toegezegd uw Kamer een overzicht te sturen van de "
               "grote bouwprojecten van het Rijksvastgoedbedrijf.\n\nGezien het grote aantal verzoeken heb ik enkele "
               "dagen extra tijd nodig om aan deze toezegging te kunnen voldoen. U zult deze informatie tegelijk met "
               "de andere gevraagde informatie ontvangen.")
    start = uitstel.index("U zult")
    context = promise_context(uitstel, start)
    assert "grote bouwprojecten van het Rijksvastgoedbedrijf" in context
    promise = EarlierCommitment(
        key="overzicht", text=uitstel[start:], due=None, document_kamerstuk="31490-300",
        document_date=dt.date(2024, 3, 20), dossiers=["31490"], sender="Minister van Binnenlandse Zaken",
        context=context)
    later = letter("Met deze brief geef ik invulling aan mijn toezegging om uw Kamer een overzicht te sturen van de "
                   "stand van zaken van de grote bouwprojecten van het Rijksvastgoedbedrijf.",
                   date=dt.date(2024, 3, 28), dossiers=("31490",), sender="Minister van Binnenlandse Zaken",
                   title="Bouwprojecten Rijksvastgoedbedrijf")
    [suggestion] = suggest_fulfilments(later, [promise])
    assert suggestion.confident
    # a promise without a date, delivered within a season of being made
    assert Reason("soon_after", {"promised": "2024-03-20", "sent": "2024-03-28"}) in suggestion.reasons


def test_a_promise_after_a_decided_delay_is_about_what_was_cited_before_it():
    from ingest.commitments import is_postponement
    from ingest.followups import promise_sources

    text = ("In mijn brief van 3 februari (Kamerstuk 35 300 X, nr. 60) meldde ik u de beleidsreactie in maart te "
            "sturen. Door de ontwikkelingen heb ik besloten de verzending van deze Kamerbrief voorlopig uit te "
            "stellen. Ik zal een nieuwe datum bepalen voor het informeren van uw Kamer.")
    assert is_postponement("Door de ontwikkelingen heb ik besloten de verzending van deze Kamerbrief voorlopig uit "
                           "te stellen.")
    cited = cited_in(text, "35300-X-60", "Kamerstuk 35 300 X, nr. 60")
    start = text.index("Ik zal")
    assert promise_sources(text, [cited], start, len(text)) == ["35300-X-60"]


def test_the_ministries_of_one_before_and_after_a_renaming_are_the_same():
    from ingest.followups import _same_ministry

    assert _same_ministry("Minister van Veiligheid en Justitie", "Minister van Justitie en Veiligheid")
    assert not _same_ministry("Minister van Veiligheid en Justitie", "Minister van Defensie")


def test_a_delay_notice_of_answers_is_answered_by_the_answers_of_its_minister():
    # the Aanhangsel's "Mededeling van minister X (…)": the answers name no dossier, the same minister answers them
    notice = EarlierCommitment(
        key="mededeling", text="Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.", due=None,
        document_kamerstuk=None, document_date=dt.date(2012, 3, 7), dossiers=[],
        sender="Minister van Veiligheid en Justitie",
        context="Vragen van de leden Jansen en De Vries aan de minister over het rampenplan bij Chemie BV.")
    answers = dataclasses.replace(
        letter("Vragen van de leden Jansen en De Vries over het rampenplan bij Chemie BV. Vraag 1 … Antwoord 1 …",
               date=dt.date(2012, 3, 19), dossiers=(), sender="Minister van Justitie en Veiligheid",
               title="Het rampenplan bij Chemie BV"), kind="antwoorden")
    [suggestion] = suggest_fulfilments(answers, [notice])
    assert suggestion.confident and Reason("same_ministry") in suggestion.reasons
