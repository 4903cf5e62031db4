"""The registers through the open API: the pages' audiences, row scopes and masking, a per-account
token, filters by year and organisation, pages, a rate limit — for every declared register."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse

from alliance.api.tokens import token_issue, token_revoke
from alliance.models import AuditEvent, AuditKind
from alliance.registers.urls import declared_registers
from tests.placements.factories import ApprenticeshipFactory, OrderClassFactory, StudentFactory
from tests.training.factories import (
    CraftsmanFactory,
    SecondmentFactory,
    TeacherFactory,
    TrainingBaseFactory,
)

pytestmark = pytest.mark.django_db

STUDENTS = reverse("api:placements_student_list")
APPRENTICESHIPS = reverse("api:placements_apprenticeship_list")


def _student(pk: int) -> str:
    return reverse("api:placements_student_detail", args=[pk])


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    cache.clear()  # the throttles count in the cache the whole run shares
    yield
    cache.clear()


def _call(client, url, user=None, **params):
    """GET with the user's API token (anonymous without a user)."""
    client.logout()
    headers = {}
    if user is not None:
        headers["Authorization"] = f"Bearer {token_issue(user=user)}"
    return client.get(url, params, headers=headers)


@pytest.fixture
def students(school, other_school):
    return {
        "own": StudentFactory(school=school, name="张三", enrolment_year=2023),
        "own_2024": StudentFactory(school=school, name="李四", enrolment_year=2024),
        "other": StudentFactory(school=other_school, name="王五", enrolment_year=2023),
    }


def test_anonymous_is_asked_for_a_token(client, students):
    for url in (STUDENTS, _student(students["own"].pk), APPRENTICESHIPS):
        response = _call(client, url)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("secretariat_user", 200),
        ("school_user", 200),
        ("hr_user", 403),  # students are the school's personal data, never HR's
        ("council_user", 403),
    ],
)
def test_student_register_answers_the_pages_audience(client, request, students, persona, status):
    user = request.getfixturevalue(persona)
    assert _call(client, STUDENTS, user).status_code == status
    assert _call(client, _student(students["own"].pk), user).status_code in (status, 404)


def test_a_school_reads_only_its_own_students_and_another_schools_record_is_404(
    client, school_user, students
):
    names = {row["name"] for row in _call(client, STUDENTS, school_user).json()["results"]}
    assert names == {"张三", "李四"}
    assert _call(client, _student(students["other"].pk), school_user).status_code == 404
    assert _call(client, _student(students["own"].pk), school_user).status_code == 200


def test_the_secretariat_reads_every_school(client, secretariat_user, students):
    assert _call(client, STUDENTS, secretariat_user).json()["count"] == 3


def test_personal_data_is_masked_except_for_the_secretariat(
    client, secretariat_user, school_user, students
):
    student = students["own"]
    masked = _call(client, _student(student.pk), school_user).json()
    assert masked["national_id"] != student.national_id
    assert masked["national_id"][:6] == student.national_id[:6] and "*" in masked["national_id"]
    assert "*" in masked["phone"] and masked["phone"] != student.phone
    clear = _call(client, _student(student.pk), secretariat_user).json()
    assert clear["national_id"] == student.national_id
    assert clear["phone"] == student.phone


def test_the_secretariat_reading_personal_data_is_audited(client, secretariat_user, students):
    _call(client, _student(students["own"].pk), secretariat_user)
    event = AuditEvent.objects.filter(kind=AuditKind.PERSONAL_DATA).get()
    assert event.username == secretariat_user.username
    assert event.detail["record"] == students["own"].pk


def test_hr_reads_its_own_craftsmen_masked(client, hr_user, enterprise, other_enterprise):
    own = CraftsmanFactory(enterprise=enterprise, name="刘工")
    CraftsmanFactory(enterprise=other_enterprise, name="赵工")
    rows = _call(client, reverse("api:training_craftsman_list"), hr_user).json()["results"]
    assert [r["name"] for r in rows] == ["刘工"]
    assert rows[0]["phone"] != own.phone and "****" in rows[0]["phone"]
    assert rows[0]["enterprise"] == {"id": enterprise.pk, "name": enterprise.name}


def test_hr_reads_only_its_enterprises_apprentices(
    client, hr_user, other_hr_user, enterprise, other_enterprise
):
    own = ApprenticeshipFactory(enterprise=enterprise)
    theirs = ApprenticeshipFactory(enterprise=other_enterprise)
    ids = [r["id"] for r in _call(client, APPRENTICESHIPS, hr_user).json()["results"]]
    assert ids == [own.pk]
    detail = reverse("api:placements_apprenticeship_detail", args=[theirs.pk])
    assert _call(client, detail, hr_user).status_code == 404
    assert _call(client, detail, other_hr_user).status_code == 200


def test_filters_by_year_and_organisation(client, secretariat_user, school, students):
    rows = _call(client, STUDENTS, secretariat_user, year=2023).json()["results"]
    assert {r["name"] for r in rows} == {"张三", "王五"}
    rows = _call(client, STUDENTS, secretariat_user, year=2023, school=school.pk).json()["results"]
    assert [r["name"] for r in rows] == ["张三"]
    assert _call(client, STUDENTS, secretariat_user, year=99999).status_code == 400


def test_lists_are_paged(client, secretariat_user, students):
    first = _call(client, STUDENTS, secretariat_user, page_size=2).json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    second = _call(client, STUDENTS, secretariat_user, page_size=2, page=2).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_a_list_costs_a_bounded_number_of_queries(
    client, secretariat_user, enterprise, django_assert_max_num_queries
):
    for _ in range(30):
        TrainingBaseFactory(enterprise=enterprise)
    headers = {"Authorization": f"Bearer {token_issue(user=secretariat_user)}"}
    # token and its account, count, page of rows with their enterprise (select_related)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("api:training_base_list"), headers=headers)
    assert response.json()["count"] == 30


