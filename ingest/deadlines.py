"""Find the due expression in a sentence and resolve it to a date.

Convention (docs/domain.md): the last day of the period named, in its coming
occurrence relative to the date of the document ("in december" in a letter of
21 November 2023 is 2023-12-31). Expressions that name no period ("zo spoedig
mogelijk", "zodra ...") keep their wording with precision "geen".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from . import patterns, prefilter
from .calendar_nl import prinsjesdag, recess


@dataclass(frozen=True)
class Due:
    text: str | None  # the expression as written ("voor het einde van 2024")
    date: dt.date | None
    precision: str  # one of model.PRECISIONS
    start: int = -1  # offsets of `text` in the sentence it was found in
    end: int = -1


NO_DUE = Due(None, None, "geen")

# Month names as patterns.MONTHS writes them, and the abbreviations letters use.
MONTHS = {**patterns.MONTHS, "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ORDINALS = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4,
             "laatste": 4}
_ORDINAL = r"(?P<ordinal>eerste|1e|tweede|2e|derde|3e|vierde|4e|laatste)"
_NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "acht": 8,
            "tien": 10, "twaalf": 12}
_COUNT = r"(?P<count>\d{1,2}|een|één|twee|drie|vier|vijf|zes|acht|tien|twaalf)"
# "this year", "next year" or an explicit year.
_WHICH_YEAR = (r"(?:(?:van\s+)?(?:het\s+)?(?:(?P<this>dit|deze|dat|het\s+huidige|lopende)\s+jaar|"
               r"(?P<next>volgend|volgende|komend|komende)\s+jaar|" + _YEAR + r"))")
_OPT_YEAR = r"(?:\s+" + _WHICH_YEAR + r")?"
# The Kamer's recesses by name; the voorjaarsreces is commonly called the krokusreces (calendar_nl knows both).
_SHORT_RECESS = r"(?P<recess>kerstreces|voorjaarsreces|krokusreces|meireces)"
_ANY_RECESS = r"(?P<recess>zomerreces|kerstreces|voorjaarsreces|krokusreces|meireces)"
_SHIFT = r"(?:\s+(?P<shift>jl|a\.s)\.?)?"


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _Context:
    """What a rule needs to place a period in time."""

    def __init__(self, match: re.Match, today: dt.date | None):
        self.m = match
        self.today = today

    def group(self, name: str) -> str | None:
        return self.m.groupdict().get(name)

    def year(self, default_next: Callable[[int], bool] | None = None) -> int | None:
        """The year named, or the coming occurrence: the first year in which
        `default_next` (a test on a year) says the period has not yet passed."""
        if self.group("year"):
            return int(self.group("year"))
        if self.today is None:
            return None
        if self.group("next"):
            return self.today.year + 1
        if self.group("this") or default_next is None:
            return self.today.year
        return self.today.year if default_next(self.today.year) else self.today.year + 1


def _month_day(ctx: _Context, part: str) -> dt.date | None:
    month = MONTHS[ctx.group("month").lower()]
    days = {"begin": 10, "medio": 15, "half": 15, "midden": 15}

    def last(year):
        end = _end_of_month(year, month)
        return end.replace(day=days[part]) if part in days else end

    if ctx.group("shift") == "jl" and ctx.today:
        year = ctx.today.year if last(ctx.today.year) <= ctx.today else ctx.today.year - 1
        return last(year)
    if ctx.today and not ctx.group("year") and not ctx.group("next") and not ctx.group("this"):
        # The coming occurrence: a month not yet over this year, else next year.
        year = ctx.today.year if (month >= ctx.today.month) else ctx.today.year + 1
        return last(year)
    year = ctx.year()
    return last(year) if year else None


def _full_date(ctx: _Context) -> dt.date | None:
    month, day = MONTHS[ctx.group("month").lower()], int(ctx.group("day"))
    if ctx.group("year"):
        return _safe_day(int(ctx.group("year")), month, day)
    if ctx.today is None:
        return None
    this_year = _safe_day(ctx.today.year, month, day)
    if this_year is None:
        return None
    if ctx.group("shift") == "jl":
        return this_year if this_year <= ctx.today else _safe_day(ctx.today.year - 1, month, day)
    return this_year if this_year >= ctx.today else _safe_day(ctx.today.year + 1, month, day)


def _season(last_month: int, first_month: int | None = None):
    """A season in its coming occurrence. Once a season is half over, a letter
    announcing something "in het najaar" means next year's; "dit najaar" is this year's all the same."""
    def resolve(ctx: _Context) -> dt.date | None:
        def end(year):
            return _end_of_month(year, last_month)

        def still_ahead(year):
            if first_month is None:
                return end(year) >= ctx.today
            middle = dt.date(year, first_month, 1) + (end(year) - dt.date(year, first_month, 1)) / 2
            return middle >= ctx.today

        if ctx.group("current") and ctx.today and not ctx.group("year"):
            return end(ctx.today.year)
        year = ctx.year(still_ahead if ctx.today else None)
        return end(year) if year else None

    return resolve


def _year_part(last_month: int):
    """A part of a named year ("eind 2024", "medio volgend jaar", "dit jaar")."""
    def resolve(ctx: _Context) -> dt.date | None:
        year = ctx.year()
        return _end_of_month(year, last_month) if year else None

    return resolve


def _quarter(ctx: _Context) -> dt.date | None:
    quarter = int(ctx.group("q")) if ctx.group("q") else _ORDINALS[ctx.group("ordinal").lower()]
    return _season(quarter * 3)(ctx)


def _trimester(ctx: _Context) -> dt.date | None:
    """A third of the year, as the ministries of foreign affairs plan: "het derde trimester van 2015"."""
    return _season(min(_ORDINALS[ctx.group("ordinal").lower()], 3) * 4)(ctx)


def _half(ctx: _Context) -> dt.date | None:
    half = _ORDINALS[ctx.group("ordinal").lower()]
    return _season(6 if half == 1 else 12)(ctx)


def _recess_start(ctx: _Context) -> dt.date | None:
    name = ctx.group("recess").lower()
    return _coming(ctx, lambda year: recess(name, year)[0] - dt.timedelta(days=1))


def _recess_end(ctx: _Context) -> dt.date | None:
    name = ctx.group("recess").lower()
    return _coming(ctx, lambda year: recess(name, year)[1])


def _prinsjesdag(ctx: _Context) -> dt.date | None:
    return _coming(ctx, prinsjesdag)


def _fund_circular(ctx: _Context) -> dt.date | None:
    """The gemeentefonds' and provinciefonds' circulars appear in the month they are named after."""
    return _season(MONTHS[ctx.group("circular_month").lower()])(ctx)


def _budget_day(ctx: _Context) -> dt.date | None:
    return prinsjesdag(int(ctx.group("budget_year")) - 1)


def _before_the_meeting(ctx: _Context) -> dt.date | None:
    day = _full_date(ctx)
    return day - dt.timedelta(days=1) if day else None


def _coming(ctx: _Context, day_in: Callable[[int], dt.date]) -> dt.date | None:
    if ctx.group("year"):
        return day_in(int(ctx.group("year")))
    if ctx.today is None:
        return None
    # A recess that spans the new year is named after the year it starts in.
    for year in (ctx.today.year - 1, ctx.today.year, ctx.today.year + 1):
        if day_in(year) >= ctx.today:
            return day_in(year)
    return None


def _after(unit: str):
    """"over twee weken", "binnen drie maanden": counted from the document date."""
    def resolve(ctx: _Context) -> dt.date | None:
        if ctx.today is None:
            return None
        raw = ctx.group("count").lower()
        count = int(raw) if raw.isdigit() else _NUMBERS[raw]
        if unit == "week":
            return ctx.today + dt.timedelta(weeks=count)
        if unit == "dag":
            return ctx.today + dt.timedelta(days=count)
        month_index = ctx.today.month - 1 + count
        year, month = ctx.today.year + month_index // 12, month_index % 12 + 1
        return min(ctx.today.replace(year=year, month=month, day=1).replace(
            day=min(ctx.today.day, calendar.monthrange(year, month)[1])), _end_of_month(year, month))

    return resolve


def _this_or_next_week(ctx: _Context) -> dt.date | None:
    if ctx.today is None:
        return None
    sunday = ctx.today + dt.timedelta(days=6 - ctx.today.weekday())
    return sunday + dt.timedelta(weeks=1) if ctx.group("next") else sunday


def _this_or_next_month(ctx: _Context) -> dt.date | None:
    if ctx.today is None:
        return None
    if ctx.group("next"):
        first_next = _end_of_month(ctx.today.year, ctx.today.month) + dt.timedelta(days=1)
        return _end_of_month(first_next.year, first_next.month)
    return _end_of_month(ctx.today.year, ctx.today.month)


def _iso_week(ctx: _Context) -> dt.date | None:
    """ "in week 6": the Sunday that ends ISO week 6, this year or, once it is past, next year."""
    week = int(ctx.group("week"))
    if not 1 <= week <= 53:
        return None

    def sunday(year):
        try:
            return dt.date.fromisocalendar(year, week, 7)
        except ValueError:
            return None

    if ctx.group("year"):
        return sunday(int(ctx.group("year")))
    if ctx.today is None:
        return None
    this_year = sunday(ctx.today.year)
    return this_year if this_year and this_year >= ctx.today else sunday(ctx.today.year + 1)


def _some_weeks(ctx: _Context) -> dt.date | None:
    """ "binnen enkele weken": about three weeks after the letter."""
    return ctx.today + dt.timedelta(weeks=3) if ctx.today else None


def _same_day(ctx: _Context) -> dt.date | None:
    """ "later vandaag", "vanavond", "rond 16.00 uur": the day of the letter."""
    return ctx.today


def _next_day(ctx: _Context) -> dt.date | None:
    """ "morgenochtend": the day after the letter."""
    return ctx.today + dt.timedelta(days=1) if ctx.today else None


def _christmas(ctx: _Context) -> dt.date | None:
    """Christmas in its coming occurrence; "voor de kerstvakantie" means before the Kamer's Christmas recess."""
    if ctx.today is None:
        return None
    year = ctx.today.year if ctx.today <= dt.date(ctx.today.year, 12, 24) else ctx.today.year + 1
    if "vakantie" in ctx.m.group().lower():
        return recess("kerstreces", year)[0] - dt.timedelta(days=1)
    return dt.date(year, 12, 24)


_WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4}


def _coming_weekday(ctx: _Context) -> dt.date | None:
    """The next such weekday after the document's date."""
    if ctx.today is None:
        return None
    days = (_WEEKDAYS[ctx.group("weekday").lower()] - ctx.today.weekday()) % 7
    return ctx.today + dt.timedelta(days=days or 7)


def _new_year(ctx: _Context) -> dt.date | None:
    """The coming year, said late in a year; in its first months "het nieuwe jaar" is the one just begun."""
    if ctx.today is None:
        return None
    return dt.date(ctx.today.year + (ctx.today.month > 6), 12, 31)


def _after_new_year(ctx: _Context) -> dt.date | None:
    """ "na de jaarwisseling": in the January after it, as "na de zomer" is the month after the summer; said in
    January, the one just begun."""
    if ctx.today is None:
        return None
    return dt.date(ctx.today.year + (ctx.today.month > 1), 1, 31)


def _none(ctx: _Context) -> None:
    return None


_BEFORE = (r"(?:(?:nog\s+)?(?:vóór|voor|uiterlijk|ruim\s+voor|(?:nog\s+)?in|tijdens|rond|omstreeks|"
           r"per|op|bij|tegen)\s+)?")
_PARTS = {"begin": "begin", "eind": "eind", "einde": "eind", "medio": "medio", "half": "medio",
          "halverwege": "medio", "midden": "medio", "eerder": None, "eerste": "medio", "tweede": "eind"}


