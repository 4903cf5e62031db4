from django.urls import path

from . import views

app_name = "training"


def _register(prefix: str, slug: str, list_view, detail, create, update) -> list:
    return [
        path(f"{slug}/", list_view.as_view(), name=f"{prefix}_list"),
        path(f"{slug}/new/", create.as_view(), name=f"{prefix}_create"),
        path(f"{slug}/<int:pk>/", detail.as_view(), name=f"{prefix}_detail"),
        path(f"{slug}/<int:pk>/edit/", update.as_view(), name=f"{prefix}_update"),
    ]


urlpatterns = [
    *_register(
        "workshop",
        "workshops",
        views.WorkshopList,
        views.WorkshopDetail,
        views.WorkshopCreate,
        views.WorkshopUpdate,
    ),
    path("workshops/<int:pk>/orders/new/", views.OrderCreate.as_view(), name="order_create"),
    path("orders/<int:pk>/edit/", views.OrderUpdate.as_view(), name="order_update"),
    path(
        "workshops/<int:pk>/rotations/new/", views.RotationCreate.as_view(), name="rotation_create"
    ),
    path("rotations/<int:pk>/edit/", views.RotationUpdate.as_view(), name="rotation_update"),
    *_register(
        "base", "bases", views.BaseList, views.BaseDetail, views.BaseCreate, views.BaseUpdate
    ),
    *_register(
        "station",
        "stations",
        views.StationList,
        views.StationDetail,
        views.StationCreate,
        views.StationUpdate,
    ),
    path("stations/<int:pk>/posts/new/", views.PostCreate.as_view(), name="post_create"),
    path("posts/<int:pk>/edit/", views.PostUpdate.as_view(), name="post_update"),
    path("stations/<int:pk>/posts/copy/", views.post_copy, name="post_copy"),
    *_register(
        "teacher",
        "teachers",
        views.TeacherList,
        views.TeacherDetail,
        views.TeacherCreate,
        views.TeacherUpdate,
    ),
    *_register(
        "secondment",
        "secondments",
        views.SecondmentList,
        views.SecondmentDetail,
        views.SecondmentCreate,
        views.SecondmentUpdate,
    ),
    path("secondments/<int:pk>/report/", views.secondment_report, name="secondment_report"),
    *_register(
        "craftsman",
        "craftsmen",
        views.CraftsmanList,
        views.CraftsmanDetail,
        views.CraftsmanCreate,
        views.CraftsmanUpdate,
    ),
    *_register(
        "assignment",
        "assignments",
        views.AssignmentList,
        views.AssignmentDetail,
        views.AssignmentCreate,
        views.AssignmentUpdate,
    ),
    *_register(
        "programme",
        "programmes",
        views.ProgrammeList,
        views.ProgrammeDetail,
        views.ProgrammeCreate,
        views.ProgrammeUpdate,
    ),
    *_register(
        "certification",
        "certifications",
        views.CertificationList,
        views.CertificationDetail,
        views.CertificationCreate,
        views.CertificationUpdate,
    ),
]
