"""Who may do what: everyone logged in reads, clerks (the griffie group) change."""

from functools import wraps

from django.core.exceptions import PermissionDenied

CLERKS_GROUP = "griffie"


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
