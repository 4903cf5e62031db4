from django.urls import path

from alliance.access import EVERYONE, STAFF, allow
from alliance.registers.files import file_view

from . import permissions, registers, views

app_name = "placements"

urlpatterns = [
    *registers.STUDENTS.urls(),
    *registers.ORDER_CLASSES.urls(),
    path("order-classes/<int:pk>/enrol/", views.orderclass_enrol, name="orderclass_enrol"),
    path(
        "order-classes/<int:pk>/enrolments/<int:enrolment_pk>/remove/",
        views.orderclass_unenrol,
        name="orderclass_unenrol",
    ),
    path(
        "order-classes/<int:pk>/alignments/<slug:aspect>/",
        views.alignment_edit,
        name="alignment_edit",
    ),
    # The alignment documents, like the agreement, are for those who keep the class's students.
    path(
        "alignments/<int:pk>/files/<str:field>/",
        allow(STAFF)(file_view(permissions.alignments_visible_to, ("document",))),
        name="alignment_file",
    ),
    # A new apprentice is registered as a part-time student too: its own page, not the register's.
    path("apprenticeships/new/", views.apprenticeship_create, name="apprenticeship_create"),
    *[route for route in registers.APPRENTICESHIPS.urls() if route.name != "apprenticeship_create"],
    *registers.INTERNSHIPS.urls(),
    *registers.PLACEMENTS.urls(),
    path("graduates/<int:pk>/follow-ups/new/", views.followup_edit, name="followup_create"),
    path(
        "graduates/<int:pk>/follow-ups/<int:followup_pk>/",
        views.followup_edit,
        name="followup_edit",
    ),
    path("follow-ups/due/", views.followups_due, name="followups_due"),
    path("hires/", views.hire_list, name="hire_list"),
    path("hires/<int:pk>/<slug:decision>/", views.hire_decide, name="hire_decide"),
    *registers.EVENTS.urls(),
    path("events/<int:pk>/photos/", views.event_photo_add, name="event_photo_add"),
    path(
        "photos/<int:pk>/files/<str:field>/",
        allow(EVERYONE)(file_view(permissions.photos_visible_to, ("image",))),
        name="photo_file",
    ),
    *registers.MENTORS.urls(),
    *registers.PREFERENCES.urls(),
    path("graduates/not-followed/", views.not_followed_list, name="not_followed_list"),
    *registers.DEMANDS.urls(),
    path("demand-overview/", views.demand_overview, name="demand_overview"),
    path("demand-overview/joint-class/", views.joint_class_create, name="joint_class_create"),
    *registers.MATERIALS.urls(),
]
