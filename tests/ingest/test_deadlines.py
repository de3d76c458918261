"""Due dates: the last day of the period named, in its coming occurrence (docs/domain.md)."""

import datetime as dt

import pytest

from ingest.calendar_nl import PUBLISHED_RECESSES, prinsjesdag, recess, usual_recess
from ingest.deadlines import find_due, resolve

LETTER_OF_21_NOV_2023 = dt.date(2023, 11, 21)


@pytest.mark.parametrize("expression, due", [
    ("in december", "2023-12-31"),
    ("in januari", "2024-01-31"),
    ("mei 2025", "2025-05-31"),
    ("in de volgende voortgangsrapportage (mei 2025)", "2025-05-31"),
    ("eind januari", "2024-01-31"),
    ("voor het einde van het jaar", "2023-12-31"),
    ("dit jaar", "2023-12-31"),
    ("later dit jaar", "2023-12-31"),
    ("voor het einde van 2024", "2024-12-31"),
    ("in de loop van 2024", "2024-12-31"),
    ("eind 2024", "2024-12-31"),
    ("begin 2025", "2025-03-31"),
    ("begin volgend jaar", "2024-03-31"),
    ("eind volgend jaar", "2024-12-31"),
    ("medio 2024", "2024-06-30"),
    ("half 2024", "2024-06-30"),
    ("eerste kwartaal van 2024", "2024-03-31"),
    ("in het eerste kwartaal van 2024", "2024-03-31"),
    ("Q1 2024", "2024-03-31"),
    ("het tweede halfjaar van 2024", "2024-12-31"),
    ("de eerste helft van 2024", "2024-06-30"),
    ("het derde trimester van 2024", "2024-12-31"),
    ("in het eerste trimester van 2024", "2024-04-30"),
    ("tegelijk met de najaarsbrief", "2023-11-30"),
    ("voor de zomer", "2024-06-30"),
    ("voor het zomerreces", "2024-06-30"),
    ("voor de aankomende zomer", "2024-06-30"),
    ("na de zomer", "2024-09-30"),
    ("in het voorjaar", "2024-05-31"),
    ("in het najaar", "2024-11-30"),
    ("in het voorjaar van 2025", "2025-05-31"),
    ("uiterlijk 1 maart a.s.", "2024-03-01"),
    ("voor 1 juli", "2024-07-01"),
    ("voor 1 juli 2025", "2025-07-01"),
    ("voor Prinsjesdag", "2024-09-17"),
    ("volgende week", "2023-12-03"),
    ("over twee weken", "2023-12-05"),
    ("binnen drie maanden", "2024-02-21"),
    ("binnen de gebruikelijke termijn van drie maanden", "2024-02-21"),
])
def test_a_letter_of_21_november_2023_resolves(expression, due):
    assert resolve(expression, LETTER_OF_21_NOV_2023).date == dt.date.fromisoformat(due)


def test_before_the_christmas_recess_is_the_last_day_before_it_starts():
    due = resolve("voor het kerstreces", LETTER_OF_21_NOV_2023)
    assert dt.date(2023, 12, 18) <= due.date <= dt.date(2023, 12, 22)
    assert due.date < recess("kerstreces", 2023)[0]


@pytest.mark.parametrize("expression", [
    "zo spoedig mogelijk", "binnenkort", "op een later moment", "op een ander tijdstip",
    "zodra daar aanleiding toe is", "voor vertrek van het Nederlandse fregat", "de komende maanden",
    "op korte termijn", "te zijner tijd", "regelmatig", "kort na de behandeling van de begroting",
    # a budget is debated weeks after the day it is presented
    "vóór de parlementaire behandeling van de Ontwerpbegroting 2025",
])
def test_wording_that_names_no_period_keeps_its_text_but_gets_no_date(expression):
    due = resolve(expression, LETTER_OF_21_NOV_2023)
    assert due.date is None
    assert due.precision == "geen"
    assert due.text


