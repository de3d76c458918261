"""What the tracker stores: dossiers, documents, the references between them,
the commitments found in them and every change to a commitment's status."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.urls import reverse
from django.utils import timezone

from ingest.reasons import describe_rule
from tracker.ids import dossier_label, kamerstuk_label, split_dossier


class DossierQuerySet(models.QuerySet):
    def for_key(self, key: str, titel: str = "") -> Dossier:
        """The dossier with this canonical key, made when it is not here yet; a title fills an empty one."""
        nummer, toevoeging = split_dossier(key)
        dossier, _ = self.get_or_create(key=key, defaults={"nummer": nummer, "toevoeging": toevoeging,
                                                           "titel": titel[:500]})
        if titel and not dossier.titel:
            dossier.titel = titel[:500]
            dossier.save(update_fields=["titel"])
        return dossier

    def followed(self):
        """The dossiers someone follows, which the sync fetches: an EXISTS per dossier on the index of
        `Following`'s unique pair, never a join that repeats a dossier per follower."""
        return self.filter(models.Exists(Following.objects.filter(dossier=models.OuterRef("pk"))))

    def followed_by(self, user):
        return self.filter(models.Exists(Following.objects.filter(dossier=models.OuterRef("pk"), user=user)))


class Dossier(models.Model):
    """A Kamerstukdossier such as 27 925, 36 200 X or 21 501-02."""

    key = models.CharField(max_length=40, unique=True)  # canonical: 27925, 36200-X, 21501-02
    nummer = models.CharField(max_length=20)
    toevoeging = models.CharField(max_length=20, blank=True)
    titel = models.CharField(max_length=500, blank=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return dossier_label(self.key)

    def get_absolute_url(self):
        return reverse("dossier", args=[self.key])


class Following(models.Model):
    """A user following a dossier ("Mijn dossiers"): the sync fetches a dossier while anyone follows it, and
    each follower with an e-mail address gets the weekly reminder about it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followings")
    # Indexed by the unique pair, dossier first: "is it followed by anyone" reads that index.
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="followings", db_index=False)
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["since", "pk"]
        constraints = [models.UniqueConstraint(fields=["dossier", "user"], name="one_following_per_user")]

    def __str__(self):
        return f"{self.user} volgt {self.dossier}"


class DocumentQuerySet(models.QuerySet):
    def analysed(self):
        return self.filter(state=Document.State.KLAAR)

    def in_dossier(self, key: str):
        """The documents of a dossier: its own papers and those it shares with another dossier."""
        shared = Document.other_dossiers.through.objects.filter(dossier__key=key).values("document_id")
        return self.filter(Q(dossier__key=key) | Q(pk__in=shared))

    def ids_in_dossier(self, key: str):
        """The ids of `in_dossier(key)` as one set (its own papers UNION the shared ones), for a condition inside
        a larger query such as a search's: with the OR of the two, PostgreSQL tests every document of the archive
        against both there. The document list keeps `in_dossier`, which it pages through faster."""
        own = self.filter(dossier__key=key).order_by().values("pk")
        return own.union(Document.other_dossiers.through.objects.filter(dossier__key=key).values("document_id"))

    def by_kamerstuk(self, kamerstuk: str) -> Document | None:
        """The document that is this Kamerstuk: the first to arrive, when a paper came in more than once."""
        return self.filter(kamerstuk=kamerstuk).order_by("created_at").first()

    def by_tk_document_number(self, number: str) -> Document | None:
        return self.filter(tk_document_number=number).first()

    def by_kamerstukken(self, kamerstukken) -> dict[str, Document]:
        """`by_kamerstuk` for many at once, in one query."""
        found = {}
        for document in self.filter(kamerstuk__in=kamerstukken).order_by("created_at"):
            found.setdefault(document.kamerstuk, document)
        return found


# Newest first, undated last; volgnummer and pk make the order total.
TIMELINE_ORDER = (F("date").desc(nulls_last=True), F("volgnummer").desc(), F("id").desc())


class Document(models.Model):
    """One file that came in, kept as it arrived, with what the engine read from it."""

    class Kind(models.TextChoices):
        BRIEF = "brief", "Brief"
        ANTWOORDEN = "antwoorden", "Antwoorden"
        VERSLAG = "verslag", "Verslag"
        # Letters of the Kamer itself (TK Soort "Brief commissie", "Brief Kamer", "Brief lid"), kept apart from
        # the government's: a committee asking the minister is no promise to the Kamer.
        KAMERBRIEF = "kamerbrief", "Brief van de Kamer"
        NIEUWS = "nieuws", "Nieuwsbericht"
        ANDERS = "anders", "Anders"

    class State(models.TextChoices):
        BEZIG = "bezig", "Bezig"
        KLAAR = "klaar", "Klaar"
        MISLUKT = "mislukt", "Mislukt"
        GEEN_TEKST = "geen_tekst", "Geen tekst"

    # Ended without a usable text: a clerk may have the document analysed again.
    FAILED_STATES = (State.MISLUKT, State.GEEN_TEKST)

    # The dossier its own number belongs to (27925 for 27925-946), and any other it is published in as well
    # (the same paper as 29521-946): it is on the timeline of each.
    dossier = models.ForeignKey(Dossier, null=True, blank=True, on_delete=models.PROTECT, related_name="documents")
    other_dossiers = models.ManyToManyField(Dossier, blank=True, related_name="shared_documents")
    # The senders' ministries (codes of `ingest.ministries`), as they were called on the letter's date; a joint
    # letter has several.
    ministries = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    volgnummer = models.CharField(max_length=20, blank=True)
    kamerstuk = models.CharField(max_length=60, blank=True, db_index=True)  # canonical, e.g. 27925-960
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ANDERS)
    title = models.CharField(max_length=1000, blank=True)
    date = models.DateField(null=True, blank=True)
    sender = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    page_starts = models.JSONField(default=list, blank=True)
    footnotes = models.JSONField(default=list, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)

    original = models.FileField(upload_to="originals/%Y/%m/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField(default=0)

    state = models.CharField(max_length=20, choices=State.choices, default=State.BEZIG)
    error_code = models.CharField(max_length=40, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=64, blank=True)  # the task that holds the claim

    class Origin(models.TextChoices):
        UPLOAD = "upload", "Geüpload"
        IMPORT = "import", "Geïmporteerd"
        TK_OPENDATA = "tk_opendata", "Tweede Kamer open data"
        OFFICIELEBEKENDMAKINGEN = "obk", "officielebekendmakingen.nl"
        DEMO = "demo", "Demogegevens"  # made up by `manage.py seed_demo`, removed by its --clear

    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.UPLOAD)
    # The Tweede Kamer's own number (2024D08306): the natural key of a document from its open data.
    tk_document_number = models.CharField(max_length=20, null=True, blank=True, unique=True)
    # The SyncFeed's id of the entity: a tombstone names nothing else.
    tk_guid = models.UUIDField(null=True, blank=True, unique=True)
    # When the source withdrew it (a tombstone); the document and its history stay.
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    analysed_at = models.DateTimeField(null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        indexes = [
            # the timelines: the newest documents of a dossier, and of all, read in timeline order from an index
            models.Index(F("dossier"), *TIMELINE_ORDER, name="document_dossier_timeline"),
            models.Index(*TIMELINE_ORDER, name="document_timeline"),
            GinIndex(fields=["ministries"], name="document_ministries"),  # a ministry's timeline
            # recently ingested documents on the home page
            models.Index(fields=["-created_at"]),
        ]

    def __str__(self):
        return self.title or self.original_name

    def get_absolute_url(self):
        return reverse("document", args=[self.pk])

    @property
    def kamerstuk_label(self):
        return kamerstuk_label(self.kamerstuk) if self.kamerstuk else ""

    @property
    def is_done(self):
        return self.state != self.State.BEZIG

    @property
    def has_failed(self):
        return self.state in self.FAILED_STATES

    @property
    def original_missing(self) -> bool:
        """The kept file is gone from MEDIA_ROOT (a restore without the media folder, a clean-up by hand)."""
        return not self.original or not self.original.storage.exists(self.original.name)

    def dossier_keys(self) -> list[str]:
        """Its dossiers' keys, its own number's first."""
        others = [dossier.key for dossier in self.other_dossiers.all()]
        return [self.dossier.key, *others] if self.dossier_id else others


class DocumentPage(models.Model):
    """A page of a document's text, the unit of full-text search.

    A tsvector holds at most 1 MB, so a long document is indexed page by page; a page longer than
    `tracker.search.PART_CHARS` is split further, each part a row with the same page number.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()  # 1-based, as printed
    start = models.PositiveIntegerField()  # offset of this part in the document's text
    text = models.TextField()
    tsv = models.GeneratedField(expression=SearchVector("text", config="dutch"), output_field=SearchVectorField(),
                                db_persist=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "start"], name="one_page_part_per_offset")]
        indexes = [GinIndex(fields=["tsv"], name="documentpage_search")]  # the search page

    def __str__(self):
        return f"{self.document_id} p. {self.number}"