def _month_rule(ctx: _Context) -> dt.date | None:
    part = _PARTS.get((ctx.group("part") or "").lower().split()[0] if ctx.group("part") else "")
    return _month_day(ctx, part or "")


def _season_of_year(ctx: _Context) -> dt.date | None:
    year = ctx.year()
    if year is None:
        return None
    return _end_of_month(year, 5 if "voorjaar" in ctx.m.group().lower() else 11)


def _weeks(ctx: _Context) -> dt.date | None:
    if ctx.today is None:
        return None
    raw = (ctx.group("count") or ctx.group("count_one")).lower()
    return ctx.today + dt.timedelta(weeks=int(raw) if raw.isdigit() else _NUMBERS[raw])


# (pattern, resolver, precision) in order of preference for the same span.
_RULES: list[tuple[str, Callable[[_Context], dt.date | None], str]] = [
    # 1 maart 2024, uiterlijk 1 maart a.s., voor 15 januari
    (_BEFORE + r"(?P<day>[0-3]?\d)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?" + _SHIFT, _full_date, "dag"),
    # (in) december, eind januari 2025, begin maart volgend jaar
    (_BEFORE + r"(?:(?:de\s+)?(?P<part>begin|eind|einde|medio|half|halverwege|midden|eerste\s+helft|tweede\s+helft)"
     r"\s+(?:van\s+|in\s+)?)?"
     # "november a.s." is the coming one, as a month named alone is; "november jl." the last, no deadline
     + r"(?:de\s+(?:loop|maand)\s+van\s+)?(?:[a-z]{3,9}\s*[/-]\s*)?" + _MONTH + r"(?!\s+jl\b)" + _OPT_YEAR
     + r"(?:\s+a\.s\b\.?)?",
     _month_rule, "maand"),
    # Q1 2024, (in) het eerste kwartaal (van) 2024
    (_BEFORE + r"(?:Q(?P<q>[1-4])|(?:het\s+|de\s+)?" + _ORDINAL + r"\s+kwartaal)" + _OPT_YEAR, _quarter, "kwartaal"),
    (_BEFORE + r"(?:het\s+|de\s+)?" + _ORDINAL + r"\s+trimester" + _OPT_YEAR, _trimester, "kwartaal"),
    # de eerste helft van 2024, het tweede halfjaar
    (_BEFORE + r"(?:het\s+|de\s+)?" + _ORDINAL + r"\s+(?:helft|halfjaar|half\s+jaar)" + _OPT_YEAR, _half, "halfjaar"),
    # medio 2024, half volgend jaar, midden dit jaar
    (_BEFORE + r"(?:medio|half|halverwege|midden)\s+" + _WHICH_YEAR, _year_part(6), "halfjaar"),
    # begin 2025, begin volgend jaar: the first quarter
    (_BEFORE + r"(?:het\s+)?(?:begin|start|aanvang)\s+(?:van\s+)?" + _WHICH_YEAR, _year_part(3), "kwartaal"),
    # eind 2024, voor het einde van het jaar, later dit jaar, in de loop van 2024, dit jaar
    (_BEFORE + r"(?:(?:het\s+)?(?:eind|einde|eind\s+van|einde\s+van|end)\s+|(?:later|nog)\s+|de\s+loop\s+van\s+|"
     r"de\s+rest\s+van\s+|de\s+tweede\s+helft\s+van\s+)?" + _WHICH_YEAR, _year_part(12), "jaar"),
    # "zo spoedig mogelijk in het nieuwe jaar"
    (r"in\s+het\s+nieuwe\s+jaar", _new_year, "jaar"),
    (r"(?:kort\s+|direct\s+|snel\s+)?na\s+de\s+(?:jaarwisseling|kerstvakantie|feestdagen)", _after_new_year, "maand"),
    (_BEFORE + r"(?:het\s+)?(?:einde?|eind)\s+van\s+het\s+(?:kalender)?jaar|(?:vóór|voor)\s+de\s+jaarwisseling|"
     r"rond\s+de\s+jaarwisseling", _year_part(12), "jaar"),
    # seasons: coming occurrence
    (r"(?:(?:vóór|voor)\s+(?:de\s+(?:aankomende\s+|komende\s+)?zomer(?:periode)?|het\s+zomerreces|de\s+zomervakantie|het\s+reces\s+van\s+de\s+zomer))"
     + _OPT_YEAR, _season(6), "seizoen"),
    (r"(?:na\s+(?:de\s+zomer(?:periode)?|het\s+zomerreces|de\s+zomervakantie)|direct\s+na\s+de\s+zomer)" + _OPT_YEAR,
     _season(9), "seizoen"),
    (r"(?:(?:in|tijdens|gedurende|voor|vóór|rond)\s+)?(?:het|de|(?P<current>dit|deze)|komend|komende|aankomend|aankomende|volgend|volgende)\s+"
     r"(?:voorjaar|lente)" + _OPT_YEAR, _season(5, 3), "seizoen"),
    (r"(?:(?:in|tijdens|gedurende|rond)\s+)?(?:de|(?P<current>deze)|komende|aankomende)\s+"
     r"zomer(?:periode|maanden)?" + _OPT_YEAR,
     _season(8, 6), "seizoen"),
    (r"(?:(?:in|tijdens|gedurende|voor|vóór|rond)\s+)?(?:het|de|(?P<current>dit|deze)|komend|komende|aankomend|aankomende|volgend|volgende)\s+"
     r"(?:najaar|herfst)" + _OPT_YEAR, _season(11, 9), "seizoen"),
    (r"(?:in\s+)?(?:het\s+)?(?:voorjaar|najaar)\s+" + _WHICH_YEAR, _season_of_year, "seizoen"),
    # the end of a recess: its last day ("uiterlijk voor het einde van het zomerreces")
    (r"(?:(?:vóór|voor|uiterlijk(?:\s+voor)?|tegen|aan)\s+)?(?:het\s+)?(?:einde?|eind)\s+van\s+(?:het|de)\s+"
     + _ANY_RECESS + _OPT_YEAR, _recess_end, "dag"),
    # during a recess: its last day
    (r"(?:in|tijdens|gedurende)\s+(?:het|de)\s+" + _ANY_RECESS + _OPT_YEAR,
     _recess_end, "dag"),
    # the end of this summer
    (r"(?:(?:vóór|voor|tegen|aan)\s+)?(?:het\s+)?(?:einde?|eind)\s+(?:van\s+)?(?:deze|de|dit)\s+zomer", _season(8, 6),
     "seizoen"),
    # week numbers: "in week 6", "uiterlijk week 12 van 2025"
    (r"(?:(?:in|vóór|voor|uiterlijk(?:\s+in)?|rond)\s+)?week\s+(?P<week>\d{1,2})" + _OPT_YEAR, _iso_week, "dag"),
    (r"(?:binnen|over|in)\s+(?:enkele|een\s+paar|enige)\s+weken", _some_weeks, "dag"),
    # Christmas: "voor de Kerst", "voor de kerstvakantie"
    (r"(?:(?:vóór|voor|rond|met)\s+)?(?:de\s+)?kerst(?:mis|dagen|vakantie)?(?!\w)", _christmas, "dag"),
    # a weekday: "vrijdag", "aanstaande dinsdag", "volgende week woensdag"
    (r"(?:(?:aanstaande|komende|deze|op|uiterlijk|voor|vóór)\s+)?(?P<weekday>maandag|dinsdag|woensdag|donderdag|vrijdag)"
     r"(?!,?\s+\d)", _coming_weekday, "dag"),
    # before a recess: the day before it starts; after it: its last day
    (r"(?:vóór|voor|uiterlijk\s+voor)\s+(?:het|de)\s+" + _SHORT_RECESS + _OPT_YEAR,
     _recess_start, "dag"),
    (r"(?:na|direct\s+na)\s+(?:het|de)\s+" + _SHORT_RECESS + _OPT_YEAR,
     _recess_end, "dag"),
    (r"(?:(?:vóór|voor|op|rond|met|bij)\s+)?Prinsjesdag" + _OPT_YEAR
     + r"|(?:bij|met)\s+de\s+(?:Miljoenennota|ontwerpbegroting)", _prinsjesdag, "dag"),
    # a budget is presented on Prinsjesdag of the year before it: "als bijstuk van de Begroting 2014"
    # … but the budget a debate is about, "vóór de behandeling van de Ontwerpbegroting 2026", is debated weeks later
    (r"(?<!behandeling\s)(?:bij|met|in|van)\s+de\s+(?:ontwerp)?begroting(?:\s+(?:voor\s+(?:het\s+jaar\s+)?)?(?P<budget_year>(?:19|20)\d\d))",
     _budget_day, "dag"),
    # before a meeting on a named day: "tijdig voor het Algemeen Overleg van 1 december"
    (r"(?:(?:tijdig|ruim(?:schoots)?|ruim\s+op\s+tijd)\s+)?(?:vóór|voor|voorafgaand\s+aan)\s+(?:het|de)\s+"
     r"(?:[\w-]+\s+){0,5}?(?:van|op)\s+(?P<day>[0-3]?\d)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?"
     r"(?:\s+(?:aanstaande|a\.s\.))?", _before_the_meeting, "dag"),
    # a paper named for its season: "vóór de Voorjaarsnota", "tegelijkertijd met de najaarsbrief antidiscriminatie"
    (r"(?:bij|met|in|vóór|voor)\s+de\s+Voorjaarsnota" + _OPT_YEAR, _season(5), "maand"),
    (r"(?:bij|met|in|vóór|voor)\s+de\s+(?:Najaarsnota|najaarsbrief|najaarsrapportage)" + _OPT_YEAR, _season(11),
     "maand"),
    # "voor het verschijnen van de meicirculaire provinciefonds", "in de septembercirculaire 2024"
    (r"(?:(?:vóór|voor|bij|met|in)\s+(?:het\s+verschijnen\s+van\s+)?)?de\s+"
     r"(?P<circular_month>mei|juni|september|december)circulaire(?:\s+(?:gemeente|provincie)fonds)?" + _OPT_YEAR,
     _fund_circular, "maand"),
    # relative periods
    # later on the day of the letter; a bare "vandaag" is what is sent with it ("ontvangt u vandaag een brief")
    # … not the time a news item was stamped with: "donderdag, 02 oktober 2025 om 12:26"
    (r"later\s+vandaag|vanavond|(?<!\d{4}\s)(?:rond|om|voor|vóór)\s+[0-2]?\d[:.][0-5]\d(?:\s+uur)?", _same_day, "dag"),
    (r"morgen(?:ochtend|middag|avond)?\b", _next_day, "dag"),
    (r"(?:deze|(?P<next>volgende|komende)|de\s+(?P<next2>komende))\s+week", _this_or_next_week, "dag"),
    (r"(?:deze|(?P<next>volgende|komende))\s+maand", _this_or_next_month, "maand"),
    (r"(?:over|binnen|uiterlijk\s+over|na)\s+" + _COUNT + r"\s+(?:werk)?dagen", _after("dag"), "dag"),
    # "binnen drie weken na verschijning van het rapport" counts from a day not yet known: no date
    (r"(?:(?:over|binnen|uiterlijk\s+over)\s+" + _COUNT + r"\s+weken|(?:over|binnen)\s+(?P<count_one>een|één)\s+week)"
     r"(?!\s+(?:na|nadat)\b)",
     _weeks, "dag"),
    (r"(?:over|binnen|uiterlijk\s+over)\s+" + _COUNT + r"\s+maand(?:en)?", _after("maand"), "maand"),
    # "binnen de gebruikelijke termijn van drie maanden"
    (r"binnen\s+de\s+(?:gebruikelijke\s+|wettelijke\s+|geldende\s+)?termijn\s+van\s+" + _COUNT + r"\s+maand(?:en)?",
     _after("maand"), "maand"),
    # no date: wording that names no period
    (r"zo\s+(?:spoedig|snel|vlot)\s+mogelijk|z\.s\.m\.|zsm|binnenkort|onmiddellijk|binnen\s+afzienbare\s+tijd|op\s+(?:korte|zo\s+kort\s+mogelijke)\s+termijn|"
     r"op\s+(?:een|enig)\s+(?:later|ander|nader)\s+(?:moment|tijdstip)|later|te\s+zijner\s+tijd|t\.z\.t\.|"
     r"te\s+gelegener\s+tijd|spoedig|zodra\b[^,.;]*|(?:in\s+)?de\s+komende\s+(?:weken|maanden|periode|tijd|jaren)|"
     r"(?:vóór|voor)\s+(?:het\s+)?vertrek\b[^,.;]*|na\s+afronding\b[^,.;]*|(?:vóór|voor|voorafgaand\s+aan)\s+het\s+(?:commissie|wetgevings|nota)?(?:debat|overleg)\b[^,.;]*|"
     r"(?:vóór|voor)\s+de\s+(?:parlementaire\s+|plenaire\s+)?(?:begrotingsbehandeling|behandeling)\b[^,.;]*|op\s+termijn|periodiek|jaarlijks|regelmatig|"
     # "kort na de behandeling van de begroting"
     r"(?:kort\s+|direct\s+|vlak\s+)?na\s+de\s+(?:begrotingsbehandeling|behandeling)\b(?:\s+van\s+(?:de|het)\s+[\w-]+)?|"
     r"in\s+de\s+(?:volgende|eerstvolgende|komende)\s+(?:voortgangs)?(?:rapportage|brief|voortgangsbrief)|"
     # "uiterlijk bij gelegenheid van het toezenden van de evaluatieopdracht"
     r"uiterlijk\s+bij\s+(?:gelegenheid\s+van\s+)?(?:het|de)\s+[\w-]+|"
     # in the debate itself: "tijdens de eerste termijn van de regering", and "één dezer dagen"
     r"(?:tijdens|gedurende|in)\s+(?:de|mijn|zijn|haar)\s+(?:eerste|tweede)\s+termijn|(?:één|een)\s+dezer\s+dagen",
     _none, "geen"),
]


