"""The dashboard's figures (Overzicht): counts, the groups for its two charts, the next deadlines and the newest
documents, each read from an index of its own."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Min, Q, Value
from django.urls import reverse
from django.utils import timezone

from tracker.ids import dossier_label
from tracker.ministries import ministry_label, ministry_slug
from tracker.models import OPEN_STATUSES, Commitment, Document, Dossier, Status, StatusChange, late_q
from tracker.timeline import IdAmong

CHART_ROWS = 12
SOON = dt.timedelta(days=30)


def quarter_start(today: dt.date) -> dt.date:
    return dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _counts(**querysets) -> dict:
    """Several counts in one round trip: each a scalar subquery PostgreSQL answers from an index of its own,
    where one aggregate with a filter per count would read every commitment."""
    columns, params = [], []
    for name, queryset in querysets.items():
        sql, query_params = queryset.order_by().values(one=Value(1)).query.sql_with_params()
        columns.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted) AS {connection.ops.quote_name(name)}")
        params.extend(query_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        return dict(zip(querysets, cursor.fetchone(), strict=True))


def _per_ministry_and_dossier(commitments, **counts) -> list[dict]:
    """Commitments counted (`n`, and `counts`) per ministry and dossier, in one pass in the order of an index
    on these columns; the dashboard's figures and both charts are summed from these few rows in Python."""
    return list(commitments.order_by().values("ministry", "dossier").annotate(n=Count("*"), **counts))


def _chart_rows(open_rows, fulfilled_rows, group, labels, href):
    """The CHART_ROWS groups (ministries or dossiers) with the most overdue, then open commitments, each
    with what was fulfilled there this quarter. `labels` names each group, `href` links it."""
    late, on_time, fulfilled = Counter(), Counter(), Counter()
    for row in open_rows:
        late[row[group]] += row["late"]
        on_time[row[group]] += row["n"] - row["late"]
    for row in fulfilled_rows:
        fulfilled[row[group]] += row["n"]
    shown = sorted((key for key in late.keys() | on_time.keys() if key in labels),
                   key=lambda key: (-late[key], -on_time[key], labels[key]))[:CHART_ROWS]
    return [{"label": labels[key], "href": href(key), "te_laat": late[key], "openstaand": on_time[key],
             "voldaan": fulfilled[key]} for key in shown]


def my_dossiers(user, today: dt.date) -> list[Dossier]:
    """The dossiers the user follows, each with its open and overdue commitments counted and its next deadline;
    one query, on the dossier's own index of commitments."""
    listed_open = Q(commitments__rejected=False, commitments__status__in=OPEN_STATUSES)
    return list(Dossier.objects.followed_by(user).annotate(
        open_count=Count("commitments", filter=listed_open),
        late_count=Count("commitments", filter=listed_open & Q(commitments__due_date__lt=today)),
        next_due=Min("commitments__due_date", filter=listed_open & Q(commitments__due_date__gte=today)),
    ).order_by("key"))


@dataclass
class Dashboard:
    counts: dict
    quarter_start: dt.date
    per_ministry: list[dict]  # chart rows: label, href, te_laat, openstaand, voldaan
    per_dossier: list[dict]
    upcoming: object  # the next ten deadlines (a queryset)
    recent: object  # the ten documents that came in last


def dashboard(today: dt.date) -> Dashboard:
    listed = Commitment.objects.listed()
    # A range on changed_at itself (from midnight, local time) rather than on its date, so the index serves it.
    since = timezone.make_aware(dt.datetime.combine(quarter_start(today), dt.time()))
    fulfilled_this_quarter = StatusChange.objects.filter(to_status=Status.VOLDAAN, changed_at__gte=since)
    # Te laat counted among the open ones by the due date alone: the index holds no status.
    open_rows = _per_ministry_and_dossier(listed.open(), late=Count("due_date", filter=late_q(today)))
    fulfilled_rows = _per_ministry_and_dossier(
        listed.filter(status=Status.VOLDAAN, pk__in=fulfilled_this_quarter.values("commitment")))
    counts = {
        "open": sum(row["n"] for row in open_rows),
        "overdue": sum(row["late"] for row in open_rows),
        **_counts(due_soon=listed.open().filter(due_date__range=(today, today + SOON)),
                  candidates=listed.in_state(Status.KANDIDAAT)),
        "fulfilled_quarter": sum(row["n"] for row in fulfilled_rows),
    }
    ministries = {row["ministry"]: ministry_label(row["ministry"]) for row in open_rows if row["ministry"]}
    # The ids as one array: `pk__in` makes a parameter of each of the hundreds, which costs more than the query.
    dossier_ids = sorted({row["dossier"] for row in open_rows if row["dossier"] is not None})
    dossier_keys = dict(Dossier.objects.filter(IdAmong(dossier_ids)).values_list("pk", "key"))
    dossiers = {pk: dossier_label(key) for pk, key in dossier_keys.items()}
    return Dashboard(
        counts=counts,
        quarter_start=quarter_start(today),
        per_ministry=_chart_rows(open_rows, fulfilled_rows, "ministry", ministries,
                                 lambda code: reverse("ministry", args=[ministry_slug(code)])),
        per_dossier=_chart_rows(open_rows, fulfilled_rows, "dossier", dossiers,
                                lambda pk: reverse("dossier", args=[dossier_keys[pk]])),
        upcoming=listed.open().filter(due_date__gte=today).select_related("document", "dossier")
        .defer("document__text").order_by("due_date", "pk")[:10],
        recent=Document.objects.select_related("dossier").defer("text").order_by("-created_at")[:10],
    )
