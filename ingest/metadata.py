"""What a document says about itself: date, own number, sender, signatories, kind, title.

Everything is read from the places where a Kamerstuk or a letter states it (the
header block, the running header, the letterhead, the signature), never guessed
from dates or numbers in the body: a date the text does not give stays None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .layout import Layout
from .ministries import ministries_of, ministry_label, ministry_name_at, ministry_of
from .patterns import (
    ADDRESSEE_RE,
    DATE,
    DATE_RE,
    DOSSIER_RE,
    DOSSIER_TITLE_RE,
    LABELLED_DATE_RE,
    NUMERIC_DATE,
    COLOPHON_RE,
    KST_ID_RE,
    NEWS_DATE_RE,
    NEWS_LINE_RE,
    DOSSIER_LINE_RE,
    DOSSIER_MEMBERSHIP_RE,
    KAMERSTUK_LINE_RE,
    MIRROR_DATE_RE,
    MIRROR_TITLE_RE,
    OWN_NUMBER_RE,
    PLACE_DATE_RE,
    PUBLICATION_TABLE_RE,
    ROMAN_DOSSIER_RE,
    RUNNING_HEADER_RE,
    SALUTATION_RE,
    SITE_ID_RE,
    SIGNATURE_TITLE_RE,
    dossier_id,
    make_date,
    own_number,
)
from .readers.lines import Known
from .sentences import split_sentences

# The answers to a list of questions, a committee report.
_ANSWERS_RE = re.compile(r"(?m)^(?:LIJST VAN VRAGEN EN ANTWOORDEN|ANTWOORD(?:EN)? OP|Kamervraag \d{4}Z\d+)|"
                         r"\b(?:Antwoord|Mededeling) van\b.*\(ontvangen|^Beantwoord (?:door|op)\b|\bVraagsteller:")
_UPPER_SIGNATURE_RE = re.compile(r"(?m)^(?P<office>DE (?:MINISTER-PRESIDENT|MINISTER|STAATSSECRETARIS)"
                                 r"(?: (?:VAN|VOOR) [A-ZËÏÉ][A-ZËÏÉ ,&-]{2,100}?)?),?[ \t]*$")
_ANSWER_LINE_RE = re.compile(r"(?m)^Antwoord(?:\s+op\s+vra(?:ag|gen)\b.*)?\s*$")
_REPORT_RE = re.compile(r"\b(?:VERSLAG|Verslag) (?:VAN|van) (?:EEN|een|HET|het)\b|^Vastgesteld\b", re.MULTILINE)
_LETTER_RE = re.compile(r"\bBRIEF VAN\b|^Aan de Voorzitter|^(?:Den Haag|'s-Gravenhage),|^Geachte", re.MULTILINE)
# The subject as a letterhead gives it, or as the Tweede Kamer's site titles a paper ("Brief regering : Contouren
# Strategisch Vastgoedplan 2022", "Brief regering; Kabinetsreactie op …", "Antwoord schriftelijke vragen : …").
_SUBJECT_RE = re.compile(r"^(?:(?:Betreft|Onderwerp)\s*:?\s+|(?:Brief\s+regering|Antwoord\s+schriftelijke\s+vragen)"
                         r"\s*[:;]\s*)(?P<subject>\S.*)$", re.IGNORECASE)
_NUMBER_IN_HEADER_RE = re.compile(r"nr\.?\s*(\d+)|,\s*([A-Z]{1,3})\b")
_FROM_RE = re.compile(r"\b(?:BRIEF|BRIEVEN)\s+VAN\s+DE\s+(?P<from>.+)$")
_INITIALS_RE = re.compile(r"^(?:[A-Z][a-z]?\.){1,5}$|^[A-Z]\.[A-Za-z.]+$")
_NEWSY_RE = re.compile(r"\b(?:minister|staatssecretaris|kabinet|premier)\b", re.IGNORECASE)
# The signature stands at the end: look for it in this many last characters.
_SIGNATURE_WINDOW = 1500
# A published copy's furniture stands in this many first characters.
_OPENING_CHARS = 1500
# Offices named outside a signature: an answer's heading ("Antwoord van Minister Blok (Economische Zaken en
# Klimaat)"), a mirror's list of signatories ("Eerste ondertekenaar: D.M. van Weel, minister van Justitie en
# Veiligheid"), and a joint letter's "mede namens de Minister van Financiën".
# The notice that answers will be late is headed the same way: "Mededeling van minister Opstelten (…)".
_ANSWERED_BY_RE = re.compile(r"\b(?:Antwoord|Mededeling) van (?P<line>[^\n]+)")
# … each office on that line: "minister Opstelten (Veiligheid en Justitie) en minister Hennis-Plasschaert (Defensie)"
_ANSWERING_OFFICE_RE = re.compile(r"(?P<office>[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)\s+"
                                  r"(?!van\s|voor\s|de\s)[^()\n]{2,60}?"  # a name, not "van X (ontvangen …)"
                                  r"\((?P<what>[^()\n]{3,90})\)")
# An answer page's "Beantwoord door Paul Blokhuis (staatssecretaris volksgezondheid, welzijn en sport) (CU)".
_NAMED_WITH_OFFICE_RE = re.compile(r"\((?P<office>minister|staatssecretaris)\s+(?P<what>[^()\n]{3,90})\)",
                                   re.IGNORECASE)
_SIGNED_BY_RE = re.compile(r"\b(?:ondertekenaar|Indiener|Medeindiener):\s*(?:[^,\n]{2,60},\s*)?"
                           r"(?P<office>minister|staatssecretaris)\s+"
                           r"(?P<kind>van|voor)\s+(?P<what>[^\n(]{3,90})", re.IGNORECASE)
_ON_BEHALF_RE = re.compile(r"\bmede\s+(?:namens|ondertekend\s+door)\s+de\s+"
                           r"(?P<offices>(?:minister|staatssecretaris)[^.;:\n]{3,160})", re.IGNORECASE)
# A list of questions or a verslag of a written consultation names who answers: "De vaste commissie … heeft een
# aantal vragen voorgelegd aan de Minister van Financiën over …".
_PUT_TO_RE = re.compile(r"\b(?:voorgelegd|gesteld|gericht)\s+aan\s+de\s+(?P<office>minister|staatssecretaris)\s+"
                        r"(?P<kind>van|voor)\s+(?P<what>[^\n]{3,120})", re.IGNORECASE)
# A signature with the name above the office and no "De": "A. Voorbeeld / Minister van Financiën".
_BARE_OFFICE_LINE_RE = re.compile(r"^(?P<office>Minister|Staatssecretaris)\s+(?P<kind>van|voor)\s+"
                                  r"(?P<what>[^\n]{3,90}?)\s*,?\s*$", re.MULTILINE)
_BARE_SIGNATURE_WINDOW = 600
# The closing a signature follows on its line: "Hoogachtend, de Minister voor Rechtsbescherming, …".
_CLOSING_RE = re.compile(r"\b(?:Hoogachtend|[Gg]roet(?:en)?)\s*,$")
_RUN_ON_SIGNATURE = 400  # characters from the end in which a signature may follow a sentence on its line
# A news item's minister with the ministry in brackets: "Minister Voorbeeld (OCW) laat weten …",
# "Staatssecretaris Van der Voorbeeld (Defensie)", and a list of them: "De ministers Een (Buitenlandse Zaken),
# Twee (Defensie) en Drie (Justitie en Veiligheid) sturen …".
_NEWS_OFFICE_RE = re.compile(r"\b(?P<office>[Mm]inisters?|[Ss]taatssecretaris(?:sen)?)\s+"
                             r"(?P<names>(?:(?:[A-Z][\w'-]+|van|der|den|de|ter|ten)\s+){1,4}\([^()\n]{2,60}\)"
                             r"(?:\s*(?:,|en)\s*(?:(?:[A-Z][\w'-]+|van|der|den|de|ter|ten)\s+){1,4}\([^()\n]{2,60}\))*)")
_BRACKETED_RE = re.compile(r"\(([^()\n]{2,60})\)")
# A sentence about a letter sent before this one, whose "mede namens" is not this letter's.
_EARLIER_LETTER_RE = re.compile(r"\b(?:onlangs|eerder|verstuurd\w*|verstuurde\w*|stuurden|zonden|(?:toe)?gezonden|"
                                r"(?:toe)?gestuurd|verzonden|"
                                # … or what was said before: "heb ik mede namens … aangegeven", "U bent … geïnformeerd"
                                # (not "Zoals toegezegd … ontvangt u, mede namens …")
                                r"(?:heb|hebben|had|hadden)\s+(?:ik|wij|we)\b[^.]{0,160}\b(?:aangegeven|gemeld|toegezegd|"
                                r"meegedeeld)|(?:bent|is|werd)\b[^.]{0,160}\bgeïnformeerd)\b", re.IGNORECASE)
_OPENING_WINDOW = 3000
# … or above it, on one line with it where the copy joined them: "23 november 2010 Toezegging aan de Eerste Kamer".
_DATE_LINE_RE = re.compile(DATE + r"(?:\s*[,|]\s*.*|\s+(?-i:[A-Z])[^.]*)?", re.IGNORECASE)
_DATE_LINE_WITHIN = 10  # lines from the top, a mirror's menu lines among them
_NUMERIC_DATE_RE = re.compile(NUMERIC_DATE)
# a news item's stamp: the day with the time it was written, "8 April 2014 20:38", "Door ANP - 2-11-2016, 22:23"
_STAMP_RE = re.compile(rf"(?:{DATE}|{NUMERIC_DATE}),?\s+(?:om\s+)?[0-2]?\d:[0-5]\d", re.IGNORECASE)
_SMALL_WORDS = {"van", "voor", "en", "de", "het", "der", "in", "op", "met"}


@dataclass
class Metadata:
    kind: str = "anders"
    date: dt.date | None = None
    kamerstuk: str | None = None
    dossiers: list[str] = field(default_factory=list)
    title: str = ""
    sender: str = ""
    signatories: list[str] = field(default_factory=list)
    dossier_titles: dict[str, str] = field(default_factory=dict)
    ministries: list[str] = field(default_factory=list)


def read_metadata(layout: Layout, known: Known) -> Metadata:
    header = [line.strip() for line in layout.header]
    offices, signatories = _signature(layout.text)
    # A copy whose header was not found still names itself in its first lines, before the letter begins.
    preamble = layout.preamble or ([] if header else _before_the_letter(layout.text[:_OPENING_CHARS].split("\n")))
    dossiers, number = _own_number(header, preamble, layout.furniture, known)
    date = known.date or _date(header, [*preamble, *layout.furniture], layout.text)
    sender = " en ".join(offices or _offices_from_header(header) or _offices_named(header, preamble, layout.text))
    return Metadata(
        kind=known.kind or _kind(header, layout.text, bool(offices)),
        date=date,
        kamerstuk=f"{dossiers[0]}-{number}" if dossiers and number else None,
        dossiers=dossiers,
        title=known.title or _title(header, layout.preamble, layout.furniture, layout.text),
        sender=sender,
        ministries=_ministries(sender, layout.text, date),
        signatories=signatories,
        dossier_titles=known.dossier_titles or _dossier_titles(header),
    )


def _date(header: list[str], furniture: list[str], text: str) -> dt.date | None:
    for line in [*header, *furniture]:
        mirror = MIRROR_DATE_RE.match(line)
        if mirror:
            return make_date(mirror.group(3), int(mirror.group(2)), mirror.group(1))
    for line in [*header, *furniture]:
        match = LABELLED_DATE_RE.search(line)
        if match:
            return make_date(*match.groups())
    stamped = NEWS_LINE_RE.match(text)
    if stamped:
        return _in_figures(*stamped.groups())
    news = NEWS_DATE_RE.match(text)
    if news and news.group(3):
        return make_date(news.group(3), int(news.group(2)), news.group(1))
    # a stamp with the month only gives no date of its own; a day of that month written in the item's opening does
    month = (int(news.group(1)), int(news.group(2))) if news else None
    # Answers state the day they were received near the top; a letter may open with its date.
    match = LABELLED_DATE_RE.search(text[:3000])
    labelled = make_date(*match.groups()) if match else None
    # A ministry's page gives the date alone on a line under the title: "22 januari 2009", or as a field of a line
    # of fields: "Nieuws | 18 april 2024", "11-03-2009 | Kamerstuk | Ministerie van Buitenlandse Zaken".
    opening = [line.strip() for line in [*header, *furniture, *text[:_OPENING_CHARS].split("\n")] if line.strip()]
    days = (day for day in [labelled, *map(_date_of_line, opening[:_DATE_LINE_WITHIN])] if day)
    return next((day for day in days if month is None or (day.year, day.month) == month), None)


def _date_of_line(line: str) -> dt.date | None:
    alone = _DATE_LINE_RE.fullmatch(line)
    if alone:
        return make_date(*alone.groups()[:3])
    fields = [field.strip() for field in line.split("|")] if "|" in line else []
    written = next((m for m in map(DATE_RE.fullmatch, fields) if m), None)
    if written:
        return make_date(*written.groups())
    numeric = next((m for m in map(_NUMERIC_DATE_RE.fullmatch, fields) if m), None)
    if numeric:
        return _in_figures(*numeric.groups())
    stamp = _STAMP_RE.search(line)
    if not stamp:
        return None
    return make_date(*stamp.groups()[:3]) if stamp.group(1) else _in_figures(*stamp.groups()[3:])


def _in_figures(day: str, month: str, year: str) -> dt.date | None:
    return make_date(day, int(month), year)


def _before_the_letter(lines: list[str]) -> list[str]:
    """The lines above the addressee, the place and date or the salutation: a footnote under a short letter
    ("Kamerstuk 31 456, nr. 70") is a citation, not the letter's own number."""
    start = next((i for i, line in enumerate(lines)
                  if ADDRESSEE_RE.match(line) or PLACE_DATE_RE.match(line) or SALUTATION_RE.match(line)), len(lines))
    return lines[:start]


