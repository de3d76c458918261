"""Dates of the parliamentary year that due expressions refer to.

Recess dates: Tweede Kamer der Staten-Generaal, "Recesdata" as published on
tweedekamer.nl (the Kamer fixes them per calendar year). Each recess runs from a
Friday (first day without plenary sittings) to a Monday. For a year not in the
table both are computed from the pattern the published years share (the Eerste
Kamer's published kerstreces of 2009 and 2010 ended on the Monday it gives too).
"""

from __future__ import annotations

import datetime as dt

# (first day, last day) per recess and year.
PUBLISHED_RECESSES: dict[tuple[str, int], tuple[dt.date, dt.date]] = {
    ("kerstreces", 2019): (dt.date(2019, 12, 20), dt.date(2020, 1, 13)),
    ("voorjaarsreces", 2020): (dt.date(2020, 2, 14), dt.date(2020, 2, 24)),
    ("meireces", 2020): (dt.date(2020, 4, 24), dt.date(2020, 5, 11)),
    ("zomerreces", 2020): (dt.date(2020, 7, 3), dt.date(2020, 8, 31)),
    ("kerstreces", 2020): (dt.date(2020, 12, 18), dt.date(2021, 1, 18)),
    ("zomerreces", 2021): (dt.date(2021, 7, 9), dt.date(2021, 9, 6)),
    ("kerstreces", 2021): (dt.date(2021, 12, 17), dt.date(2022, 1, 17)),
    ("voorjaarsreces", 2022): (dt.date(2022, 2, 18), dt.date(2022, 2, 28)),
    ("meireces", 2022): (dt.date(2022, 4, 22), dt.date(2022, 5, 9)),
    ("zomerreces", 2022): (dt.date(2022, 7, 8), dt.date(2022, 9, 5)),
    ("kerstreces", 2022): (dt.date(2022, 12, 23), dt.date(2023, 1, 16)),
    ("voorjaarsreces", 2023): (dt.date(2023, 2, 17), dt.date(2023, 2, 27)),
    ("meireces", 2023): (dt.date(2023, 4, 21), dt.date(2023, 5, 8)),
    ("zomerreces", 2023): (dt.date(2023, 7, 7), dt.date(2023, 9, 4)),
    ("kerstreces", 2023): (dt.date(2023, 12, 22), dt.date(2024, 1, 15)),
    ("voorjaarsreces", 2024): (dt.date(2024, 2, 16), dt.date(2024, 2, 26)),
    ("meireces", 2024): (dt.date(2024, 4, 26), dt.date(2024, 5, 13)),
    ("zomerreces", 2024): (dt.date(2024, 7, 5), dt.date(2024, 9, 2)),
    ("kerstreces", 2024): (dt.date(2024, 12, 20), dt.date(2025, 1, 13)),
    ("voorjaarsreces", 2025): (dt.date(2025, 2, 14), dt.date(2025, 2, 24)),
    ("meireces", 2025): (dt.date(2025, 4, 25), dt.date(2025, 5, 12)),
    ("zomerreces", 2025): (dt.date(2025, 7, 4), dt.date(2025, 9, 1)),
    ("kerstreces", 2025): (dt.date(2025, 12, 19), dt.date(2026, 1, 12)),
}

# Where a recess falls in years not in the table: its first day is the Friday on or after the first (month, day),
# its last the Monday on or after the second (in the next year for the kerstreces). The meireces holds Koningsdag;
# the kerstreces ends after three or four weeks, on the Monday from 12 January.
_USUAL_DAYS = {
    "kerstreces": ((12, 17), (1, 12)),
    "voorjaarsreces": ((2, 13), (2, 23)),
    "meireces": ((4, 21), (5, 8)),
    "zomerreces": ((7, 3), (8, 31)),
}

_RECESS_ALIASES = {"krokusreces": "voorjaarsreces"}

MONDAY, TUESDAY, FRIDAY = 0, 1, 4


def recess(name: str, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a recess that starts in `year`."""
    name = _RECESS_ALIASES.get(name, name)
    return PUBLISHED_RECESSES.get((name, year)) or usual_recess(name, year)


def usual_recess(name: str, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a recess that starts in `year`, as the recesses published fall."""
    (month, day), (last_month, last_day) = _USUAL_DAYS[name]
    start = _next_weekday(dt.date(year, month, day), FRIDAY)
    return start, _next_weekday(dt.date(year + (last_month < month), last_month, last_day), MONDAY)


def prinsjesdag(year: int) -> dt.date:
    """The third Tuesday of September (Grondwet art. 65 and Wet Prinsjesdag)."""
    return _next_weekday(dt.date(year, 9, 15), TUESDAY)


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)
