"""The ministries a sender belongs to, from one table of ministries, their portfolios and their renamings.

A letter is signed by an office ("De Minister van Defensie", "De Staatssecretaris van Financiën", "De Minister voor
Medische Zorg"). A minister or staatssecretaris *van* X belongs to ministry X; a minister *voor* a portfolio belongs to
the ministry that hosts it; a joint letter belongs to each ministry named.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Ministry:
    code: str  # as the Kamer and the press abbreviate it
    name: str  # the ministry "van …"
    since: dt.date | None = None
    until: dt.date | None = None  # the day it was renamed or split
    successors: tuple[str, ...] = ()  # who holds its subjects since


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


MINISTRIES = [
    Ministry("AZ", "Algemene Zaken"),
    Ministry("BZ", "Buitenlandse Zaken"),
    Ministry("BZK", "Binnenlandse Zaken en Koninkrijksrelaties"),
    Ministry("Defensie", "Defensie"),
    Ministry("Financiën", "Financiën"),
    Ministry("OCW", "Onderwijs, Cultuur en Wetenschap"),
    Ministry("SZW", "Sociale Zaken en Werkgelegenheid"),
    Ministry("VWS", "Volksgezondheid, Welzijn en Sport"),
    Ministry("Justitie", "Justitie", until=_day("2010-10-14"), successors=("JenV",)),
    Ministry("VenJ", "Veiligheid en Justitie", _day("2010-10-14"), _day("2017-10-26"), ("JenV",)),
    Ministry("JenV", "Justitie en Veiligheid", _day("2017-10-26")),
    Ministry("VenW", "Verkeer en Waterstaat", until=_day("2010-10-14"), successors=("IenW",)),
    Ministry("VROM", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", until=_day("2010-10-14"),
             successors=("IenW", "BZK")),
    Ministry("IenM", "Infrastructuur en Milieu", _day("2010-10-14"), _day("2017-10-26"), ("IenW",)),
    Ministry("IenW", "Infrastructuur en Waterstaat", _day("2017-10-26")),
    Ministry("LNV", "Landbouw, Natuur en Voedselkwaliteit", until=_day("2024-07-02"), successors=("LVVN",)),
    Ministry("ELI", "Economische Zaken, Landbouw en Innovatie", _day("2010-10-14"), _day("2012-11-05"), ("EZ", "LVVN")),
    Ministry("EZ", "Economische Zaken"),
    Ministry("EZK", "Economische Zaken en Klimaat", _day("2017-10-26"), _day("2024-07-02"), ("EZ", "KGG")),
    Ministry("KGG", "Klimaat en Groene Groei", _day("2024-07-02")),
    Ministry("LVVN", "Landbouw, Visserij, Voedselzekerheid en Natuur", _day("2024-07-02")),
    Ministry("VRO", "Volkshuisvesting en Ruimtelijke Ordening", _day("2024-07-02")),
    Ministry("AenM", "Asiel en Migratie", _day("2024-07-02")),
]
BY_CODE = {m.code: m for m in MINISTRIES}

# Portfolios of a minister *voor* X (without a ministry of their own), and the ministry hosting each.
PORTFOLIOS = [
    (r"medische\s+zorg|langdurige\s+zorg|jeugd|preventie|sport|jeugd\s+en\s+gezin", "VWS"),
    (r"buitenlandse\s+handel|ontwikkelings\w*|europese\s+zaken", "BZ"),
    (r"(?:primair|basis)(?:-|\s+en\s+)voortgezet\s+onderwijs|onderwijs|media|emancipatie", "OCW"),
    (r"asiel\s+en\s+migratie", "AenM"),  # before "migratie" alone
    (r"rechtsbescherming|migratie|vreemdelingenzaken", "JenV"),
    (r"immigratie,?\s+(?:integratie\s+)?en\s+asiel", "BZK"),
    (r"klimaat\s+en\s+energie", "EZK"),
    (r"natuur\s+en\s+stikstof", "LNV"),
    (r"armoede\w*|participatie|pensioenen|integratie", "SZW"),
    (r"wonen|rijksdienst|volkshuisvesting|koninkrijksrelaties|digitalisering|bestuurlijke\s+vernieuwing", "BZK"),
]
_PORTFOLIOS = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), code) for pattern, code in PORTFOLIOS]
# The office in a sender: "Minister van X", "Staatssecretaris voor X", "Minister-President".
_OFFICE = re.compile(
    r"(?P<president>minister-president)|(?:minister|staatssecretaris)s?\s+(?P<kind>van|voor)\s+(?P<what>.+?)"
    r"(?=(?:\s+en|,)\s+(?:van\s+|de\s+)?(?:minister|staatssecretaris)|\s+mede\b|\s+[–-]\s|$)",
    re.IGNORECASE,
)


def ministries_of(sender: str, on: dt.date | None = None) -> list[str]:
    """The ministries (codes) of every office in a sender, as they were called on the letter's date."""
    found = []
    for office in _OFFICE.finditer(sender or ""):
        if office.group("president"):
            codes = ["AZ"]
        else:  # "Ministers van Buitenlandse Zaken en van Defensie": two offices in one
            parts = re.split(r"\s+en\s+van\s+|,\s+van\s+", office.group("what"))  # "… Zaken, van Defensie en …"
            codes = [_ministry(office.group("kind").lower(), part, on) for part in parts]
        found.extend(code for code in codes if code and code not in found)
    return found