class ReferenceQuerySet(models.QuerySet):
    def link_to(self, document: Document) -> None:
        """Citations of `document`'s Kamerstuk that came in before it (from any source) now point to it."""
        if document.kamerstuk:
            self.filter(kamerstuk=document.kamerstuk, target__isnull=True).exclude(document=document).update(
                target=document)

    def mark_from_elsewhere(self, own_dossier_keys: list[str]) -> None:
        """After a document's dossiers changed: which of its citations (this queryset) come from another one."""
        if not own_dossier_keys:
            self.update(from_elsewhere=True)
            return
        self.update(from_elsewhere=ExpressionWrapper(~Q(dossier_key__in=own_dossier_keys), output_field=BooleanField()))


class Reference(models.Model):
    """A citation of a Kamerstuk in a document; `target` is filled once that Kamerstuk is here."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="references")
    kamerstuk = models.CharField(max_length=60)
    dossier_key = models.CharField(max_length=40)
    number = models.CharField(max_length=20)
    target = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by")
    # The citing document is not in the cited dossier: it joins that dossier's timeline. Most citations are of
    # the same dossier; marking the others lets a timeline read just those few instead of every citation.
    from_elsewhere = models.BooleanField(default=True)
    text = models.CharField(max_length=500)
    page = models.PositiveIntegerField(null=True, blank=True)
    start = models.IntegerField(default=-1)
    end = models.IntegerField(default=-1)
    footnote = models.IntegerField(null=True, blank=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        indexes = [
            # linking up references when the cited Kamerstuk arrives
            models.Index(fields=["kamerstuk"], condition=models.Q(target__isnull=True), name="reference_unresolved"),
            # a dossier's timeline also shows the letters elsewhere that cite it
            models.Index(fields=["dossier_key", "document"], condition=models.Q(from_elsewhere=True),
                         name="reference_from_elsewhere"),
        ]

    def __str__(self):
        return kamerstuk_label(self.kamerstuk)


class Status(models.TextChoices):
    """The Tweede Kamer register's statuses, plus kandidaat and uitgesteld."""

    KANDIDAAT = "kandidaat", "Kandidaat"
    OPENSTAAND = "openstaand", "Openstaand"
    UITGESTELD = "uitgesteld", "Uitgesteld"
    DEELS_VOLDAAN = "deels_voldaan", "Deels voldaan"
    VOLDAAN = "voldaan", "Voldaan"
    VERVALLEN = "vervallen", "Vervallen"


