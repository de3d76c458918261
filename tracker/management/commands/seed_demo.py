"""A synthetic archive of realistic size, to try the product and measure it: `manage.py seed_demo`.

Rows are written directly (no worker, no extraction engine). Everything made here is marked: documents
have origin "demo" and dossiers are numbered from DEMO_DOSSIER_FROM up, far above the Kamer's own
numbers, so `--clear` removes exactly this and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from tracker.display import MONTH_NAMES
from tracker.ids import dossier_label, kamerstuk_label
from tracker.models import (
    Commitment,
    Document,
    DocumentPage,
    Dossier,
    Fulfilment,
    Reference,
    Source,
    Status,
    StatusChange,
)
from tracker.search import page_parts

DEMO_DOSSIER_FROM = 90001
DEMO_ORIGINAL = "demo/demobrief.txt"
BATCH = 2000
PAGE_CHARS = 1500  # a printed page of a letter, roughly
YEARS = 15
CITES_ELSEWHERE = 0.1  # the share of letters that also cite a paper of another dossier
POSTPONED = dt.timedelta(days=120)  # how much later a postponed commitment is due

# A subject of policy: the dossier's title, the ministry that writes about it, what its letters are about.
TOPICS = [
    ("Bestrijding internationaal terrorisme", "Defensie",
     ["de missie in Irak", "de inzet in de regio", "de terugkeerders"]),
    ("Goederenvervoer over het spoor", "Infrastructuur en Waterstaat",
     ["de geluidsoverlast", "het vervoer van gevaarlijke stoffen", "de Betuweroute"]),
    ("Geestelijke gezondheidszorg", "Volksgezondheid, Welzijn en Sport",
     ["de wachttijden in de ggz", "de acute psychiatrie", "de monitor ggz"]),
    ("Arbeidsmigratie", "Sociale Zaken en Werkgelegenheid",
     ["de registratieplicht voor uitzendbureaus", "de huisvesting van arbeidsmigranten",
      "de handhaving door de Arbeidsinspectie"]),
    ("Woningbouw", "Volkshuisvesting en Ruimtelijke Ordening",
     ["de bouw van betaalbare woningen", "de woondeals", "de stikstofruimte voor woningbouw"]),
    ("Netcongestie", "Klimaat en Groene Groei",
     ["het prioriteringskader", "de wachtrijen voor aansluitingen", "de uitbreiding van het net"]),
    ("Herstel kinderopvangtoeslag", "Financiën",
     ["de herstelregeling", "de integrale beoordeling", "de hulp aan kinderen"]),
    ("Lerarentekort", "Onderwijs, Cultuur en Wetenschap",
     ["de zij-instroom", "de werkdruk van leraren", "het tekort in de grote steden"]),
    ("Stikstofbeleid", "Landbouw, Visserij, Voedselzekerheid en Natuur",
     ["de Natura 2000-gebieden", "de opkoopregelingen", "de vergunningverlening"]),
    ("Digitale overheid", "Binnenlandse Zaken en Koninkrijksrelaties",
     ["de DigiD-storingen", "de informatiebeveiliging", "de open standaarden"]),
    ("Jeugdzorg", "Volksgezondheid, Welzijn en Sport",
     ["de Hervormingsagenda", "de reikwijdte van de jeugdzorg", "de reële tarieven"]),
    ("Versterking Groningen", "Economische Zaken",
     ["de schadeafhandeling", "de versterkingsoperatie", "het Nij Begun"]),
    ("Slachtofferbeleid", "Justitie en Veiligheid",
     ["het spreekrecht", "de schadevergoeding", "de pilot slachtofferrechten"]),
    ("Europese Raad", "Buitenlandse Zaken",
     ["de uitbreiding van de Unie", "de steun aan Oekraïne", "het meerjarig financieel kader"]),
    ("Spreiding van asielzoekers", "Asiel en Migratie",
     ["de spreidingswet", "de opvanglocaties", "de doorstroom naar woningen"]),
]
OPENINGS = [
    "Hierbij informeer ik uw Kamer over {topic}.",
    "Met deze brief geef ik uitvoering aan de motie over {topic}.",
    "In deze brief ga ik in op de stand van zaken rond {topic}.",
    "Tijdens het commissiedebat is gesproken over {topic}; met deze brief kom ik daarop terug.",
]
SENTENCES = [
    "Het kabinet hecht grote waarde aan een zorgvuldige aanpak van {topic}.",
    "De afgelopen periode is in overleg met de betrokken partijen gewerkt aan {topic}.",
    "Uit de evaluatie blijkt dat de maatregelen rond {topic} nog onvoldoende effect hebben.",
    "De uitvoeringsorganisaties hebben aangegeven dat {topic} extra capaciteit vraagt.",
    "Ik constateer dat de voortgang op {topic} achterblijft bij de verwachtingen van uw Kamer.",
    "Gemeenten en provincies zijn nauw betrokken bij de uitwerking van {topic}.",
    "De financiële gevolgen van {topic} worden verwerkt in de eerstvolgende suppletoire begroting.",
    "Daarnaast is onderzoek gedaan naar de gevolgen van {topic} voor burgers en bedrijven.",
    "Het Adviescollege heeft in zijn rapport aanbevelingen gedaan over {topic}.",
    "Ik deel de zorgen van uw Kamer over {topic} en neem die serieus.",
    "De Raad van State heeft geadviseerd over het wetsvoorstel dat {topic} regelt.",
    "In de bijlage bij deze brief treft u het onderzoeksrapport over {topic} aan.",
]
# How a letter promises, and the deadline the words mean (from the year and month the minister has in mind).
PROMISES = [
    ("Voor de zomer van {year} informeer ik uw Kamer over de uitkomsten van het onderzoek naar {topic}.",
     lambda year, month: dt.date(year, 7, 1)),
    ("Ik zal uw Kamer in {month_name} {year} per brief informeren over de voortgang van {topic}.",
     lambda year, month: _end_of_month(year, month)),
    ("Uiterlijk eind {year} stuur ik uw Kamer de evaluatie van {topic}.",
     lambda year, month: dt.date(year, 12, 31)),
    ("Voor het commissiedebat in {month_name} {year} ontvangt uw Kamer een nadere uitwerking van {topic}.",
     lambda year, month: _end_of_month(year, month)),
    ("Ik zeg toe dat ik uw Kamer voor het einde van het jaar {year} zal informeren over {topic}.",
     lambda year, month: dt.date(year, 12, 31)),
    ("In het voorjaar van {year} stuur ik uw Kamer de voortgangsrapportage over {topic}.",
     lambda year, month: dt.date(year, 6, 20)),
]
# Names that come up in only a few letters, as real names and places do.
RARE = ["Haringvlietsluizen", "Oostvaardersplassen", "Zeeuws-Vlaanderen", "Bonaire", "Lauwersmeer",
        "Eemshaven", "Westerscheldetunnel", "Afsluitdijk", "Maasvlakte", "Schiermonnikoog"]
KINDS = [(Document.Kind.BRIEF, 75), (Document.Kind.ANTWOORDEN, 10), (Document.Kind.VERSLAG, 10),
         (Document.Kind.NIEUWS, 2), (Document.Kind.ANDERS, 3)]


@dataclass
class Planned:
    """A document to be made: what is needed to link it before its row exists."""

    dossier: int  # index into the dossiers
    date: dt.date
    kind: str
    volgnummer: int = 0
    cites: int | None = None  # index of the previous document of the dossier
    cites_elsewhere: int | None = None  # index of the latest document of another dossier, for some
    pk: int | None = None
    next_in_dossier: Planned | None = None  # the letter that may fulfil its commitments
    commitments: list = field(default_factory=list)  # (text, start, end, due_date, page)


class Command(BaseCommand):
    help = "Fill the database with a synthetic archive (demo data) of the given size; --clear removes it."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=2000)
        parser.add_argument("--clear", action="store_true", help="only remove the demo data")
        parser.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same archive")

    def handle(self, *args, documents, clear, seed, **options):
        started = time.monotonic()
        removed = clear_demo()
        if removed:
            self.stdout.write(f"Demogegevens verwijderd: {removed} documenten.")
        if clear:
            return
        counts = seed_demo(documents, random.Random(seed))
        self.stdout.write(
            f"Demo-archief gemaakt in {time.monotonic() - started:.0f} s: "
            + ", ".join(f"{n} {what}" for what, n in counts.items())
        )


def clear_demo() -> int:
    """Remove every row seed_demo made, in an order the protecting foreign keys allow."""
    documents = Document.objects.filter(origin=Document.Origin.DEMO)
    count = documents.count()
    if not count:
        return 0
    with transaction.atomic():
        commitments = Commitment.objects.filter(document__in=documents.values("pk"))
        Fulfilment.objects.filter(document__in=documents.values("pk")).delete()
        StatusChange.objects.filter(commitment__in=commitments.values("pk")).delete()
        commitments.only("pk").delete()
        documents.only("pk").delete()
        Dossier.objects.filter(key__regex=r"^9\d{4}$", nummer__gte=str(DEMO_DOSSIER_FROM)).delete()
    return count


@transaction.atomic
def seed_demo(count: int, rng: random.Random) -> dict[str, int]:
    today = timezone.localdate()
    if not default_storage.exists(DEMO_ORIGINAL):
        default_storage.save(DEMO_ORIGINAL, ContentFile("Demobrief: deze tekst is gemaakt door seed_demo.\n".encode()))
    dossiers = _make_dossiers(max(10, count // 150))
    planned = _plan(count, len(dossiers), today, rng)
    totals = {"dossiers": len(dossiers), "documenten": 0, "pagina's": 0, "verwijzingen": 0}
    for start in range(0, len(planned), BATCH):
        _insert_documents(planned[start:start + BATCH], planned, dossiers, rng, totals)
    totals.update(_insert_commitments(planned, dossiers, today, rng))
    return totals


def _make_dossiers(count):
    dossiers = []
    for index in range(count):
        title = TOPICS[index % len(TOPICS)][0]
        key = str(DEMO_DOSSIER_FROM + index)
        dossiers.append(Dossier(key=key, nummer=key, titel=f"{title} ({index + 1})" if index >= len(TOPICS) else title))
    return Dossier.objects.bulk_create(dossiers)


def _subjects(dossier: int) -> list[str]:
    return TOPICS[dossier % len(TOPICS)][2]


def _minister(dossier: int) -> str:
    return f"Minister van {TOPICS[dossier % len(TOPICS)][1]}"


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _plan(count, dossier_count, today, rng):
    """Dates over fifteen years; a few dossiers get most documents (Zipf), many get only a handful."""
    weights = [1 / (rank + 1) ** 1.1 for rank in range(dossier_count)]
    first_day = today - dt.timedelta(days=365 * YEARS)
    kinds, kind_weights = zip(*KINDS, strict=True)
    planned = [
        Planned(dossier=d, date=first_day + dt.timedelta(days=int(365 * YEARS * rng.random() ** 0.8)), kind=kind)
        for d, kind in zip(rng.choices(range(dossier_count), weights, k=count),
                           rng.choices(kinds, kind_weights, k=count), strict=True)
    ]
    planned.sort(key=lambda p: p.date)
    last_of_dossier = {}
    for index, document in enumerate(planned):
        previous = last_of_dossier.get(document.dossier)
        document.volgnummer = planned[previous].volgnummer + 1 if previous is not None else 1
        document.cites = previous
        # Some letters also cite another dossier's latest paper, the busy dossiers most often.
        other = rng.choices(range(dossier_count), weights)[0]
        if rng.random() < CITES_ELSEWHERE and other != document.dossier and other in last_of_dossier:
            document.cites_elsewhere = last_of_dossier[other]
        last_of_dossier[document.dossier] = index
    return planned


def _letter(document, planned, dossiers, rng):
    """The text of a letter and where its commitments are in it."""
    subjects = _subjects(document.dossier)
    dossier = dossiers[document.dossier]
    parts = [f"Tweede Kamer der Staten-Generaal\n{dossier_label(dossier.key)} {dossier.titel}\n"
             f"Nr. {document.volgnummer} {document.kind.upper()} VAN DE {_minister(document.dossier).upper()}\n\n"
             "Geachte voorzitter,\n\n"]
    parts.append(rng.choice(OPENINGS).format(topic=rng.choice(subjects)) + " ")
    if document.cites is not None:
        cited = planned[document.cites]
        parts.append(f"In mijn brief van {cited.date.day} {MONTH_NAMES[cited.date.month - 1]} {cited.date.year} "
                     f"({_citation(cited, dossiers)}) heb ik uw Kamer "
                     f"geïnformeerd over {rng.choice(subjects)}. ")
    if document.cites_elsewhere is not None:
        parts.append(f"Zie ook {_citation(planned[document.cites_elsewhere], dossiers)}. ")
    promises = max(0, round(rng.gauss(3, 1.2))) if document.kind == Document.Kind.BRIEF else rng.randint(0, 1)
    paragraphs = rng.randint(3, 9)
    promise_at = set(rng.sample(range(paragraphs), min(promises, paragraphs)))
    for paragraph in range(paragraphs):
        parts.append("\n\n" + " ".join(rng.choice(SENTENCES).format(topic=rng.choice(subjects))
                                       for _ in range(rng.randint(3, 6))) + " ")
        if rng.random() < 0.002:
            parts.append(f"Dit geldt in het bijzonder voor de situatie rond {rng.choice(RARE)}. ")
        if paragraph in promise_at:
            aim = document.date + dt.timedelta(days=rng.randint(30, 540))
            template, deadline = rng.choice(PROMISES)
            due = max(deadline(aim.year, aim.month), document.date + dt.timedelta(days=14))
            sentence = template.format(topic=rng.choice(subjects), year=aim.year, month_name=MONTH_NAMES[aim.month - 1])
            start = sum(map(len, parts))
            document.commitments.append((sentence, start, start + len(sentence), due))
            parts.append(sentence + " ")
    parts.append(f"\n\nDe {_minister(document.dossier)},\n")
    text = "".join(parts)
    page_starts = [0] + [i for i in range(PAGE_CHARS, len(text), PAGE_CHARS)]
    return text, page_starts


def _citation(cited: Planned, dossiers) -> str:
    return f"Kamerstuk {kamerstuk_label(f'{dossiers[cited.dossier].key}-{cited.volgnummer}')}"


def _insert_documents(batch, planned, dossiers, rng, totals):
    rows, texts = [], []
    for document in batch:
        dossier = dossiers[document.dossier]
        text, page_starts = _letter(document, planned, dossiers, rng)
        kamerstuk = f"{dossier.key}-{document.volgnummer}"
        name = f"demo-{kamerstuk}.txt"
        created = timezone.make_aware(dt.datetime.combine(document.date, dt.time(10)))
        rows.append(Document(
            dossier=dossier, volgnummer=str(document.volgnummer), kamerstuk=kamerstuk, kind=document.kind,
            title=f"{dossier.titel}: {rng.choice(_subjects(document.dossier))}", date=document.date,
            sender=_minister(document.dossier), text=text, page_starts=page_starts,
            page_count=len(page_starts), original=DEMO_ORIGINAL, original_name=name,
            sha256=hashlib.sha256(name.encode()).hexdigest(), size=len(text.encode()), state=Document.State.KLAAR,
            origin=Document.Origin.DEMO, created_at=created, analysed_at=created,
        ))
        texts.append((text, page_starts))
    Document.objects.bulk_create(rows)
    pages, references = [], []
    for document, row, (text, page_starts) in zip(batch, rows, texts, strict=True):
        document.pk = row.pk
        for number, start, part in page_parts(text, page_starts):
            pages.append(DocumentPage(document_id=row.pk, number=number, start=start, text=part))
        for cited_index in (document.cites, document.cites_elsewhere):
            if cited_index is None:
                continue
            cited = planned[cited_index]
            key = dossiers[cited.dossier].key
            label = _citation(cited, dossiers)
            start = text.index(label)
            references.append(Reference(document_id=row.pk, kamerstuk=f"{key}-{cited.volgnummer}", dossier_key=key,
                                        number=str(cited.volgnummer), target_id=cited.pk,
                                        from_elsewhere=cited.dossier != document.dossier,
                                        text=label, page=1, start=start, end=start + len(label)))
    DocumentPage.objects.bulk_create(pages, batch_size=BATCH)
    Reference.objects.bulk_create(references, batch_size=BATCH)
    totals["documenten"] += len(rows)
    totals["pagina's"] += len(pages)
    totals["verwijzingen"] += len(references)


def _outcome(due, today, rng):
    """The status a commitment has reached, and whether it was fulfilled by a later letter."""
    if due >= today:
        options = [(Status.KANDIDAAT, 10), (Status.OPENSTAAND, 60), (Status.UITGESTELD, 5),
                   (Status.DEELS_VOLDAAN, 10), (Status.VOLDAAN, 15)]
    else:  # an open one of these is overdue
        options = [(Status.KANDIDAAT, 3), (Status.OPENSTAAND, 15), (Status.UITGESTELD, 4),
                   (Status.DEELS_VOLDAAN, 8), (Status.VOLDAAN, 60), (Status.VERVALLEN, 10)]
    statuses, weights = zip(*options, strict=True)
    return rng.choices(statuses, weights)[0]


def _insert_commitments(planned, dossiers, today, rng):
    """Commitments with their history, and Fulfilment rows pointing at the next letter of the dossier."""
    later_in_dossier = {}
    for document in reversed(planned):
        document.next_in_dossier = later_in_dossier.get(document.dossier)
        later_in_dossier[document.dossier] = document
    counts = {"toezeggingen": 0, "statuswijzigingen": 0, "vervullingen": 0}
    for start in range(0, len(planned), BATCH):
        commitments, histories = [], []
        for document in planned[start:start + BATCH]:
            dossier = dossiers[document.dossier]
            for text, begin, end, due in document.commitments:
                status = _outcome(due, today, rng)
                if status in (Status.VOLDAAN, Status.DEELS_VOLDAAN) and document.next_in_dossier is None:
                    status = Status.OPENSTAAND  # no later letter in the dossier to have fulfilled it
                commitments.append(Commitment(
                    document_id=document.pk, dossier=dossier, ministry=_minister(document.dossier),
                    made_on=document.date, text=text, page=1 + begin // PAGE_CHARS, start=begin, end=end,
                    kind="informeren", due_date=due + POSTPONED if status == Status.UITGESTELD else due,
                    due_text=f"{MONTH_NAMES[due.month - 1]} {due.year}",
                    due_precision="maand", status=status, source=Source.ENGINE, version=0,
                    rejected=status == Status.VERVALLEN and rng.random() < 0.2,
                    created_at=timezone.make_aware(dt.datetime.combine(document.date, dt.time(10))),
                ))
                histories.append((document, status, due))
        Commitment.objects.bulk_create(commitments)
        changes, fulfilments = [], []
        for commitment, (document, status, due) in zip(commitments, histories, strict=True):
            made = timezone.make_aware(dt.datetime.combine(document.date, dt.time(10)))
            steps = [("", Status.KANDIDAAT, made, None, "Herkend in het document")]
            if status != Status.KANDIDAAT:
                steps.append((Status.KANDIDAAT, Status.OPENSTAAND, made + dt.timedelta(days=2), None,
                              "Beoordeeld: een toezegging"))
            if status == Status.UITGESTELD:
                steps.append((Status.OPENSTAAND, Status.UITGESTELD, made + dt.timedelta(days=20), None,
                              "De minister heeft uitstel aangekondigd"))
            if status in (Status.VOLDAAN, Status.DEELS_VOLDAAN):
                evidence = document.next_in_dossier
                when = timezone.make_aware(dt.datetime.combine(evidence.date, dt.time(15)))
                steps.append((Status.OPENSTAAND, status, max(when, made + dt.timedelta(days=3)), evidence.pk,
                              "Nagekomen in de brief"))
                fulfilments.append(Fulfilment(commitment=commitment, document_id=evidence.pk, created_at=when,
                                              note="Demogegevens"))
            if status == Status.VERVALLEN:
                steps.append((Status.OPENSTAAND, Status.VERVALLEN, made + dt.timedelta(days=400), None,
                              "Niet langer actueel"))
            for from_status, to_status, when, evidence, reason in steps:
                changes.append(StatusChange(
                    commitment=commitment, from_status=from_status, to_status=to_status, changed_at=when,
                    evidence_id=evidence, reason=reason,
                    source=Source.ENGINE if to_status == Status.KANDIDAAT else Source.CLERK,
                    new_due_date=due + POSTPONED if to_status == Status.UITGESTELD else None,
                    old_due_date=due if to_status == Status.UITGESTELD else None,
                ))
        StatusChange.objects.bulk_create(changes)
        Fulfilment.objects.bulk_create(fulfilments)
        counts["toezeggingen"] += len(commitments)
        counts["statuswijzigingen"] += len(changes)
        counts["vervullingen"] += len(fulfilments)
    return counts
