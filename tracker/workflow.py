"""Every change to a commitment, always with a history record; fulfilments with their evidence.

The only writer of commitments: made (`record_new`), a status changed (`change_status` and the review's
`accept` / `reject`), corrected (`edit`), moved with its letter (`follow_letter`). So the history is
complete: who or which source, when, from what, to what, why, with which letter, and for a postponement the
old and the new deadline. The admin shows commitments read-only.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ingest.ministries import ministry_label
from tracker.excerpt import shorten
from tracker.models import (
    Commitment,
    Document,
    Dossier,
    Fulfilment,
    MinistryReport,
    Postponement,
    Source,
    Status,
    StatusChange,
)

# Statuses that need a fulfilling document as evidence.
NEEDS_EVIDENCE = (Status.VOLDAAN, Status.DEELS_VOLDAAN)
# Statuses a clerk can take back to Openstaand ("heropenen").
REOPENABLE = (Status.VOLDAAN, Status.DEELS_VOLDAAN, Status.VERVALLEN)


class Conflict(Exception):
    """The commitment changed after the clerk loaded it; `latest` is that other change."""

    def __init__(self, commitment: Commitment, latest: StatusChange | None):
        self.commitment = commitment
        self.latest = latest
        super().__init__(self.message)

    @property
    def message(self) -> str:
        change = self.latest
        if change is None:
            return "Deze toezegging is intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw."
        who = change.changed_by.get_full_name() or change.changed_by.username if change.changed_by else (
            change.get_source_display().lower())
        when = timezone.localtime(change.changed_at).strftime("%d-%m-%Y %H:%M")
        what = f"{Status(change.from_status).label} → {Status(change.to_status).label}" if change.from_status else (
            Status(change.to_status).label)
        return (f"Intussen heeft {who} deze toezegging gewijzigd ({what}, {when}). Uw wijziging is niet opgeslagen: "
                "bekijk de nieuwe stand en probeer het opnieuw.")


def record_new(commitments: list[Commitment], *, reason: str, source: str, user=None) -> list[Commitment]:
    """New commitments (unsaved), stored each with its first history row."""
    made = Commitment.objects.bulk_create(commitments)
    StatusChange.objects.bulk_create(
        StatusChange(commitment=c, changed_by=user, from_status="", to_status=c.status, source=source, reason=reason)
        for c in made
    )
    return made


@transaction.atomic
def change_status(
    commitment: Commitment,
    to_status: str,
    user,
    evidence: Document | None = None,
    note: str = "",
    source: str = Source.CLERK,
    *,
    new_due_date: dt.date | None = None,
    seen_version: int | None = None,
    from_statuses: tuple[str, ...] | None = None,
    reject: bool = False,
) -> StatusChange:
    """Change the status and record it. `seen_version` is the version the clerk's form showed:
    when someone changed the commitment since, nothing is saved and `Conflict` is raised.
    `from_statuses` limits the change to commitments still in one of those statuses (the review
    queue only decides on candidates)."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if (seen_version is not None and commitment.version != seen_version) or (
        from_statuses is not None and commitment.status not in from_statuses
    ):
        raise Conflict(commitment,
                       commitment.changes.select_related("changed_by").order_by("-changed_at", "-pk").first())
    note = note.strip()
    _validate(commitment, to_status, evidence, note, new_due_date, source)

    change = StatusChange.objects.create(
        commitment=commitment,
        changed_by=user,
        from_status=commitment.status,
        to_status=to_status,
        reason=note,
        evidence=evidence,
        source=source,
        old_due_date=commitment.due_date if new_due_date else None,
        new_due_date=new_due_date,
    )
    if evidence is not None and to_status in NEEDS_EVIDENCE:
        Fulfilment.objects.get_or_create(
            commitment=commitment, document=evidence, defaults={"created_by": user, "note": note}
        )
    if to_status not in NEEDS_EVIDENCE:
        # Reopened, lapsed or postponed, it is no longer (partly) fulfilled: its letters are no longer shown as
        # fulfilling it. The history keeps each of them as the evidence given then.
        commitment.fulfilments.all().delete()
    commitment.status = to_status
    commitment.rejected = reject
    if new_due_date:
        commitment.due_date = new_due_date
    commitment.version = F("version") + 1
    commitment.save(update_fields=["status", "rejected", "due_date", "version", "updated_at"])
    return change