# Statuses in which a commitment still asks for work, and can therefore be late.
OPEN_STATUSES = (Status.OPENSTAAND, Status.UITGESTELD, Status.DEELS_VOLDAAN)

# What lists filter and count by besides a status: all open statuses together, and te laat. Te laat is a flag
# beside the status, never stored: an open commitment past its due date, so a late Deels voldaan is both.
OPEN, LATE = "open", "te_laat"


def late_q(today: dt.date) -> models.Q:
    """Past due; together with an open status, te laat."""
    return models.Q(due_date__lt=today)


def state_q(state: str, today: dt.date) -> models.Q:
    """The commitments in `state`: a status, OPEN or LATE. The one definition every list, count, export,
    feed, search and the API filter by, so that they agree."""
    if state == LATE:
        return models.Q(status__in=OPEN_STATUSES) & late_q(today)
    if state == OPEN:
        return models.Q(status__in=OPEN_STATUSES)
    return models.Q(status=state)


def is_late(status: str, due_date: dt.date | None, today: dt.date) -> bool:
    """Te laat, beside the status: what `state_q(LATE)` selects; for rows read without a model instance."""
    return status in OPEN_STATUSES and due_date is not None and due_date < today


def state_label(status: str, due_date: dt.date | None, today: dt.date) -> str:
    """The status, and te laat beside it: "Deels voldaan · te laat"."""
    label = Status(status).label
    return f"{label} · te laat" if is_late(status, due_date, today) else label