def _own_number(header: list[str], preamble: list[str], furniture: list[str],
                known: Known) -> tuple[list[str], str | None]:
    if known.dossiers:
        return known.dossiers, known.number
    # The header block lists every dossier the paper belongs to, then its number.
    numbers = [own_number(m) for m in map(OWN_NUMBER_RE.match, header) if m]
    number = numbers[0] if numbers else None
    dossiers = _header_dossiers(header, roman=bool(number))
    if dossiers and number:
        return dossiers, number
    # A published copy names the paper before its header: a publication table, a title or id line, a link.
    for line in [*preamble, *header]:
        table = (PUBLICATION_TABLE_RE.search(line) or MIRROR_TITLE_RE.match(line) or KAMERSTUK_LINE_RE.match(line)
                 or DOSSIER_MEMBERSHIP_RE.search(line))  # a mirror's metadata, its lines often run together
        if table:
            return dossiers or [_dossier(table.group("dossier"))], table.group("number")
        site = SITE_ID_RE.match(line) or KST_ID_RE.search(line)
        if site:
            return _paper_id(site.group("id") if site.re is SITE_ID_RE else site.group(0)[4:])
    for line in furniture:
        match = RUNNING_HEADER_RE.match(line)
        own = match and match.group("own")
        if own:
            # "…, 27 925, nr. 960 2": the dossiers, then the number; the page number is not
            # part of the group.
            found = [dossier_id(*d.groups()) for d in DOSSIER_RE.finditer(own)]
            number = _NUMBER_IN_HEADER_RE.search(own[own.rfind(","):] if "nr" not in own else own)
            if found and number:
                return found, number.group(1) or number.group(2)
        colophon = COLOPHON_RE.match(line)
        if colophon and colophon.group("id"):
            return _paper_id(colophon.group("id"))
    return dossiers, None