_COMPILED = [(prefilter.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])", re.IGNORECASE), r, prec) for p, r, prec in _RULES]

# Periods that a due expression does not start: "tot en met mei 2025", "sinds 2019",
# periods a report is about: "cijfers over het eerste halfjaar", "het jaarverslag over 2023", and periods denied:
# "niet in april maar zo snel mogelijk daarna"; but "in de loop van volgende week" is due then.
_NOT_A_DEADLINE_BEFORE = re.compile(
    r"(?<![\w-])(?:tot\s+en\s+met|tot\s+en|t/m|tot|sinds|vanaf|(?<!loop\s)van|sedert|gedurende|duurt|duren|loopt|"
    r"lopen|in\s+de\s+periode|over|na|(?<!niet\s)later\s+dan|niet)\s*$",
    re.IGNORECASE)
# … but a term extended or a promise put off "tot" a day is due then: "de termijn te verlengen tot 20 februari".
_EXTENDED_TO = re.compile(r"(?<![\w-])(?:verlengen|verlengd|verleng|verlengt|uitstellen|uitgesteld|verschuiven|"
                          r"verschoven|verschuift)\s+tot\s*$", re.IGNORECASE)
# A parliamentary year ("2012–2013", "2013/14") names a session, not a deadline.
_SESSION_AROUND = re.compile(r"\d{4}\s*[–/-]\s*$|^\s*[–/-]\s*\d{2,4}")
# "De gevolgen voor 2024": a bare year after "voor" says what something is for, not by when; so does a year naming
# a budget ("de Ontwerpbegroting 2026").
_FOR_A_YEAR = re.compile(r"voor\s+" + _YEAR, re.IGNORECASE)
_BUDGET_BEFORE = re.compile(r"begroting\s*$", re.IGNORECASE)


