"""Cells for the CSV and XLSX exports: text from a letter or a clerk never becomes a formula.

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (and, after it strips them,
a tab or carriage return) as a formula; a letter's sentence or a clerk's note could thus call
HYPERLINK or DDE on the reader's machine. OWASP's advice on CSV injection: put a single quote before it.
The pages keep "27 925" together with a no-break space; in a spreadsheet that space would make the number
impossible to find or filter by typing it, so cells get a plain one.
"""

import datetime as dt
import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD-MM-YYYY"  # as Dutch readers write a date, in every workbook the tracker makes
WIDE = 60  # characters: the columns that hold a promise's or a letter's text
NARROW = 14


def neutralised(value):
    """`value` as it may stand in an exported cell: text that would start a formula gets a leading quote."""
    if not isinstance(value, str):
        return value
    value = value.replace("\u00a0", " ")
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def xlsx_cell(sheet, value):
    """A write-only cell for `value`; text is always stored as text, so openpyxl never reads it as a
    formula (`=…`) or an error value (`#N/A`)."""
    cell = WriteOnlyCell(sheet, neutralised(value))
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    return cell


def workbook(title: str, header: list[str], rows: Iterable[list], wide: Iterable[str] = ()) -> bytes:
    """One sheet as a spreadsheet program opens it ready to read: the header row frozen and filterable, the text
    columns (`wide`) wide, the rest narrow, dates as dates. Write-only: rows go to a temporary file as they come,
    not into a tree in memory."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    wide = set(wide)
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDE if name in wide else NARROW
    sheet.freeze_panes = "A2"
    sheet.append([xlsx_cell(sheet, name) for name in header])
    last_row = 1
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
        last_row += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last_row}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