def _header_dossiers(header: list[str], roman: bool) -> list[str]:
    """The dossier lines of a header; a Roman-numbered one ("CII Nota …") only above the paper's number."""
    dossiers = [dossier for dossier, _ in _dossier_lines(header)]
    if roman and not dossiers:
        dossiers = [m.group(1) for m in map(ROMAN_DOSSIER_RE.match, header) if m]
    return dossiers


def _dossier_lines(header: list[str]) -> list[tuple[str, str]]:
    """(dossier, title) per dossier line: "27 925 Bestrijding …", or "32 123 VIII" with its title on the next line."""
    found = []
    for i, line in enumerate(header):
        bare = DOSSIER_LINE_RE.match(line)
        if mirror := MIRROR_TITLE_RE.match(line):
            found.append((_dossier(mirror.group("dossier")), ""))
        elif bare:
            title = header[i + 1] if i + 1 < len(header) and not OWN_NUMBER_RE.match(header[i + 1]) else ""
            found.append((dossier_id(*bare.groups()[:3]), title.strip()))
        elif match := DOSSIER_TITLE_RE.match(line):
            found.append((dossier_id(*match.groups()[:3]), match.group("title").strip()))
    return found


def _dossier(text: str) -> str:
    """ "32123 VIII" or "CII" as a publication table writes it -> its canonical dossier."""
    match = DOSSIER_RE.match(text.strip())
    return dossier_id(*match.groups()) if match else text.strip()


