"""Cells for the CSV and XLSX exports: text from a letter or a clerk never becomes a formula.

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (and, after it strips them,
a tab or carriage return) as a formula; a letter's sentence or a clerk's note could thus call
HYPERLINK or DDE on the reader's machine. OWASP's advice on CSV injection: put a single quote before it.
"""

from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """`value` as it may stand in an exported cell: text that would start a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_cell(sheet, value):
    """A write-only cell for `value`; text is always stored as text, so openpyxl never reads it as a
    formula (`=…`) or an error value (`#N/A`)."""
    cell = WriteOnlyCell(sheet, neutralised(value))
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
