"""What the engine returns: plain dataclasses, serialisable to JSON and back.

The Django app stores these; the command line prints them. Nothing here knows
about Django, so the engine can be run and tested on its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

# Document kinds, as the tracker stores them.
KINDS = ("brief", "antwoorden", "verslag", "nieuws", "anders")

# How precise a resolved due date is.
PRECISIONS = ("dag", "maand", "kwartaal", "seizoen", "halfjaar", "jaar", "geen")


@dataclass
class Reference:
    """A citation of a Kamerstuk, e.g. "Kamerstuk 27 925, nr. 943" -> 27925-943."""

    kamerstuk: str  # canonical id: 27925-943, 35925-X-29, 21501-20-1876, 32637-E
    dossier: str  # canonical dossier: 27925, 35925-X, 21501-20
    number: str  # ondernummer: "943" (or a letter for the Eerste Kamer)
    text: str  # the matched text as it stands in the document
    page: int | None = None
    # Where the link goes when the document is shown: offsets in Analysis.text, or,
    # for a reference in a footnote, the footnote's index and offsets in that footnote.
    # Spans never overlap: in "nrs. 723, 727 en 746" each number gets its own span.
    start: int = -1
    end: int = -1
    footnote: int | None = None


@dataclass
class Commitment:
    """A promise to the Kamer to do something later."""

    text: str  # the sentence (or two) that carries the promise
    page: int | None  # 1-based page on which the sentence starts
    due: dt.date | None  # resolved due date, None when the wording gives none
    due_text: str | None  # the expression the date was resolved from ("In december")
    precision: str  # one of PRECISIONS
    kind: str = "informeren"  # informeren, brief, besluit, wetsvoorstel, reactie, overig
    start: int = 0  # character offsets of `text` in Analysis.text, for highlighting
    end: int = 0
    score: float = 1.0  # how sure the rules are, 0..1 (a clerk's own entry is sure)
    rules: list[str] = field(default_factory=list)  # the rule families that fired, codes of ingest.reasons.RULES


@dataclass
class Postponement:
    """A sentence that announces an earlier promise will be late."""

    text: str
    page: int | None
    of: str | None  # canonical id of the earlier document when it is cited
    new_due: dt.date | None
    start: int = 0
    end: int = 0


@dataclass
class TableRow:
    """One promise in a ministry's own overview of its promises: a row of a table of toezeggingen.

    The ministry's words are kept beside what the engine makes of them, so a clerk sees both."""

    text: str  # the promise as the ministry words it
    page: int | None  # page the row starts on (None for XML and HTML, which have no pages)
    vindplaats: str = ""  # where it was promised, as written: "Commissiedebat Politie, 12 april 2023"
    kamerstuk: str | None = None  # canonical id when the vindplaats cites a Kamerstuk: 29628-1150
    handelingen: str | None = None  # the Handelingen id when it cites one: h-tk-20222023-45-12
    promised_on: dt.date | None = None  # the date the vindplaats names
    tk_number: str | None = None  # the Tweede Kamer register's number, when the row gives it: TZ202304-117
    kind: str = "toezegging"  # toezegging or motie
    status: str = "openstaand"  # the ministry's status in the register's terms: openstaand, deels_voldaan, voldaan
    status_text: str = ""  # the ministry's own words: "Afgedaan", "Loopt; wordt meegenomen in …"
    planning: str = ""  # the planning column as written
    due: dt.date | None = None  # resolved from the planning (or the status) against the overview's date
    due_text: str | None = None
    precision: str = "geen"
    fulfilled_by: list[str] = field(default_factory=list)  # Kamerstukken the status says delivered it
    section: str = ""  # the heading of the part of the table the row stands in
    ministry: str = ""  # who answers for it, when the table has a column for that
    cells: list[list[str]] = field(default_factory=list)  # [[column heading, text], …]: the row as evidence


@dataclass
class Analysis:
    """Everything the engine found in one document."""

    kind: str  # one of KINDS
    date: dt.date | None
    kamerstuk: str | None  # the document's own canonical id, e.g. 27925-960
    dossiers: list[str]  # its own dossier(s), canonical: ["27925"] or ["27925", "29521"]
    title: str
    sender: str  # "Minister van Defensie"; several joined with " en "
    signatories: list[str]
    pages: int
    text: str  # body text, pages joined with "\n\n"
    page_starts: list[int]  # offset in `text` at which each page begins
    footnotes: list[str] = field(default_factory=list)
    dossier_titles: dict[str, str] = field(default_factory=dict)  # {"27925": "Bestrijding internationaal terrorisme"}
    # the senders' ministries as codes of ingest.ministries: ["BZ", "Defensie"]
    ministries: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    postponements: list[Postponement] = field(default_factory=list)
    table_rows: list[TableRow] = field(default_factory=list)  # rows of the ministry's tables of toezeggingen

    def to_dict(self) -> dict:
        return _jsonable(dataclasses.asdict(self))

    @classmethod
    def from_dict(cls, data: dict) -> Analysis:
        data = dict(data)
        data["date"] = _date(data.get("date"))
        data["references"] = [Reference(**r) for r in data.get("references", [])]
        data["commitments"] = [
            Commitment(**{**c, "due": _date(c.get("due"))}) for c in data.get("commitments", [])
        ]
        data["postponements"] = [
            Postponement(**{**p, "new_due": _date(p.get("new_due"))})
            for p in data.get("postponements", [])
        ]
        data["table_rows"] = [
            TableRow(**{**r, "due": _date(r.get("due")), "promised_on": _date(r.get("promised_on"))})
            for r in data.get("table_rows", [])
        ]
        return cls(**data)


class ExtractionError(Exception):
    """A file the engine cannot read. `reason` is written for a clerk, in Dutch."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code  # leeg, onbekend-type, corrupt, versleuteld, geen-tekst, te-groot, te-lang
        self.reason = reason


def _date(value):
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else value


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@dataclass
class Reason:
    """Why the engine thinks something, as a code with its values; `ingest.reasons` words it in Dutch."""

    code: str
    values: dict = field(default_factory=dict)


@dataclass
class EarlierCommitment:
    """A commitment made before, as the follow-up ranking needs to know it."""

    key: str  # the caller's id for it (a database key, a file name)
    text: str
    due: dt.date | None
    document_kamerstuk: str | None
    document_date: dt.date | None
    dossiers: list[str]
    sender: str
    # The sentence before, when the promise refers back to it ("Deze zal ik …"): it names the subject.
    context: str = ""
    # What the promise is about, as Kamerstukken: those its letter cites in or just before the promise
    # ("De reactie op de initiatiefnota (Kamerstuk 35 537, nr. 2) … We verwachten deze eind oktober te sturen").
    sources: list[str] = field(default_factory=list)


@dataclass
class Suggestion:
    """A later document that may fulfil an earlier commitment, with the reasons why."""

    key: str  # EarlierCommitment.key
    score: float  # 0..1
    reasons: list[Reason]  # Reason("cites", {"kamerstuk": "31839-1001"}), Reason("same_dossier")
    confident: bool  # strong enough to list in the CLI's `fulfils`