def test_without_a_document_date_only_absolute_expressions_get_a_date():
    assert resolve("mei 2025", None).date == dt.date(2025, 5, 31)
    assert resolve("uiterlijk 1 maart 2024", None).date == dt.date(2024, 3, 1)
    assert resolve("in december", None).date is None


def test_precision_says_how_exact_the_date_is():
    assert resolve("uiterlijk 1 maart a.s.", LETTER_OF_21_NOV_2023).precision == "dag"
    assert resolve("in december", LETTER_OF_21_NOV_2023).precision == "maand"
    assert resolve("Q1 2024", LETTER_OF_21_NOV_2023).precision == "kwartaal"
    assert resolve("voor de zomer", LETTER_OF_21_NOV_2023).precision == "seizoen"
    assert resolve("medio 2024", LETTER_OF_21_NOV_2023).precision == "halfjaar"
    assert resolve("eind 2024", LETTER_OF_21_NOV_2023).precision == "jaar"


def test_a_past_date_is_not_a_deadline():
    assert find_due("Op 3 mei jl. heb ik uw Kamer geïnformeerd.", LETTER_OF_21_NOV_2023) is None


def test_a_duration_is_not_a_deadline():
    assert find_due("De missie loopt tot en met mei 2025.", LETTER_OF_21_NOV_2023) is None


def test_in_a_sentence_the_expression_is_found_with_its_offsets():
    sentence = "Het kabinet streeft ernaar hierover een besluit te nemen voor het einde van 2024."
    due = find_due(sentence, LETTER_OF_21_NOV_2023)
    assert due.text == "voor het einde van 2024"
    assert sentence[due.start:due.end] == due.text
    assert due.date == dt.date(2024, 12, 31)


def test_a_dated_expression_wins_over_a_dateless_one():
    due = find_due("Ik informeer u zo spoedig mogelijk, in ieder geval voor de zomer.", LETTER_OF_21_NOV_2023)
    assert due.date == dt.date(2024, 6, 30)


def test_a_month_already_begun_is_this_month_and_a_month_gone_by_is_next_year():
    assert resolve("in november", LETTER_OF_21_NOV_2023).date == dt.date(2023, 11, 30)
    assert resolve("in oktober", LETTER_OF_21_NOV_2023).date == dt.date(2024, 10, 31)


def test_prinsjesdag_is_the_third_tuesday_of_september():
    assert prinsjesdag(2023) == dt.date(2023, 9, 19)
    assert prinsjesdag(2024) == dt.date(2024, 9, 17)
    assert prinsjesdag(2025) == dt.date(2025, 9, 16)


def test_a_recess_outside_the_table_starts_on_a_friday():
    start, end = recess("zomerreces", 2031)
    assert start.weekday() == 4 and start.month == 7
    assert end > start


def test_the_year_a_matter_concerns_is_not_a_deadline():
    due = find_due("Over de kosten voor 2025 informeer ik uw Kamer zo spoedig mogelijk.", LETTER_OF_21_NOV_2023)
    assert due.text == "zo spoedig mogelijk"
    assert due.date is None


def test_the_period_a_report_covers_is_not_its_deadline():
    sentence = "De kwartaalrapportage, met cijfers over het eerste kwartaal van 2024, ontvangt uw Kamer in het najaar."
    assert find_due(sentence, LETTER_OF_21_NOV_2023).date == dt.date(2024, 11, 30)


def test_a_word_ending_in_over_does_not_make_the_period_a_subject():
    sentence = "Ik informeer u daarover in het eerste kwartaal van 2024."
    assert find_due(sentence, LETTER_OF_21_NOV_2023).date == dt.date(2024, 3, 31)