class Source(models.TextChoices):
    ENGINE = "engine", "Automatisch herkend"
    CLERK = "clerk", "Griffie"
    TK_REGISTER = "tk_register", "TK-register"
    TK_OPENDATA = "tk_opendata", "Tweede Kamer open data"
    MINISTRY = "ministry", "Overzicht ministerie"  # a row of a ministry's own overview of its toezeggingen


class CommitmentQuerySet(models.QuerySet):
    def listed(self):
        """What the register shows: everything but candidates a clerk rejected as no promise at all."""
        return self.filter(rejected=False)

    def to_review(self):
        """The review queue: detected and not yet looked at, the likeliest promise first by the learned model,
        by the rules' confidence where no model has scored it, then the newest."""
        return self.filter(status=Status.KANDIDAAT, rejected=False).order_by(
            F("probability").desc(nulls_last=True), F("confidence").desc(nulls_last=True), "-created_at", "-pk")

    def open(self):
        return self.in_state(OPEN)

    def overdue(self, today: dt.date | None = None):
        return self.in_state(LATE, today)

    def in_state(self, state: str, today: dt.date | None = None):
        return self.filter(state_q(state, today or timezone.localdate()))

    def state_counts(self, today: dt.date | None = None) -> dict[str, int]:
        """How many are in each status, OPEN and LATE, as `state_q` selects them. One pass over an index that
        holds the status and the due date: counted per status, and how many of those are past due."""
        # Counted by COUNT(*) and the due date, columns the index has, so PostgreSQL need not read the table.
        rows = list(self.order_by().values_list("status").annotate(
            n=models.Count("*"), late=models.Count("due_date", filter=late_q(today or timezone.localdate()))))
        counts = dict.fromkeys(Status.values, 0) | {status: n for status, n, _ in rows}
        return {**counts, OPEN: sum(counts[status] for status in OPEN_STATUSES),
                LATE: sum(late for status, _, late in rows if status in OPEN_STATUSES)}


class CommitmentManager(models.Manager.from_queryset(CommitmentQuerySet)):
    def get_queryset(self):
        # The tsvector serves search alone; every other query leaves it in the table.
        return super().get_queryset().defer("tsv")


