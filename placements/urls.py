from django.urls import path

from . import views

app_name = "placements"

urlpatterns = [
    path("students/", views.StudentList.as_view(), name="student_list"),
    path("students/new/", views.student_edit, name="student_create"),
    path("students/<int:pk>/", views.student_detail, name="student_detail"),
    path("students/<int:pk>/edit/", views.student_edit, name="student_edit"),
    path("order-classes/", views.OrderClassList.as_view(), name="orderclass_list"),
    path("order-classes/new/", views.orderclass_edit, name="orderclass_create"),
    path("order-classes/<int:pk>/", views.orderclass_detail, name="orderclass_detail"),
    path("order-classes/<int:pk>/edit/", views.orderclass_edit, name="orderclass_edit"),
    path("order-classes/<int:pk>/enrol/", views.orderclass_enrol, name="orderclass_enrol"),
    path(
        "order-classes/<int:pk>/enrolments/<int:enrolment_pk>/remove/",
        views.orderclass_unenrol,
        name="orderclass_unenrol",
    ),
    path(
        "order-classes/<int:pk>/agreement/", views.orderclass_agreement, name="orderclass_agreement"
    ),
    path(
        "order-classes/<int:pk>/alignments/<slug:aspect>/",
        views.alignment_edit,
        name="alignment_edit",
    ),
    path(
        "order-classes/<int:pk>/alignments/<slug:aspect>/document/",
        views.alignment_document,
        name="alignment_document",
    ),
    path("apprenticeships/", views.ApprenticeshipList.as_view(), name="apprenticeship_list"),
    path("apprenticeships/new/", views.apprenticeship_create, name="apprenticeship_create"),
    path("apprenticeships/<int:pk>/", views.apprenticeship_detail, name="apprenticeship_detail"),
    path("apprenticeships/<int:pk>/edit/", views.apprenticeship_edit, name="apprenticeship_edit"),
    path("internships/", views.InternshipList.as_view(), name="internship_list"),
    path("internships/new/", views.internship_edit, name="internship_create"),
    path("internships/<int:pk>/", views.internship_detail, name="internship_detail"),
    path("internships/<int:pk>/edit/", views.internship_edit, name="internship_edit"),
    path("graduates/", views.PlacementList.as_view(), name="placement_list"),
    path("graduates/new/", views.placement_edit, name="placement_create"),
    path("graduates/<int:pk>/", views.placement_detail, name="placement_detail"),
    path("graduates/<int:pk>/edit/", views.placement_edit, name="placement_edit"),
    path("graduates/<int:pk>/follow-ups/new/", views.followup_edit, name="followup_create"),
    path(
        "graduates/<int:pk>/follow-ups/<int:followup_pk>/",
        views.followup_edit,
        name="followup_edit",
    ),
    path("hires/", views.hire_list, name="hire_list"),
    path("hires/<int:pk>/decide/", views.hire_decide, name="hire_decide"),
    path("events/", views.EventList.as_view(), name="event_list"),
    path("events/new/", views.event_edit, name="event_create"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/photos/", views.event_photo_add, name="event_photo_add"),
    path("events/<int:pk>/photos/<int:photo_pk>/", views.event_photo, name="event_photo"),
    path("mentors/", views.MentorList.as_view(), name="mentor_list"),
    path("mentors/new/", views.mentor_edit, name="mentor_create"),
    path("mentors/<int:pk>/", views.mentor_detail, name="mentor_detail"),
    path("mentors/<int:pk>/edit/", views.mentor_edit, name="mentor_edit"),
]
