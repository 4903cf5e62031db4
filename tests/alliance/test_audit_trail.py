"""The audit trail: what is recorded, with whom and from where; entries can't be changed."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from alliance import audit
from alliance.models import AuditEvent, AuditKind, ImportBatch
from members.models import User
from reports.models import AnnualReport, ReportStatus
from tests.alliance.test_exchange_pages import figures_file, post
from tests.placements.factories import StudentFactory

pytestmark = pytest.mark.django_db


def _kinds() -> list[str]:
    return list(AuditEvent.objects.order_by("pk").values_list("kind", flat=True))


# -- append-only ---------------------------------------------------------------------------


def test_an_event_cannot_be_changed_or_deleted(secretariat_user):
    event = audit.record(AuditKind.EXPORT, user=secretariat_user, target="students")
    event.target = "nothing"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(target="nothing")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().target == "students"


def test_admin_shows_events_read_only(rf, secretariat_user):
    model_admin = admin.site._registry[AuditEvent]
    request = rf.get("/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_an_event_keeps_the_username_when_the_account_goes(school_user):
    audit.record(AuditKind.LOGIN, user=school_user)
    school_user.delete()
    assert AuditEvent.objects.get().username == "coordinator"


# -- log-in, log-out, passwords ----------------------------------------------------------------


def test_login_failure_logout_are_recorded_with_the_address(client, hr_user):
    client.post(
        reverse("login"), {"username": "hr_user", "password": "nope"}, REMOTE_ADDR="203.0.113.4"
    )
    client.post(
        reverse("login"),
        {"username": "hr_user", "password": "Alliance@2025"},
        REMOTE_ADDR="203.0.113.4",
    )
    client.post(reverse("logout"), REMOTE_ADDR="203.0.113.4")
    events = list(AuditEvent.objects.order_by("pk"))
    assert [e.kind for e in events] == [AuditKind.LOGIN_FAILED, AuditKind.LOGIN, AuditKind.LOGOUT]
    assert {e.username for e in events} == {"hr_user"}
    assert {e.ip_address for e in events} == {"203.0.113.4"}
    assert events[1].user_id == hr_user.pk and events[0].user_id is None


def test_password_change_is_recorded(client_for, hr_user):
    client = client_for(hr_user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "Alliance@2025",
            "new_password1": "Qingzhou#2026",
            "new_password2": "Qingzhou#2026",
        },
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_CHANGE, username="hr_user").exists()


# -- accounts ------------------------------------------------------------------------------------


def test_account_changes_name_who_did_them_and_what_changed(
    client_for, secretariat_user, hr_user, other_enterprise
):
    client = client_for(secretariat_user)
    client.post(
        reverse("members:account_update", args=[hr_user.pk]),
        {
            "username": hr_user.username,
            "full_name": hr_user.first_name,
            "role": "enterprise_hr",
            "organization": other_enterprise.pk,
        },
    )
    client.post(reverse("members:account_set_active", args=[hr_user.pk]), {"active": "0"})
    client.post(reverse("members:account_reset_password", args=[hr_user.pk]))
    update, active, reset = AuditEvent.objects.exclude(kind=AuditKind.LOGIN).order_by("pk")
    assert (update.kind, update.username, update.target) == (
        AuditKind.ACCOUNT_UPDATE,
        "sec",
        "hr_user",
    )
    assert update.detail == {"organization": ["山东华建铝业集团有限公司", "山东雷奥新能源有限公司"]}
    assert (active.kind, active.detail) == (AuditKind.ACCOUNT_ACTIVE, {"active": False})
    assert (reset.kind, reset.target) == (AuditKind.PASSWORD_RESET, "hr_user")


def test_account_creation_is_recorded(client_for, secretariat_user, school):
    client_for(secretariat_user).post(
        reverse("members:account_create"),
        {
            "username": "coord_new",
            "full_name": "新联络员",
            "role": "school_coordinator",
            "organization": school.pk,
        },
    )
    event = AuditEvent.objects.get(kind=AuditKind.ACCOUNT_CREATE)
    assert (event.username, event.target) == ("sec", "coord_new")
    assert event.detail == {"role": "school_coordinator", "organization": school.name}


# -- exports, imports, publication ----------------------------------------------------------------


def test_export_records_register_filters_rows_and_full_ids(client_for, secretariat_user, school):
    StudentFactory.create_batch(3, school=school)
    StudentFactory()  # another school: filtered out
    client_for(secretariat_user).get(reverse("exchange:students_export"), {"school": school.pk})
    event = AuditEvent.objects.get(kind=AuditKind.EXPORT)
    assert event.target == "students"
    assert event.detail == {"filters": {"school": [str(school.pk)]}, "rows": 3, "unmasked": True}


def test_a_masked_export_says_so(client_for, school_user, school):
    StudentFactory.create_batch(2, school=school)
    client_for(school_user).get(reverse("exchange:students_export"))
    event = AuditEvent.objects.get(kind=AuditKind.EXPORT)
    assert (event.username, event.detail["rows"], event.detail["unmasked"]) == (
        "coordinator",
        2,
        False,
    )


def test_confirmed_import_is_recorded(client_for, school_user, school):
    client = client_for(school_user)
    post(client, "school_figures", figures_file(school))
    batch = ImportBatch.objects.get()
    assert not AuditEvent.objects.filter(kind=AuditKind.IMPORT).exists()  # a dry run is not
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    event = AuditEvent.objects.get(kind=AuditKind.IMPORT)
    assert (event.username, event.target) == ("coordinator", "school_figures")
    assert event.detail["batch"] == batch.pk and event.detail["to_create"] == 2


def test_report_publication_is_recorded(client_for, secretariat_user):
    report = AnnualReport.objects.create(year=2025, status=ReportStatus.DONE, sha256="ab" * 32)
    client_for(secretariat_user).post(reverse("reports:run_publish", args=[report.pk]))
    event = AuditEvent.objects.get(kind=AuditKind.REPORT_PUBLISH)
    assert (event.username, event.target, event.detail["report"]) == ("sec", "2025", report.pk)


# -- unmasked personal data ---------------------------------------------------------------------


def test_secretariat_opening_a_student_is_recorded(client_for, secretariat_user, school):
    student = StudentFactory(school=school)
    client_for(secretariat_user).get(reverse("placements:student_detail", args=[student.pk]))
    event = AuditEvent.objects.get(kind=AuditKind.PERSONAL_DATA)
    assert event.username == "sec" and event.detail["record"] == student.pk
    assert student.student_number in event.target


def test_secretariat_student_list_is_recorded_with_its_rows(client_for, secretariat_user, school):
    StudentFactory.create_batch(3, school=school)
    client_for(secretariat_user).get(reverse("placements:student_list"), {"q": "x"})
    event = AuditEvent.objects.get(kind=AuditKind.PERSONAL_DATA)
    assert event.target == "student" and event.detail["query"] == "q=x"


def test_masked_pages_are_not_recorded_as_personal_data(client_for, school_user, school):
    student = StudentFactory(school=school)
    client = client_for(school_user)
    client.get(reverse("placements:student_list"))
    client.get(reverse("placements:student_detail", args=[student.pk]))
    assert not AuditEvent.objects.filter(kind=AuditKind.PERSONAL_DATA).exists()
