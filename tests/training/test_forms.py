"""Create/edit through the pages: owner fixed to the user's organisation, Chinese field errors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.members.factories import MajorFactory
from tests.training.factories import (
    CraftsmanFactory,
    SecondmentFactory,
    TeacherFactory,
    TeacherStationFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)
from training.models import (
    Certification,
    Craftsman,
    Secondment,
    StationPost,
    Teacher,
    TrainingBase,
    TrainingProgramme,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _secondment_data(teacher, enterprise, **changes) -> dict:
    data = {
        "teacher": teacher.pk,
        "enterprise": enterprise.pk,
        "station": "",
        "start_on": "2025-07-01",
        "end_on": "2025-07-20",
        "days": "15",
        "post": "设备维护",
        "status": "completed",
    }
    return {**data, **changes}


def test_coordinator_records_a_secondment_of_their_teacher(
    client_for, school_user, school, enterprise
):
    teacher = TeacherFactory(school=school)
    response = client_for(school_user).post(
        reverse("training:secondment_create"), _secondment_data(teacher, enterprise)
    )
    secondment = Secondment.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "training:secondment_detail", args=[secondment.pk]
    )
    assert secondment.history.get().history_user == school_user


def test_coordinator_cannot_second_another_schools_teacher(
    client_for, school_user, other_school, enterprise
):
    teacher = TeacherFactory(school=other_school)
    response = client_for(school_user).post(
        reverse("training:secondment_create"), _secondment_data(teacher, enterprise)
    )
    assert response.status_code == 200 and not Secondment.objects.exists()
    assert "选择一个有效的选项" in response.context["form"].errors["teacher"][0]


def test_secondment_dates_in_order_and_days_within_the_period(
    client_for, school_user, school, enterprise
):
    teacher = TeacherFactory(school=school)
    client = client_for(school_user)
    response = client.post(
        reverse("training:secondment_create"),
        _secondment_data(teacher, enterprise, start_on="2025-07-20", end_on="2025-07-01"),
    )
    assert response.context["form"].errors["end_on"] == ["结束日期不能早于开始日期。"]
    response = client.post(
        reverse("training:secondment_create"), _secondment_data(teacher, enterprise, days="21")
    )
    assert response.context["form"].errors["days"] == ["入企实践天数不能超过起止日期之间的 20 天。"]
    response = client.post(
        reverse("training:secondment_create"), _secondment_data(teacher, enterprise, days="0")
    )
    assert "days" in response.context["form"].errors
    assert not Secondment.objects.exists()


def test_secondment_station_must_belong_to_the_enterprise(
    client_for, school_user, school, enterprise, other_enterprise
):
    teacher = TeacherFactory(school=school)
    station = TeacherStationFactory(enterprise=other_enterprise)
    response = client_for(school_user).post(
        reverse("training:secondment_create"),
        _secondment_data(teacher, enterprise, station=station.pk),
    )
    assert response.context["form"].errors["station"] == ["该教师活动站属于其他企业。"]


def test_outcome_report_is_checked_and_served_only_to_those_who_see_the_secondment(
    client_for, school_user, hr_user, other_hr_user, council_user, school, enterprise
):
    teacher = TeacherFactory(school=school)
    client = client_for(school_user)
    fake = SimpleUploadedFile("报告.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(
        reverse("training:secondment_create"),
        {**_secondment_data(teacher, enterprise), "outcome_report": fake},
    )
    assert "PDF" in response.context["form"].errors["outcome_report"][0]
    assert not Secondment.objects.exists()
    report = SimpleUploadedFile("报告.pdf", PDF, content_type="application/pdf")
    client.post(
        reverse("training:secondment_create"),
        {**_secondment_data(teacher, enterprise), "outcome_report": report},
    )
    secondment = Secondment.objects.get()
    url = reverse("training:secondment_file", args=[secondment.pk, "outcome_report"])
    download = client_for(hr_user).get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert client_for(other_hr_user).get(url).status_code == 404
    assert client_for(council_user).get(url).status_code == 403
    # Never reachable under MEDIA_URL.
    assert (
        client_for(school_user).get("/media/" + secondment.outcome_report.name).status_code == 404
    )


def test_report_link_is_404_without_a_file(client_for, school_user, school):
    secondment = SecondmentFactory(teacher=TeacherFactory(school=school))
    assert (
        client_for(school_user)
        .get(reverse("training:secondment_file", args=[secondment.pk, "outcome_report"]))
        .status_code
        == 404
    )


def test_hr_creates_a_base_always_for_their_own_enterprise(
    client_for, hr_user, enterprise, other_enterprise
):
    data = {
        "enterprise": other_enterprise.pk,
        "name": "铝材实训基地",
        "capacity": "30",
        "masters_count": "3",
        "established_on": "2024-03-01",
        "status": "active",
    }
    response = client_for(hr_user).post(reverse("training:base_create"), data)
    assert response.status_code == 302
    assert TrainingBase.objects.get().enterprise == enterprise


def test_base_closing_date_in_order_and_positive_capacity(client_for, hr_user):
    data = {
        "name": "基地",
        "capacity": "0",
        "masters_count": "1",
        "established_on": "2024-03-01",
        "closed_on": "2023-01-01",
        "status": "closed",
    }
    form = client_for(hr_user).post(reverse("training:base_create"), data).context["form"]
    assert form.errors["capacity"] == ["确保该值大于或等于1。"]
    assert form.errors["closed_on"] == ["结束日期不能早于开始日期。"]


def test_duplicate_base_name_of_the_same_enterprise_is_refused(client_for, hr_user, enterprise):
    TrainingBaseFactory(enterprise=enterprise, name="铝材实训基地")
    data = {
        "name": "铝材实训基地",
        "capacity": "30",
        "masters_count": "3",
        "established_on": "2024-03-01",
        "status": "active",
    }
    response = client_for(hr_user).post(reverse("training:base_create"), data)
    assert response.status_code == 200 and TrainingBase.objects.count() == 1
    assert response.context["form"].non_field_errors()


def test_duplicate_teacher_in_the_same_school_is_refused(client_for, school_user, school):
    TeacherFactory(school=school, name="王伟", employee_number="")
    data = {"name": "王伟", "employee_number": "", "department": "机电系", "is_professional": "on"}
    response = client_for(school_user).post(reverse("training:teacher_create"), data)
    assert response.status_code == 200 and Teacher.objects.count() == 1
    response = client_for(school_user).post(
        reverse("training:teacher_create"), {**data, "employee_number": "ZJ0099"}
    )
    assert response.status_code == 302 and Teacher.objects.count() == 2


def test_station_post_added_on_the_station_page(client_for, hr_user, enterprise):
    station = TeacherStationFactory(enterprise=enterprise)
    major = MajorFactory(name="数控技术应用")
    client = client_for(hr_user)
    data = {"year": "2025", "post": "工艺技术员", "major": major.pk, "places": "2"}
    response = client.post(reverse("training:post_create", args=[station.pk]), data)
    assert response.status_code == 302 and StationPost.objects.get().station == station
    assert StationPost.objects.get().major == major
    duplicate = client.post(reverse("training:post_create", args=[station.pk]), data)
    assert duplicate.status_code == 200 and StationPost.objects.count() == 1


def test_certification_passed_cannot_exceed_candidates(client_for, school_user, school):
    programme = TrainingProgrammeFactory(school=school)
    data = {
        "programme": programme.pk,
        "assessed_on": "2025-05-01",
        "occupation": "电工",
        "level": "4",
        "candidates": "10",
        "passed": "11",
    }
    response = client_for(school_user).post(reverse("training:certification_create"), data)
    assert response.context["form"].errors["passed"] == ["通过人数不能多于参评人数。"]
    response = client_for(school_user).post(
        reverse("training:certification_create"), {**data, "passed": "9"}
    )
    assert response.status_code == 302 and Certification.objects.get().school == school


def test_certification_offers_only_the_schools_own_programmes(
    client_for, school_user, other_school
):
    other = TrainingProgrammeFactory(school=other_school)
    form = client_for(school_user).get(reverse("training:certification_create")).context["form"]
    assert other not in form.fields["programme"].queryset


def test_programme_with_enterprises_and_dates_in_order(
    client_for, school_user, school, enterprise, other_enterprise
):
    data = {
        "title": "电工培训",
        "enterprises": [enterprise.pk, other_enterprise.pk],
        "funding_department": "emergency",
        "form": "short",
        "venue": "enterprise",
        "audience": "employees",
        "start_on": "2025-04-10",
        "end_on": "2025-04-01",
        "participants": "80",
        "hours": "24",
    }
    client = client_for(school_user)
    assert client.post(reverse("training:programme_create"), data).context["form"].errors["end_on"]
    response = client.post(reverse("training:programme_create"), {**data, "end_on": "2025-04-20"})
    programme = TrainingProgramme.objects.get()
    assert response.status_code == 302 and set(programme.enterprises.all()) == {
        enterprise,
        other_enterprise,
    }


def test_workshop_with_orders_and_rotations(client_for, school_user, school, enterprise):
    client = client_for(school_user)
    response = client.post(
        reverse("training:workshop_create"),
        {"name": "铝材校中厂", "enterprises": [enterprise.pk], "status": "operating"},
    )
    assert response.status_code == 302
    workshop = school.workshops.get()
    order = {
        "description": "型材加工",
        "quantity": "100",
        "value": "5000",
        "start_on": "2025-03-01",
        "end_on": "2025-02-01",
    }
    assert (
        client.post(reverse("training:order_create", args=[workshop.pk]), order)
        .context["form"]
        .errors["end_on"]
    )
    client.post(
        reverse("training:order_create", args=[workshop.pk]), {**order, "end_on": "2025-04-01"}
    )
    client.post(
        reverse("training:rotation_create", args=[workshop.pk]),
        {
            "class_name": "数控1班",
            "headcount": "40",
            "start_on": "2025-03-01",
            "end_on": "2025-04-01",
        },
    )
    page = client.get(reverse("training:workshop_detail", args=[workshop.pk])).content.decode()
    assert (
        "型材加工" in page and "数控1班" in page and "5,000" in page
    )  # the order value, with the thousands separator


def test_craftsman_phone_is_validated(client_for, hr_user):
    data = {
        "name": "张工",
        "skill_level": "technician",
        "role": "practice_expert",
        "phone": "12345",
        "active": "on",
    }
    form = client_for(hr_user).post(reverse("training:craftsman_create"), data).context["form"]
    assert form.errors["phone"]


def test_hr_editing_a_craftsman_never_receives_the_stored_phone(client_for, hr_user, enterprise):
    craftsman = CraftsmanFactory(enterprise=enterprise, phone="13812345678")
    client = client_for(hr_user)
    url = reverse("training:craftsman_update", args=[craftsman.pk])
    page = client.get(url).content.decode()
    assert "13812345678" not in page and "138****5678" in page
    data = {
        "name": craftsman.name,
        "skill_level": "technician",
        "role": "practice_expert",
        "phone": "",
        "active": "on",
    }
    assert client.post(url, data).status_code == 302
    craftsman.refresh_from_db()
    assert craftsman.phone == "13812345678" and craftsman.skill_level == "technician"


def test_craftsman_who_left_is_not_active():
    craftsman = CraftsmanFactory.build(left_on=dt.date(2025, 1, 1), active=True, enterprise=None)
    with pytest.raises(ValidationError) as error:
        craftsman.clean()
    assert error.value.message_dict == {"active": ["已退出资源库的工匠不能标记为在库。"]}
    assert Craftsman.objects.count() == 0