_WINDOW_END = re.compile(r"\s*,?\s+(?:en|maar)\s+(?:nog\s+)?(?:vóór|voor|uiterlijk)\b", re.IGNORECASE)


def find_due(sentence: str, document_date: dt.date | None, near: int | None = None) -> Due | None:
    """The due expression in a sentence, resolved; None when there is none.

    An expression naming a period wins over one naming none ("zo spoedig
    mogelijk, in ieder geval voor de zomer"); among equals the one nearest to `near` (where the promised act
    stands), else the first in the sentence."""
    choices = _choices(sentence, document_date)
    if not choices:
        return None
    if near is not None:
        return min(choices, key=lambda due: min(abs(due.start - near), abs(due.end - near)))
    return choices[0]


@lru_cache(maxsize=512)
def _choices(sentence: str, document_date: dt.date | None) -> tuple[Due, ...]:
    """The expressions find_due chooses among, best first; remembered, as the rules ask again for one sentence."""
    candidates = []  # (due, usable): an unusable expression still hides the parts inside it
    for pattern, resolver, precision in _COMPILED:
        for m in pattern.finditer(sentence):
            date = resolver(_Context(m, document_date))
            usable = not (
                (_NOT_A_DEADLINE_BEFORE.search(sentence, 0, m.start())
                 and not _EXTENDED_TO.search(sentence, 0, m.start()))
                or _FOR_A_YEAR.fullmatch(m.group().strip())
                or (m.group().strip().isdigit() and (_SESSION_AROUND.search(sentence[max(0, m.start() - 8):m.start()])
                                                    or _SESSION_AROUND.search(sentence[m.end():m.end() + 6])
                                                    or _BUDGET_BEFORE.search(sentence, 0, m.start())))
                or re.match(r"\s*(?:jl|j\.l)\.?", sentence[m.end():]) or m.groupdict().get("shift") == "jl"
                or (precision != "geen" and date is None and document_date is not None)
                or (document_date and date and date < document_date)  # a deadline lies ahead of its letter
                # "na het zomerreces en voor de begrotingsbehandeling": a window, whose end is the deadline
                or (m.group().lower().startswith("na ") and _WINDOW_END.match(sentence, m.end()))
            )
            names_a_period = precision != "geen"
            precision = precision if date or precision == "geen" else "geen"
            candidates.append((Due(m.group().strip(), date, precision, m.start(), m.end()), usable, names_a_period))
    # A period wins even when it cannot be placed without the document's date, also when it stands inside a
    # longer expression naming none ("voor de begrotingsbehandeling onderwijs begin november").
    choices = (_longest([c for c in candidates if c[2]]) or _longest([c for c in candidates if not c[2]]))
    # A bare year is the weakest period: "in het projectenboek 2014, dat met de Begroting 2014 verschijnt".
    return tuple([due for due in choices if due.precision != "jaar"] or choices)


