"""Publicity and model cases (Linqu 保障措施(四), Qufu 二、三(三)、四(三)) and the culture corridor
check (Linqu §(四)9): the media log, nominations decided by the office, and what corridors lack."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members import demo
from members.models import MediaReport, ModelCase, Organization
from reports.indicators import BY_CODE, Scope, evaluate
from reports.sources import DataSet
from tests.members.factories import (
    EnterpriseFactory,
    MediaReportFactory,
    ModelCaseFactory,
    OrganizationPhotoFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db

JOINED = dt.date(2023, 12, 8)


# --- media log ---------------------------------------------------------------------------------------


def test_a_media_report_needs_a_link_or_a_clipping():
    report = MediaReportFactory.build(link="")
    with pytest.raises(ValidationError) as error:
        report.full_clean()
    assert "link" in error.value.message_dict


def test_office_logs_a_report_that_every_role_reads(
    client_for, secretariat_user, hr_user, council_user, enterprise
):
    response = client_for(secretariat_user).post(
        reverse("members:media_create"),
        {
            "kind": "television",
            "outlet": "临朐电视台",
            "published_on": "2025-04-18",
            "title": "校企共建技能实训基地",
            "link": "https://news.example.com/linqu/1.html",
            "organizations": [enterprise.pk],
        },
    )
    assert response.status_code == 302
    report = MediaReport.objects.get()
    assert list(report.organizations.all()) == [enterprise]
    for user in (hr_user, council_user):
        page = client_for(user).get(reverse("members:media_detail", args=[report.pk]))
        assert page.status_code == 200 and "临朐电视台" in page.content.decode()
    assert client_for(hr_user).get(reverse("members:media_create")).status_code == 403


def test_media_list_runs_a_bounded_number_of_queries(
    client_for, council_user, django_assert_max_num_queries
):
    MediaReportFactory.create_batch(30)
    client = client_for(council_user)
    # session, user, count, page rows, the filter's organisation choices, the page header's
    # organisation
    with django_assert_max_num_queries(7):
        response = client.get(reverse("members:media_list"))
    assert response.status_code == 200


# --- model workers and cases ---------------------------------------------------------------------------


NOMINATION = {
    "kind": "person",
    "year": 2025,
    "title": "扎根挤压一线的金牌师傅",
    "person": "王建国",
    "summary": "带徒32人。",
    # what a member may not decide: ignored for it
    "status": "published",
    "in_report": "on",
}


def test_hr_nominates_its_own_person_and_the_office_decides(
    client_for, hr_user, enterprise, other_enterprise
):
    client = client_for(hr_user)
    response = client.post(
        reverse("members:model_case_create"), {**NOMINATION, "organization": other_enterprise.pk}
    )
    assert response.status_code == 302
    case = ModelCase.objects.get()
    assert (case.organization, case.nominated_by, case.status, case.in_report) == (
        enterprise,
        enterprise,
        "nominated",
        False,
    )
    assert client.get(reverse("members:model_case_update", args=[case.pk])).status_code == 403


def test_office_approves_publishes_and_chooses_for_the_report(
    client_for, secretariat_user, enterprise
):
    case = ModelCaseFactory(organization=enterprise, kind="person", person="王建国")
    response = client_for(secretariat_user).post(
        reverse("members:model_case_update", args=[case.pk]),
        {
            "kind": "person",
            "year": 2025,
            "title": case.title,
            "person": "王建国",
            "organization": enterprise.pk,
            "summary": case.summary,
            "nominated_on": "2025-03-01",
            "status": "published",
            "approved_on": "2025-06-26",
            "published_on": "2025-07-01",
            "published_where": "联盟微信公众号",
            "in_report": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    case.refresh_from_db()
    assert (case.status, case.in_report) == ("published", True)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "person", "person": ""}, "person"),
        ({"status": "approved"}, "approved_on"),
        ({"status": "published", "approved_on": dt.date(2025, 4, 1)}, "published_on"),
        ({"approved_on": dt.date(2025, 2, 1), "status": "approved"}, "approved_on"),
        ({"in_report": True}, "in_report"),
    ],
)
def test_a_case_is_decided_in_order(changes, field):
    case = ModelCaseFactory.build(organization=EnterpriseFactory(), **changes)
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert field in error.value.message_dict


def test_members_read_published_cases_and_their_own_nominations(
    client_for, hr_user, enterprise, other_enterprise
):
    published = ModelCaseFactory(
        organization=other_enterprise,
        status="published",
        approved_on=dt.date(2025, 4, 1),
        published_on=dt.date(2025, 4, 10),
    )
    own = ModelCaseFactory(organization=enterprise, nominated_by=enterprise)
    pending = ModelCaseFactory(organization=other_enterprise, nominated_by=other_enterprise)
    client = client_for(hr_user)
    listed = client.get(reverse("members:model_case_list"))
    assert {c.pk for c in listed.context["table"].data} == {published.pk, own.pk}
    assert client.get(reverse("members:model_case_detail", args=[pending.pk])).status_code == 404


def test_publicity_figures_per_year():
    MediaReportFactory(kind="press", published_on=dt.date(2025, 1, 5))
    MediaReportFactory(kind="press", published_on=dt.date(2025, 8, 5))
    MediaReportFactory(kind="online", published_on=dt.date(2025, 12, 31))
    MediaReportFactory(kind="radio", published_on=dt.date(2024, 12, 31))  # another year
    enterprise = EnterpriseFactory()
    ModelCaseFactory(
        organization=enterprise,
        kind="person",
        person="王建国",
        status="published",
        approved_on=dt.date(2025, 4, 1),
        published_on=dt.date(2025, 4, 10),
    )
    ModelCaseFactory(organization=enterprise)  # nominated only
    data = DataSet()
    media = evaluate(BY_CODE["media_reports"], data, 2025, Scope("alliance"))
    # 2 press + 1 online in 2025
    assert media.value == 3
    assert media.measure.extra == {"press": 2, "radio": 0, "television": 0, "online": 1}
    cases = evaluate(BY_CODE["model_cases_published"], data, 2025, Scope("alliance"))
    assert (cases.value, cases.measure.extra) == (1, {"people": 1, "cases": 0, "nominated": 2})


# --- culture corridors ----------------------------------------------------------------------------------


def _complete(name: str) -> Organization:
    org = EnterpriseFactory(
        name=name,
        joined_on=JOINED,
        development_status="发展现状",
        future_plans="未来规划",
        wage_min=4500,
        leaders="张三 董事长",
    )
    OrganizationPhotoFactory(organization=org)
    return org


def test_corridor_check_lists_what_profiles_lack_and_which_schools_have_a_corridor(
    client_for, council_user, django_assert_max_num_queries
):
    _complete("资料齐全有限公司")
    EnterpriseFactory(name="缺资料有限公司", development_status="发展现状", wage_max=6000)
    SchoolFactory(name="已建长廊学校", corridor_installed_on=dt.date(2025, 3, 1))
    SchoolFactory(name="未建长廊学校")
    client = client_for(council_user)
    # session, user, enterprises, their photos, schools, the page header's organisation
    with django_assert_max_num_queries(6):
        response = client.get(reverse("members:corridor_check"))
    [(enterprise, gaps)] = response.context["check"].enterprises
    assert enterprise.name == "缺资料有限公司"
    assert [str(g) for g in gaps] == ["未来规划", "主要负责人", "照片"]
    body = response.content.decode()
    assert "已建长廊学校" in body and "未建长廊学校" in body and "未建成" in body


def test_coordinator_records_its_schools_corridor(client_for, school_user, school):
    response = client_for(school_user).post(
        reverse("members:school_update", args=[school.pk]),
        {"corridor_installed_on": "2025-05-15", "corridor_location": "实训楼一楼走廊"},
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.corridor_installed_on == dt.date(2025, 5, 15)


def test_an_enterprise_has_no_corridor_of_its_own():
    with pytest.raises(ValidationError):
        EnterpriseFactory.build(corridor_installed_on=dt.date(2025, 1, 1)).full_clean()


def test_corridor_figures():
    first = SchoolFactory(joined_on=JOINED, corridor_installed_on=dt.date(2025, 5, 15))
    SchoolFactory(joined_on=JOINED)
    SchoolFactory(joined_on=JOINED, corridor_installed_on=dt.date(2026, 1, 5))  # next year
    _complete("资料齐全有限公司")
    EnterpriseFactory(joined_on=JOINED)
    data = DataSet()
    corridor = evaluate(BY_CODE["corridor_coverage"], data, 2025, Scope("alliance"))
    # 1 of 3 member schools had its corridor by 31 December 2025; the Linqu plan asks every school
    assert (corridor.value, corridor.met) == (Decimal("33.3"), False)
    assert corridor.measure.counted == {first.pk}
    profiles = evaluate(BY_CODE["culture_profile_completeness"], data, 2025, Scope("alliance"))
    # 1 of 2 member enterprises with a complete profile
    assert (profiles.value, profiles.met) == (Decimal("50.0"), None)


def test_demo_publicity_is_idempotent(members_demo):
    counts = (MediaReport.objects.count(), ModelCase.objects.count())
    assert counts == (len(demo.MEDIA_REPORTS), len(demo.MODEL_CASES))
    assert ModelCase.objects.filter(in_report=True, status="published").exists()
    history = (MediaReport.history.count(), ModelCase.history.count())
    demo.seed(random.Random("again"))
    assert (MediaReport.objects.count(), ModelCase.objects.count()) == counts
    assert (MediaReport.history.count(), ModelCase.history.count()) == history


MEDIA_HEADERS = ["媒体类型", "媒体名称", "发布日期", "标题", "链接", "涉及单位", "内容摘要"]


def test_media_log_imports_from_excel_and_exports_back(client_for, secretariat_user, enterprise):
    from alliance.models import ImportBatch, ImportStatus
    from tests.alliance.xlsx_files import read_workbook, upload, workbook_bytes

    content = workbook_bytes(
        MEDIA_HEADERS,
        [
            [
                "报刊",
                "潍坊日报",
                "2025-05-20",
                "校企合作新模式",
                "https://news.example.com/1.html",
                enterprise.name,
                "",
            ],
            [
                "网络",
                "临朐融媒",
                "2025-06-01",
                "订单班开班",
                "https://news.example.com/2.html",
                "",
                "开班仪式",
            ],
        ],
    )
    client = client_for(secretariat_user)
    client.post(reverse("exchange:media_reports_import"), {"file": upload(content, "媒体.xlsx")})
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.READY, batch.errors
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    assert MediaReport.objects.count() == 2
    assert list(MediaReport.objects.get(outlet="潍坊日报").organizations.all()) == [enterprise]
    headers, rows = read_workbook(client.get(reverse("exchange:media_reports_export")).content)
    assert headers == MEDIA_HEADERS and len(rows) == 2


def test_model_cases_export_holds_what_the_reader_may_read(client_for, hr_user, enterprise):
    from tests.alliance.xlsx_files import read_workbook

    ModelCaseFactory(organization=enterprise, nominated_by=enterprise, title="本企业推荐")
    ModelCaseFactory(title="他人推荐")
    headers, rows = read_workbook(
        client_for(hr_user).get(reverse("exchange:model_cases_export")).content
    )
    assert [row[headers.index("标题")] for row in rows] == ["本企业推荐"]
