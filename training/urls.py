from django.urls import path

from . import registers, views

app_name = "training"

urlpatterns = [
    *registers.WORKSHOPS.urls(),
    path("workshops/<int:pk>/orders/new/", views.OrderCreate.as_view(), name="order_create"),
    path("orders/<int:pk>/edit/", views.OrderUpdate.as_view(), name="order_update"),
    path(
        "workshops/<int:pk>/rotations/new/", views.RotationCreate.as_view(), name="rotation_create"
    ),
    path("rotations/<int:pk>/edit/", views.RotationUpdate.as_view(), name="rotation_update"),
    *registers.BASES.urls(),
    *registers.STATIONS.urls(),
    path("stations/<int:pk>/posts/new/", views.PostCreate.as_view(), name="post_create"),
    path("posts/<int:pk>/edit/", views.PostUpdate.as_view(), name="post_update"),
    path("stations/<int:pk>/posts/copy/", views.post_copy, name="post_copy"),
    *registers.TEACHERS.urls(),
    *registers.SECONDMENTS.urls(),
    *registers.CRAFTSMEN.urls(),
    *registers.ASSIGNMENTS.urls(),
    *registers.PROGRAMMES.urls(),
    *registers.CERTIFICATIONS.urls(),
    *registers.INSTITUTIONS.urls(),
    *registers.INSTITUTION_YEARS.urls(),
    *registers.PROJECTS.urls(),
    *registers.PATENTS.urls(),
    *registers.EQUIPMENT.urls(),
    *registers.CONTRIBUTIONS.urls(),
    *registers.APPOINTMENTS.urls(),
    path("practice-posts/", views.practice_posts, name="practice_posts"),
    *registers.PARTNERS.urls(),
    *registers.EXCHANGES.urls(),
    *registers.QUALITY_SURVEYS.urls(),
]
