"""The commitment list (/toezeggingen/) with its filters, and the same list as CSV and XLSX."""

import csv
from itertools import chain
from urllib.parse import urlencode

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from tracker import register
from tracker.display import STATE_CHOICES
from tracker.ministries import ministry_codes
from tracker.filters import CommitmentFilter
from tracker.spreadsheet import neutralised, workbook

# A page a clerk reads through; the exports hold the whole filtered list.
PAGE_SIZE = 50
EXPORT_FIELDS = ("status", "ministerie", "dossier", "termijn_van", "termijn_tot")


def _form(request):
    return CommitmentFilter(request.GET, ministries=ministry_codes())


def _filter_query(form, **extra):
    """The filters as a query string, for the export links and the next page."""
    values = {name: form.data[name] for name in EXPORT_FIELDS if form.data.get(name)}
    return urlencode({name: value for name, value in {**values, **extra}.items() if value})


@require_GET
@vary_on_headers("HX-Request")
def commitment_list(request):
    today = timezone.localdate()
    form = _form(request)
    commitments = list(register.after(register.filtered(form, today), request.GET.get("na", ""))[:PAGE_SIZE + 1])
    more = len(commitments) > PAGE_SIZE
    commitments = commitments[:PAGE_SIZE]
    ctx = {
        "form": form,
        "states": _states(form, register.state_counts(form, today)),
        "commitments": commitments,
        "next_query": _filter_query(form, na=register.cursor(commitments[-1])) if more else "",
        "filter_query": _filter_query(form),
        "paged": bool(request.GET.get("na")),
    }
    if request.htmx:
        return render(request, "register/list.html#results", ctx)
    return render(request, "register/list.html", ctx)


def _states(form, counts):
    """Each state with its count under the other filters, linked to the list in that state."""
    chosen = form.values.get("status", "")
    return [{"value": value, "label": label, "count": counts[value], "query": _filter_query(form, status=value),
             "current": value == chosen} for value, label in [("", "Alle"), *STATE_CHOICES]]


class _Echo:
    """csv.writer writes into this and gets the line back, so each row can be streamed."""

    def write(self, value):
        return value


def _export_name(extension):
    return f"toezeggingen-{timezone.localdate().isoformat()}.{extension}"


@require_GET
def commitment_export_csv(request):
    today = timezone.localdate()
    rows = register.export_rows(register.filtered(_form(request), today), today, request.build_absolute_uri("/")[:-1])
    # Semicolons and a byte order mark: what Excel with Dutch settings reads as columns in UTF-8.
    writer = csv.writer(_Echo(), delimiter=";")
    lines = chain(["\ufeff"], (writer.writerow([neutralised(value) for value in row]) for row in _with_header(rows)))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name("csv")}"'
    return response


def _with_header(rows):
    yield register.EXPORT_HEADER
    yield from rows


@require_GET
def commitment_export_xlsx(request):
    today = timezone.localdate()
    rows = register.export_rows(register.filtered(_form(request), today), today, request.build_absolute_uri("/")[:-1])
    body = workbook("Toezeggingen", register.EXPORT_HEADER, rows,
                    wide=("toezegging", "termijn (tekst)", "dossier", "document", "nagekomen in", "adres"))
    response = HttpResponse(body,
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{_export_name("xlsx")}"'
    return response
