"""Cells for the CSV and XLSX exports: text from a letter or a clerk never becomes a formula.

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (and, after it strips them,
a tab or carriage return) as a formula; a letter's sentence or a clerk's note could thus call
HYPERLINK or DDE on the reader's machine. OWASP's advice on CSV injection: put a single quote before it.
The pages keep "27 925" together with a no-break space; in a spreadsheet that space would make the number
impossible to find or filter by typing it, so cells get a plain one.
"""

from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    return cell
