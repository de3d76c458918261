"""`manage.py search_index [--all]`: index for search the documents that are not indexed yet, or all of them."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tracker.models import Document
from tracker.search import index_document


class Command(BaseCommand):
    help = ("Index for search the analysed documents that are not indexed yet (those stored before search "
            "existed); --all rebuilds every document's index. New documents are indexed when they are stored.")

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="rebuild the index of every document")

    def handle(self, *args, all, **options):
        documents = Document.objects.analysed().exclude(text="")
        if not all:
            documents = documents.filter(pages__isnull=True)
        count = 0
        for document in documents.only("pk", "text", "page_starts").order_by("pk").iterator(chunk_size=200):
            with transaction.atomic():
                index_document(document)
            count += 1
        self.stdout.write(f"{count} documenten geïndexeerd voor zoeken.")
