"""The filters pages use for dates and shortened texts."""

import datetime as dt

from django.template import engines

from tracker.display import shorten
from tracker.templatetags.display import day


def test_it_shortens_only_what_is_too_long_and_marks_the_cut():
    assert shorten("Brief", 5) == "Brief"
    assert shorten("Brieven", 5) == "Brie…" and len(shorten("Brieven", 5)) == 5


def test_it_cuts_between_words_where_one_ends_in_the_second_half():
    text = "In overeenstemming met artikel 100 van de Grondwet en met verwijzing naar eerdere brieven"
    assert shorten(text, 80) == "In overeenstemming met artikel 100 van de Grondwet en met verwijzing naar…"
    assert shorten("Een brief, over de inzet", 13) == "Een brief…"  # no comma before the ellipsis
    assert shorten("Kamerbriefoverdeinzet in Irak", 12) == "Kamerbriefo…"  # no word ends in time: cut within


def test_it_writes_a_date_in_dutch_and_nothing_for_none():
    assert day(dt.date(2024, 3, 5)) == "5 mrt 2024"
    assert day(None) == ""


def test_the_filters_are_there_in_every_template_and_escape_what_they_show():
    template = engines["django"].from_string('{{ text|shorten:9 }} {{ date|day|default:"geen" }}')
    assert template.render({"text": "<b>Kamerbrief</b>", "date": None}) == "&lt;b&gt;Kamer… geen"
