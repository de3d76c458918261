"""/beheer/: users, dossiers and documents for admins; commitments and their history read-only."""

from django.contrib import admin
from django.db.models import Count

from tracker.models import Commitment, Document, Dossier, Following, StatusChange


class FollowingInline(admin.TabularInline):
    model = Following
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["key", "titel", "follower_count"]
    search_fields = ["key", "titel"]
    inlines = [FollowingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(follower_count=Count("followings"))

    @admin.display(description="volgers", ordering="follower_count")
    def follower_count(self, dossier):
        return dossier.follower_count


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
