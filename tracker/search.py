"""Full-text search in Dutch over documents (page by page) and commitments.

Ranking every match of a common word ("Kamer" is on nearly every page) would read the tsvector of
every page in the archive, so only the first CANDIDATES matches are ranked; results are paged with
a keyset on (rank, id), never with a deep OFFSET.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, FloatField, Q
from django.db.models.functions import Cast
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.models import Commitment, Document, DocumentPage

CONFIG = "dutch"
CANDIDATES = 1000  # matches ranked per search
PAGE_SIZE = 20
# A page longer than this is indexed in parts, so no tsvector nears PostgreSQL's 1 MB limit.
PART_CHARS = 100_000



# --- indexing -----------------------------------------------------------------------------------

def page_parts(text: str, page_starts: list[int]):
    """(page number, offset, text) for each page of `text`, long pages cut at whitespace into parts."""
    starts = [s for s in (page_starts or [0]) if 0 <= s < len(text)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    ends = starts[1:] + [len(text)]
    for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1):
        while start < end:
            cut = end
            if end - start > PART_CHARS:
                space = text.rfind(" ", start + PART_CHARS // 2, start + PART_CHARS)
                cut = space + 1 if space > 0 else start + PART_CHARS
            if text[start:cut].strip():
                yield number, start, text[start:cut]
            start = cut


def index_document(document: Document) -> None:
    """(Re)build the search pages of a document from its text; the tsvector is computed by PostgreSQL."""
    DocumentPage.objects.filter(document=document).delete()
    DocumentPage.objects.bulk_create(
        DocumentPage(document=document, number=number, start=start, text=text)
        for number, start, text in page_parts(document.text, document.page_starts)
    )


# --- looking up -----------------------------------------------------------------------------------

def dutch_query(typed: str) -> SearchQuery:
    """Quotes, OR and -word as people type them in a search engine, stemmed as Dutch."""
    return SearchQuery(typed, search_type="websearch", config=CONFIG)


@dataclass
class Hit:
    obj: object  # a DocumentPage (with its document) or a Commitment
    fragment: SafeString


@dataclass
class Results:
    hits: list[Hit]
    next_key: str  # "rank:id" of the last hit when there is a next page, else ""


def search_documents(typed: str, filters: Q, after: str = "") -> Results:
    """The best page of each matching document, best documents first. `filters` are on DocumentPage."""
    query = dutch_query(typed)
    bounded = DocumentPage.objects.filter(filters, tsv=query).order_by().values("pk")[:CANDIDATES]
    best_page_per_document = (
        DocumentPage.objects.filter(pk__in=bounded)
        .annotate(rank=SearchRank(F("tsv"), query))
        .order_by("document_id", "-rank", "pk")
        .distinct("document_id")
        .values("pk")
    )
    ranked = DocumentPage.objects.filter(pk__in=best_page_per_document).annotate(
        rank=_exact(SearchRank(F("tsv"), query))
    )
    keys = _page_of(ranked, after)
    marks = _marks()
    pages = (
        DocumentPage.objects.filter(pk__in=[pk for pk, _ in keys])
        .select_related("document__dossier")
        .only("number", "document", "document__title", "document__original_name", "document__kamerstuk",
              "document__date", "document__sender", "document__kind", "document__dossier", "document__dossier__key")
        .annotate(headline=_headline(query, marks))
    )
    return _results(keys, pages, marks)


def search_commitments(typed: str, filters: Q, after: str = "") -> Results:
    """Commitments in the register whose text matches, best first. `filters` are on Commitment."""
    query = dutch_query(typed)
    # order_by(): without it every match would first be sorted by its letter's date
    bounded = Commitment.objects.listed().filter(filters, tsv=query).order_by().values("pk")[:CANDIDATES]
    ranked = Commitment.objects.filter(pk__in=bounded).annotate(rank=_exact(SearchRank(F("tsv"), query)))
    keys = _page_of(ranked, after)
    marks = _marks()
    commitments = (
        Commitment.objects.filter(pk__in=[pk for pk, _ in keys])
        .select_related("document", "dossier")
        .only("status", "due_date", "due_text", "ministry", "made_on", "origin", "dossier", "dossier__key", "document",
              "document__title", "document__original_name", "document__kamerstuk", "document__date")
        .annotate(headline=_headline(query, marks, highlight_all=True))
    )
    return _results(keys, commitments, marks)


def _exact(rank):
    """The rank as double precision: a real comes to Python rounded for display, and a keyset built
    from that rounded value would show the last hit of a page again on the next."""
    return Cast(rank, FloatField())


def _page_of(ranked, after: str) -> list[tuple[int, float]]:
    """One page of (id, rank), best first, after the keyset `after` ("rank:id")."""
    rank, _, pk = after.partition(":")
    try:
        rank, pk = float(rank), int(pk)
    except ValueError:
        pass
    else:
        ranked = ranked.filter(Q(rank__lt=rank) | Q(rank=rank, pk__lt=pk))
    return list(ranked.order_by("-rank", "-pk").values_list("pk", "rank")[: PAGE_SIZE + 1])


def _results(keys, rows, marks) -> Results:
    by_pk = {row.pk: row for row in rows}
    hits = [Hit(by_pk[pk], highlighted(by_pk[pk].headline, marks)) for pk, _ in keys[:PAGE_SIZE] if pk in by_pk]
    next_key = f"{keys[PAGE_SIZE - 1][1]!r}:{keys[PAGE_SIZE - 1][0]}" if len(keys) > PAGE_SIZE else ""
    return Results(hits, next_key)


# --- highlighting -----------------------------------------------------------------------------------

def _marks() -> tuple[str, str]:
    """Start and stop markers no document can contain: made up anew for every search."""
    token = secrets.token_hex(8)
    return f"MARKSTART{token}", f"MARKSTOP{token}"


def _headline(query: SearchQuery, marks: tuple[str, str], highlight_all: bool = False) -> SearchHeadline:
    options = {"highlight_all": True} if highlight_all else {"max_fragments": 2, "max_words": 30, "min_words": 12}
    return SearchHeadline("text", query, config=CONFIG, start_sel=marks[0], stop_sel=marks[1],
                          fragment_delimiter=" … ", **options)


def highlighted(headline: str, marks: tuple[str, str]) -> SafeString:
    """A fragment as HTML: the text escaped, only the matched words wrapped in <mark>."""
    html = escape(headline).replace(marks[0], "<mark>").replace(marks[1], "</mark>")
    return mark_safe(html)  # noqa: S308 — everything but our own markers went through escape()
