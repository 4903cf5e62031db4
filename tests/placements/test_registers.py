"""The placements registers on the register framework: sorting, pagination that keeps the
filters, search, "all" on every choice filter, success messages, confirmation steps, the one
file view's headers, and many-to-many changes in the history."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse

from placements.models import GraduatePlacement, OrderClassEnrolment, OutreachPhoto
from tests.members.factories import MajorFactory
from tests.placements.factories import (
    ApprenticeshipFactory,
    CareerMentorFactory,
    GraduatePlacementFactory,
    InternshipFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    OutreachEventFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "placements:student_list",
    "placements:orderclass_list",
    "placements:apprenticeship_list",
    "placements:internship_list",
    "placements:placement_list",
    "placements:event_list",
    "placements:mentor_list",
]


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- lists --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("placements:student_list", "name"),
        ("placements:orderclass_list", "enrolled"),
        ("placements:apprenticeship_list", "student"),
        ("placements:internship_list", "school"),
        ("placements:placement_list", "employer"),
        ("placements:event_list", "photo_count"),
        ("placements:mentor_list", "enterprise"),
    ],
)
def test_every_list_sorts_by_its_columns(client_for, secretariat_user, name, column):
    client = client_for(secretariat_user)
    for sort in (column, f"-{column}"):
        response = client.get(reverse(name), {"sort": sort})
        assert response.status_code == 200
        # The header links the opposite order of the column it is sorted by.
        assert response.context["table"].order_by == (sort,)


def test_students_sorted_by_name_both_ways(client_for, secretariat_user, school):
    for name in ["乙", "甲", "丙"]:
        StudentFactory(school=school, name=name)
    client = client_for(secretariat_user)
    url = reverse("placements:student_list")
    ascending = [r.record.name for r in client.get(url, {"sort": "name"}).context["table"].rows]
    descending = [r.record.name for r in client.get(url, {"sort": "-name"}).context["table"].rows]
    assert ascending == sorted(ascending) and descending == ascending[::-1]


def test_order_classes_sort_by_enrolled_students(client_for, council_user, school, enterprise):
    small = OrderClassFactory(school=school, enterprises=[enterprise], name="小班")
    big = OrderClassFactory(school=school, enterprises=[enterprise], name="大班")
    OrderClassEnrolmentFactory(order_class=small, student=StudentFactory(school=school))
    for _ in range(2):
        OrderClassEnrolmentFactory(order_class=big, student=StudentFactory(school=school))
    table = (
        client_for(council_user)
        .get(reverse("placements:orderclass_list"), {"sort": "-enrolled"})
        .context["table"]
    )
    assert [(r.record.name, r.record.enrolled) for r in table.rows] == [("大班", 2), ("小班", 1)]


def test_pagination_keeps_the_filters(client_for, secretariat_user, school, other_school):
    for _ in range(30):
        StudentFactory(school=school, study_mode="full_time")
    StudentFactory(school=other_school)
    response = client_for(secretariat_user).get(
        reverse("placements:student_list"), {"school": school.pk, "study_mode": "full_time"}
    )
    # 30 students of the school, 25 a page: two pages.
    assert response.context["paginator"].count == 30
    assert response.context["paginator"].num_pages == 2
    body = response.content.decode()
    next_page = "page=2"
    links = [part for part in body.split('href="')[1:] if next_page in part.split('"')[0]]
    assert links, "no link to the second page"
    assert all(
        f"school={school.pk}" in link.split('"')[0] and "study_mode=full_time" in link.split('"')[0]
        for link in links
    )


def test_search_finds_by_name_or_number(client_for, secretariat_user, school):
    wanted = StudentFactory(school=school, name="欧阳娜娜", student_number="Q-778")
    StudentFactory(school=school, name="李四")
    client = client_for(secretariat_user)
    url = reverse("placements:student_list")
    for q in ("欧阳", "q-778"):
        rows = list(client.get(url, {"q": q}).context["object_list"])
        assert rows == [wanted], q


def test_search_through_the_student_of_a_placement(client_for, school_user, school):
    wanted = GraduatePlacementFactory(student=StudentFactory(school=school, name="王小明"))
    GraduatePlacementFactory(student=StudentFactory(school=school, name="赵六"))
    response = client_for(school_user).get(reverse("placements:placement_list"), {"q": "小明"})
    assert list(response.context["object_list"]) == [wanted]


@pytest.mark.parametrize("name", LISTS)
def test_every_choice_filter_offers_all(client_for, secretariat_user, name):
    response = client_for(secretariat_user).get(reverse(name))
    form = response.context["filter"].form
    selects = [f for f in form if hasattr(f.field, "choices")]
    assert selects
    for bound in selects:
        first = bound.field.widget.options(bound.html_name, "")
        option = next(first)
        assert option["value"] == "" and str(option["label"]) == "全部", (name, bound.label)
    body = response.content.decode()
    assert body.count('<option value="" selected>全部</option>') == len(selects)
    assert "---------" not in body


def test_student_table_masks_the_id_number_for_a_school(
    client_for, school_user, secretariat_user, school
):
    StudentFactory(school=school, national_id="370724200605170010")
    masked = client_for(school_user).get(reverse("placements:student_list")).content.decode()
    assert "370724********0010" in masked and "370724200605170010" not in masked
    full = client_for(secretariat_user).get(reverse("placements:student_list")).content.decode()
    assert "370724200605170010" in full


def test_placement_table_masks_the_wage_for_hr(client_for, hr_user, enterprise, school):
    GraduatePlacementFactory(
        student=StudentFactory(school=school), employer=enterprise, wage_band="5000_6000"
    )
    body = client_for(hr_user).get(reverse("placements:placement_list")).content.decode()
    assert "5,000–6,000" not in body and "5000–6000" not in body and "＊＊＊" in body


def test_lists_have_excel_and_new_buttons_only_for_their_editors(client_for, school_user, hr_user):
    students = client_for(school_user).get(reverse("placements:student_list"))
    assert students.context["can_create"] and 'id="create-link"' in students.content.decode()
    mentors = client_for(school_user).get(reverse("placements:mentor_list"))
    assert not mentors.context["can_create"]
    apprentices = client_for(hr_user).get(reverse("placements:apprenticeship_list"))
    assert apprentices.context["create_url"] == reverse("placements:apprenticeship_create")


# --- forms ----------------------------------------------------------------------------------------


def test_saving_a_register_form_says_so(client_for, school_user, school, enterprise):
    response = client_for(school_user).post(
        reverse("placements:event_create"),
        {
            "kind": "parents_visit",
            "title": "家长企业行",
            "date": "2025-04-12",
            "school": school.pk,
            "enterprises": [enterprise.pk],
            "participants": 40,
            "notes": "",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert _messages(response) == ["已保存“家长企业行”。"]


def test_saving_a_follow_up_says_so(client_for, school_user, school, enterprise):
    placement = GraduatePlacementFactory(
        student=StudentFactory(school=school), employer=enterprise, employer_location="county"
    )
    response = client_for(school_user).post(
        reverse("placements:followup_create", args=[placement.pk]),
        {"contacted_on": "2025-10-10", "still_employed": "on", "problems": "", "resolved_by": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("placements:placement_detail", args=[placement.pk])
    assert len(_messages(response)) == 1 and placement.followups.count() == 1


def test_school_form_preselects_the_only_school(client_for, school_user, school, other_school):
    form = client_for(school_user).get(reverse("placements:student_create")).context["form"]
    assert list(form.fields["school"].queryset) == [school]
    assert form.initial["school"] == school.pk


def test_long_organisation_choices_are_searchable(client_for, secretariat_user):
    form = client_for(secretariat_user).get(reverse("placements:event_create")).context["form"]
    # A multiple choice always gets the search box (Tom Select).
    assert form.fields["enterprises"].widget.attrs["data-searchable"] == "true"


def test_hr_edit_form_never_shows_the_stored_wage(client_for, school_user, school, enterprise):
    placement = GraduatePlacementFactory(
        student=StudentFactory(school=school), employer=enterprise, wage_band="5000_6000"
    )
    body = (
        client_for(school_user)
        .get(reverse("placements:placement_update", args=[placement.pk]))
        .content.decode()
    )
    assert 'value="5000_6000" selected' not in body


# --- actions that cannot be undone --------------------------------------------------------------------


def test_removing_a_student_from_an_order_class_asks_first(
    client_for, school_user, school, enterprise
):
    enrolment = OrderClassEnrolmentFactory(
        order_class=OrderClassFactory(school=school, enterprises=[enterprise]),
        student=StudentFactory(school=school),
    )
    url = reverse("placements:orderclass_unenrol", args=[enrolment.order_class_id, enrolment.pk])
    client = client_for(school_user)
    page = client.get(url)
    assert page.status_code == 200 and 'id="confirm-form"' in page.content.decode()
    assert OrderClassEnrolment.objects.filter(pk=enrolment.pk).exists()
    done = client.post(url)
    assert done["Location"] == reverse(
        "placements:orderclass_detail", args=[enrolment.order_class_id]
    )
    assert not OrderClassEnrolment.objects.filter(pk=enrolment.pk).exists()
    assert _messages(done) == ["该学生已移出订单班。"]


def test_a_student_placed_through_the_class_cannot_be_removed(
    client_for, school_user, school, enterprise
):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise])
    enrolment = OrderClassEnrolmentFactory(
        order_class=order_class, student=StudentFactory(school=school)
    )
    GraduatePlacementFactory(
        student=enrolment.student, employer=enterprise, via_order_class=order_class
    )
    url = reverse("placements:orderclass_unenrol", args=[order_class.pk, enrolment.pk])
    response = client_for(school_user).post(url)
    assert response.status_code == 400 and "请先修改毕业去向" in response.content.decode()
    assert OrderClassEnrolment.objects.filter(pk=enrolment.pk).exists()


def test_hire_confirmation_asks_first_and_goes_back(client_for, hr_user, enterprise, school):
    placement = GraduatePlacementFactory(student=StudentFactory(school=school), employer=enterprise)
    url = reverse("placements:hire_decide", args=[placement.pk, "confirm"])
    detail = reverse("placements:placement_detail", args=[placement.pk])
    client = client_for(hr_user)
    page = client.get(url, {"next": detail})
    assert page.status_code == 200 and placement.student.name in page.content.decode()
    placement.refresh_from_db()
    assert placement.hire_status == "pending"
    done = client.post(url, {"next": detail})
    assert done["Location"] == detail
    placement.refresh_from_db()
    assert placement.hire_status == "confirmed"
    assert _messages(done) == [f"已确认录用{placement.student.name}。"]


def test_an_unknown_hire_decision_is_a_404(client_for, hr_user, enterprise):
    placement = GraduatePlacementFactory(employer=enterprise)
    url = reverse("placements:hire_decide", args=[placement.pk, "maybe"])
    assert client_for(hr_user).post(url).status_code == 404
    assert GraduatePlacement.objects.get(pk=placement.pk).hire_status == "pending"


# --- files ------------------------------------------------------------------------------------------


def test_agreement_is_a_sandboxed_download(client_for, school_user, school, enterprise):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise])
    order_class.agreement.save("协议.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    response = client_for(school_user).get(
        reverse("placements:orderclass_file", args=[order_class.pk, "agreement"])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_agreement_link_is_for_staff_only(
    client_for, council_user, school_user, school, enterprise
):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise])
    order_class.agreement.save("协议.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    url = reverse("placements:orderclass_detail", args=[order_class.pk])
    link = reverse("placements:orderclass_file", args=[order_class.pk, "agreement"])
    assert link in client_for(school_user).get(url).content.decode()
    assert link not in client_for(council_user).get(url).content.decode()


def test_a_real_photo_is_shown_inline(client_for, council_user, school):
    from tests.placements.factories import OutreachPhotoFactory

    photo = OutreachPhotoFactory(event=OutreachEventFactory(school=school))
    response = client_for(council_user).get(
        reverse("placements:photo_file", args=[photo.pk, "image"])
    )
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert "sandbox" in response["Content-Security-Policy"]


def test_html_disguised_as_a_photo_is_a_download(client_for, council_user, school):
    photo = OutreachPhoto(event=OutreachEventFactory(school=school))
    photo.image.save(
        "photo.png", ContentFile(b"\x89PNG\r\n\x1a\n<script>alert(1)</script>"), save=True
    )
    response = client_for(council_user).get(
        reverse("placements:photo_file", args=[photo.pk, "image"])
    )
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_field_not_declared_is_a_404(client_for, secretariat_user, school, enterprise):
    order_class = OrderClassFactory(school=school, enterprises=[enterprise])
    url = reverse("placements:orderclass_file", args=[order_class.pk, "name"])
    assert client_for(secretariat_user).get(url).status_code == 404


# --- history ------------------------------------------------------------------------------------------


def test_history_records_the_order_enterprises_changing(
    client_for, school_user, school, enterprise, other_enterprise
):
    client = client_for(school_user)
    data = {
        "school": school.pk,
        "name": "铝业订单班",
        "kind": "order",
        "major": MajorFactory(school=school, name="数控技术应用").pk,
        "enterprises": [enterprise.pk],
        "cohort_year": 2023,
        "graduation_year": 2026,
        "planned_size": 30,
    }
    client.post(reverse("placements:orderclass_create"), data)
    order_class = school.order_classes.get()
    client.post(
        reverse("placements:orderclass_update", args=[order_class.pk]),
        {**data, "enterprises": [enterprise.pk, other_enterprise.pk]},
    )
    history = client.get(reverse("placements:orderclass_detail", args=[order_class.pk])).context[
        "history"
    ]
    changes = [c for row in history for c in row.changes if c.field == "订单企业"]
    assert changes and other_enterprise.name in changes[0].new
    assert other_enterprise.name not in changes[0].old


def test_detail_pages_of_every_register_open(client_for, secretariat_user, school, enterprise):
    student = StudentFactory(school=school)
    records = {
        "placements:student_detail": student,
        "placements:orderclass_detail": OrderClassFactory(school=school, enterprises=[enterprise]),
        "placements:apprenticeship_detail": ApprenticeshipFactory(
            enterprise=enterprise,
            student=StudentFactory(school=school, study_mode="part_time_apprentice"),
        ),
        "placements:internship_detail": InternshipFactory(student=student, enterprise=enterprise),
        "placements:placement_detail": GraduatePlacementFactory(student=student),
        "placements:event_detail": OutreachEventFactory(school=school),
        "placements:mentor_detail": CareerMentorFactory(enterprise=enterprise, schools=[school]),
    }
    client = client_for(secretariat_user)
    for name, obj in records.items():
        response = client.get(reverse(name, args=[obj.pk]))
        assert response.status_code == 200, name
        assert 'id="history-pane"' in response.content.decode(), name