def _longest(candidates: list[tuple[Due, bool, bool]]) -> list[Due]:
    """The usable ones of the longest of overlapping expressions, in the order of the sentence; an unusable
    expression still hides the parts inside it ("tot en met december" hides "december")."""
    kept, last_end = [], -1
    for due, usable, _ in sorted(candidates, key=lambda c: (c[0].start, -(c[0].end - c[0].start))):
        if due.start < last_end:
            continue
        last_end = due.end
        if usable:
            kept.append(due)
    return kept


# "Indiening vóór het komende kerstreces is niet haalbaar. … zo kort mogelijk na dat reces": the recess named before.
_THAT_RECESS = re.compile(r"(?<![\w-])(?:dat|dit|datzelfde|ditzelfde|hetzelfde)\s+reces(?![\w-])", re.IGNORECASE)
_RECESS_NAMED = re.compile(r"(?<![\w-])" + _ANY_RECESS + r"(?![\w-])", re.IGNORECASE)


def find_due_after_recess_named_before(sentence: str, before: str, document_date: dt.date | None,
                                       near: int | None = None) -> Due | None:
    """The due of a sentence that speaks of "dat reces", read as the recess the sentence `before` names last;
    None when it does not speak so, or `before` names none. The due's text and offsets are the sentence's own."""
    that = _THAT_RECESS.search(sentence)
    named = _RECESS_NAMED.findall(before) if that else None
    if not named:
        return None
    written = f"{sentence[:that.start()]}het {named[-1]}{sentence[that.end():]}"
    shift = len(written) - len(sentence)
    due = find_due(written, document_date, None if near is None or near < that.end() else near + shift)
    if due is None:
        return None

    def own(position: int) -> int:
        return position if position <= that.start() else max(that.end(), position - shift)
    start, end = own(due.start), own(due.end)
    return replace(due, text=sentence[start:end].strip(), start=start, end=end)