def _validate(commitment, to_status, evidence, note, new_due_date, source=Source.CLERK):
    if to_status not in Status.values:
        raise ValidationError("Onbekende status.")
    # The Kamer's register decides on its own toezeggingen, and a ministry's overview says itself that it delivered;
    # the letter either names may not be here (yet).
    if to_status in NEEDS_EVIDENCE and evidence is None and source not in (Source.TK_REGISTER, Source.MINISTRY):
        raise ValidationError("Kies de brief die de toezegging (deels) nakomt.")
    if to_status == Status.VERVALLEN and not note:
        raise ValidationError("Geef een reden waarom de toezegging vervalt.")
    if evidence is not None and evidence.pk == commitment.document_id:
        raise ValidationError("Een brief kan zijn eigen toezegging niet nakomen.")
    # A clerk's evidence, that is: the Kamer's register says itself which letter fulfilled its toezegging.
    if (evidence is not None and to_status in NEEDS_EVIDENCE and source != Source.TK_REGISTER and evidence.date
            and commitment.made_on and evidence.date < commitment.made_on):
        raise ValidationError(f"Die brief is van {evidence.date:%d-%m-%Y}, van vóór de toezegging "
                              f"({commitment.made_on:%d-%m-%Y}): hij kan haar niet nakomen.")
    if to_status == Status.UITGESTELD:
        if new_due_date is None:
            raise ValidationError("Geef de nieuwe termijn van de uitgestelde toezegging.")
        if commitment.due_date and new_due_date <= commitment.due_date:
            raise ValidationError("De nieuwe termijn moet na de huidige termijn liggen.")
    elif new_due_date is not None:
        raise ValidationError("Een nieuwe termijn hoort bij de status Uitgesteld.")
    if to_status == Status.OPENSTAAND and commitment.status in REOPENABLE and not note:
        raise ValidationError("Geef een reden om de toezegging te heropenen.")


def accept(commitment: Commitment, user, seen_version: int | None = None) -> StatusChange:
    """A clerk confirms a detected candidate is a real promise."""
    return change_status(commitment, Status.OPENSTAAND, user, seen_version=seen_version,
                         from_statuses=(Status.KANDIDAAT,))


def reject(commitment: Commitment, user, reason: str, seen_version: int | None = None) -> StatusChange:
    """A clerk finds a candidate is no promise: kept as Vervallen with the reason, hidden from the lists."""
    return change_status(commitment, Status.VERVALLEN, user, note=reason, seen_version=seen_version,
                         from_statuses=(Status.KANDIDAAT,), reject=True)


# What may be corrected in a commitment (by a clerk, or by the Kamer's register for its own toezeggingen), with
# the label the history uses for it.
EDITABLE = {"text": "tekst", "due_date": "termijn", "due_text": "termijnomschrijving", "ministry": "ministerie",
            "dossier": "dossier", "made_on": "toegezegd op", "made_to": "toegezegd aan", "origin": "herkomst"}