def test_christmas_and_weekdays_name_days():
    from ingest.deadlines import find_due
    letter = dt.date(2020, 12, 9)  # a Wednesday
    assert find_due("Voor de Kerst informeert de minister de Kamer.", letter).date == dt.date(2020, 12, 24)
    assert find_due("Jansen stuurt vrijdag een brief naar de Kamer.", letter).date == dt.date(2020, 12, 11)
    assert find_due("Aanstaande dinsdag stuurt hij het voorstel.", letter).date == dt.date(2020, 12, 15)
    assert find_due("Hij stuurt het voorstel onmiddellijk naar de Kamer.", letter).date is None


@pytest.mark.parametrize("sentence, due", [
    ("Ik zal u de informatie in de tweede helft van oktober 2013 toesturen.", "2013-10-31"),
    ("Ik zal u de informatie in de eerste helft van november toesturen.", "2013-11-15"),
    # before a meeting on a named day: the day before it
    ("Ik zal uw Kamer mijn visie tijdig voor het aangekondigde Algemeen Overleg van 1 december aanstaande doen "
     "toekomen.", "2013-11-30"),
    # a budget is presented on Prinsjesdag of the year before; a bare year is the weakest period
    ("Ik informeer u in het projectenboek 2014, dat als bijstuk van de Begroting 2014 wordt gepresenteerd.",
     "2013-09-17"),
    # the funds' circulars appear in the month they are named after
    ("Beantwoording zal plaatsvinden voor het verschijnen van de meicirculaire provinciefonds.", "2014-05-31"),
    ("De uitkomst verwerken wij in de septembercirculaire gemeentefonds 2013.", "2013-09-30"),
])
def test_it_resolves_halves_of_months_meetings_and_budgets(sentence, due):
    from ingest.deadlines import find_due
    assert find_due(sentence, dt.date(2013, 9, 10)).date == dt.date.fromisoformat(due)


def test_the_krokusreces_is_the_voorjaarsreces():
    assert resolve("vóór het krokusreces", dt.date(2024, 1, 20)).date == recess("voorjaarsreces", 2024)[0] - \
        dt.timedelta(days=1)


@pytest.mark.parametrize("expression", ["rond 16:00", "om 14.30 uur", "vanavond", "later vandaag"])
def test_later_on_the_day_of_the_letter_is_that_day(expression):
    assert resolve(expression, LETTER_OF_21_NOV_2023).date == LETTER_OF_21_NOV_2023


def test_tomorrow_is_the_day_after_the_letter():
    assert resolve("morgenochtend", LETTER_OF_21_NOV_2023).date == dt.date(2023, 11, 22)


def test_weeks_counted_from_a_day_not_yet_known_give_way_to_a_hard_date():
    from ingest.deadlines import find_due
    sentence = ("Ik zal u binnen drie weken na verschijning van het rapport, maar uiterlijk voor het einde van dit "
                "jaar, mijn reactie doen toekomen.")
    assert find_due(sentence, dt.date(2013, 10, 28)).date == dt.date(2013, 12, 31)


def test_this_season_is_this_years_even_once_it_is_half_over():
    # A list of answers fixed in May, and a letter in late October: "this" season, not next year's.
    assert resolve("dit voorjaar", dt.date(2020, 5, 12)).date == dt.date(2020, 5, 31)
    assert resolve("dit najaar", dt.date(2018, 10, 25)).date == dt.date(2018, 11, 30)
    assert resolve("deze zomer", dt.date(2019, 7, 20)).date == dt.date(2019, 8, 31)
    # without "dit", a season half over is next year's
    assert resolve("in het najaar", dt.date(2018, 10, 25)).date == dt.date(2019, 11, 30)


def test_a_period_inside_a_longer_expression_naming_none_is_the_deadline():
    sentence = "Het overzicht ontvangt u voor de begrotingsbehandeling cultuur begin november."
    assert find_due(sentence, dt.date(2016, 10, 27)).date == dt.date(2016, 11, 10)