class Commitment(models.Model):
    """A promise to the Kamer found in (or entered for) a document."""

    # Empty for a promise made orally (entered by hand, or from the Tweede Kamer's register).
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.CASCADE, related_name="commitments")
    # Indexed together with the status and the due date (Meta.indexes), which serves the foreign key too.
    dossier = models.ForeignKey(Dossier, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments",
                                db_index=False)
    # The ministry that must deliver, by its code in `ingest.ministries` ("Defensie", "BZK", "JenV"): its letter's
    # first ministry, or what the Kamer's register or a clerk names. A name the table does not know stays as written.
    ministry = models.CharField(max_length=200, blank=True)
    made_on = models.DateField(null=True, blank=True)  # when promised: the letter's date, or the debate's
    origin = models.CharField(max_length=300, blank=True)  # for an oral promise: the debate it was made in
    tk_number = models.CharField(max_length=30, null=True, blank=True, unique=True)  # TZ202603-130
    tk_guid = models.UUIDField(null=True, blank=True, unique=True)  # the SyncFeed's id: what a tombstone names
    made_to = models.CharField(max_length=300, blank=True)  # toegezegdAan: the member or committee promised
    withdrawn_at = models.DateTimeField(null=True, blank=True)  # removed from the Kamer's register
    # The Tweede Kamer document numbers of letters the register names as fulfilling it that are not here yet:
    # each is linked as evidence when it arrives.
    tk_letters_awaited = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    start = models.IntegerField(default=0)
    end = models.IntegerField(default=0)
    kind = models.CharField(max_length=30, blank=True)
    due_date = models.DateField(null=True, blank=True)
    due_text = models.CharField(max_length=200, blank=True)
    due_precision = models.CharField(max_length=20, blank=True)
    # How sure the engine was (0..1) and the rule families that fired (ingest.reasons.RULES); empty for a
    # promise a clerk or the Tweede Kamer's register entered.
    confidence = models.FloatField(null=True, blank=True)
    rules = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    # What the learned model sees of a detected candidate (ingest.learning.candidate_features), kept so the
    # griffie's decision on it trains the next model; and the probability the current model gives it, which
    # orders the review queue (empty until a model is in use).
    features = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    probability = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.KANDIDAAT)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.ENGINE)
    # A candidate that was no promise at all: kept (with its history) as Vervallen, but left
    # out of the register's lists, so mistakes of the detection never count as lapsed promises.
    rejected = models.BooleanField(default=False)
    # Raised by every status change; a form carries the version its clerk saw, so a change
    # made meanwhile by someone else is noticed instead of overwritten.
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # What full-text search matches and ranks: stored, so ranking a thousand matches of a common word
    # reads them rather than parsing each text again.
    tsv = models.GeneratedField(expression=SearchVector("text", config="dutch"), output_field=SearchVectorField(),
                                db_persist=True)

    objects = CommitmentManager()

    class Meta:
        ordering = ["document", "start"]
        indexes = [
            # open and overdue lists, status first, then the deadline; and the register's counts per status,
            # read from this index alone
            models.Index(fields=["status", "due_date"], condition=models.Q(rejected=False),
                         name="commitment_listed_by_status"),
            # the review queue: candidates, the likeliest first, then the newest
            models.Index(F("probability").desc(nulls_last=True), F("confidence").desc(nulls_last=True),
                         F("created_at").desc(), F("id").desc(),
                         condition=models.Q(status="kandidaat", rejected=False), name="commitment_to_review"),
            GinIndex(fields=["tsv"], name="commitment_tsv"),  # full-text search
            # the toezeggingen waiting for a letter that has just arrived
            GinIndex(fields=["tk_letters_awaited"], name="commitment_letters_awaited"),
            # the register's list in deadline order, paged by keyset, and the dashboard's next deadlines
            models.Index(fields=["due_date", "id"], condition=models.Q(rejected=False),
                         name="commitment_listed_by_due"),
            # the dashboard's figures and bars per ministry and per dossier, counted from this index alone and
            # in its order, so PostgreSQL need not hash seventy thousand rows
            models.Index(fields=["ministry", "dossier", "due_date"],
                         condition=models.Q(rejected=False, status__in=OPEN_STATUSES), name="commitment_open_grouped"),
            # the register's counts per status of one dossier, from this index alone
            models.Index(fields=["dossier", "status", "due_date"], include=["rejected"],
                         name="commitment_dossier_status"),
            # the ministries to choose from (`ministry_codes`), read from this index rather than the table; and
            # the register's counts per status of one ministry, from this index alone
            models.Index(fields=["ministry", "status", "due_date"], include=["rejected"],
                         name="commitment_ministry_status"),
            # a ministry's timeline: the letters its commitments stand in, read from this index alone
            models.Index(fields=["ministry", "document"], name="commitment_ministry_document"),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("commitment", args=[self.pk])

    def is_late(self, today: dt.date | None = None) -> bool:
        """Te laat, beside the status: what `state_q(LATE)` selects."""
        return is_late(self.status, self.due_date, today or timezone.localdate())

    def state_label(self, today: dt.date | None = None) -> str:
        """The status, and te laat beside it: "Deels voldaan · te laat"."""
        return state_label(self.status, self.due_date, today or timezone.localdate())

    @property
    def rule_labels(self) -> list[str]:
        """Why the engine read this as a promise, in Dutch."""
        return [describe_rule(code) for code in self.rules]


class Fulfilment(models.Model):
    """A document that (partly) fulfils a commitment; a commitment may have several."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="fulfilments")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="fulfils")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commitment", "document"], name="one_fulfilment_per_document"),
        ]

    def __str__(self):
        return f"{self.document} → {self.commitment}"


class StatusChange(models.Model):
    """One change of a commitment's status. Append-only: the register's history."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    changed_at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    reason = models.TextField(blank=True)
    evidence = models.ForeignKey(Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.CLERK)
    # A postponement moves the deadline; the old one stays here.
    old_due_date = models.DateField(null=True, blank=True)
    new_due_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [
            # the dashboard's "voldaan dit kwartaal": recent changes to one status
            models.Index(fields=["to_status", "changed_at"], name="statuschange_to_status"),
        ]

    def __str__(self):
        return f"{self.from_status or '—'} → {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A status change is history: it is never edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A status change is history: it is never deleted")


