from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from alliance.access import AUTHENTICATED, PUBLIC, allow

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "accounts/login/",
        allow(PUBLIC)(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="login",
    ),
    path("accounts/logout/", allow(PUBLIC)(auth_views.LogoutView.as_view()), name="logout"),
    path(
        "accounts/password/",
        allow(AUTHENTICATED)(auth_views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        allow(AUTHENTICATED)(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("i18n/setlang/", allow(PUBLIC)(set_language), name="set_language"),
    path("members/", include("members.urls")),
    path("training/", include("training.urls")),
    path("placements/", include("placements.urls")),
    path("reports/", include("reports.urls")),
    path("exchange/", include("alliance.exchange_urls")),
    path("admin/", admin.site.urls),
]

# Uploaded files (minutes, photos, reports) are never served from MEDIA_URL: each app serves
# them through a view that checks who is asking.

handler400 = "alliance.views.bad_request"
handler403 = "alliance.views.permission_denied"
handler404 = "alliance.views.page_not_found"
handler500 = "alliance.views.server_error"