def _paper_id(text: str) -> tuple[list[str], str | None]:
    """ "34300-VII-60" -> (["34300-VII"], "60")."""
    kst = KST_ID_RE.fullmatch("kst-" + text)
    return ([dossier_id(*kst.groups()[:3])], kst.group(4)) if kst else ([], None)


def _dossier_titles(header: list[str]) -> dict[str, str]:
    """ "27 925 Bestrijding internationaal terrorisme" in the header block -> {"27925": ...}."""
    return {dossier: title for dossier, title in _dossier_lines(header) if title}


def _kind(header: list[str], text: str, signed: bool) -> str:
    opening = "\n".join(header) + "\n" + text[:3000]
    if _ANSWERS_RE.search(opening) or len(_ANSWER_LINE_RE.findall(text)) >= 2:
        return "antwoorden"
    if _REPORT_RE.search("\n".join(header)):
        return "verslag"
    if signed or _LETTER_RE.search(opening):
        return "brief"
    if NEWS_DATE_RE.match(text) or NEWS_LINE_RE.match(text) or _NEWSY_RE.search(text[:2000]):
        return "nieuws"
    return "anders"


# What a published copy puts around the paper that is never its title: navigation ("Direct naar (in deze pagina):
# inhoud, zoekveld of menu.", "• Download PDF", "[overzicht] [activiteiten] …", "Directe link naar document"),
# metadata ("Nummer: 2011D27665, datum: …", "Documentdatum | 02-02-2023 |"), a publication table, the chamber,
# the addressee, the place and date.
_NOT_A_TITLE_RE = re.compile(r"\s*(?:Direct(?:e\s+link)?\s+naar\b|•|Download\b|\[|Nummer:|Aan\s+de\s+Voorzitter\b|"
                             r"Datum\s+publicatie|(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\b|"
                             r"(?:Den\s+Haag|'s-Gravenhage),)|.*\|")