class DocumentChange(models.Model):
    """A correction of a document's metadata (its number, dossiers, date, kind, sender, title): who, when, and
    what from what to what. Like a commitment's history, never edited or deleted."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    changed_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.CLERK)
    reason = models.TextField()  # "titel: Brief → Stand van zaken; datum: — → 05-01-2024"

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return self.reason[:80]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A document change is history: it is never edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A document change is history: it is never deleted")


class Postponement(models.Model):
    """A sentence in a letter announcing that an earlier promise will be late, as the engine found it.

    It is shown on the commitment it concerns; a clerk confirms it (status Uitgesteld) or dismisses it.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="postponements")
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    cites = models.CharField(max_length=60, blank=True)  # the earlier Kamerstuk, when the letter names it
    new_due_date = models.DateField(null=True, blank=True)
    commitment = models.ForeignKey(Commitment, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="postponements")
    handled = models.BooleanField(default=False)  # confirmed or dismissed by a clerk

    class Meta:
        ordering = ["document__date", "pk"]

    def __str__(self):
        return self.text[:80]


class MinistryReport(models.Model):
    """A row of a ministry's own overview of its toezeggingen (a budget annex, a progress letter's table): the
    ministry's account of one promise, in its own words and with the page it stands on.

    It belongs to the commitment it is about: one already in the register that it matched (`matched`), or the
    candidate made from it when none did. It never changes that commitment's status; a clerk may take the
    ministry's status over (`workflow.take_over_ministry_status`)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="ministry_reports")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="ministry_reports")
    matched = models.BooleanField(default=False)
    page = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField()
    kind = models.CharField(max_length=20, default="toezegging")  # toezegging or motie
    vindplaats = models.CharField(max_length=500, blank=True)  # as written
    kamerstuk = models.CharField(max_length=60, blank=True)  # the Kamerstuk the vindplaats cites, canonical
    handelingen = models.CharField(max_length=60, blank=True)  # the Handelingen it cites: h-tk-20222023-45-12
    promised_on = models.DateField(null=True, blank=True)
    tk_number = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)  # the ministry's status in the register's terms
    status_text = models.TextField(blank=True)  # the ministry's own words
    planning = models.CharField(max_length=500, blank=True)
    due_date = models.DateField(null=True, blank=True)
    # The Kamerstukken the ministry's stand van zaken says delivered it.
    fulfilled_by = ArrayField(models.CharField(max_length=60), default=list, blank=True)
    section = models.CharField(max_length=300, blank=True)
    cells = models.JSONField(default=list, blank=True)  # [[column heading, text], …]: the row as evidence

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.text[:80]


class SyncRun(models.Model):
    """One fetch from an official source: what came in, what failed, and where to go on next time."""

    class Source(models.TextChoices):
        TK_OPENDATA = "tk_opendata", "Tweede Kamer open data"
        OFFICIELEBEKENDMAKINGEN = "obk", "officielebekendmakingen.nl"

    source = models.CharField(max_length=20, choices=Source.choices)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    new = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    failures = models.JSONField(default=list, blank=True)  # [{"what": "2024D08306", "reason": "…"}]
    cursor = models.CharField(max_length=500, blank=True)  # where the feed is to be read on from, saved per page
    reached = models.JSONField(default=dict, blank=True)  # per category: the last change read ("2023-11-21T…")
    # Read to the end of what the source had; a run stopped by its time limit (or by hand) is not, and the next
    # run goes on from its cursor.
    complete = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["source", "-started_at"])]

    def __str__(self):
        return f"{self.get_source_display()} {self.started_at:%Y-%m-%d %H:%M}"


class FeedToken(models.Model):
    """A user's secret for calendar and feed URLs: calendar apps cannot log in, so the URL carries it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"feedtoken of {self.user}"

    @classmethod
    def for_user(cls, user, renew: bool = False) -> FeedToken:
        """The user's token, made on first use; renewing makes every earlier feed URL stop working."""
        token = secrets.token_urlsafe(32)
        if renew:
            return cls.objects.update_or_create(user=user, defaults={"token": token, "created_at": timezone.now()})[0]
        return cls.objects.get_or_create(user=user, defaults={"token": token})[0]


