"""Issue 15 (part b) in the placements app: every form of training (pilot apprenticeships on a
tripartite agreement, class kinds, internship stages), talent demand and joint order classes,
co-developed materials, and employment guidance (mentors' classes, preferential measures,
graduates not followed up)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from placements import services
from placements.models import (
    Apprenticeship,
    OrderClass,
    OrderClassEnrolment,
    OutreachKind,
    Student,
    StudyMode,
    TalentDemand,
)
from tests.members.factories import EnterpriseFactory, MajorFactory
from tests.placements.factories import (
    ApprenticeshipFactory,
    ApprenticeStudentFactory,
    CareerMentorFactory,
    CoDevelopedMaterialFactory,
    GraduatePlacementFactory,
    InternshipFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    OutreachEventFactory,
    PilotClassFactory,
    PreferentialMeasureFactory,
    RetentionFollowUpFactory,
    StudentFactory,
    TalentDemandFactory,
)
from tests.placements.test_pages import _apprentice_post

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# --- the modern apprenticeship pilot (Qufu 三(二)): full-time students, tripartite agreement ---------


@pytest.fixture
def pilot(school, enterprise):
    pilot = PilotClassFactory(school=school, enterprises=[enterprise])
    student = StudentFactory(school=school, student_number="QF2024001", name="李四")
    OrderClassEnrolmentFactory(order_class=pilot, student=student)
    return pilot


def _pilot_post(school, enterprise, pilot, **changes):
    data = _apprentice_post(
        school,
        enterprise,
        **{
            "student-student_number": "QF2024001",
            "path": "pilot",
            "employee_category": "",
            "order_class": pilot.pk,
            "contract_start": "2024-09-01",
            "contract_end": "2025-06-30",  # an agreement may be shorter than a year
            "agreement": SimpleUploadedFile("三方协议.pdf", PDF, "application/pdf"),
        },
    )
    data.update(changes)
    return data


def test_hr_records_a_pilot_apprentice_without_changing_the_study_mode(
    client_for, hr_user, school, enterprise, pilot
):
    response = client_for(hr_user).post(
        reverse("placements:apprenticeship_create"), _pilot_post(school, enterprise, pilot)
    )
    assert response.status_code == 302, response.context["form"].errors
    apprenticeship = Apprenticeship.objects.get()
    assert apprenticeship.is_pilot and apprenticeship.order_class == pilot
    assert apprenticeship.agreement.name.endswith(".pdf")
    student = Student.objects.get(student_number="QF2024001")
    assert student.study_mode == StudyMode.FULL_TIME  # never rewritten
    assert Student.objects.count() == 1


def test_a_pilot_apprentice_must_be_a_student_of_the_pilot_class(
    client_for, hr_user, school, enterprise, pilot
):
    response = client_for(hr_user).post(
        reverse("placements:apprenticeship_create"),
        _pilot_post(school, enterprise, pilot, **{"student-student_number": "NEW001"}),
    )
    assert response.status_code == 200
    assert "试点学徒须是学校已编入试点班的学生" in response.content.decode()
    assert not Apprenticeship.objects.exists()
    assert not Student.objects.filter(student_number="NEW001").exists()


def test_employee_path_never_turns_a_full_time_student_part_time(school, enterprise, pilot):
    student = pilot.enrolments.get().student
    apprenticeship = ApprenticeshipFactory.build(
        student=student, enterprise=enterprise, employee_category="new_hire"
    )
    with pytest.raises(ValidationError) as error:
        apprenticeship.full_clean()
    assert "student" in error.value.error_dict
    student.refresh_from_db()
    assert student.study_mode == StudyMode.FULL_TIME


def test_pilot_path_refuses_a_part_time_student_and_a_plain_order_class(school, enterprise):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise])
    student = ApprenticeStudentFactory(school=school)
    OrderClassEnrolment.objects.create(order_class=order_class, student=student)
    apprenticeship = ApprenticeshipFactory.build(
        student=student, enterprise=enterprise, path="pilot", order_class=order_class
    )
    with pytest.raises(ValidationError) as error:
        apprenticeship.full_clean()
    assert {"student", "order_class"} <= set(error.value.error_dict)


def test_employee_path_records_new_hire_or_transfer(client_for, hr_user, school, enterprise):
    client = client_for(hr_user)
    data = _apprentice_post(school, enterprise, employee_category="")
    response = client.post(reverse("placements:apprenticeship_create"), data)
    assert "employee_category" in response.context["form"].errors
    data = _apprentice_post(school, enterprise, employee_category="transferred")
    assert client.post(reverse("placements:apprenticeship_create"), data).status_code == 302
    assert Apprenticeship.objects.get().employee_category == "transferred"
    assert Student.objects.get().study_mode == StudyMode.APPRENTICE  # a new part-time student


def test_internship_stage_and_class_kind_are_kept(school, enterprise):
    internship = InternshipFactory(
        student=StudentFactory(school=school), enterprise=enterprise, stage="cognitive"
    )
    assert internship.get_stage_display() == "认知实习"
    directed = OrderClassFactory(school=school, kind="directed", enterprises=[enterprise])
    assert directed.get_kind_display() == "定向培养班"


# --- talent demand and joint order classes (Linqu §(四)11, §(三)6) ---------------------------------


@pytest.fixture
def demands(school, enterprise, other_enterprise):
    major = MajorFactory(school=school, name="数控技术应用")
    return [
        TalentDemandFactory(enterprise=enterprise, major=major, post="数控操作工", headcount=12),
        TalentDemandFactory(
            enterprise=other_enterprise, major=major, post="挤压机操作工", headcount=8
        ),
    ]


def test_secretariat_forms_a_joint_order_class_from_two_enterprises_demand(
    client_for, secretariat_user, school, enterprise, other_enterprise, demands
):
    client = client_for(secretariat_user)
    overview = client.get(reverse("placements:demand_overview"), {"year": 2025})
    proposals = overview.context["proposals"]
    assert [p["major"] for p in proposals] == ["数控技术应用"]
    assert proposals[0]["headcount"] == 20  # 12 + 8
    form_url = reverse("placements:joint_class_create") + "?year=2025&major=数控技术应用"
    assert client.get(form_url).context["form"].initial["planned_size"] == 20
    response = client.post(
        reverse("placements:joint_class_create"),
        {
            "year": 2025,
            "major": "数控技术应用",
            "demands": [d.pk for d in demands],
            "school": school.pk,
            "name": "数控联合订单班",
            "kind": "order",
            "cohort_year": 2025,
            "graduation_year": 2028,
            "planned_size": 20,
        },
    )
    assert response.status_code == 302
    order_class = OrderClass.objects.get(name="数控联合订单班")
    assert set(order_class.enterprises.all()) == {enterprise, other_enterprise}
    assert order_class.major.name == "数控技术应用" and order_class.alignments.count() == 5
    assert set(TalentDemand.objects.values_list("order_class", flat=True)) == {order_class.pk}
    # Formed demands are no longer proposed, and cannot be formed twice.
    again = client.get(reverse("placements:demand_overview"), {"year": 2025})
    assert again.context["proposals"] == []
    with pytest.raises(ValidationError):
        services.order_class_from_demands(
            demands=demands,
            school=school,
            name="第二个班",
            kind="order",
            cohort_year=2025,
            graduation_year=2028,
            planned_size=20,
        )


def test_only_the_secretariat_forms_joint_classes(
    client_for, hr_user, school_user, council_user, demands
):
    for user in (hr_user, school_user, council_user):
        client = client_for(user)
        assert client.get(reverse("placements:demand_overview")).status_code == 403
        assert client.get(reverse("placements:joint_class_create")).status_code == 403


def test_hr_sees_and_edits_only_its_own_demand(client_for, hr_user, demands):
    own, other = demands
    client = client_for(hr_user)
    rows = client.get(reverse("placements:demand_list")).context["table"].data
    assert [d.pk for d in rows] == [own.pk]
    assert client.get(reverse("placements:demand_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("placements:demand_update", args=[other.pk])).status_code == 404


def test_demand_wages_in_order(hr_user, enterprise, school):
    demand = TalentDemandFactory.build(
        enterprise=enterprise, major=MajorFactory(school=school), wage_min=6000, wage_max=5000
    )
    with pytest.raises(ValidationError) as error:
        demand.full_clean()
    assert "wage_max" in error.value.error_dict


def test_demand_against_graduates_of_the_major(client_for, secretariat_user, school, demands):
    for _ in range(3):
        GraduatePlacementFactory(
            student=StudentFactory(school=school, major=demands[0].major), graduation_year=2025
        )
    rows = (
        client_for(secretariat_user)
        .get(reverse("placements:demand_overview"), {"year": 2025})
        .context["rows"]
    )
    # 20 people asked for, 3 graduates of the major: 17 beyond the supply
    assert [(r["major"], r["headcount"], r["graduates"], r["gap"]) for r in rows] == [
        ("数控技术应用", 20, 3, 17)
    ]


# --- co-developed materials ------------------------------------------------------------------------


def test_a_material_serves_one_thing_and_its_schools_major(school, other_school, enterprise):
    pilot = PilotClassFactory(school=school, enterprises=[enterprise])
    material = CoDevelopedMaterialFactory.build(
        school=school,
        major=MajorFactory(school=other_school),
        order_class=pilot,
        apprentice_enterprise=enterprise,
        apprentice_cohort_year=2025,
    )
    with pytest.raises(ValidationError) as error:
        material.full_clean()
    assert {"major", "order_class"} <= set(error.value.error_dict)


def test_school_keeps_its_own_materials_only(client_for, school_user, other_school):
    other = CoDevelopedMaterialFactory(school=other_school)
    client = client_for(school_user)
    assert client.get(reverse("placements:material_detail", args=[other.pk])).status_code == 200
    assert client.get(reverse("placements:material_update", args=[other.pk])).status_code == 404


# --- employment guidance (Linqu §(四)10-11) --------------------------------------------------------


def test_only_career_classes_and_lectures_have_a_mentor(school, enterprise):
    mentor = CareerMentorFactory(enterprise=enterprise)
    event = OutreachEventFactory(school=school, kind=OutreachKind.PARENTS_VISIT, mentor=mentor)
    with pytest.raises(ValidationError):
        event.full_clean()
    event.kind = OutreachKind.CAREER_CLASS
    event.full_clean()


def test_hr_cannot_change_another_enterprises_preferential_measure(
    client_for, hr_user, other_enterprise
):
    other = PreferentialMeasureFactory(enterprise=other_enterprise)
    client = client_for(hr_user)
    assert client.get(reverse("placements:preference_detail", args=[other.pk])).status_code == 200
    assert client.get(reverse("placements:preference_update", args=[other.pk])).status_code == 404


def test_graduates_not_followed_up_this_year(client_for, school_user, school, other_school):
    followed = GraduatePlacementFactory(student=StudentFactory(school=school), graduation_year=2024)
    RetentionFollowUpFactory(placement=followed, contacted_on=dt.date(2025, 3, 15))
    forgotten = GraduatePlacementFactory(
        student=StudentFactory(school=school), graduation_year=2024
    )
    RetentionFollowUpFactory(placement=forgotten, contacted_on=dt.date(2024, 10, 15))
    left = GraduatePlacementFactory(student=StudentFactory(school=school), graduation_year=2023)
    RetentionFollowUpFactory(placement=left, contacted_on=dt.date(2024, 3, 1), still_employed=False)
    GraduatePlacementFactory(student=StudentFactory(school=school), employer_location="city")
    elsewhere = GraduatePlacementFactory(student=StudentFactory(school=other_school))
    page = client_for(school_user).get(reverse("placements:not_followed_list"), {"year": 2025})
    listed = [p.pk for p in page.context["page"]]
    assert listed == [forgotten.pk]  # not the followed, the one who left, the city job
    assert elsewhere.pk not in listed  # another school's graduate never shows


def test_new_lists_run_a_bounded_number_of_queries(
    client_for, secretariat_user, school, enterprise, django_assert_max_num_queries
):
    major = MajorFactory(school=school)
    for n in range(12):
        TalentDemandFactory(enterprise=EnterpriseFactory(), major=major, post=f"岗位{n}")
        CoDevelopedMaterialFactory(school=school)
        PreferentialMeasureFactory(enterprise=enterprise)
    client = client_for(secretariat_user)
    for name in ("demand_list", "material_list", "preference_list"):
        # session, user, count, rows (+ prefetches), filter choices: the same for 12 rows or 1200
        with django_assert_max_num_queries(16):
            assert client.get(reverse(f"placements:{name}")).status_code == 200
    with django_assert_max_num_queries(10):  # session, user, demand, graduates, proposals
        client.get(reverse("placements:demand_overview"), {"year": 2025})