def _title(header: list[str], preamble: list[str], furniture: list[str], text: str) -> str:
    for line in [*header, *preamble, *furniture]:
        match = _SUBJECT_RE.match(line)
        if match:
            return match.group("subject").strip()
    titles = [title for _, title in _dossier_lines(header) if title]
    if titles:
        return titles[0]
    for line in header:
        own = OWN_NUMBER_RE.match(line)
        if own and own.group("rest"):
            return _sentence_case(own.group("rest"), capitalise_all=True)
    # A mirror that writes the paper as "34775 A 62 BRIEF VAN …" puts its title on the line above.
    if header and MIRROR_TITLE_RE.match(header[0]) and preamble and not _NOT_A_TITLE_RE.match(preamble[-1]):
        return preamble[-1].strip()
    news = NEWS_DATE_RE.match(text) or NEWS_LINE_RE.match(text)
    paragraphs = text[news.end() if news else 0:].strip().split("\n")
    first = next((p.strip() for p in paragraphs if len(p.split()) >= 3 and not _NOT_A_TITLE_RE.match(p)), "")
    # "23 november 2010 Toezegging aan de Eerste Kamer": the date the copy set on the title's line is not in it
    dated = _DATE_LINE_RE.fullmatch(first)
    first = (dated and first[dated.end(3):].strip(" ,|")) or first
    return first if len(first) <= 150 else first[:147].rsplit(" ", 1)[0] + " …"


# Sender and signatories -----------------------------------------------------------------


