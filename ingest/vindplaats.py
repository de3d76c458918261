"""Where a promise was made, as a ministry's overview names it: its *vindplaats*.

"Commissiedebat Politie, 12 april 2023", "Kamerstuk 29 628, nr. 1150", "Handelingen II 2022/23, nr. 45,
item 12", "Plenair debat begroting JenV (Handelingen II 2023/24, nr. 20)", "TZ202304-117". What can be
resolved is: the Kamerstuk it cites (canonical, as `ingest.references` names it), the Handelingen it cites (as
officielebekendmakingen.nl names them: h-tk-20222023-45-12), the day it names, and the number the Tweede
Kamer's register gives the toezegging.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .patterns import DATE_RE, MONTHS, make_date
from .references import find_references

# "Handelingen II 2022/23, nr. 45, item 12", "Handelingen I 2019–2020, nr. 12", "Hand. II 2023/24, nr. 20, item 4".
_HANDELINGEN_RE = re.compile(
    r"\b(?:Handelingen|Hand\.)\s+(?P<chamber>I{1,2}|EK|TK)\s+(?P<first>\d{4})\s*[/–-]\s*(?P<second>\d{2,4})\s*,?\s*"
    r"(?:nr\.?|nummer)\s*(?P<number>\d{1,4})(?:\s*,?\s*item\s*(?P<item>\d{1,4}))?",
    re.IGNORECASE,
)
_HANDELINGEN_ID_RE = re.compile(r"\bh-(?:tk|ek)-\d{8}-\d{1,4}(?:-\d{1,4})?\b", re.IGNORECASE)
# The Tweede Kamer register's number: TZ202304-117.
TK_NUMBER_RE = re.compile(r"\bTZ\d{6}-\d{1,4}\b", re.IGNORECASE)
# "12-04-2023", "12/4/2023", "12.04.2023".
_NUMERIC_DATE_RE = re.compile(r"(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d/.-])")


@dataclass(frozen=True)
class Vindplaats:
    kamerstuk: str | None
    handelingen: str | None
    promised_on: dt.date | None
    tk_number: str | None


def resolve_vindplaats(text: str) -> Vindplaats:
    references = find_references(text)
    return Vindplaats(
        kamerstuk=references[0].kamerstuk if references else None,
        handelingen=handelingen_id(text),
        promised_on=first_date(text),
        tk_number=tk_number(text),
    )


def handelingen_id(text: str) -> str | None:
    if match := _HANDELINGEN_ID_RE.search(text):
        return match.group().lower()
    match = _HANDELINGEN_RE.search(text)
    if not match:
        return None
    chamber = "ek" if match["chamber"].upper() in ("I", "EK") else "tk"
    first = int(match["first"])
    second = int(match["second"]) if len(match["second"]) == 4 else first // 100 * 100 + int(match["second"])
    item = f"-{int(match['item'])}" if match["item"] else ""
    return f"h-{chamber}-{first}{second}-{int(match['number'])}{item}"


def tk_number(text: str) -> str | None:
    match = TK_NUMBER_RE.search(text)
    return match.group().upper() if match else None


def first_date(text: str) -> dt.date | None:
    """The first day the text names, written out ("12 april 2023") or in figures ("12-04-2023")."""
    found = []
    for match in DATE_RE.finditer(text):
        day, month, year = match.groups()
        found.append((match.start(), make_date(day, MONTHS[month.lower()], year)))
    for match in _NUMERIC_DATE_RE.finditer(text):
        day, month, year = (int(part) for part in match.groups())
        found.append((match.start(), make_date(day, month, year) if 1 <= month <= 12 else None))
    return min((item for item in found if item[1]), default=(0, None), key=lambda item: item[0])[1]
