from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("organisations/", views.organization_list, name="organization_list"),
    path("my-organisation/", views.my_organization, name="my_organization"),
    path("organisations/new/", views.organization_create, name="organization_create"),
    path("organisations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organisations/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("schools/<int:pk>/edit/", views.school_edit, name="school_edit"),
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
    path("photos/<int:pk>/", views.organization_photo, name="organization_photo"),
    path(
        "photos/<int:pk>/delete/", views.organization_photo_delete, name="organization_photo_delete"
    ),
    path("corridor/", views.corridor_index, name="corridor_index"),
    path("corridor/<int:pk>/", views.corridor, name="corridor"),
    path("school-figures/", views.school_figures_list, name="school_figures_list"),
    path("school-figures/new/", views.school_figures_create, name="school_figures_create"),
    path("school-figures/<int:pk>/edit/", views.school_figures_edit, name="school_figures_edit"),
    path("council/", views.council, name="council"),
    path("council/seats/new/", views.seat_create, name="seat_create"),
    path("council/seats/<int:pk>/edit/", views.seat_edit, name="seat_edit"),
    path("experts/", views.expert_list, name="expert_list"),
    path("experts/new/", views.expert_create, name="expert_create"),
    path("experts/<int:pk>/edit/", views.expert_edit, name="expert_edit"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/resolutions/new/", views.resolution_create, name="resolution_create"),
    path("resolutions/<int:pk>/edit/", views.resolution_edit, name="resolution_edit"),
    path("resolutions/<int:pk>/done/", views.resolution_done, name="resolution_done"),
    path("accounts/", views.account_list, name="account_list"),
    path("accounts/new/", views.account_create, name="account_create"),
    path("accounts/<int:pk>/edit/", views.account_edit, name="account_edit"),
    path("accounts/<int:pk>/active/", views.account_set_active, name="account_set_active"),
    path(
        "accounts/<int:pk>/password/", views.account_reset_password, name="account_reset_password"
    ),
]