def _signature(text: str) -> tuple[list[str], list[str]]:
    """Offices and names from the signature block: "De Minister van Defensie, K.H. Ollongren"."""
    tail = re.sub(r"[ \t]+", " ", text[max(0, len(text) - _SIGNATURE_WINDOW):])
    # "DE MINISTER VAN DEFENSIE," on a line of its own, as older letters sign, read as it is written elsewhere
    tail = _UPPER_SIGNATURE_RE.sub(lambda m: _sentence_case(m.group("office"), capitalise_all=True) + ",", tail)
    titles = [m for m in SIGNATURE_TITLE_RE.finditer(tail) if _starts_block(tail, m.start())]
    offices, names, pending = [], [], 0
    for i, match in enumerate(titles):
        # "De Minister van Volksgezondheid, Welzijn en Sport,": a ministry's name may hold commas itself.
        office, office_end = _whole_office(tail, match)
        offices.append(_office(office))
        pending += 1
        end = titles[i + 1].start() if i + 1 < len(titles) else len(tail)
        chunk = " ".join(tail[office_end:end].split()).strip(" ,")
        if chunk:
            names.extend(_split_names(chunk, pending))
            pending = 0
    return offices, [n for n in names if n]


def _whole_office(text: str, match: re.Match) -> tuple[str, int]:
    """The office a signature title names, with its ministry's full name, and where it ends in `text`."""
    office = match.group(1)
    van = re.search(r"\s+van\s+", office)
    if van:
        start = match.start(1) + van.end()
        name = ministry_name_at(text[start:start + 120])
        if name and len(name) > len(office) - van.end():
            end = start + len(name)
            return text[match.start(1):end], end + (1 if text[end:end + 1] == "," else 0)
    return office, match.end()


def _starts_block(text: str, position: int) -> bool:
    """A signature title opens a line, or follows another title on the same line; near the end of a copy that
    lost its line breaks it may follow the last sentence ("… doen toekomen. De Minister van X, A. Naam")."""
    before = text[:position].rstrip(" ")
    # after a comma only on a line that opens with a title, or after the closing ("Hoogachtend,"): "mede namens de
    # Minister-President, de Minister van Defensie en …" in a sentence of the letter names no signatory
    line = before[before.rfind("\n") + 1:]
    after_title = before.endswith(",") and (SIGNATURE_TITLE_RE.match(line) or _CLOSING_RE.search(line))
    return not before or before.endswith("\n") or bool(after_title) or (
        before.endswith(".") and len(text) - position <= _RUN_ON_SIGNATURE)


def _split_names(chunk: str, count: int) -> list[str]:
    """ "Caspar Veldkamp Ruben Brekelmans" for two offices -> two names."""
    words = chunk.split()
    if len(words) > 8:  # not a name list: body text after a mention of an office
        return []
    if count <= 1:
        return [" ".join(words)]
    starts = [i for i, w in enumerate(words)
              if _INITIALS_RE.match(w) and (i == 0 or not _INITIALS_RE.match(words[i - 1]))]
    if len(starts) == count:
        bounds = [*starts[1:], len(words)]
        return [" ".join(words[a:b]) for a, b in zip(starts, bounds, strict=True)]
    if len(words) % count == 0:
        step = len(words) // count
        return [" ".join(words[i:i + step]) for i in range(0, len(words), step)]
    return [" ".join(words)]