@transaction.atomic
def edit(commitment: Commitment, user, changes: dict, seen_version: int | None = None,
         source: str = Source.CLERK) -> StatusChange | None:
    """Correct what the detection got wrong, or take over what the register now says; the history records what
    changed, from what to what."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if seen_version is not None and commitment.version != seen_version:
        raise Conflict(commitment,
                       commitment.changes.select_related("changed_by").order_by("-changed_at", "-pk").first())
    described = []
    for field, value in changes.items():
        old = getattr(commitment, field)
        if old != value:
            shown = ministry_label if field == "ministry" else shown_in_history
            described.append(f"{EDITABLE[field]}: {shown(old) or '—'} → {shown(value) or '—'}")
            setattr(commitment, field, value)
    if not described:
        return None
    commitment.version = F("version") + 1
    commitment.save()
    return StatusChange.objects.create(commitment=commitment, changed_by=user, from_status=commitment.status,
                                       to_status=commitment.status, source=source,
                                       reason="Bewerkt: " + "; ".join(described))


@transaction.atomic
def follow_letter(document: Document, previous_dossier: Dossier | None, previous_ministry: str | None = None) -> None:
    """The letter moved to another dossier (a source or a clerk said so), or its first ministry was corrected
    (`previous_ministry` given): its commitments go with it, except one a clerk put in a dossier or under a
    ministry of their own choosing."""
    moves = {"dossier": (previous_dossier, document.dossier)}
    if previous_ministry is not None:
        moves["ministry"] = (previous_ministry, document.ministries[0] if document.ministries else "")
    for field, (before, after) in moves.items():
        if before == after:
            continue
        unset = Q(dossier__isnull=True) if field == "dossier" else Q(ministry="")
        stayed = unset | Q(**{field: before}) if before else unset
        moving = Commitment.objects.select_for_update().filter(stayed, document=document)
        shown = ministry_label if field == "ministry" else shown_in_history
        reason = f"Bewerkt: {EDITABLE[field]}: {shown(before) or '—'} → {shown(after) or '—'} (met de brief mee)"
        StatusChange.objects.bulk_create(
            StatusChange(commitment=c, from_status=c.status, to_status=c.status, source=Source.ENGINE, reason=reason)
            for c in moving
        )
        moving.update(**{field: after}, version=F("version") + 1, updated_at=timezone.now())


def await_letters(commitment: Commitment, numbers: list[str]) -> None:
    """Bookkeeping, not a change of the register: the letters (TK numbers) the Kamer's register names as
    fulfilling the toezegging that are not here yet, linked when they arrive."""
    if commitment.tk_letters_awaited != numbers:
        Commitment.objects.filter(pk=commitment.pk).update(tk_letters_awaited=numbers)


def remember_tk_guid(commitment: Commitment, guid) -> None:
    """Bookkeeping, like `await_letters`: the register's id of a toezegging synced before it was kept, so that
    a tombstone, which names nothing else, finds it."""
    Commitment.objects.filter(pk=commitment.pk, tk_guid__isnull=True).update(tk_guid=guid)


@transaction.atomic
def withdraw_from_register(commitment: Commitment) -> bool:
    """The Kamer deleted the toezegging from its register: it stays, lapsed, with that in its history."""
    if commitment.withdrawn_at is not None:
        return False
    change_status(commitment, Status.VERVALLEN, None, source=Source.TK_REGISTER,
                  note="Verwijderd uit het toezeggingenregister van de Tweede Kamer")
    Commitment.objects.filter(pk=commitment.pk).update(withdrawn_at=timezone.now())
    return True


def shown_in_history(value) -> str:
    """A value as a history row shows it: dates Dutch, long texts cut, nothing as a dash."""
    if value in (None, ""):
        return "—"
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return shorten(value, 80)


@transaction.atomic
def enter_by_hand(user, *, text: str, dossier: Dossier | None, ministry: str, made_on: dt.date | None,
                  origin: str, due_date: dt.date | None, due_text: str, document: Document | None) -> Commitment:
    """A promise the detection cannot find, such as one made in a debate: open from the start."""
    commitment = Commitment(
        document=document, dossier=dossier or (document.dossier if document else None), ministry=ministry,
        made_on=made_on or (document.date if document else None), origin=origin, text=text, due_date=due_date,
        due_text=due_text, status=Status.OPENSTAAND, source=Source.CLERK,
    )
    return record_new([commitment], reason="Ingevoerd door de griffie" + (f" ({origin})" if origin else ""),
                      source=Source.CLERK, user=user)[0]


def take_over_ministry_status(report: MinistryReport, user, seen_version: int | None = None) -> StatusChange:
    """A clerk takes over the status the ministry's overview gives a promise. The history names the overview, its
    date and page and the ministry's own words; a letter the overview says delivered it is the evidence, when it
    is here and not older than the promise."""
    commitment = report.commitment
    if commitment.status == Status.KANDIDAAT or commitment.rejected:
        raise ValidationError("Beoordeel deze toezegging eerst; daarna kunt u de status van het ministerie overnemen.")
    if report.status == commitment.status:
        raise ValidationError("De toezegging heeft al de status die het ministerie noemt.")
    evidence = None
    if report.status in NEEDS_EVIDENCE and report.fulfilled_by:
        letters = Document.objects.analysed().filter(kamerstuk__in=report.fulfilled_by).exclude(
            pk=commitment.document_id)
        if commitment.made_on:
            letters = letters.filter(date__gte=commitment.made_on)
        evidence = letters.order_by("date", "pk").first()
    overview = report.document
    where = ", ".join(filter(None, [overview.kamerstuk_label or str(overview)[:120],
                                    overview.date and f"{overview.date:%d-%m-%Y}",
                                    report.page and f"pagina {report.page}"]))
    note = f"Status overgenomen uit het overzicht van het ministerie ({where}): “{report.status_text or '—'}”"
    return change_status(commitment, report.status, user, evidence=evidence, note=note[:2000], source=Source.MINISTRY,
                         seen_version=seen_version)


def confirm_postponement(postponement: Postponement, user, new_due_date: dt.date | None,
                         seen_version: int | None = None) -> StatusChange:
    """The letter that announced the delay is kept as the evidence of the new deadline."""
    with transaction.atomic():
        change = change_status(postponement.commitment, Status.UITGESTELD, user, evidence=postponement.document,
                               note=postponement.text[:1000], new_due_date=new_due_date, seen_version=seen_version)
        Postponement.objects.filter(pk=postponement.pk).update(handled=True)
    return change


def dismiss_postponement(postponement: Postponement) -> None:
    Postponement.objects.filter(pk=postponement.pk).update(handled=True)
