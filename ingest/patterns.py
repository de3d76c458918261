"""Regular expressions for the fixed forms of parliamentary paper, kept in one place.

Readers, layout, metadata and references all recognise the same few things
(a dossier number, a Dutch date, a running header); defining each once keeps
them from drifting apart.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}

# Blanks inside a number: normal, no-break and thin spaces ("27 925", "27\u00a0925").
SP = r"[ \u00a0\u2009\u202f]"

# A dossier: five digits, possibly split after two ("27 925", in older letters "31.371"), an optional hyphenated
# sub-number ("21 501-20") and an optional budget chapter or fund ("36 200 X", "35 000 A",
# "34 550-X", "36 200 IXB"). Groups: digits, sub-number, suffix.
DOSSIER = (
    rf"(?<![\w/.,-])(\d{{2}}(?:{SP}|\.)?\d{{3}})(?![\d])"
    r"(?:-(\d{1,3})(?!\d))?"
    rf"(?:(?:{SP}|-)((?:[IVXLC]{{1,6}}[AB]?|[A-Z]))(?![\w-]))?"
)
DOSSIER_RE = re.compile(DOSSIER)

# The id officielebekendmakingen.nl gives a Kamerstuk: kst-27925-960, kst-36200-X-85,
# kst-21501-20-1876, kst-32637-E. Groups: digits, sub-number, suffix, number.
KST_ID_RE = re.compile(
    r"(?<![\w-])kst-(\d{5})(?:-(\d{1,3}))?(?:-([IVXLC]{1,6}[AB]?|[A-Z]))?-(\d{1,5}|[A-Z]{1,3})(?![\w])",
    re.IGNORECASE,
)

# A Dutch date written out: "21 november 2023", "1 januari 2024". Groups: day, month, year.
DATE = r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})"
DATE_RE = re.compile(DATE, re.IGNORECASE)
# The same in figures: "14-11-2023". Groups: day, month, year.
NUMERIC_DATE = r"(\d{1,2})-(\d{1,2})-(\d{4})"

# The running header or footer of a Kamerstuk: "Tweede Kamer, vergaderjaar 2023–2024,
# 27 925, nr. 960 2" (the last number is the page). Group "own" is what names the paper.
RUNNING_HEADER_RE = re.compile(
    r"^(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}"
    r"(?P<own>,\s+.*?(?:nrs?\.?\s*\d+|,\s*[A-Z]{1,3}))?(?:\s+\d{1,4})?\s*$",
    re.IGNORECASE,
)
# The colophon at the foot of a printed Kamerstuk's first page, on one line or three:
# "kst-27925-960 ISSN 0921 - 7371 ’s-Gravenhage 2023".
COLOPHON_RE = re.compile(
    r"^(?:kst-(?P<id>[\w-]+)(?:\s+ISSN\b.*)?|ISSN\s+\d{4}\s*-\s*\d{3}[\dX]\b.*|[’']s-Gravenhage(?:\s+\d{4})?)\s*$",
    re.IGNORECASE,
)
# A line that opens a list item: "- ", "• ", "1. ", "a) ".
LIST_ITEM_RE = re.compile(r"(?:[-–•▪●·*]|\d{1,2}[.)]|[a-z][.)])\s")
PAGE_OF_RE = re.compile(r"^\s*(?:Pagina|Blad)\s+\d+\s+(?:van|/)\s+\d+\s*$", re.IGNORECASE)
PAGE_NUMBER_RE = re.compile(r"^\s*[-–]?\s*(\d{1,4})\s*[-–]?\s*$")

# The header block that opens a Kamerstuk or a letter on ministry letterhead.
CHAMBER_RE = re.compile(r"^(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\b", re.IGNORECASE)
SESSION_RE = re.compile(r"^Vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}\s*$", re.IGNORECASE)
DOSSIER_TITLE_RE = re.compile(rf"^{DOSSIER}\s+(?P<title>[A-Z\u00c0-\u00dd(].*)$")
# The paper's own number under its dossier line: "Nr. 966 BRIEF VAN …", "Nr.304", "nr. 15", or an Eerste Kamer
# letter before the kind of paper: "E BRIEF VAN …" ("T1": a footnote mark glued to the letter).
# The Eerste Kamer's reports too: "B VOORLOPIG VERSLAG", "F NADER VOORLOPIG VERSLAG".
_PAPER_KINDS = (r"BRIEF|BRIEVEN|VERSLAG|MEMORIE|NOTA|MOTIE|LIJST|ANTWOORD|VOORSTEL|GEWIJZIGD|AMENDEMENT|ADVIES|VERZOEK|"
                r"VOORLOPIG|NADER|NADERE|EINDVERSLAG")
PAPER_KIND_RE = re.compile(rf"(?:{_PAPER_KINDS})\b")
OWN_NUMBER_RE = re.compile(
    rf"^(?:[Nn][Rr]\.?\s*(?P<number>\d+|[A-Z]{{1,3}})\b|(?P<letter>[A-Z]{{1,3}})\d?(?=\s+(?:{_PAPER_KINDS})\b))"
    r"\s*(?P<rest>.*)$"
)
# A dossier alone on its line, its title on the next: "32 123 VIII".
DOSSIER_LINE_RE = re.compile(rf"^{DOSSIER}\s*$")
# A dossier named by a Roman number only (Eerste Kamer, "CII Nota …"), as the header or a publication table has it.
ROMAN_DOSSIER_RE = re.compile(r"^(C?[IVXL]{1,5})(?=\s|$)")
# The publication table of a published copy: "Tweede Kamer der Staten-Generaal | 2011-2012 | 29984 nr. 297",
# its cells often glued together ("…Staten-Generaal2012-201330806 nr. 12").
PUBLICATION_TABLE_RE = re.compile(
    r"(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal[\s|]*\d{4}\s*[-–/]\s*\d{4}[\s|]*"
    r"(?P<dossier>\d{2}\s?\d{3}(?:[ -][\dA-Z]{1,6})*?|C?[IVXL]{1,5})\s*,?\s*nr\.?\s*(?P<number>\d+|[A-Z]{1,3})\b",
    re.IGNORECASE,
)
# The rest of a mirror's publication table: its header row, its ruling, a row naming a meeting instead of a paper.
TABLE_FURNITURE_RE = re.compile(
    r"^(?:Datum\s+publicatie\b.*\|.*|-{3,}(?:\s*\|\s*-{3,})+|(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\s*\|.*)$",
    re.IGNORECASE
)
# A mirror's title or id line for the paper itself: "Kamerstuk 34300-VII-60", "ID: 34300-VII-60".
SITE_ID_RE = re.compile(r"^(?:Kamerstuk|ID)\s*:?\s+(?P<id>\d{5}(?:-[0-9A-Z]{1,6})*-(?:\d{1,5}|[A-Z]{1,3}))\s*$")


# A mirror's line for the paper: "34300 J 32 Brief van de minister …", an Eerste Kamer one "34902 G BRIEF VAN …",
# "Onderdeel van kamerstukdossier 35334 -407 …".
MIRROR_TITLE_RE = re.compile(
    rf"^(?P<dossier>{DOSSIER})\s+(?P<number>\d{{1,4}}|[A-Z]{{1,3}})\s+(?:{_PAPER_KINDS})\b", re.IGNORECASE
)
# A mirror's line naming the paper: "Kamerstuk 26488 nr. 428".
KAMERSTUK_LINE_RE = re.compile(rf"^Kamerstuk\s+(?P<dossier>{DOSSIER})\s*,?\s*nr\.?\s*"
                               rf"(?P<number>\d{{1,5}}|[A-Z]{{1,3}})\s*$")
DOSSIER_MEMBERSHIP_RE = re.compile(rf"\bOnderdeel van kamerstukdossier\s+(?P<dossier>{DOSSIER})\s*-\s*"
                                   rf"(?P<number>\d{{1,5}})\b")
# The Tweede Kamer mirror's metadata line: "Nummer: 2022D17355, datum: 2022-04-21, …": the document's own date.
MIRROR_DATE_RE = re.compile(r"^Nummer:\s*\d{4}D\d+,\s*datum:\s*(\d{4})-(\d{2})-(\d{2})\b")


def own_number(match: re.Match) -> str:
    """The number or Eerste Kamer letter an OWN_NUMBER_RE match names."""
    return match.group("number") or match.group("letter")
ADDRESSEE_RE = re.compile(r"^Aan\s+de\s+Voorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer", re.IGNORECASE)
PLACE_DATE_RE = re.compile(rf"^(?:Den\s+Haag|'s-Gravenhage|Brussel|Luxemburg),?\s+{DATE}\s*\.?\s*$", re.IGNORECASE)
VASTGESTELD_RE = re.compile(rf"^Vastgesteld\s+{DATE}", re.IGNORECASE)
LETTERHEAD_FIELD_RE = re.compile(
    r"^(?:Datum|Betreft|Onderwerp|Ons\s+kenmerk|Uw\s+kenmerk|Kenmerk|Uw\s+brief|Bijlagen?|Bijlage\(n\)|"
    r"Referentie|Contactpersoon|Retouradres|>\s*Retouradres)\b",
    re.IGNORECASE,
)
SALUTATION_RE = re.compile(r"^Geachte\s+(?:voorzitter|heer|mevrouw|leden)\b", re.IGNORECASE)
# A news item as the sources store it: "date 2023-11 Kabinet past ... aan".
NEWS_DATE_RE = re.compile(r"^date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b\s*")
# A news item's opening line as ministries publish it: "Nieuwsbericht | 14-11-2023 | Ministerie
# van Defensie". Groups: day, month, year.
NEWS_LINE_RE = re.compile(
    rf"^(?:Nieuwsbericht|Nieuws|Persbericht|Pers)\b[^\n]*?\b{NUMERIC_DATE}\b[^\n]*", re.IGNORECASE
)

# A date with the word that says it is the document's own: "Den Haag, 21 november 2023",
# "Datum 12 mei 2022", "Vastgesteld 14 februari 2023", "(ontvangen 24 oktober 2023)".
LABELLED_DATE_RE = re.compile(
    rf"(?:^|(?<=[\s(]))(?:Den\s+Haag|'s-Gravenhage|Datum|Vastgesteld|[Oo]ntvangen|Verzonden|Dagtekening|Beantwoord)"
    rf"\s*[:,]?\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?{DATE}",
    re.IGNORECASE,
)

# Who writes: "De Minister van Defensie,", "De staatssecretaris van Financiën – Fiscaliteit,".
OFFICE = r"(?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)"
SIGNATURE_TITLE_RE = re.compile(rf"\b(?:De|de)\s+({OFFICE}(?:\s+(?:van|voor)\s+[^,]{{2,120}}?)?)\s*,")


def make_date(day: str | int, month: str | int, year: str | int) -> dt.date | None:
    """A date from its written parts, or None when the parts name no real day."""
    month_number = month if isinstance(month, int) else MONTHS.get(str(month).lower(), 0)
    try:
        return dt.date(int(year), int(month_number), int(day))
    except ValueError:
        return None


def dossier_id(digits: str, sub: str | None = None, suffix: str | None = None) -> str:
    """The canonical dossier: "27 925" -> 27925, with "-20" and "-X" parts when present."""
    parts = [re.sub(r"\D", "", digits)]
    if sub:
        parts.append(sub)
    if suffix:
        parts.append(suffix)
    return "-".join(parts)