_SAME_DAY = re.compile(r"(?<![\w-])(?:dezelfde|diezelfde|die|datzelfde)\s+dag(?![\w-])", re.IGNORECASE)


def find_due_on_day_named_before(sentence: str, before: str, document_date: dt.date | None) -> Due | None:
    """ "Ik zal u dezelfde dag informeren": the last day the sentence `before` names in full, when it lies ahead."""
    same = _SAME_DAY.search(sentence)
    days = [patterns.make_date(*m.groups()) for m in patterns.DATE_RE.finditer(before)] if same else []
    day = next((d for d in reversed(days) if d and (document_date is None or d >= document_date)), None)
    return Due(same.group(), day, "dag", same.start(), same.end()) if day else None


def resolve(expression_or_sentence: str, document_date: dt.date | None) -> Due:
    """Resolve a due expression, or the one found in a sentence, against the
    date of the document it stands in. Without a document date only absolute
    expressions ("mei 2025", "1 maart 2024") get a date."""
    return find_due(expression_or_sentence, document_date) or NO_DUE


def reference_date(text: str) -> dt.date | None:
    """The date to count from when a document carries no full date of its own:
    a news item stamped with a month only ("date 2023-11") counts from its first day."""
    stamp = patterns.NEWS_DATE_RE.match(text.lstrip())
    if not stamp:
        return None
    year, month, day = stamp.groups()
    return patterns.make_date(day or 1, int(month), year)
