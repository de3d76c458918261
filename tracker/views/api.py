"""A read-only JSON API: dossiers, documents and commitments, paged by primary key.

Logged-in users use it with their session; scripts send an API token in a header,
`Authorization: Token <key>` (made and revoked on /sleutels/). Never in the address: that would land in
access logs and browser histories. The feed token does not open the API.
"""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from tracker.filters import CommitmentFilter
from tracker.models import ApiToken, Commitment, Document, Dossier
from tracker.params import optional_number

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def api_view(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            scheme, _, key = request.headers.get("Authorization", "").partition(" ")
            if scheme != "Token" or not key.strip():
                return JsonResponse({"fout": "Log in, of stuur een API-sleutel mee in de kop "
                                             "“Authorization: Token <sleutel>”."}, status=403)
            if ApiToken.user_for_key(key.strip()) is None:
                return JsonResponse({"fout": "Onbekende of ingetrokken API-sleutel."}, status=403)
        return view(request, *args, **kwargs)

    return login_not_required(require_GET(wrapper))


def _page(request, queryset, serialize):
    """Keyset paging on the primary key: `?na=<id>` continues after that id, `?aantal=` sets the size."""
    size = optional_number(request.GET, "aantal")
    size = DEFAULT_PAGE_SIZE if size is None else min(max(size, 1), MAX_PAGE_SIZE)
    after = optional_number(request.GET, "na")
    if after is not None:
        queryset = queryset.filter(pk__gt=after)
    rows = list(queryset.order_by("pk")[:size + 1])
    next_url = None
    if len(rows) > size:
        rows = rows[:size]
        params = request.GET.copy()
        params["na"] = rows[-1].pk
        next_url = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
    return JsonResponse({"results": [serialize(request, row) for row in rows], "next": next_url})


def _url(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


@api_view
def dossiers(request):
    return _page(request, Dossier.objects.all(), lambda request, d: {
        "key": d.key, "label": d.label, "titel": d.titel, "url": _url(request, d),
    })


@api_view
def documents(request):
    queryset = Document.objects.select_related("dossier").prefetch_related("other_dossiers")
    if request.GET.get("dossier"):
        queryset = queryset.in_dossier(request.GET["dossier"])
    return _page(request, queryset, lambda request, d: {
        "id": d.pk,
        "kamerstuk": d.kamerstuk,
        "titel": str(d),
        "datum": d.date.isoformat() if d.date else None,
        "afzender": d.sender,
        "soort": d.kind,
        "dossier": d.dossier.key if d.dossier else None,
        "dossiers": d.dossier_keys(),
        "status": d.state,
        "url": _url(request, d),
    })


@api_view
def commitments(request):
    today = timezone.localdate()
    queryset = (CommitmentFilter(request.GET).apply(Commitment.objects.listed(), today)
                .select_related("dossier").prefetch_related("fulfilments"))
    return _page(request, queryset, lambda request, c: {
        "id": c.pk,
        "tekst": c.text,
        "status": c.status,
        "te_laat": c.is_late(today),
        "termijn": c.due_date.isoformat() if c.due_date else None,
        "termijn_tekst": c.due_text,
        "ministerie": c.ministry,
        "dossier": c.dossier.key if c.dossier else None,
        "document": c.document_id,
        "toegezegd_op": c.made_on.isoformat() if c.made_on else None,
        "voldaan_met": [f.document_id for f in c.fulfilments.all()],
        "url": _url(request, c),
    })
