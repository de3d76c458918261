"""The rappel to a ministry, as the Eerste Kamer sends it twice a year: its open commitments past their due date
and those due in the next six months, as a list, a DOCX letter and a spreadsheet with a column for the new date
the ministry expects."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from django.db.models import Count, Q
from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from tracker.display import day_label
from tracker.ministries import ministry_codes, ministry_for_slug, ministry_label, ministry_slug
from tracker.models import Commitment
from tracker.spreadsheet import workbook

AHEAD = dt.timedelta(days=183)  # six months
COLUMNS = ["nr.", "toezegging", "brief", "dossier", "status", "termijn", "nieuwe verwachte datum"]
# Characters XML 1.0 cannot hold: neither a DOCX nor an XLSX can contain them.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# A commitment names its ministry by code (`Commitment.ministry`, `tracker.ministries`): these three are the only
# places the rappel finds and counts them by it.
def ministry_named(slug: str) -> str | None:
    """The ministry's code."""
    return ministry_for_slug(slug, ministry_codes())


def of_ministry(code: str):
    return Commitment.objects.filter(ministry=code)


def per_ministry(today: dt.date) -> list[dict]:
    """Each ministry with something to rappel: how many are past due and how many fall due within six months;
    one grouped query on the index of open commitments per ministry."""
    rows = (Commitment.objects.listed().open().filter(due_date__lte=today + AHEAD).exclude(ministry="")
            .order_by().values("ministry")
            .annotate(overdue=Count("due_date", filter=Q(due_date__lt=today)),
                      upcoming=Count("due_date", filter=Q(due_date__gte=today))))
    found = [{"name": ministry_label(row["ministry"]), "slug": ministry_slug(row["ministry"]),
              "overdue": row["overdue"], "upcoming": row["upcoming"]} for row in rows]
    return sorted(found, key=lambda ministry: ministry["name"])


@dataclass
class Rappel:
    ministry: str  # its code
    today: dt.date
    overdue: list[Commitment]  # past their due date, the longest overdue first
    upcoming: list[Commitment]  # due within six months

    @property
    def name(self) -> str:
        return ministry_label(self.ministry)

    @property
    def horizon(self) -> dt.date:
        return self.today + AHEAD

    @property
    def sections(self):
        return [("Termijn verstreken", self.overdue), ("Termijn in de komende zes maanden", self.upcoming)]


def rappel(ministry: str, today: dt.date) -> Rappel:
    """One query: the ministry's open commitments due by the horizon, with their letter and dossier."""
    commitments = list(of_ministry(ministry).listed().open().filter(due_date__lte=today + AHEAD)
                       .select_related("document", "dossier").defer("document__text").order_by("due_date", "pk"))
    return Rappel(ministry, today, [c for c in commitments if c.due_date < today],
                  [c for c in commitments if c.due_date >= today])


def clean_text(value: str) -> str:
    return _NOT_IN_XML.sub("", value)


def letter_of(commitment: Commitment) -> str:
    """Where it was promised: the letter's number and date, or the debate for an oral promise."""
    document = commitment.document
    if document is None:
        return commitment.origin or "mondeling"
    parts = [document.kamerstuk_label or str(document), day_label(document.date) if document.date else ""]
    return " van ".join(part for part in parts if part)


def row(commitment: Commitment, today: dt.date) -> list:
    """One commitment as the letter and the spreadsheet list it; the last column is for the ministry."""
    return [commitment.pk, clean_text(commitment.text), clean_text(letter_of(commitment)),
            commitment.dossier.label if commitment.dossier else "", commitment.state_label(today),
            commitment.due_date, None]


def docx_letter(found: Rappel) -> bytes:
    """The rappel as a letter to the ministry, one table per section, landscape so the text has room."""
    letter = DocxDocument()
    section = letter.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    letter.add_heading("Rappel toezeggingen", level=1)
    letter.add_paragraph(f"Aan: het ministerie van {clean_text(found.name)}")
    letter.add_paragraph(f"Datum: {day_label(found.today, long=True)}")
    letter.add_paragraph(
        "Hieronder staan de toezeggingen van uw ministerie aan de Kamer waarvan de termijn is verstreken, en die "
        f"waarvan de termijn vóór {day_label(found.horizon, long=True)} verloopt. Wij verzoeken u per toezegging "
        "te laten weten of zij is nagekomen, en met welke brief, of anders de nieuwe datum waarop u verwacht haar "
        "na te komen.")
    for title, commitments in found.sections:
        letter.add_heading(f"{title} ({len(commitments)})", level=2)
        if not commitments:
            letter.add_paragraph("Geen.")
            continue
        table = letter.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, COLUMNS, strict=True):
            cell.text = name
            cell.paragraphs[0].runs[0].bold = True
        for commitment in commitments:
            values = row(commitment, found.today)
            values[-2] = day_label(values[-2])
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = "" if value is None else str(value)
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)
    buffer = io.BytesIO()
    letter.save(buffer)
    return buffer.getvalue()


def xlsx_sheet(found: Rappel) -> bytes:
    """The rappel as a workbook for the ministry to fill in: the new expected date in the last column."""
    rows = ([title, *row(commitment, found.today)]
            for title, commitments in found.sections for commitment in commitments)
    return workbook("Rappel", ["onderdeel", *COLUMNS], rows, wide=("onderdeel", "toezegging", "brief", "dossier"))
