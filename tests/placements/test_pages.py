"""Registers at work: masking, forms with Chinese errors, services behind them, query bounds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from placements.models import Apprenticeship, GraduatePlacement, OrderClass, Student
from tests.members.factories import EnterpriseFactory, MajorFactory
from tests.placements.factories import (
    GraduatePlacementFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    OutreachEventFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

FULL_ID, MASKED_ID = "370724200605170010", "370724********0010"
FULL_PHONE, MASKED_PHONE = "13812345678", "138****5678"


@pytest.fixture
def student(school):
    return StudentFactory(school=school, national_id=FULL_ID, phone=FULL_PHONE)


def test_school_sees_masked_personal_data_everywhere(client_for, school_user, student):
    client = client_for(school_user)
    for url in [
        reverse("placements:student_list"),
        reverse("placements:student_detail", args=[student.pk]),
        reverse("placements:student_update", args=[student.pk]),
    ]:
        body = client.get(url).content.decode()
        assert FULL_ID not in body and FULL_PHONE not in body, url
    detail = client.get(reverse("placements:student_detail", args=[student.pk])).content.decode()
    assert MASKED_ID in detail and MASKED_PHONE in detail


def test_secretariat_sees_personal_data(client_for, secretariat_user, student):
    body = (
        client_for(secretariat_user)
        .get(reverse("placements:student_detail", args=[student.pk]))
        .content.decode()
    )
    assert FULL_ID in body and FULL_PHONE in body


def test_history_masks_personal_fields_for_the_school(client_for, school_user, student):
    student.national_id = "370724200605170029"
    student._change_reason = "fix"
    student.save()
    body = (
        client_for(school_user)
        .get(reverse("placements:student_detail", args=[student.pk]))
        .content.decode()
    )
    assert "370724********0029" in body and "370724200605170029" not in body


def test_school_edit_keeps_masked_id_when_left_empty(client_for, school_user, student):
    response = client_for(school_user).post(
        reverse("placements:student_update", args=[student.pk]),
        {
            "school": student.school_id,
            "student_number": student.student_number,
            "name": "新名字",
            "national_id": "",
            "gender": "male",
            "major": student.major_id,
            "class_name": "",
            "enrolment_year": 2023,
            "study_mode": "full_time",
            "phone": "",
        },
    )
    assert response.status_code == 302
    student.refresh_from_db()
    assert (
        student.name == "新名字" and student.national_id == FULL_ID and student.phone == FULL_PHONE
    )


def test_wrong_id_check_digit_shows_a_chinese_field_error(client_for, school_user, school):
    response = client_for(school_user).post(
        reverse("placements:student_create"),
        {
            "school": school.pk,
            "student_number": "2025001",
            "name": "张三",
            "national_id": "370724200605170018",
            "gender": "male",
            "major": MajorFactory(school=school).pk,
            "enrolment_year": 2025,
            "study_mode": "full_time",
            "phone": "12345",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "校验位" in errors["national_id"][0]
    assert "手机号码" in errors["phone"][0] or "11" in errors["phone"][0]
    assert not Student.objects.exists()


def test_school_cannot_file_a_student_for_another_school(client_for, school_user, other_school):
    response = client_for(school_user).post(
        reverse("placements:student_create"),
        {
            "school": other_school.pk,
            "student_number": "1",
            "name": "张三",
            "major": MajorFactory(school=other_school).pk,
            "enrolment_year": 2025,
            "study_mode": "full_time",
        },
    )
    assert response.status_code == 200 and "school" in response.context["form"].errors


def test_order_class_with_two_enterprises_gets_five_alignments(
    client_for, school_user, school, enterprise, other_enterprise
):
    response = client_for(school_user).post(
        reverse("placements:orderclass_create"),
        {
            "school": school.pk,
            "name": "铝业联合订单班",
            "kind": "order",
            "major": MajorFactory(school=school, name="数控技术应用").pk,
            "enterprises": [enterprise.pk, other_enterprise.pk],
            "cohort_year": 2023,
            "graduation_year": 2026,
            "planned_size": 30,
        },
    )
    assert response.status_code == 302
    order_class = OrderClass.objects.get()
    assert order_class.enterprises.count() == 2
    assert order_class.alignments.count() == 5


def test_order_class_years_in_order(client_for, school_user, school, enterprise):
    response = client_for(school_user).post(
        reverse("placements:orderclass_create"),
        {
            "school": school.pk,
            "name": "班",
            "kind": "order",
            "major": MajorFactory(school=school, name="数控").pk,
            "enterprises": [enterprise.pk],
            "cohort_year": 2025,
            "graduation_year": 2023,
            "planned_size": 30,
        },
    )
    assert "毕业年份不能早于入学年份" in response.context["form"].errors["graduation_year"][0]


def test_enrol_by_student_numbers_reports_unknown_numbers(
    client_for, school_user, school, enterprise
):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise])
    a, b = StudentFactory(school=school), StudentFactory(school=school)
    client = client_for(school_user)
    url = reverse("placements:orderclass_enrol", args=[order_class.pk])
    response = client.post(
        url, {"student_numbers": f"{a.student_number}\n{b.student_number}, 999"}, follow=True
    )
    assert "999" in response.content.decode()
    assert order_class.enrolments.count() == 0
    client.post(url, {"student_numbers": f"{a.student_number} {b.student_number}"})
    assert order_class.enrolments.count() == 2


def test_order_class_page_shows_who_was_hired_by_an_order_enterprise(
    client_for, school_user, school, enterprise
):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise], graduation_year=2025)
    hired = OrderClassEnrolmentFactory(order_class=order_class).student
    elsewhere = OrderClassEnrolmentFactory(order_class=order_class).student
    GraduatePlacementFactory(student=hired, employer=enterprise, via_order_class=order_class)
    GraduatePlacementFactory(student=elsewhere, employer=EnterpriseFactory())
    response = client_for(school_user).get(
        reverse("placements:orderclass_detail", args=[order_class.pk])
    )
    assert response.context["hired_count"] == 1


def _apprentice_post(school, enterprise, **changes):
    data = {
        "student-school": school.pk,
        "student-student_number": "XT001",
        "student-name": "李四",
        "student-national_id": FULL_ID,
        "student-gender": "male",
        "student-phone": FULL_PHONE,
        "student-major": MajorFactory(school=school, name="焊接加工").pk,
        "student-enrolment_year": 2025,
        "enterprise": enterprise.pk,
        "path": "employee",
        "employee_category": "new_hire",
        "major": "焊接加工",
        "contract_start": "2025-03-01",
        "contract_end": "2027-02-28",
        "enterprise_mentor": "王师傅",
        "school_mentor": "李老师",
        "mode": "work_study",
        "status": "enrolled",
        "ended_on": "",
        "outcome": "",
    }
    data.update(changes)
    return data


def test_hr_registers_an_apprentice_as_a_part_time_student(client_for, hr_user, school, enterprise):
    response = client_for(hr_user).post(
        reverse("placements:apprenticeship_create"), _apprentice_post(school, enterprise)
    )
    assert response.status_code == 302, response.context["form"].errors
    apprenticeship = Apprenticeship.objects.get()
    assert apprenticeship.enterprise == enterprise
    assert apprenticeship.student.study_mode == "part_time_apprentice"


def test_contract_under_a_year_is_refused_in_chinese(client_for, hr_user, school, enterprise):
    response = client_for(hr_user).post(
        reverse("placements:apprenticeship_create"),
        _apprentice_post(school, enterprise, contract_end="2025-12-31"),
    )
    assert response.status_code == 200
    assert "1年以上劳动合同" in response.context["form"].errors["contract_end"][0]
    assert not Apprenticeship.objects.exists() and not Student.objects.exists()


def test_hr_cannot_register_apprentices_for_another_enterprise(
    client_for, hr_user, school, other_enterprise
):
    response = client_for(hr_user).post(
        reverse("placements:apprenticeship_create"), _apprentice_post(school, other_enterprise)
    )
    assert response.status_code == 200 and "enterprise" in response.context["form"].errors


def test_school_records_a_placement_by_student_number(
    client_for, school_user, school, enterprise, student
):
    response = client_for(school_user).post(
        reverse("placements:placement_create"),
        {
            "school": school.pk,
            "student_number": student.student_number,
            "graduation_year": 2025,
            "destination": "employed",
            "employer": enterprise.pk,
            "employer_name": "",
            "employer_location": "county",
            "job": "焊工",
            "wage_band": "4000_5000",
            "via_order_class": "",
        },
    )
    assert response.status_code == 302
    placement = GraduatePlacement.objects.get()
    assert placement.is_local and placement.hire_status == "pending"


def test_placement_needs_a_location_for_employed_graduates(
    client_for, school_user, school, student
):
    response = client_for(school_user).post(
        reverse("placements:placement_create"),
        {
            "school": school.pk,
            "student_number": student.student_number,
            "graduation_year": 2025,
            "destination": "employed",
            "employer_name": "某公司",
            "employer_location": "",
        },
    )
    assert "请填写就业地点" in response.context["form"].errors["employer_location"][0]


def test_wage_is_masked_for_school_and_hr(
    client_for, school_user, hr_user, secretariat_user, enterprise, student
):
    placement = GraduatePlacementFactory(
        student=student, employer=enterprise, wage_band="5000_6000"
    )
    url = reverse("placements:placement_detail", args=[placement.pk])
    for user in (school_user, hr_user):
        body = client_for(user).get(url).content.decode()
        assert "5000–6000" not in body and "＊＊＊" in body
    assert "5000–6000" in client_for(secretariat_user).get(url).content.decode()


def test_hr_sees_pending_hires_masked_and_confirms(
    client_for, hr_user, enterprise, other_enterprise, student
):
    mine = GraduatePlacementFactory(student=student, employer=enterprise)
    theirs = GraduatePlacementFactory(employer=other_enterprise)
    client = client_for(hr_user)
    response = client.get(reverse("placements:hire_list"))
    assert response.context["pending"] == [mine]
    body = response.content.decode()
    assert MASKED_ID in body and FULL_ID not in body and theirs.student.name not in body
    client.post(reverse("placements:hire_decide", args=[mine.pk, "decline"]))
    mine.refresh_from_db()
    assert mine.hire_status == "declined"


def test_follow_up_only_for_local_graduates(client_for, school_user, enterprise, student):
    away = GraduatePlacementFactory(
        student=student, employer=None, employer_name="青岛某公司", employer_location="elsewhere"
    )
    assert (
        client_for(school_user)
        .get(reverse("placements:followup_create", args=[away.pk]))
        .status_code
        == 404
    )


def test_event_photo_must_be_an_image(client_for, school_user, school):
    event = OutreachEventFactory(school=school)
    response = client_for(school_user).post(
        reverse("placements:event_photo_add", args=[event.pk]),
        {"image": SimpleUploadedFile("x.png", b"not an image"), "caption": ""},
        follow=True,
    )
    assert "不接受" in response.content.decode() or "JPEG" in response.content.decode()
    assert event.photos.count() == 0


def test_list_rows_partial_for_htmx(client_for, school_user, student):
    response = client_for(school_user).get(
        reverse("placements:student_list"), {"q": student.name}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert student.name in body and "<html" not in body


def test_lists_filter_by_shared_drilldown_parameters(
    client_for, secretariat_user, school, other_school
):
    GraduatePlacementFactory(student=StudentFactory(school=school), graduation_year=2024)
    GraduatePlacementFactory(student=StudentFactory(school=other_school), graduation_year=2025)
    response = client_for(secretariat_user).get(
        reverse("placements:placement_list"), {"year": 2025, "school": other_school.pk}
    )
    assert [p.student.school for p in response.context["object_list"]] == [other_school]


def _fill(n: int, school, enterprise):
    for i in range(n):
        student = StudentFactory(school=school)
        klass = OrderClassFactory(school=school, enterprises=[enterprise, EnterpriseFactory()])
        OrderClassEnrolmentFactory(order_class=klass, student=student)
        GraduatePlacementFactory(student=student, employer=enterprise)
        OutreachEventFactory(
            school=school, enterprises=[enterprise], date=dt.date(2025, 3, 1 + i % 28)
        )


@pytest.mark.parametrize("rows", [3, 30])
def test_lists_run_a_bounded_number_of_queries(
    client_for, secretariat_user, school, enterprise, rows, django_assert_max_num_queries
):
    _fill(rows, school, enterprise)
    client = client_for(secretariat_user)
    # session + user; count + page; prefetches (enterprises); filter form choices (schools,
    # enterprises); menus take none.
    for name in [
        "placements:student_list",
        "placements:orderclass_list",
        "placements:placement_list",
        "placements:event_list",
        "placements:mentor_list",
        "placements:apprenticeship_list",
        "placements:internship_list",
    ]:
        with django_assert_max_num_queries(10):
            assert client.get(reverse(name)).status_code == 200


def test_alignment_document_must_be_pdf_or_word(client_for, school_user, school, enterprise):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise])
    url = reverse("placements:alignment_edit", args=[order_class.pk, "content"])
    client = client_for(school_user)
    bad = client.post(
        url, {"status": "aligned", "document": SimpleUploadedFile("a.pdf", b"hello"), "notes": ""}
    )
    assert bad.status_code == 200 and "document" in bad.context["form"].errors
    good = client.post(
        url,
        {
            "status": "aligned",
            "document": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"),
            "notes": "已签",
        },
    )
    assert good.status_code == 302
    alignment = order_class.alignments.get(aspect="content")
    assert alignment.status == "aligned"
    download = client.get(reverse("placements:alignment_file", args=[alignment.pk, "document"]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_employer_hr_adds_a_follow_up_to_the_local_talent_archive(
    client_for, hr_user, enterprise, student
):
    placement = GraduatePlacementFactory(
        student=student, employer=enterprise, employer_location="county"
    )
    response = client_for(hr_user).post(
        reverse("placements:followup_create", args=[placement.pk]),
        {
            "contacted_on": "2025-10-10",
            "still_employed": "on",
            "problems": "希望安排班车",
            "resolved": "on",
            "resolved_by": "",
        },
    )
    assert "resolved_by" in response.context["form"].errors
    response = client_for(hr_user).post(
        reverse("placements:followup_create", args=[placement.pk]),
        {
            "contacted_on": "2025-10-10",
            "still_employed": "on",
            "problems": "希望安排班车",
            "resolved": "on",
            "resolved_by": "人力资源部",
        },
    )
    assert response.status_code == 302 and placement.followups.get().resolved_by == "人力资源部"


def test_hr_appoints_a_career_mentor_for_their_enterprise(
    client_for, hr_user, enterprise, school, other_school
):
    response = client_for(hr_user).post(
        reverse("placements:mentor_create"),
        {
            "enterprise": enterprise.pk,
            "person": "王建国",
            "title": "高级技师",
            "schools": [school.pk, other_school.pk],
            "appointed_on": "2025-03-01",
            "ended_on": "",
        },
    )
    assert response.status_code == 302
    mentor = enterprise.career_mentors.get()
    assert set(mentor.schools.all()) == {school, other_school}


def test_school_records_an_event_with_enterprises(
    client_for, school_user, school, enterprise, other_enterprise
):
    response = client_for(school_user).post(
        reverse("placements:event_create"),
        {
            "kind": "promotion_week",
            "title": "2025年秋季企业宣传周",
            "date": "2025-10-20",
            "school": school.pk,
            "enterprises": [enterprise.pk, other_enterprise.pk],
            "participants": 120,
            "notes": "",
        },
    )
    assert response.status_code == 302
    event = school.outreach_events.get()
    assert event.enterprises.count() == 2 and event.semester == "2025-2"


def test_apprentice_registration_never_reveals_another_students_name(
    client_for, hr_user, school, enterprise
):
    StudentFactory(school=school, student_number="XT001", name="王五")
    response = client_for(hr_user).post(
        reverse("placements:apprenticeship_create"), _apprentice_post(school, enterprise)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "王五" not in body and "请向学校核实学号" in body


def test_deciding_a_hire_never_redirects_off_the_site(client_for, hr_user, enterprise, student):
    mine = GraduatePlacementFactory(student=student, employer=enterprise)
    response = client_for(hr_user).post(
        reverse("placements:hire_decide", args=[mine.pk, "confirm"]),
        {"next": "//evil.example/"},
    )
    assert response["Location"] == reverse("placements:hire_list")
