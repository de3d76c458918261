"""Who may do what: everyone logged in reads, clerks (the griffie group) change."""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef

CLERKS_GROUP = "griffie"


class RoleAwareBackend(ModelBackend):
    """Django's own login by username and password; the user of each request is read together with whether they
    are a clerk, which every page asks: one query instead of two."""

    def get_user(self, user_id):
        clerk = Group.objects.filter(name=CLERKS_GROUP, user=OuterRef("pk"))
        try:
            user = get_user_model()._default_manager.annotate(_is_clerk=Exists(clerk)).get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


def is_clerk(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: templates ask several times per page.
    if not hasattr(user, "_is_clerk"):
        user._is_clerk = user.groups.filter(name=CLERKS_GROUP).exists()
    return user._is_clerk


def clerk_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_clerk(request.user):
            raise PermissionDenied("Alleen de griffie kan dit wijzigen.")
        return view(request, *args, **kwargs)

    return wrapper


def context(request):
    # A request refused before the login was read (a bad Host header) has no user; its error page still renders.
    return {"is_clerk": is_clerk(getattr(request, "user", None))}
