"""Calendar (iCalendar) and news (Atom) feeds behind a secret per-user token, and the page that shows it.

Calendar apps and feed readers cannot log in, so these URLs are exempt from the login requirement and
carry the token instead; renewing or revoking the token makes every earlier URL stop working. The token
opens the feeds only, never the API (which has tokens of its own, `tracker.views.tokens`).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.views.decorators.http import require_GET, require_POST

from tracker.ministries import ministry_codes, ministry_for_old_slug, ministry_for_slug, ministry_label, ministry_slug
from tracker import ical
from tracker.models import Commitment, Dossier, FeedToken, state_label
from tracker.timeline import dossier_scope

# A calendar shows what is coming, and the latest past deadlines beside it; a busy dossier or ministry
# holds thousands of dated promises over the years, more than a calendar app wants to load.
MAX_UPCOMING = 400
MAX_PAST = 100
MAX_ENTRIES = 50


def user_for_token(token: str):
    """The active user the token belongs to, or None."""
    found = FeedToken.objects.select_related("user").filter(token=token).first() if token else None
    return found.user if found and found.user.is_active else None


def token_required(view):
    @wraps(view)
    def wrapper(request, token, *args, **kwargs):
        if user_for_token(token) is None:
            raise PermissionDenied("Onbekende of vernieuwde sleutel.")
        return view(request, *args, **kwargs)

    return login_not_required(require_GET(wrapper))


@require_GET
def feeds_page(request):
    token = FeedToken.objects.filter(user=request.user).first()
    # The dossiers the user follows, and the one whose timeline linked here.
    shown = Q(pk__in=Dossier.objects.followed_by(request.user).values("pk")) | Q(key=request.GET.get("dossier", ""))
    followed = Dossier.objects.filter(shown).order_by("key") if token else []
    ctx = {
        "token": token,
        "dossiers": [(d, _urls(request, token, "dossier", d.key)) for d in followed],
        "ministries": [(ministry_label(m), _urls(request, token, "ministry", ministry_slug(m)))
                       for m in ministry_codes()]
        if token
        else [],
    }
    return render(request, "feeds.html", ctx)


def _urls(request, token, scope, key):
    urls = {"ics": request.build_absolute_uri(reverse(f"{scope}_ics", args=[token.token, key]))}
    if scope == "dossier":
        urls["atom"] = request.build_absolute_uri(reverse("dossier_atom", args=[token.token, key]))
    return urls


@require_POST
def feeds_renew(request):
    """Make the user's token, or a new one in its place."""
    FeedToken.for_user(request.user, renew=True)
    return HttpResponseRedirect(reverse("feeds"))


@require_POST
def feeds_revoke(request):
    FeedToken.objects.filter(user=request.user).delete()
    messages.success(request, "Uw feedsleutel is ingetrokken: geen enkel agenda- of feedadres werkt nog.")
    return HttpResponseRedirect(reverse("feeds"))


@token_required
def dossier_ics(request, key):
    dossier = get_object_or_404(Dossier, key=key)
    commitments = Commitment.objects.filter(dossier=dossier)
    return _calendar(request, f"Termijnen dossier {dossier.label}", commitments)


@token_required
def ministry_ics(request, slug):
    codes = ministry_codes()
    code = ministry_for_slug(slug, codes)
    if code is None:
        if known := ministry_for_old_slug(slug):
            token = request.resolver_match.kwargs["token"]
            return HttpResponsePermanentRedirect(reverse("ministry_ics", args=[token, ministry_slug(known)]))
        raise Http404("Onbekend ministerie")
    return _calendar(request, f"Termijnen {ministry_label(code)}", Commitment.objects.filter(ministry=code))


def _calendar(request, name, commitments):
    """One all-day event per due date; the status in the summary, so a fulfilled promise reads as such.

    Only the columns the events show are read, as tuples, and the text is written by `tracker.ical`."""
    today = timezone.localdate()
    host = request.get_host()
    columns = ("pk", "text", "status", "due_date", "updated_at", "origin", "document__title",
               "document__original_name", "document_id")
    dated = commitments.listed().filter(due_date__isnull=False)
    upcoming = dated.filter(due_date__gte=today).order_by("due_date", "pk").values_list(*columns)[:MAX_UPCOMING]
    past = dated.filter(due_date__lt=today).order_by("-due_date", "-pk").values_list(*columns)[:MAX_PAST]
    # Each commitment's address differs only in its number: reversed once, for a number that cannot occur.
    head, tail = request.build_absolute_uri(reverse("commitment", args=[0])).rsplit("/0/", 1)
    events = []
    for pk, text, status, due_date, updated_at, origin, title, original_name, document_id in [*upcoming, *past]:
        state = state_label(status, due_date, today)
        source = (title or original_name) if document_id is not None else origin or "mondeling"
        url = f"{head}/{pk}/{tail}"
        events.append(ical.Event(uid=f"toezegging-{pk}@{host}", stamp=updated_at, day=due_date,
                                 summary=f"[{state}] {text[:100]}",
                                 description=f"{text}\n\nStatus: {state}\nBron: {source}\n{url}", url=url))
    body = ical.calendar("-//Kamerbrieventracker//toezeggingen//NL", name, events)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@token_required
def dossier_atom(request, key):
    dossier = get_object_or_404(Dossier, key=key)
    feed = feedgenerator.Atom1Feed(
        title=f"Nieuwe documenten in dossier {dossier.label}",
        link=request.build_absolute_uri(dossier.get_absolute_url()),
        description=dossier.titel,
        language="nl",
    )
    own, citing = dossier_scope(dossier)
    documents = (own | citing).defer("text").order_by("-created_at", "-pk")[:MAX_ENTRIES]
    for document in documents:
        feed.add_item(
            title=str(document),
            link=request.build_absolute_uri(document.get_absolute_url()),
            description=" · ".join(filter(None, [document.kamerstuk_label, document.sender,
                                                 document.date.isoformat() if document.date else ""])),
            unique_id=request.build_absolute_uri(document.get_absolute_url()),
            pubdate=document.created_at,
            updateddate=document.analysed_at or document.created_at,
        )
    return HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