def _office(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    return text[0].upper() + text[1:]


def _offices_named(header: list[str], preamble: list[str], text: str) -> list[str]:
    """Offices named when no signature or header does: an answer's heading, a mirror's signatory lines, the
    minister a list of questions was put to; else a signature without "De"; else a news item's minister."""
    opening = "\n".join([*preamble, *header, text[:_OPENING_WINDOW]])
    offices = [f"{m.group('office').capitalize()} van {m.group('what').strip()}"
               for line in _ANSWERED_BY_RE.finditer(opening) for m in _ANSWERING_OFFICE_RE.finditer(line.group("line"))]
    offices += [f"{m.group('office').capitalize()} {m.group('kind').lower()} {m.group('what').strip()}"
                for m in _SIGNED_BY_RE.finditer(opening)]
    offices += [office for m in _PUT_TO_RE.finditer(opening) if (office := _office_for(m))]
    offices += [f"{m.group('office').capitalize()} van {ministry_label(code)}"
                for m in _NAMED_WITH_OFFICE_RE.finditer(opening)
                if (name := ministry_name_at(m.group("what"))) and (code := ministry_of(name))]
    if not offices:
        tail = text[-_BARE_SIGNATURE_WINDOW:]
        offices = [office for m in _BARE_OFFICE_LINE_RE.finditer(tail) if (office := _office_for(m))]
    if not offices:
        offices = [f"{_singular(m.group('office'))} van {ministry_label(code)}"
                   for m in _NEWS_OFFICE_RE.finditer(opening) for what in _BRACKETED_RE.findall(m.group("names"))
                   if (code := ministry_of(what))]
    return list(dict.fromkeys(offices))


# "De ministers …", "BRIEF VAN DE STAATSSECRETARISSEN …": one office each.
_SINGULAR = {"ministers": "minister", "staatssecretarissen": "staatssecretaris"}


def _singular(office: str) -> str:
    return _SINGULAR.get(office.lower(), office.lower()).capitalize()


def _office_for(match: re.Match) -> str | None:
    """ "Minister van Financiën" from an office, its "van" or "voor" and the words after it, up to the end of the
    ministry's name (or of a portfolio's); None when those words name no ministry."""
    office, kind, what = match.group("office").capitalize(), match.group("kind").lower(), match.group("what")
    if kind == "van":
        name = ministry_name_at(what)
        return f"{office} van {name}" if name else None
    portfolio = re.split(r"\s+(?:over|inzake|betreffende|naar\s+aanleiding)\b|[,(]", what)[0].strip()
    if ministries_of(f"{office} voor {portfolio}"):
        return f"{office} voor {portfolio}"
    name = ministry_name_at(what)  # "de minister voor Infrastructuur en Milieu": a ministry's name after all
    return f"{office} van {name}" if name else None


def _ministries(sender: str, text: str, date: dt.date | None) -> list[str]:
    """The senders' ministries, and those of the offices a joint letter is sent on behalf of."""
    found = ministries_of(sender, date)
    opening = text[:_OPENING_WINDOW]
    for behalf in _ON_BEHALF_RE.finditer(opening):
        if _EARLIER_LETTER_RE.search(_sentence_around(opening, behalf.start())):
            continue  # "de brief die wij onlangs mede namens de minister-president verstuurden": another letter's
        found += [code for code in ministries_of(behalf.group("offices"), date) if code not in found]
    return found


def _sentence_around(text: str, position: int) -> str:
    return next((s.text for s in split_sentences(text) if s.start <= position < s.end), "")


def _offices_from_header(header: list[str]) -> list[str]:
    """ "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE" -> two offices."""
    for i, line in enumerate(header):
        match = _FROM_RE.search(line)
        if not match:
            continue
        words = match.group("from")
        # a long ministry name wraps in a typeset header: "… VAN VOLKSGEZONDHEID, WELZIJN EN" / "SPORT",
        # "… VAN INFRASTRUCTUUR" / "EN WATERSTAAT"
        following = header[i + 1].strip() if i + 1 < len(header) else ""
        if following.isupper() and (re.search(r"(?:,|\bEN|\bVAN|\bVOOR)$", words.strip())
                                    or re.match(r"(?:EN|VAN|VOOR)\s", following)):
            words = f"{words.strip()} {following}"
        office = re.match(r"(MINISTER-PRESIDENT|MINISTERS?|STAATSSECRETARIS(?:SEN)?)\b", words)
        if not office:
            return []
        singular = _singular(office.group(1)).upper()
        rest = words[office.end():].strip()
        # "BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN X": two offices of one ministry
        second = re.match(r"EN\s+(?:DE\s+)?(MINISTER|STAATSSECRETARIS)\s+(?=(?:VAN|VOOR)\s)", rest)
        if second:
            rest = rest[second.end():]
            return [_sentence_case(f"{title} {rest}", capitalise_all=True) for title in (singular, second.group(1))]
        offices = []
        for part in re.split(r"\s+EN\s+(?=(?:VAN|VOOR|DE)\s)", rest):
            part = re.sub(r"^DE\s+", "", part.strip())
            if part.startswith(("VAN ", "VOOR ")):
                part = f"{singular} {part}"
            offices.append(_sentence_case(part, capitalise_all=True))
        return offices
    return []


def _sentence_case(text: str, capitalise_all: bool = False) -> str:
    """ "MINISTER VAN BUITENLANDSE ZAKEN" -> "Minister van Buitenlandse Zaken"."""
    if not text.isupper():
        return text.strip()
    words = text.strip().lower().split()
    out = []
    for i, word in enumerate(words):
        if i == 0 or (capitalise_all and word not in _SMALL_WORDS):
            word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)

