"""/beheer/: users, dossiers and documents for admins; commitments and their history read-only."""

from django.contrib import admin

from tracker.models import Commitment, Document, Dossier, StatusChange


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["key", "titel", "followed_since", "followed_by"]
    list_filter = [("followed_since", admin.EmptyFieldListFilter)]
    search_fields = ["key", "titel"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kamerstuk", "date", "state"]
    list_filter = ["state", "kind"]
    search_fields = ["title", "kamerstuk", "original_name"]
    exclude = ["text"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Commitment)
class CommitmentAdmin(ReadOnlyAdmin):
    """Read here; every change to a commitment goes through the clerk's pages (`tracker.workflow`), which keep
    its history."""

    list_display = ["__str__", "status", "due_date"]
    list_filter = ["status", "rejected"]


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    """The register's history: read here, never written, not even by a superuser (who could otherwise
    add a change under any clerk's name and date)."""

    list_display = ["commitment", "from_status", "to_status", "changed_by", "changed_at"]
