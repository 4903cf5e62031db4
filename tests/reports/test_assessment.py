"""The annual member assessment: its method, scoring by each kind of assessor through its own
account, approval at a council meeting, publication, and the support it justifies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance.models import ImportBatch, ImportStatus
from reports import selectors, services
from reports.assessments import Assessment, AssessmentScore, method_text
from reports.indicators import BY_CODE, ENTERPRISE, SCHOOL, Scope, evaluate
from reports.models import Incentive
from reports.sources import DataSet
from tests.alliance.xlsx_files import read_workbook, upload, workbook_bytes
from tests.members.factories import CouncilMeetingFactory, EnterpriseFactory, SchoolFactory
from tests.reports.factories import AssessmentFactory, AssessmentScoreFactory, IncentiveFactory

pytestmark = pytest.mark.django_db

JOINED = dt.date(2023, 12, 8)


def _score(assessment, kind, value, *, assessor=None, department="", item="cooperation"):
    return AssessmentScoreFactory(
        assessment=assessment,
        assessor_kind=kind,
        assessor=assessor,
        department=department,
        item=item,
        score=Decimal(value),
    )


# --- the method -------------------------------------------------------------------------------------


def test_grade_follows_the_stated_method(school, enterprise, other_school):
    assessment = AssessmentFactory(organization=enterprise, indicators_met=3, indicators_judged=4)
    assessment.third_party_body, assessment.third_party_score = "评估中心", Decimal(91)
    scores = [
        _score(assessment, "department", 80, department="教体局", item="cooperation"),
        _score(assessment, "department", 90, department="教体局", item="results"),
        _score(assessment, "school", 70, assessor=school),
    ]
    assessment.compute(scores)
    # indicator part 3 / 4 × 100 = 75.0; groups: departments (80 + 90) / 2 = 85, schools 70,
    # third party 91 → assessors' part (85 + 70 + 91) / 3 = 82.0;
    # total 75 × 0.4 + 82 × 0.6 = 30 + 49.2 = 79.2 → 合格 (75 ≤ 79.2 < 90)
    assert (assessment.indicator_score, assessment.assessor_score) == (Decimal("75.0"), 82)
    assert (assessment.total_score, assessment.grade) == (Decimal("79.2"), "pass")


def test_the_scale_is_configurable(settings, enterprise):
    settings.ASSESSMENT_GRADE_THRESHOLDS = {"excellent": 95, "pass": 80, "basic": 70}
    settings.ASSESSMENT_INDICATOR_WEIGHT = 50
    assessment = AssessmentFactory(organization=enterprise, indicators_met=3, indicators_judged=4)
    assessment.compute([_score(assessment, "department", 82, department="教体局")])
    # 75 × 0.5 + 82 × 0.5 = 78.5 → 基本合格 under the stricter scale (70 ≤ 78.5 < 80)
    assert (assessment.total_score, assessment.grade) == (Decimal("78.5"), "basic")
    assert any("50%" in line for line in method_text())


def test_without_judged_indicators_the_assessors_part_alone_counts(enterprise):
    assessment = AssessmentFactory(organization=enterprise)
    assessment.compute([_score(assessment, "department", Decimal("58.5"), department="人社局")])
    assert (assessment.indicator_score, assessment.total_score, assessment.grade) == (
        None,
        Decimal("58.5"),
        "fail",
    )


def test_prepare_takes_the_scorecard_results_as_evaluate_gives_them():
    school = SchoolFactory(name="临朐县职业教育中心学校", joined_on=JOINED)
    enterprise = EnterpriseFactory(name="山东华建铝业集团有限公司", joined_on=JOINED)
    opened, refreshed = services.assessments_prepare(year=2025)
    assert (opened, refreshed) == (2, 0)
    data = DataSet()
    for org, kind in ((school, SCHOOL), (enterprise, ENTERPRISE)):
        assessment = Assessment.objects.get(organization=org, year=2025)
        rows = selectors.indicator_rows(2025, Scope(kind, org.pk), data=data)
        assert [r["code"] for r in assessment.indicator_results] == [r.indicator.code for r in rows]
        assert [r["met"] for r in assessment.indicator_results] == [r.met for r in rows]
        assert assessment.indicators_judged == sum(1 for r in rows if r.met is not None)
    # a second run refreshes, never duplicates
    assert services.assessments_prepare(year=2025) == (0, 2)


# --- scoring, each assessor through its own account -----------------------------------------------


SCORES = {
    "score_cooperation": "88",
    "score_results": "92.5",
    "score_commitment": "",
    "comment": "好",
}


def test_hr_scores_a_school_as_its_enterprise(client_for, hr_user, enterprise, school):
    assessment = AssessmentFactory(organization=school)
    client = client_for(hr_user)
    url = reverse("reports:assessment_score", args=[assessment.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, SCORES).status_code == 302
    scores = AssessmentScore.objects.filter(assessment=assessment)
    assert {(s.item, s.score, s.assessor_id, s.assessor_kind) for s in scores} == {
        ("cooperation", Decimal("88"), enterprise.pk, "enterprise"),
        ("results", Decimal("92.5"), enterprise.pk, "enterprise"),
    }
    assessment.refresh_from_db()
    # the enterprises' group: (88 + 92.5) / 2 = 90.25 → 90.3; the total weighs it with the
    # school's indicator part (met ÷ judged of its scorecard) 40 : 60
    assert assessment.assessor_score == Decimal("90.3")
    expected = assessment.indicator_score * Decimal("0.4") + Decimal("90.3") * Decimal("0.6")
    assert assessment.total_score == expected.quantize(Decimal("0.1"))


def test_hr_cannot_score_an_enterprise_nor_its_own(
    client_for, hr_user, enterprise, other_enterprise
):
    client = client_for(hr_user)
    for org in (enterprise, other_enterprise):
        assessment = AssessmentFactory(organization=org)
        url = reverse("reports:assessment_score", args=[assessment.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, SCORES).status_code == 404
    assert not AssessmentScore.objects.exists()


def test_coordinator_scores_enterprises_not_schools(
    client_for, school_user, enterprise, other_school
):
    client = client_for(school_user)
    ours = AssessmentFactory(organization=enterprise)
    theirs = AssessmentFactory(organization=other_school)
    assert (
        client.post(reverse("reports:assessment_score", args=[ours.pk]), SCORES).status_code == 302
    )
    assert client.get(reverse("reports:assessment_score", args=[theirs.pk])).status_code == 404
    assert AssessmentScore.objects.filter(assessor_kind="school").count() == 2


def test_office_enters_each_departments_sheet(client_for, secretariat_user, school):
    assessment = AssessmentFactory(organization=school)
    client = client_for(secretariat_user)
    url = reverse("reports:assessment_score", args=[assessment.pk])
    client.post(url, {**SCORES, "department": "临朐县教育和体育局"})
    client.post(url, {"score_cooperation": "70", "department": "临朐县人力资源和社会保障局"})
    scores = AssessmentScore.objects.filter(assessor_kind="department")
    assert sorted(scores.values_list("department", flat=True)) == [
        "临朐县人力资源和社会保障局",
        "临朐县教育和体育局",
        "临朐县教育和体育局",
    ]
    assessment.refresh_from_db()
    # one group: (88 + 92.5 + 70) / 3 = 83.5
    assert assessment.assessor_score == Decimal("83.5")


def test_council_does_not_score(client_for, council_user, school):
    assessment = AssessmentFactory(organization=school)
    url = reverse("reports:assessment_score", args=[assessment.pk])
    assert client_for(council_user).get(url).status_code == 403
    assert client_for(council_user).get(reverse("reports:assessment_scoring")).status_code == 403


def test_scoring_list_shows_what_the_user_may_score(
    client_for, hr_user, school, enterprise, django_assert_max_num_queries
):
    for _ in range(5):
        AssessmentFactory(organization=SchoolFactory(), year=2025)
    AssessmentFactory(organization=school, year=2025)
    AssessmentFactory(organization=EnterpriseFactory(), year=2025)
    client = client_for(hr_user)
    # session, user, the scorable assessments with their members, the items already scored,
    # the user's organisation (page header)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("reports:assessment_scoring"))
    assert len(response.context["rows"]) == 6


# --- approval, publication, who reads what -----------------------------------------------------------


def _graded(org, year=2024):
    assessment = AssessmentFactory(organization=org, year=year)
    _score(assessment, "department", 86, department="教体局")
    return services.assessment_save(assessment=assessment)


def test_the_council_approves_at_a_held_meeting_then_the_office_publishes(
    client_for, secretariat_user, school, enterprise
):
    graded, ungraded = _graded(school), AssessmentFactory(organization=enterprise, year=2024)
    planned = CouncilMeetingFactory(date=dt.date(2099, 1, 1), status="planned")
    held = CouncilMeetingFactory(date=dt.date(2025, 1, 10))
    client = client_for(secretariat_user)
    refused = client.post(
        reverse("reports:assessment_approve"), {"year": 2024, "meeting": planned.pk}
    )
    assert refused.status_code == 200  # a planned meeting is not a choice
    client.post(reverse("reports:assessment_approve"), {"year": 2024, "meeting": held.pk})
    graded.refresh_from_db()
    ungraded.refresh_from_db()
    assert (graded.status, graded.approved_at_meeting) == ("approved", held)
    assert ungraded.status == "scoring"
    client.post(reverse("reports:assessment_publish"), {"year": 2024})
    graded.refresh_from_db()
    assert graded.status == "published" and graded.published_on is not None


def test_a_meeting_before_the_year_cannot_approve_it(school):
    assessment = _graded(school, year=2025)
    with pytest.raises(ValidationError):
        services.assessments_approve(
            year=2025, meeting=CouncilMeetingFactory(date=dt.date(2024, 12, 1))
        )
    assessment.refresh_from_db()
    assert assessment.status == "scoring"


def test_members_read_published_results_only(client_for, hr_user, council_user, school, enterprise):
    published = _graded(school)
    services.assessments_approve(
        year=2024, meeting=CouncilMeetingFactory(date=dt.date(2025, 1, 10))
    )
    services.assessments_publish(year=2024)
    scoring = AssessmentFactory(organization=enterprise, year=2025)
    hr = client_for(hr_user)
    listed = hr.get(reverse("reports:assessment_list"))
    assert [a.pk for a in listed.context["table"].data] == [published.pk]
    assert hr.get(reverse("reports:assessment_detail", args=[published.pk])).status_code == 200
    assert hr.get(reverse("reports:assessment_detail", args=[scoring.pk])).status_code == 404
    council = client_for(council_user)
    assert council.get(reverse("reports:assessment_detail", args=[scoring.pk])).status_code == 200


def test_detail_states_the_method_and_the_indicator_results(client_for, secretariat_user, school):
    assessment = _graded(school)
    body = client_for(secretariat_user).get(
        reverse("reports:assessment_detail", args=[assessment.pk])
    )
    assert body.status_code == 200
    text = body.content.decode()
    assert "等次评定方法" in text and "指标得分：" in text
    assert "教体局" in text  # the department's score


def test_assessment_list_runs_a_bounded_number_of_queries(
    client_for, council_user, django_assert_max_num_queries
):
    for _ in range(30):
        AssessmentFactory(organization=EnterpriseFactory(), year=2024)
    client = client_for(council_user)
    # session, user, count, page rows with members and meetings, the filter's member choices
    with django_assert_max_num_queries(8):
        response = client.get(reverse("reports:assessment_list"))
    assert response.status_code == 200


# --- incentives ------------------------------------------------------------------------------------


def test_support_rests_on_the_recipients_approved_assessment(school, enterprise):
    assessment = _graded(school)
    with pytest.raises(ValidationError) as error:
        IncentiveFactory.build(recipient=enterprise, assessment=assessment).full_clean()
    assert "assessment" in error.value.message_dict  # another member's assessment
    with pytest.raises(ValidationError):
        IncentiveFactory.build(recipient=school, assessment=assessment).full_clean()  # not approved
    services.assessments_approve(
        year=2024, meeting=CouncilMeetingFactory(date=dt.date(2025, 1, 10))
    )
    assessment.refresh_from_db()
    IncentiveFactory.build(recipient=school, assessment=assessment).full_clean()


def test_support_totals_per_kind_and_year():
    e1 = EnterpriseFactory(joined_on=JOINED)
    e2 = EnterpriseFactory(joined_on=JOINED)
    IncentiveFactory(recipient=e1, kind="equipment", amount=Decimal("100000"))
    IncentiveFactory(recipient=e1, kind="base", amount=Decimal("50000"))
    IncentiveFactory(recipient=e2, kind="transfer", amount=Decimal("20000.50"))
    IncentiveFactory(recipient=e2, kind="base", granted_on=dt.date(2024, 3, 1))  # another year
    data = DataSet()
    row = evaluate(BY_CODE["incentive_amount"], data, 2025, Scope("alliance"))
    # 100 000 + 50 000 + 20 000.50 = 170 000.50 yuan in three grants
    assert (row.value, row.measure.numerator) == (Decimal("170000.50"), 3)
    assert row.measure.extra == {
        "equipment": Decimal("100000"),
        "base": Decimal("50000"),
        "transfer": Decimal("20000.50"),
    }
    assert row.met is None  # the plan sets no amount
    mine = evaluate(BY_CODE["incentive_amount"], data, 2025, Scope(ENTERPRISE, e1.pk))
    assert mine.value == Decimal("150000.00")


def test_assessment_coverage_counts_members_with_an_approved_grade():
    schools = [SchoolFactory(joined_on=JOINED) for _ in range(2)]
    enterprise = EnterpriseFactory(joined_on=JOINED)
    for org in (schools[0], enterprise):
        _graded(org, year=2025)
    AssessmentFactory(organization=schools[1], year=2025)  # still being scored
    services.assessments_approve(year=2025, meeting=CouncilMeetingFactory(date=dt.date(2025, 6, 1)))
    row = evaluate(BY_CODE["assessment_coverage"], DataSet(), 2025, Scope("alliance"))
    # 2 graded of 3 member schools and enterprises = 66.7 %, counted per grade
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("66.7"), 2, 3)
    grades = Assessment.objects.exclude(grade="").exclude(status="scoring")
    expected: dict[str, int] = {}
    for grade in grades.values_list("grade", flat=True):
        expected[grade] = expected.get(grade, 0) + 1
    assert row.measure.extra == expected and sum(expected.values()) == 2


def test_every_member_reads_the_support_granted_and_only_the_office_records_it(
    client_for, hr_user, school_user, enterprise, other_enterprise
):
    theirs = IncentiveFactory(recipient=other_enterprise)
    for user in (hr_user, school_user):
        client = client_for(user)
        assert client.get(reverse("reports:incentive_detail", args=[theirs.pk])).status_code == 200
        assert client.get(reverse("reports:incentive_create")).status_code == 403
        edit = client.get(reverse("reports:incentive_update", args=[theirs.pk]))
        assert edit.status_code == 403


INCENTIVE_HEADERS = [
    "支持类型",
    "金额（元）",
    "支持部门",
    "受支持单位",
    "支持日期",
    "考核年度",
    "用途",
]


def test_incentives_import_links_the_justifying_assessment(client_for, secretariat_user, school):
    assessment = _graded(school)
    services.assessments_approve(
        year=2024, meeting=CouncilMeetingFactory(date=dt.date(2025, 1, 10))
    )
    content = workbook_bytes(
        INCENTIVE_HEADERS,
        [
            [
                "实习实训基地建设",
                500000,
                "临朐县教育和体育局",
                school.name,
                "2025-04-15",
                2024,
                "实训基地奖补",
            ],
            [
                "设备引进",
                80000,
                "临朐县工业和信息化局",
                school.name,
                "2025-05-01",
                None,
                "设备购置",
            ],
        ],
    )
    client = client_for(secretariat_user)
    client.post(reverse("exchange:incentives_import"), {"file": upload(content, "支持.xlsx")})
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.READY, batch.errors
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    linked = Incentive.objects.get(kind="base")
    assert (linked.assessment, linked.amount) == (assessment, Decimal("500000"))
    assert Incentive.objects.get(kind="equipment").assessment is None
    headers, rows = read_workbook(client.get(reverse("exchange:incentives_export")).content)
    assert headers == INCENTIVE_HEADERS and len(rows) == 2


def test_the_report_has_the_assessment_and_incentive_chapter(school):
    from reports.document import report_context

    school.joined_on = JOINED
    school.save()
    assessment = _graded(school)
    services.assessments_approve(
        year=2024, meeting=CouncilMeetingFactory(date=dt.date(2025, 1, 10))
    )
    assessment.refresh_from_db()
    IncentiveFactory(recipient=school, granted_on=dt.date(2024, 9, 1), amount=Decimal("300000"))
    context = report_context(2024)
    assert [s["id"] for s in context["sections"]].count("assessment") == 1
    # The PDF sums the grades; the member's row is in the annex sheet the chapter names.
    assert context["assessment"]["count"] == 1
    [annex] = [s for s in context["annex"].sheets if s.name == str(context["assessment"]["sheet"])]
    [row] = annex.rows
    assert (row[0], row[-1]) == (school.name, assessment.get_grade_display())
    assert context["incentives"]["total"] == Decimal("300000")
    assert context["assessment"]["method"] == method_text()


def test_demo_assessments_are_believable_and_idempotent(demo):
    import random

    from reports import demo as reports_demo

    published = Assessment.objects.filter(year=2024, status="published")
    # the 21 enterprises and 2 schools of the Linqu plan, graded, approved and published
    assert published.count() == 23 and not published.filter(grade="").exists()
    assert Assessment.objects.filter(year=2025, status="scoring").count() == 23
    assert Incentive.objects.filter(assessment__year=2024).count() == len(reports_demo.INCENTIVES)
    counts = (
        Assessment.objects.count(),
        AssessmentScore.objects.count(),
        Incentive.objects.count(),
    )
    history = Assessment.history.count()
    reports_demo.seed_assessments(random.Random("other"))
    assert (
        Assessment.objects.count(),
        AssessmentScore.objects.count(),
        Incentive.objects.count(),
    ) == counts
    assert Assessment.history.count() == history


def test_office_opens_one_by_hand_and_adds_the_third_party_evaluation(
    client_for, secretariat_user, school
):
    client = client_for(secretariat_user)
    response = client.post(
        reverse("reports:assessment_create"),
        {
            "organization": school.pk,
            "year": 2025,
            "third_party_body": "潍坊市职业教育质量评估中心",
            "third_party_score": "88",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assessment = Assessment.objects.get()
    assert assessment.indicator_results  # the scorecard, taken when it was opened
    # the third party is the only assessors' group: 88
    assert assessment.assessor_score == Decimal("88")
    edit = client.post(
        reverse("reports:assessment_update", args=[assessment.pk]),
        {"third_party_body": "", "third_party_score": "90"},
    )
    assert edit.status_code == 200 and "third_party_body" in edit.context["form"].errors


def test_the_members_page_shows_its_published_assessment_and_support(
    client_for, hr_user, school, enterprise
):
    published = _graded(enterprise)
    services.assessments_approve(
        year=2024, meeting=CouncilMeetingFactory(date=dt.date(2025, 1, 10))
    )
    services.assessments_publish(year=2024)
    IncentiveFactory(recipient=enterprise, granting_department="临朐县工业和信息化局")
    AssessmentFactory(organization=enterprise, year=2025)  # being scored: not shown to HR
    body = client_for(hr_user).get(reverse("members:organization_detail", args=[enterprise.pk]))
    text = body.content.decode()
    assert reverse("reports:assessment_detail", args=[published.pk]) in text
    assert "临朐县工业和信息化局" in text and "2025</a>" not in text


@pytest.mark.parametrize(
    ("scale", "error"),
    [({"excellent": 60, "pass": 75}, "reports.E003"), ({"good": 80}, "reports.E002")],
)
def test_a_mistyped_scale_stops_the_start(settings, scale, error):
    from reports.assessments import check_grade_scale

    settings.ASSESSMENT_GRADE_THRESHOLDS = scale
    assert [e.id for e in check_grade_scale(None)] == [error]


def test_hr_home_lists_the_assessments_waiting_for_its_scores(client_for, hr_user, school):
    assessment = AssessmentFactory(organization=school)
    client = client_for(hr_user)
    assert "1份成员年度考核等待您评分" in client.get("/").content.decode()
    client.post(reverse("reports:assessment_score", args=[assessment.pk]), SCORES)
    assert "等待您评分" not in client.get("/").content.decode().replace("没有等待您评分的考核", "")
