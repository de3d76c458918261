"""The calendar feeds' own iCalendar writer makes the bytes the `icalendar` package makes of the same events."""

import datetime as dt

import icalendar
import pytest

from tracker import ical

STAMP = dt.datetime(2024, 5, 15, 12, 0, 3, 123456, tzinfo=dt.UTC)


def with_icalendar(name, events):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kamerbrieventracker//toezeggingen//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        component = icalendar.Event()
        component.add("uid", event.uid)
        component.add("dtstamp", event.stamp)
        component.add("dtstart", event.day)
        component.add("dtend", event.day + dt.timedelta(days=1))
        component.add("summary", event.summary)
        component.add("description", event.description)
        component.add("url", event.url)
        calendar.add_component(component)
    return calendar.to_ical()


def event(text, **changes):
    url = "http://testserver/toezeggingen/12/"
    return ical.Event(**{"uid": "toezegging-12@testserver", "stamp": STAMP, "day": dt.date(2024, 12, 31),
                         "summary": f"[Openstaand · te laat] {text[:100]}",
                         "description": f"{text}\n\nStatus: Openstaand\nBron: Brief, nr. 3\n{url}", "url": url,
                         **changes})


TEXTS = [
    "Ik informeer uw Kamer voor de zomer.",
    "Kort",
    "",
    "De minister zegt toe; de Kamer, vóór 1 juli, te informeren over het besluit van de ‘commissie’ — " * 4,
    "x" * 72 + "\\" + "y" * 200,  # a backslash escape where a line would fold
    "a" * 73 + ";" + "b" * 150,
    "é" * 80 + "€" * 40 + "𝄞" * 10,  # two, three and four octets a character
    "regel één\r\nregel twee\rregel drie\\Nvier",
    "^" * 200,
]


@pytest.mark.parametrize("text", TEXTS)
def test_it_writes_what_icalendar_writes(text):
    events = [event(text), event(text[::-1], uid="toezegging-13@testserver", day=dt.date(2025, 2, 28))]
    name = "Termijnen Volksgezondheid, Welzijn en Sport"
    assert ical.calendar("-//Kamerbrieventracker//toezeggingen//NL", name, events) == with_icalendar(name, events)


def test_a_stamp_in_another_zone_is_written_in_utc():
    amsterdam = dt.timezone(dt.timedelta(hours=2))
    body = ical.calendar("-//p//NL", "n", [event("t", stamp=dt.datetime(2024, 5, 15, 14, 0, tzinfo=amsterdam))])
    assert b"\r\nDTSTAMP:20240515T120000Z\r\n" in body


def test_no_line_is_longer_than_75_octets_and_unfolding_gives_the_text_back():
    text = TEXTS[3] + TEXTS[6]
    body = ical.calendar("-//p//NL", "Termijnen dossier 27 925", [event(text)])
    assert max(len(line) for line in body.split(b"\r\n")) <= 75
    parsed = icalendar.Calendar.from_ical(body)
    assert str(parsed["X-WR-CALNAME"]) == "Termijnen dossier 27 925"
    assert str(parsed.walk("VEVENT")[0]["description"]).startswith(text)