def test_a_revoked_token_is_refused(client, school_user, students):
    key = token_issue(user=school_user)
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get(STUDENTS, headers=headers).status_code == 200
    token_revoke(user=school_user)
    assert client.get(STUDENTS, headers=headers).status_code == 401


def test_a_deactivated_account_s_token_is_refused(client, school_user, students):
    key = token_issue(user=school_user)
    school_user.is_active = False
    school_user.save()
    assert client.get(STUDENTS, headers={"Authorization": f"Bearer {key}"}).status_code == 401


def test_calls_over_the_rate_are_refused(client, settings, school_user, students):
    settings.API_RATE_ACCOUNT = "3/min"
    headers = {"Authorization": f"Bearer {token_issue(user=school_user)}"}
    codes = [client.get(STUDENTS, headers=headers).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_the_api_is_read_only(client, secretariat_user):
    headers = {"Authorization": f"Bearer {token_issue(user=secretariat_user)}"}
    response = client.post(STUDENTS, {"name": "x"}, headers=headers)
    assert response.status_code == 405


def test_every_declared_register_has_its_endpoints(client, secretariat_user):
    """A register added to any app gets its endpoints with no line of API code."""
    headers = {"Authorization": f"Bearer {token_issue(user=secretariat_user)}"}
    get_resolver().url_patterns  # noqa: B018 - the registers are declared as the URLs load
    registers = declared_registers()
    assert len(registers) >= 20
    for register in registers:
        url = reverse(f"api:{register.namespace}_{register.name}_list")
        assert client.get(url, headers=headers).status_code == 200, url
        reverse(f"api:{register.namespace}_{register.name}_detail", args=[1])


def test_account_passwords_are_never_served(client, secretariat_user):
    rows = _call(client, reverse("api:members_account_list"), secretariat_user).json()["results"]
    assert rows and all("password" not in row for row in rows)


def test_an_upload_is_the_address_of_the_register_file_view(client, school_user, school):
    secondment = SecondmentFactory(
        teacher=TeacherFactory(school=school),
        outcome_report=SimpleUploadedFile("报告.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    url = reverse("api:training_secondment_detail", args=[secondment.pk])
    row = _call(client, url, school_user).json()
    served = reverse("training:secondment_file", args=[secondment.pk, "outcome_report"])
    assert row["outcome_report"] == f"http://testserver{served}"
    assert row["teacher"]["id"] == secondment.teacher_id


def test_an_upload_is_hidden_from_readers_who_may_not_open_it(client, council_user, school):
    order_class = OrderClassFactory(
        school=school, agreement=SimpleUploadedFile("协议.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    url = reverse("api:placements_orderclass_detail", args=[order_class.pk])
    # The council reads the order classes, not their agreements (the file view's audience).
    assert _call(client, url, council_user).json()["agreement"] is None


def test_the_secretariat_gets_the_agreement_address(client, secretariat_user, school):
    order_class = OrderClassFactory(
        school=school, agreement=SimpleUploadedFile("协议.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    url = reverse("api:placements_orderclass_detail", args=[order_class.pk])
    assert _call(client, url, secretariat_user).json()["agreement"].endswith("/files/agreement/")


def test_every_register_reads_exactly_its_scope_for_every_role(client):
    """On the demo alliance, for each register and role: the list holds exactly the rows of the
    register's scope, a record in it opens, a record outside it is a 404, and personal fields are
    masked for everyone but the secretariat — as on the pages."""
    from django.core.management import call_command

    from alliance.access import has_access
    from members.models import User

    call_command("seed_demo", verbosity=0, without_report=True)
    get_resolver().url_patterns  # noqa: B018 - the registers are declared as the URLs load
    checked = masked = 0
    for username in ("secretariat", "council", "hr", "school"):
        user = User.objects.get(username=username)
        headers = {"Authorization": f"Bearer {token_issue(user=user)}"}
        for register in declared_registers():
            prefix = f"api:{register.namespace}_{register.name}"
            if not has_access(user, register.readers):
                continue  # refused: the URL sweep checks it
            scope = type(register).scope(user)
            listed = client.get(reverse(f"{prefix}_list"), headers=headers).json()["count"]
            assert listed == scope.count(), (username, register.name)
            if register.personal_fields and username != "secretariat":
                rows = client.get(
                    reverse(f"{prefix}_list"), {"page_size": 200}, headers=headers
                ).json()["results"]
                raw = register.model._default_manager.in_bulk([r["id"] for r in rows])
                for row in rows:
                    for name in register.personal_fields:
                        value = getattr(raw[row["id"]], name)
                        if value and name in row:
                            assert row[name] != str(value), (username, register.name, name)
                            masked += 1
            inside = scope.order_by("pk").first()
            if inside is not None:
                url = reverse(f"{prefix}_detail", args=[inside.pk])
                assert client.get(url, headers=headers).status_code == 200
            outside = register.model._default_manager.exclude(pk__in=scope.values("pk")).first()
            if outside is not None:
                url = reverse(f"{prefix}_detail", args=[outside.pk])
                assert client.get(url, headers=headers).status_code == 404, (username, url)
                checked += 1
    assert checked >= 10  # HR and the school meet other organisations' records
    assert masked >= 100  # students, craftsmen, graduates: masked for HR and the school
