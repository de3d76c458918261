"""The engine's reasons worded for a clerk: one Dutch sentence per reason code, used by the CLI and the app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .model import Reason
from .patterns import MONTHS

_MONTH_NAMES = list(MONTHS)

WORDING = {
    # why a later document may fulfil an earlier promise
    "cites": "haalt Kamerstuk {kamerstuk} aan",
    "cites_date": "haalt de brief van {date} aan",
    "cites_month": "haalt de brief van {month} aan",
    "subject": "onderwerp: {words}",
    "fulfilment": "zegt na te komen: “{passage}”",
    "delivers": "biedt aan: “{passage}”",
    "answers": "beantwoordt de vragen waarover de toezegging ging",
    "same_source": "haalt ook Kamerstuk {kamerstuk} aan, waar de toezegging over ging",
    "named_by_promise": "is Kamerstuk {kamerstuk}, dat de toezegging zelf noemt",
    "same_quotation": "noemt ook «{quote}», waar de toezegging over ging",
    "same_source_date": "haalt ook de brief van {date} aan, waar de toezegging over ging",
    "same_dossier": "zelfde dossier",
    "same_ministry": "zelfde ministerie",
    "timing": "termijn {due}, verstuurd {sent}",
    "soon_after": "toegezegd {promised} zonder termijn, verstuurd {sent}",
    "repeats": "herhaalt de toezegging (nog niet nagekomen)",
    "postpones": "stelt de toezegging uit: “{passage}”",
    "still_open": "nog niet klaar: “{passage}”",
    "other_instalment": "levert een ander deel van de reeks ({delivered}) dan toegezegd ({promised})",
    "other_promise": "komt een andere toezegging uit de aangehaalde brief na",
    "same_promise": "dezelfde toezegging als een andere",
}


# Why a sentence reads as a promise: the rule families of ingest.commitments.
RULES = {
    "to_kamer": "belooft de Kamer te informeren of iets te sturen",
    "more_time": "vraagt uitstel tot een nieuwe datum",
    "sends_document": "kondigt een brief, rapport of reactie aan",
    "comes_back": "komt erop terug",
    "answers": "belooft vragen te beantwoorden",
    "decision": "kondigt een besluit aan",
    "announced": "een stuk dat nog volgt",
    "by_pronoun": "belooft het genoemde stuk te sturen",
    "in_coming_document": "zegt wat een komend stuk zal doen (“In de voortgangsrapportage van mei …”)",
    "promised_in_news": "nieuwsbericht: de bewindspersoon zegt iets toe, met een termijn",
    "future": "spreekt van later (zal, streeft ernaar, verwacht)",
    "present_with_time": "tegenwoordige tijd met een tijdsaanduiding",
    "in_promised_document": "meer van wat de toezegging ervoor zal sturen (“In die brief …”)",
    "news_reported": "nieuwsbericht over een toezegging",
    "inside_this_letter": "in een zin over deze brief",
    "dated": "termijn met een datum",
    "undated_expression": "termijn zonder datum",
}


def describe_rule(code: str) -> str:
    return RULES[code]


def describe(reason: Reason, label: Callable[[str], str] = str) -> str:
    """The reason in Dutch; `label` writes a Kamerstuk id as the reader knows it ("27 925, nr. 960")."""
    values = {}
    for key, value in reason.values.items():
        if key == "kamerstuk":
            value = label(value)
        elif key in ("date", "due", "sent"):
            value = _day(value)
        elif key == "month":
            value = _month(value)
        elif isinstance(value, list):
            value = ", ".join(value)
        values[key] = value
    return WORDING[reason.code].format(**values)


def as_json(reason: Reason) -> dict:
    return {"code": reason.code, "values": reason.values, "text": describe(reason)}


def _month(iso: str) -> str:
    """ "2022-05" -> "mei 2022"."""
    year, month = iso.split("-")
    return f"{_MONTH_NAMES[int(month) - 1]} {year}"


def _day(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day}-{day.month}-{day.year}"