def test_later_than_a_date_is_no_deadline_but_not_later_than_is():
    sentence = "Ik vraag uw begrip dat ik de visie later dan 1 juni stuur; ik streef naar toezending in juni."
    assert find_due(sentence, dt.date(2011, 5, 20)).date == dt.date(2011, 6, 30)
    assert find_due("U ontvangt de visie niet later dan 1 juni.", dt.date(2011, 5, 20)).date == dt.date(2011, 6, 1)


def test_a_period_denied_is_no_deadline():
    sentence = ("Het gevolg kan zijn dat de brief niet in april maar zo snel mogelijk daarna aan uw Kamer wordt "
                "aangeboden.")
    due = find_due(sentence, dt.date(2016, 3, 17))
    assert due.text == "zo snel mogelijk" and due.date is None


def test_a_window_ends_at_its_deadline_not_at_its_start():
    # "na A en voor B": the promise is due by B; after summer is only when it may come
    window = resolve("Ik stuur u na het zomerreces en voor 1 november de brief.", LETTER_OF_21_NOV_2023)
    assert window.date == dt.date(2024, 11, 1)
    undated = resolve("Ik stuur u na het zomerreces en voor de begrotingsbehandeling de brief.", LETTER_OF_21_NOV_2023)
    assert undated.date is None and undated.text.startswith("voor de begrotingsbehandeling")
    assert resolve("Ik stuur u na het zomerreces de brief.", LETTER_OF_21_NOV_2023).date == dt.date(2024, 9, 30)


def test_a_term_extended_to_a_day_is_due_then_but_what_runs_to_a_day_is_not():
    extended = resolve("Daarom verzoek ik u de termijn met vier weken te verlengen tot 20 februari.",
                       LETTER_OF_21_NOV_2023)
    assert extended.date == dt.date(2024, 2, 20)
    assert resolve("De regeling loopt tot 20 februari.", LETTER_OF_21_NOV_2023).date is None


def test_the_new_year_is_the_coming_one_late_in_a_year_and_the_one_begun_early_in_it():
    assert resolve("zo spoedig mogelijk in het nieuwe jaar", LETTER_OF_21_NOV_2023).date == dt.date(2024, 12, 31)
    assert resolve("in het nieuwe jaar", dt.date(2024, 1, 10)).date == dt.date(2024, 12, 31)


def test_a_recess_after_a_debate_is_still_its_time_and_a_budget_debated_names_none():
    after = resolve("Ik zal reageren tijdens de voortzetting van de plenaire behandeling na het meireces.",
                    dt.date(2023, 4, 20))
    assert after.date == recess("meireces", 2023)[1]
    debated = resolve("De brief wordt u vóór de parlementaire behandeling van de Ontwerpbegroting 2026 toegezonden.",
                      dt.date(2025, 6, 1))
    assert debated.date is None


def test_the_pattern_of_the_recesses_gives_every_published_recess():
    # the Kamer fixes its recesses per year; where none are published yet, the pattern they share stands in
    assert {key: usual_recess(*key) for key in PUBLISHED_RECESSES} == PUBLISHED_RECESSES
    # the kerstreces ends on the Monday from 12 January: three weeks some years, four in others
    assert recess("kerstreces", 2009) == (dt.date(2009, 12, 18), dt.date(2010, 1, 18))
    assert recess("kerstreces", 2013) == (dt.date(2013, 12, 20), dt.date(2014, 1, 13))


def test_the_stamp_of_a_news_item_is_no_deadline():
    # the weekday names the date after it, and the clock time is when the item was written
    stamped = ("donderdag, 2 oktober 2025 om 12:26 DEN HAAG - De minister wil het wetsvoorstel nog voor de "
               "verkiezingen naar de Tweede Kamer sturen.")
    due = find_due(stamped, dt.date(2025, 10, 2))
    assert due.text != "donderdag" and "12:26" not in due.text  # not a week later, nor "om 12:26"
    assert find_due("U ontvangt de stukken vandaag om 16.00 uur.", dt.date(2025, 10, 2)).date == dt.date(2025, 10, 2)
