"""The MoE status-data table (产学合作) of a school and academic year, from the registers: its
numbers worked out by hand, its Excel file in the national layout, the same numbers through the
API, and who may read which school's table."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from alliance.api.tokens import token_issue
from placements.models import Destination, HireStatus, MaterialKind
from reports.status_data import BY_ENTERPRISE, BY_MAJOR, FIELDS, NO_SOURCE_YET, status_table
from tests.members.factories import MajorFactory
from tests.placements.factories import (
    CoDevelopedMaterialFactory,
    GraduatePlacementFactory,
    InternshipFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    StudentFactory,
)
from tests.training.factories import (
    CraftsmanFactory,
    ServiceProjectFactory,
    SharedEquipmentFactory,
    TeachingAssignmentFactory,
    TrainingProgrammeFactory,
)
from training.models import AssignmentKind, EquipmentDirection, ProjectKind, ProjectStatus, Term

pytestmark = pytest.mark.django_db

MECHATRONICS, CNC = "机电技术应用", "数控技术应用"
HEADER = [
    "学校代码",
    "专业",
    "合作企业名称",
    "统一社会信用代码",
    "订单培养人数",
    "共同开发课程数",
    "共同开发教材数",
    "支持学校兼职教师数",
    "接受顶岗实习学生数",
    "对学校捐赠设备总值",
    "接受毕业生就业数",
    "学校为企业技术服务年收入",
    "学校为企业年培训员工数",
]


@pytest.fixture
def records(school, other_school, enterprise, other_enterprise):
    """The records of the academic year 2024-2025 (1 Sep 2024 – 31 Aug 2025) and around it.

    enterprise = 山东华建铝业 (E1), other_enterprise = 山东雷奥新能源 (E2)."""
    e1, e2 = enterprise, other_enterprise
    # Order classes: a joint class of E1 and E2 in training (cohort 2023, graduating 2025) with
    # 3 students -> 3 for (机电, E1) and 3 for (机电, E2); a class enrolling in September 2025
    # (after the year) and a class of another school do not count.
    joint = OrderClassFactory(school=school, major__name=MECHATRONICS, cohort_year=2023)
    joint.enterprises.set([e1, e2])
    for _ in range(3):
        OrderClassEnrolmentFactory(order_class=joint, student=StudentFactory(school=school))
    later = OrderClassFactory(
        school=school, major__name=CNC, cohort_year=2025, graduation_year=2028
    )
    later.enterprises.set([e1])
    OrderClassEnrolmentFactory(order_class=later, student=StudentFactory(school=school))
    elsewhere = OrderClassFactory(school=other_school, cohort_year=2023)
    elsewhere.enterprises.set([e1])
    OrderClassEnrolmentFactory(order_class=elsewhere, student=StudentFactory(school=other_school))

    # Internships: one 机电 student twice at E1 in the year (counted once), one 数控 student
    # whose internship overlaps the year's end (counted), one before the year (not).
    intern = StudentFactory(school=school, major__name=MECHATRONICS)
    InternshipFactory(
        student=intern, enterprise=e1, start_date=dt.date(2024, 9, 1), end_date=dt.date(2025, 1, 31)
    )
    InternshipFactory(
        student=intern, enterprise=e1, start_date=dt.date(2025, 3, 1), end_date=dt.date(2025, 4, 30)
    )
    InternshipFactory(
        student=StudentFactory(school=school, major__name=CNC),
        enterprise=e1,
        start_date=dt.date(2025, 7, 1),
        end_date=dt.date(2025, 9, 30),
    )
    InternshipFactory(
        student=StudentFactory(school=school, major__name=CNC),
        enterprise=e1,
        start_date=dt.date(2024, 6, 1),
        end_date=dt.date(2024, 8, 31),
    )

    # Graduates of summer 2025 working at E1: one confirmed and one pending count (2), a declined
    # hire, a 2024 graduate and one in further study do not.
    for status in (HireStatus.CONFIRMED, HireStatus.PENDING, HireStatus.DECLINED):
        GraduatePlacementFactory(
            student=StudentFactory(school=school, major__name=MECHATRONICS),
            graduation_year=2025,
            employer=e1,
            hire_status=status,
        )
    GraduatePlacementFactory(
        student=StudentFactory(school=school, major__name=MECHATRONICS),
        graduation_year=2024,
        employer=e1,
    )
    GraduatePlacementFactory(
        student=StudentFactory(school=school, major__name=MECHATRONICS),
        graduation_year=2025,
        employer=e1,
        destination=Destination.FURTHER_STUDY,
    )

    # Part-time teachers of E1 at the school: c1 in autumn 2024 and spring 2025 (once), c2 an
    # internship instructor in spring 2025 -> 2. Not counted: spring 2024 (before), autumn 2025
    # (after), and teaching standards work.
    c1, c2 = CraftsmanFactory(enterprise=e1), CraftsmanFactory(enterprise=e1)
    TeachingAssignmentFactory(craftsman=c1, school=school, year=2024, term=Term.AUTUMN)
    TeachingAssignmentFactory(craftsman=c1, school=school, year=2025, term=Term.SPRING)
    TeachingAssignmentFactory(
        craftsman=c2,
        school=school,
        year=2025,
        term=Term.SPRING,
        kind=AssignmentKind.INTERNSHIP_INSTRUCTOR,
    )
    TeachingAssignmentFactory(
        craftsman=CraftsmanFactory(enterprise=e1), school=school, year=2024, term=Term.SPRING
    )
    TeachingAssignmentFactory(
        craftsman=CraftsmanFactory(enterprise=e2), school=school, year=2025, term=Term.AUTUMN
    )
    TeachingAssignmentFactory(
        craftsman=CraftsmanFactory(enterprise=e2),
        school=school,
        year=2024,
        term=Term.AUTUMN,
        kind=AssignmentKind.TEACHING_STANDARDS,
    )

    # Staff trained: 60 for E1 and E2 (a joint programme counts for each) + 25 for E1 on the
    # year's last day -> E1 85, E2 60; a programme starting on 1 September 2025 is next year's.
    joint_programme = TrainingProgrammeFactory(
        school=school, start_on=dt.date(2024, 10, 1), end_on=dt.date(2024, 10, 5), participants=60
    )
    joint_programme.enterprises.set([e1, e2])
    last_day = TrainingProgrammeFactory(
        school=school, start_on=dt.date(2025, 8, 31), end_on=dt.date(2025, 8, 31), participants=25
    )
    last_day.enterprises.set([e1])
    next_year = TrainingProgrammeFactory(
        school=school, start_on=dt.date(2025, 9, 1), end_on=dt.date(2025, 9, 5), participants=99
    )
    next_year.enterprises.set([e2])

    # Co-developed in the year: a 机电 loose-leaf textbook with E1 and E2 -> 1 textbook for
    # (机电, E1) and 1 for (机电, E2); a 机电 curriculum with E1 on the year's first day -> 1
    # course for (机电, E1); a course standard of no major with E1 -> 1 course on E1's row
    # without a major. Not counted: a programme (neither column), a textbook finished the day
    # before the year, a textbook of another school.
    mechatronics = MajorFactory(school=school, name=MECHATRONICS)
    material = CoDevelopedMaterialFactory
    material(
        school=school, major=mechatronics, enterprises=[e1, e2], completed_on=dt.date(2025, 6, 30)
    )
    material(
        school=school,
        major=mechatronics,
        kind=MaterialKind.CURRICULUM,
        enterprises=[e1],
        completed_on=dt.date(2024, 9, 1),
    )
    material(
        school=school,
        kind=MaterialKind.COURSE_STANDARD,
        enterprises=[e1],
        completed_on=dt.date(2025, 1, 10),
    )
    material(school=school, major=mechatronics, kind=MaterialKind.PROGRAMME, enterprises=[e1])
    material(
        school=school,
        major=mechatronics,
        kind=MaterialKind.TEXTBOOK,
        enterprises=[e1],
        completed_on=dt.date(2024, 8, 31),
    )
    material(school=other_school, kind=MaterialKind.TEXTBOOK, enterprises=[e1])

    # Equipment E1 introduced into the school in the year: 680 000 + 120 000 = 800 000 yuan.
    # Not counted: equipment E2 shares with the school, equipment E2 introduced the day before
    # the year (E2's value is 0).
    equipment = SharedEquipmentFactory
    equipment(school=school, enterprise=e1, value=680000, since=dt.date(2024, 9, 1))
    equipment(school=school, enterprise=e1, value=120000, since=dt.date(2025, 3, 1))
    equipment(
        school=school,
        enterprise=e2,
        value=300000,
        since=dt.date(2024, 10, 1),
        direction=EquipmentDirection.SHARED,
    )
    equipment(school=school, enterprise=e2, value=50000, since=dt.date(2024, 8, 31))

    # Technical services starting in the year: 80 000 for E1 and E2 (counted for each) and
    # 20 000 for E1 -> E1 100 000, E2 80 000. Not counted: joint R&D, a stopped service, a
    # service starting on 1 September 2025.
    service = ServiceProjectFactory
    service(school=school, enterprises=[e1, e2], value=80000, start_on=dt.date(2025, 3, 1))
    service(school=school, enterprises=[e1], value=20000, start_on=dt.date(2024, 9, 15))
    service(school=school, enterprises=[e1], value=500000, kind=ProjectKind.JOINT_RND)
    service(school=school, enterprises=[e2], value=50000, status=ProjectStatus.STOPPED)
    service(school=school, enterprises=[e1], value=70000, start_on=dt.date(2025, 9, 1))


def _expected(e1, e2) -> list[dict]:
    blank = dict.fromkeys(NO_SOURCE_YET)

    def row(enterprise, major, **figures):
        values = {
            "order_trained": 0,
            "part_time_teachers": 0,
            "interns": 0,
            "graduates_hired": 0,
            "staff_trained": 0,
            "courses_developed": 0,
            "materials_developed": 0,
            "equipment_value": 0,
            "service_income": 0,
            **figures,
        }
        return {
            **blank,
            "major": major,
            "enterprise_name": enterprise.name,
            "credit_code": enterprise.credit_code,
            **values,
        }

    # By enterprise, then major in code-point order (E1 山东华建… before E2 山东雷奥…, 数控 before
    # 机电), the row without a major last.
    return [
        row(e1, CNC, interns=1),
        row(
            e1,
            MECHATRONICS,
            order_trained=3,
            interns=1,
            graduates_hired=2,
            courses_developed=1,
            materials_developed=1,
        ),
        row(
            e1,
            "",
            part_time_teachers=2,
            staff_trained=85,
            courses_developed=1,
            equipment_value=800000,
            service_income=100000,
        ),
        row(e2, MECHATRONICS, order_trained=3, materials_developed=1),
        row(e2, "", staff_trained=60, service_income=80000),
    ]


def test_the_table_counts_the_registers_as_worked_out_by_hand(
    records, school, enterprise, other_enterprise
):
    table = status_table(school.pk, 2024)
    assert table.records() == _expected(enterprise, other_enterprise)


def test_fields_without_a_source_are_named_and_blank(records, school):
    # The organisation register has no MoE school code.
    assert set(NO_SOURCE_YET) == {"school_code"}
    # Every national figure has a source or a note.
    figures = {f.key for f in FIELDS[4:]}
    assert figures == (BY_MAJOR.keys() | BY_ENTERPRISE.keys() | (NO_SOURCE_YET.keys() & figures))
    assert all(r["school_code"] is None for r in status_table(school.pk, 2024).records())


def test_the_excel_file_has_the_national_header_and_the_numbers(
    client_for, records, secretariat_user, school, enterprise
):
    url = reverse("reports:status_data_export")
    response = client_for(secretariat_user).get(url, {"school": school.pk, "year": 2024})
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["产学合作"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    first = dict(zip(HEADER, rows[2], strict=True))
    assert first["专业"] == MECHATRONICS
    assert first["合作企业名称"] == enterprise.name
    assert first["统一社会信用代码"] == enterprise.credit_code
    assert (first["订单培养人数"], first["接受顶岗实习学生数"], first["接受毕业生就业数"]) == (
        3,
        1,
        2,
    )
    assert (first["共同开发课程数"], first["共同开发教材数"]) == (1, 1)
    assert first["学校代码"] is None
    third = dict(zip(HEADER, rows[3], strict=True))
    assert (third["支持学校兼职教师数"], third["学校为企业年培训员工数"]) == (2, 85)
    assert (third["对学校捐赠设备总值"], third["学校为企业技术服务年收入"]) == (800000, 100000)
    assert len(rows) == 1 + 5
    # The fields with no source carry a comment, and the notes sheet explains every field.
    assert sheet["A1"].comment is not None and sheet["J1"].comment is None
    notes = {r[0]: r[1] for r in book["说明"].iter_rows(values_only=True) if r and r[0]}
    assert set(HEADER) <= notes.keys()


def test_the_api_gives_the_same_numbers(
    client, records, school_user, school, enterprise, other_enterprise
):
    headers = {"Authorization": f"Bearer {token_issue(user=school_user)}"}
    response = client.get(reverse("api:status_data"), {"year": 2024}, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["school"] == school.pk and body["academic_year"] == "2024-2025"
    assert body["rows"] == _expected(enterprise, other_enterprise)
    assert body["headers"]["credit_code"] == "统一社会信用代码"
    assert set(body["no_source_yet"]) == set(NO_SOURCE_YET)


def test_a_coordinator_reads_only_its_own_school(
    client_for, client, records, school_user, other_school
):
    page = client_for(school_user)
    assert page.get(reverse("reports:status_data"), {"year": 2024}).status_code == 200
    for name in ("reports:status_data", "reports:status_data_export"):
        response = page.get(reverse(name), {"school": other_school.pk, "year": 2024})
        assert response.status_code == 404
    client.logout()
    headers = {"Authorization": f"Bearer {token_issue(user=school_user)}"}
    response = client.get(reverse("api:status_data"), {"school": other_school.pk}, headers=headers)
    assert response.status_code == 404


@pytest.mark.parametrize(("persona", "status"), [("hr_user", 403), ("council_user", 200)])
def test_hr_is_refused_and_the_council_reads_any_school(
    client_for, client, request, records, school, persona, status
):
    user = request.getfixturevalue(persona)
    query = {"school": school.pk, "year": 2024}
    assert client_for(user).get(reverse("reports:status_data"), query).status_code == status
    client.logout()
    headers = {"Authorization": f"Bearer {token_issue(user=user)}"}
    assert client.get(reverse("api:status_data"), query, headers=headers).status_code == status


def test_anonymous_is_refused(client, school):
    assert client.get(reverse("api:status_data")).status_code == 401
    response = client.get(reverse("reports:status_data_export"))
    assert response.status_code == 302


def test_the_page_shows_the_table(client_for, records, secretariat_user, school):
    response = client_for(secretariat_user).get(
        reverse("reports:status_data"), {"school": school.pk, "year": 2024}
    )
    assert response.status_code == 200
    assert len(response.context["records"]) == 5
    assert "统一社会信用代码" in response.content.decode()


def test_a_year_out_of_range_is_a_bad_request(client_for, secretariat_user, school):
    response = client_for(secretariat_user).get(
        reverse("reports:status_data"), {"school": school.pk, "year": 99999}
    )
    assert response.status_code == 400


def test_the_major_column_shows_the_catalogue_code_where_known(school, enterprise):
    major = MajorFactory(school=school, name=MECHATRONICS, code="660301")
    order_class = OrderClassFactory(school=school, major=major, cohort_year=2024)
    order_class.enterprises.set([enterprise])
    OrderClassEnrolmentFactory(order_class=order_class, student=StudentFactory(school=school))
    [record] = status_table(school.pk, 2024).records()
    assert (record["major"], record["order_trained"]) == ("机电技术应用（660301）", 1)