def ministry_label(code: str) -> str:
    """A ministry's name as people say it ("Defensie", "Binnenlandse Zaken en Koninkrijksrelaties"); what is no
    code of the table, as it is."""
    ministry = BY_CODE.get(code)
    return ministry.name if ministry else code


def ministry_of(text: str, on: dt.date | None = None) -> str | None:
    """The one ministry (code) a text names: an office ("minister van Defensie", the first of a joint letter's),
    a ministry's name ("Buitenlandse Zaken", "ministerie van Financiën") or its code ("BZK")."""
    if codes := ministries_of(text, on):
        return codes[0]
    written = _plain(re.sub(r"^\s*(?:het\s+)?ministerie\s+van\s+", "", text or "", flags=re.IGNORECASE))
    if not written:
        return None
    named = [m for m in MINISTRIES if written in (_plain(m.code), _plain(m.name))]
    return _in_force(named, on).code if named else None


def ministry_name_at(text: str) -> str | None:
    """The longest ministry name `text` opens with, as it is written there ("Volksgezondheid, Welzijn en Sport")."""
    best = None
    for ministry in MINISTRIES:
        words = [re.escape(w) for w in ministry.name.split()]
        match = re.match(r"\s+".join(words) + r"(?![\w])", text, re.IGNORECASE)
        if match and (best is None or len(match.group()) > len(best)):
            best = match.group()
    return best


def current(code: str) -> list[str]:
    """Who holds a ministry's subjects today: itself, or its successors after a renaming or split."""
    ministry = BY_CODE[code]
    if not ministry.successors:
        return [code]
    return [held for successor in ministry.successors for held in current(successor)]


def _ministry(kind: str, what: str, on: dt.date | None) -> str | None:
    written = _plain(what)  # "Financien" as typed is "Financiën"
    if kind == "van":
        # The longest ministry name the office starts with: "Economische Zaken, Landbouw en Innovatie" over
        # "Economische Zaken".
        named = [m for m in MINISTRIES if written.startswith(_plain(m.name))]
        if named:
            longest = max(len(_plain(m.name)) for m in named)
            ministry = _in_force([m for m in named if len(_plain(m.name)) == longest], on)
            # An old name written after a renaming ("Minister van Justitie" in 2024) means its successor then.
            if on and ministry.until and on >= ministry.until and len(ministry.successors) == 1:
                return ministry.successors[0]
            return ministry.code
    return next((code for pattern, code in _PORTFOLIOS if pattern.search(what)), None)


def _fold(text: str) -> str:
    return re.sub(r"[^a-zëé]", "", text.lower().replace("&", "en"))


def _plain(text: str) -> str:
    """Folded, and without accents: "Financien" as typed is "Financiën"."""
    return _fold(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode())


def _in_force(candidates: list[Ministry], on: dt.date | None) -> Ministry:
    """Of ministries sharing a name (EZ before 2010, 2012–2017 and after 2024), the one of that date."""
    if on is not None:
        for ministry in candidates:
            if (ministry.since is None or ministry.since <= on) and (ministry.until is None or on < ministry.until):
                return ministry
    return candidates[-1]
