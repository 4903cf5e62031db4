from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from alliance.access import AUTHENTICATED, PUBLIC, allow
from members import urls as members_urls
from placements import urls as placements_urls
from reports import urls as reports_urls
from training import urls as training_urls

from . import audit_urls, exchange_urls, signed_link_views, twofactor, views
from .api import views as api_views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", allow(PUBLIC)(auth_views.LogoutView.as_view()), name="logout"),
    path("accounts/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        allow(AUTHENTICATED)(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("accounts/2fa/", twofactor.setup, name="two_factor_setup"),
    path("accounts/2fa/verify/", twofactor.verify, name="two_factor_verify"),
    path("accounts/2fa/remove/", twofactor.remove, name="two_factor_remove"),
    path("accounts/api-token/", api_views.token, name="api_token"),
    path("i18n/setlang/", allow(PUBLIC)(set_language), name="set_language"),
    path("members/", include(members_urls)),
    path("training/", include(training_urls)),
    path("placements/", include(placements_urls)),
    path("reports/", include(reports_urls)),
    path("exchange/", include(exchange_urls)),
    path("audit/", include(audit_urls)),
    # After the apps: the API has an endpoint for each register their URL configurations declared.
    path("api/v1/", include("alliance.api_urls")),
    path("l/<str:token>/", signed_link_views.answer, name="signed_link"),
    path("links/", signed_link_views.link_list, name="signed_link_list"),
    path("links/new/<slug:purpose>/<int:pk>/", signed_link_views.issue, name="signed_link_issue"),
    path("links/<int:pk>/revoke/", signed_link_views.link_revoke, name="signed_link_revoke"),
    path("admin/", admin.site.urls),
]

# Uploaded files (minutes, photos, reports) are never served from MEDIA_URL: each app serves
# them through a view that checks who is asking.

handler400 = "alliance.views.bad_request"
handler403 = "alliance.views.permission_denied"
handler404 = "alliance.views.page_not_found"
handler500 = "alliance.views.server_error"
