"""The site's addresses: logging in and out, the admin under /beheer/, the tracker's own, and the 400 page."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

# A request that none of our pages sends: a Dutch page that says why (`tracker.params.Invalid`).
handler400 = "tracker.views.errors.bad_request"

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("", include("tracker.urls")),
]
