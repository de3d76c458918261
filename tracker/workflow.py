"""Changing a commitment's status: always with a history record, fulfilments with their evidence."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.models import Commitment, Document, Fulfilment, Source, Status, StatusChange

# Statuses that need a fulfilling document as evidence.
NEEDS_EVIDENCE = (Status.VOLDAAN, Status.DEELS_VOLDAAN)


@transaction.atomic
def change_status(
    commitment: Commitment,
    to_status: str,
    user,
    evidence: Document | None = None,
    note: str = "",
    source: str = Source.CLERK,
) -> StatusChange:
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if to_status not in Status.values:
        raise ValidationError("Onbekende status.")
    if to_status in NEEDS_EVIDENCE and evidence is None:
        raise ValidationError("Kies de brief die de toezegging (deels) nakomt.")
    if to_status == Status.VERVALLEN and not note.strip():
        raise ValidationError("Geef een reden waarom de toezegging vervalt.")
    if evidence is not None and evidence.pk == commitment.document_id:
        raise ValidationError("Een brief kan zijn eigen toezegging niet nakomen.")

    change = StatusChange.objects.create(
        commitment=commitment,
        changed_by=user,
        from_status=commitment.status,
        to_status=to_status,
        reason=note.strip(),
        evidence=evidence,
        source=source,
    )
    if evidence is not None:
        Fulfilment.objects.get_or_create(
            commitment=commitment, document=evidence, defaults={"created_by": user, "note": note.strip()}
        )
    commitment.status = to_status
    commitment.save(update_fields=["status", "updated_at"])
    return change