class ApiToken(models.Model):
    """A script's key to the JSON API, sent as `Authorization: Token <key>`; apart from the feed token, so
    revoking one never stops the other. Only a digest is kept: the key is shown once, when it is made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)  # what the user calls it, e.g. "rapportage griffie"
    digest = models.CharField(max_length=64, unique=True)  # sha256 of the key
    prefix = models.CharField(max_length=8)  # the key's first characters, to recognise it in the list
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def create(cls, user, name: str) -> tuple[ApiToken, str]:
        """A new token and its key, which is not kept and so can be shown only now."""
        key = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, digest=cls.digest_of(key), prefix=key[:8]), key

    @classmethod
    def user_for_key(cls, key: str):
        """The active user whose unrevoked token this is, or None; the token's last use is noted."""
        token = cls.objects.select_related("user").filter(digest=cls.digest_of(key), revoked_at__isnull=True).first()
        if token is None or not token.user.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user


class SyncItem(models.Model):
    """Something a sync could not fetch or store: tried again in the next runs (SYNC_ATTEMPTS), then set aside
    with its reason for a clerk to look at (Bronnen), who can have it tried again."""

    source = models.CharField(max_length=20, choices=SyncRun.Source.choices)
    what = models.CharField(max_length=200)  # the entity's GUID, the publication's identifier
    category = models.CharField(max_length=40, blank=True)  # "Document", "Toezegging"; empty for obk
    attempts = models.PositiveSmallIntegerField(default=1)
    reason = models.TextField()
    detail = models.TextField(blank=True)
    first_failed_at = models.DateTimeField(default=timezone.now)
    last_failed_at = models.DateTimeField(default=timezone.now)
    set_aside_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["source", "-last_failed_at"]
        constraints = [models.UniqueConstraint(fields=["source", "what"], name="one_sync_item_per_source")]

    def __str__(self):
        return f"{self.source} {self.what}"


class LearnedModel(models.Model):
    """A model fitted on the griffie's review decisions (ingest.learning), kept as data: its weights as JSON and
    how it fared on letters it was not fitted on. One is in use at a time; each training is kept, adopted or not."""

    trained_at = models.DateTimeField(default=timezone.now)
    feature_version = models.PositiveSmallIntegerField()
    decisions = models.PositiveIntegerField()  # accepted, rejected and entered-by-hand promises it learned from
    promises = models.PositiveIntegerField()
    letters = models.PositiveIntegerField()
    # Cross-validated by letter: of the candidates kept above the threshold, the share that were promises
    # (precision) and the share of promises kept (recall); the ranking's average precision, which decides
    # whether a new model replaces the one in use; and the share of promises among the rules' candidates.
    precision = models.FloatField()
    recall = models.FloatField()
    average_precision = models.FloatField()
    rules_precision = models.FloatField()
    threshold = models.FloatField()  # below it a candidate is "waarschijnlijk geen toezegging"
    intercept = models.FloatField()
    weights = models.JSONField()  # feature -> weight
    in_use = models.BooleanField(default=False)
    verdict = models.CharField(max_length=300)  # why it was adopted or not, in Dutch

    class Meta:
        ordering = ["-trained_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["in_use"], condition=models.Q(in_use=True),
                                               name="one_learned_model_in_use")]

    def __str__(self):
        return f"model van {self.trained_at:%Y-%m-%d %H:%M} ({self.decisions} beslissingen)"
