from django.urls import path

from alliance.access import EVERYONE, SCHOOL_STAFF, allow
from alliance.registers.files import file_view
from alliance.registers.views import RegisterUpdate

from . import permissions, registers, views

app_name = "members"

urlpatterns = [
    *registers.ORGANIZATIONS.urls(),
    path("my-organisation/", views.my_organization, name="my_organization"),
    # A coordinator edits its school's profile on a route of its own: each route's audience is
    # exactly the roles that may open it (the URL sweep holds every route to that).
    path(
        "schools/<int:pk>/edit/",
        allow(SCHOOL_STAFF)(RegisterUpdate.as_view(register=registers.SCHOOL_PROFILES)),
        name="school_update",
    ),
    path(
        "organisations/<int:pk>/withdraw/",
        views.organization_withdraw,
        name="organization_withdraw",
    ),
    path("organisations/<int:pk>/rejoin/", views.organization_rejoin, name="organization_rejoin"),
    path(
        "organisations/<int:pk>/photos/new/",
        views.organization_photo_add,
        name="organization_photo_add",
    ),
    # Photos are shown inline (they are checked images) through the one file view.
    path(
        "photos/<int:pk>/files/<str:field>/",
        allow(EVERYONE)(file_view(permissions.organization_photos_visible_to, ("image",))),
        name="photo_file",
    ),
    path(
        "photos/<int:pk>/delete/", views.organization_photo_delete, name="organization_photo_delete"
    ),
    path("corridor/", views.corridor_index, name="corridor_index"),
    path("corridor/<int:pk>/", views.corridor, name="corridor"),
    path("corridor/check/", views.corridor_check, name="corridor_check"),
    *registers.MEDIA.urls(),
    *registers.MODEL_CASES.urls(),
    *registers.SCHOOL_FIGURES.urls(),
    *registers.MAJORS.urls(),
    path("council/", views.council, name="council"),
    *registers.SEATS.urls(),
    *registers.EXPERTS.urls(),
    *registers.MEETINGS.urls(),
    path("meetings/<int:pk>/resolutions/new/", views.resolution_create, name="resolution_create"),
    path("resolutions/<int:pk>/edit/", views.resolution_edit, name="resolution_edit"),
    path("resolutions/<int:pk>/done/", views.resolution_done, name="resolution_done"),
    path("resolutions/<int:pk>/to-plan/", views.resolution_to_task, name="resolution_to_task"),
    *registers.DOCUMENTS.urls(),
    *registers.OFFICE_BUDGETS.urls(),
    *registers.OFFICE_STAFF.urls(),
    *registers.OFFICES.urls(),
    *registers.CONSULTATIONS.urls(),
    path("work-plans/tasks/overdue/", views.task_overdue, name="task_overdue"),
    *registers.TASKS.urls(),
    *registers.PLANS.urls(),
    path("accounts/new/", views.account_create, name="account_create"),
    *registers.ACCOUNTS.urls(),
    path("accounts/<int:pk>/edit/", views.account_update, name="account_update"),
    path("accounts/<int:pk>/active/", views.account_set_active, name="account_set_active"),
    path(
        "accounts/<int:pk>/password/", views.account_reset_password, name="account_reset_password"
    ),
]
