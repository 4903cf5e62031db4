"""The governance registers (issue 14, items 1–4): rules and documents, the operating office,
expert consultations, the work plan and its supervision; and their figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members import selectors, services
from members.models import DocumentStatus, PolicyDocument, TaskStatus, WorkTask
from reports.indicators import ALLIANCE_SCOPE, BY_CODE, evaluate
from reports.sources import DataSet
from tests.members.factories import (
    AllianceOfficeFactory,
    CouncilMeetingFactory,
    CouncilSeatFactory,
    EnterpriseFactory,
    ExpertConsultationFactory,
    ExpertMemberFactory,
    GovernmentFactory,
    OfficeBudgetFactory,
    OfficeStaffFactory,
    OrganizationFactory,
    PolicyDocumentFactory,
    ResolutionFactory,
    SchoolFactory,
    WorkPlanFactory,
    WorkTaskFactory,
)

pytestmark = pytest.mark.django_db


def figure(code: str, year: int):
    return evaluate(BY_CODE[code], DataSet(), year, ALLIANCE_SCOPE)


# --- rules and documents ----------------------------------------------------------------------


def test_a_new_version_keeps_the_earlier_one_marked_replaced():
    first = PolicyDocumentFactory(title="联盟章程", version="1.0", effective_on=dt.date(2024, 7, 1))
    second = services.policy_document_save(
        document=PolicyDocument(
            kind="charter",
            title="联盟章程",
            issuer="理事会",
            version="1.1",
            effective_on=dt.date(2026, 1, 1),
            replaces=first,
        )
    )
    first.refresh_from_db()
    assert (first.status, first.ended_on) == (DocumentStatus.REPLACED, dt.date(2026, 1, 1))
    assert second.status == DocumentStatus.IN_FORCE
    # in force at the end of 2025: version 1.0; at the end of 2026 (or today): 1.1
    assert [d.version for d in selectors.documents_in_force(2025)] == ["1.0"]


def test_a_version_cannot_replace_a_document_of_another_kind():
    charter = PolicyDocumentFactory()
    rules = PolicyDocument(
        kind="management", title="制度", issuer="理事会", effective_on=dt.date(2025, 1, 1)
    )
    rules.replaces = charter
    with pytest.raises(ValidationError) as error:
        rules.full_clean()
    assert "replaces" in error.value.message_dict


def test_a_document_cannot_take_effect_before_the_meeting_that_adopted_it():
    meeting = CouncilMeetingFactory(date=dt.date(2025, 6, 26))
    document = PolicyDocumentFactory.build(adopted_at=meeting, effective_on=dt.date(2025, 6, 1))
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "effective_on" in error.value.message_dict


def test_documents_in_force_counts_by_hand():
    PolicyDocumentFactory(effective_on=dt.date(2024, 7, 1))  # in force since 2024
    PolicyDocumentFactory(effective_on=dt.date(2025, 3, 1))  # from 2025
    PolicyDocumentFactory(  # repealed on 1 July 2025: counted at the end of 2024 only
        effective_on=dt.date(2024, 1, 1), status="repealed", ended_on=dt.date(2025, 7, 1)
    )
    # 2024: the first and the repealed one = 2; 2025: the first two = 2; 2023: none
    assert [figure("documents_in_force", y).value for y in (2023, 2024, 2025)] == [0, 2, 2]


def test_every_role_reads_the_rules_but_only_the_secretariat_registers_them(
    client_for, hr_user, school_user, council_user, secretariat_user
):
    document = PolicyDocumentFactory(title="联盟章程")
    for user in (hr_user, school_user, council_user):
        client = client_for(user)
        assert client.get(reverse("members:document_detail", args=[document.pk])).status_code == 200
        assert client.get(reverse("members:document_create")).status_code == 403
    assert client_for(secretariat_user).get(reverse("members:document_create")).status_code == 200


def test_secretariat_registers_a_new_version_through_the_form(client_for, secretariat_user):
    first = PolicyDocumentFactory(title="联盟章程")
    response = client_for(secretariat_user).post(
        reverse("members:document_create"),
        {
            "kind": "charter",
            "title": "联盟章程",
            "issuer": "理事会",
            "effective_on": "2026-01-01",
            "version": "1.1",
            "replaces": first.pk,
            "status": "in_force",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == "replaced"
    newest = PolicyDocument.objects.get(version="1.1")
    page = client_for(secretariat_user).get(reverse("members:document_detail", args=[newest.pk]))
    assert [v.version for v in page.context["versions"]] == ["1.1", "1.0"]


# --- council composition ------------------------------------------------------------------------


def test_council_composition_names_the_missing_kinds(client_for, council_user):
    CouncilSeatFactory(organization=EnterpriseFactory())
    CouncilSeatFactory(organization=OrganizationFactory(kind="association", name="促进会"))
    # enterprise yes, school no: 1 of 2; association yes, government and research no: 1 of 3
    dual, part = figure("council_dual_subjects", 2025), figure("council_participants", 2025)
    assert (dual.value, dual.measure.extra["missing"], dual.met) == (1, ["school"], False)
    assert (part.value, part.measure.extra["missing"]) == (1, ["government", "research"])
    body = client_for(council_user).get(reverse("members:council"), {"year": 2025})
    text = body.content.decode()
    assert "1 / 2" in text and "1 / 3" in text
    assert "学校" in text and "科研机构" in text


def test_a_complete_council_meets_both_composition_checks():
    for kind in ("enterprise", "school", "government", "research", "association"):
        CouncilSeatFactory(organization=OrganizationFactory(kind=kind, name=f"{kind}单位"))
    assert figure("council_dual_subjects", 2025).met is True
    assert figure("council_participants", 2025).met is True


def test_a_body_outside_the_alliance_never_counts_as_a_member():
    GovernmentFactory(name="县教育和体育局")
    OrganizationFactory(kind="government", name="县发改局")  # a member government body
    assert selectors.organizations_by_kind(2025) == {"government": 1}


# --- the operating office ------------------------------------------------------------------------


def test_office_page_lists_budgets_and_seconded_staff(client_for, council_user):
    office = AllianceOfficeFactory(name="联盟办公室")
    OfficeBudgetFactory(office=office, year=2025, amount=200000, source="县财政")
    OfficeBudgetFactory(office=office, year=2025, amount=66000, source="会费")
    OfficeStaffFactory(office=office, person="张丽")
    response = client_for(council_user).get(reverse("members:office_detail", args=[office.pk]))
    assert response.status_code == 200
    assert len(response.context["budgets"]) == 2 and "张丽" in response.content.decode()
    # 200 000 + 66 000 = 266 000 yuan for 2025; nothing recorded for 2024: 0
    assert figure("office_budget", 2025).value == Decimal(266000)
    assert figure("office_budget", 2024).value == 0


def test_hr_and_schools_do_not_open_the_office(client_for, hr_user, school_user):
    office = AllianceOfficeFactory()
    for user in (hr_user, school_user):
        assert (
            client_for(user).get(reverse("members:office_detail", args=[office.pk])).status_code
            == 403
        )


# --- expert consultations -------------------------------------------------------------------------


def test_a_consultation_names_at_least_one_expert():
    consultation = ExpertConsultationFactory.build()
    with pytest.raises(ValidationError):
        services.consultation_save(consultation=consultation, experts=[])


def test_advice_is_decided_only_once_written_and_leads_to_a_resolution_only_if_adopted():
    resolution = ResolutionFactory()
    consultation = ExpertConsultationFactory.build(advice="", outcome="adopted")
    with pytest.raises(ValidationError) as error:
        consultation.full_clean()
    assert "advice" in error.value.message_dict
    consultation = ExpertConsultationFactory.build(outcome="not_adopted", resolution=resolution)
    with pytest.raises(ValidationError) as error:
        consultation.full_clean()
    assert "resolution" in error.value.message_dict


def test_consultation_figures_by_hand():
    ExpertConsultationFactory(outcome="adopted")
    ExpertConsultationFactory(outcome="adopted")
    ExpertConsultationFactory(outcome="not_adopted")
    ExpertConsultationFactory(outcome="pending")
    ExpertConsultationFactory(date=dt.date(2024, 3, 1), outcome="adopted")
    # 2025: 4 held; decided 2 adopted + 1 not = 3; 2 / 3 = 66.66… → 66.7 %
    assert figure("consultations_held", 2025).value == 4
    rate = figure("consultation_adoption", 2025)
    assert (rate.value, rate.fraction_text, rate.met) == (Decimal("66.7"), "2 / 3", None)


def test_secretariat_records_a_consultation_with_its_experts(client_for, secretariat_user):
    experts = ExpertMemberFactory.create_batch(2)
    response = client_for(secretariat_user).post(
        reverse("members:consultation_create"),
        {
            "date": "2025-05-10",
            "question": "实训基地建设标准",
            "asked_by": "联盟办公室",
            "experts": [e.pk for e in experts],
            "advice": "每个基地至少两名师傅",
            "outcome": "adopted",
        },
    )
    assert response.status_code == 302
    [consultation] = experts[0].consultations.all()
    assert set(consultation.experts.all()) == set(experts)


# --- the work plan and supervision ----------------------------------------------------------------


def test_a_resolution_becomes_one_task_of_the_plan_of_its_due_year(client_for, secretariat_user):
    resolution = ResolutionFactory(due_on=dt.date(2026, 3, 31), text="编制年度质量报告")
    client = client_for(secretariat_user)
    url = reverse("members:resolution_to_task", args=[resolution.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # asking twice makes no second task
    task = WorkTask.objects.get()
    assert (task.plan.year, task.owner, task.deadline) == (
        2026,
        resolution.owner,
        resolution.due_on,
    )
    # carrying out the resolution completes its task
    services.resolution_mark_done(resolution=resolution, done_on=dt.date(2026, 3, 20))
    task.refresh_from_db()
    assert (task.status, task.done_on) == (TaskStatus.DONE, dt.date(2026, 3, 20))


def test_work_plan_figures_by_hand():
    plan = WorkPlanFactory(year=2025)
    bureau = GovernmentFactory()
    WorkTaskFactory(plan=plan, owner=bureau, status="done", done_on=dt.date(2025, 6, 1))
    WorkTaskFactory(plan=plan, owner=bureau, status="done", done_on=dt.date(2026, 1, 15))  # late
    WorkTaskFactory(plan=plan, owner=bureau, status="in_progress")  # overdue
    WorkTaskFactory(plan=plan, owner=bureau, status="cancelled")  # counts nowhere
    # 4 tasks, one cancelled: 3; done 2 → 66.7 %; all 3 due by 31 Dec 2025, done on time 1 → 33.3 %
    completion = figure("work_plan_completion", 2025)
    assert (completion.value, completion.fraction_text) == (Decimal("66.7"), "2 / 3")
    on_time = figure("work_plan_on_time_rate", 2025)
    assert (on_time.value, on_time.fraction_text) == (Decimal("33.3"), "1 / 3")
    assert len(selectors.work_plan_tasks(2025)["overdue"]) == 1


def test_the_government_owner_of_a_task_does_not_count_as_a_member():
    WorkTaskFactory(owner=GovernmentFactory(name="县人社局"))
    assert selectors.members_at_end_of(2025).count() == 0


def test_overdue_list_shows_each_member_its_own_tasks_only(
    client_for, hr_user, other_hr_user, council_user, django_assert_max_num_queries
):
    mine = WorkTaskFactory(owner=hr_user.organization, title="新增教师实践岗位")
    theirs = WorkTaskFactory(owner=other_hr_user.organization, title="别家的任务")
    WorkTaskFactory(owner=GovernmentFactory(), status="done", done_on=dt.date(2025, 12, 1))
    client = client_for(hr_user)
    # session, user, the overdue tasks with plan, owner and resolution joined
    with django_assert_max_num_queries(4):
        response = client.get(reverse("members:task_overdue"))
    assert [t.pk for t in response.context["tasks"]] == [mine.pk]
    assert client.get(reverse("members:task_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("members:task_update", args=[mine.pk])).status_code == 403
    council = client_for(council_user).get(reverse("members:task_overdue"))
    assert {t.pk for t in council.context["tasks"]} == {mine.pk, theirs.pk}


def test_a_school_reads_the_tasks_it_helps_carry(client_for, school_user):
    task = WorkTaskFactory(owner=GovernmentFactory())
    client = client_for(school_user)
    assert client.get(reverse("members:task_detail", args=[task.pk])).status_code == 404
    task.partners.add(school_user.organization)
    assert client.get(reverse("members:task_detail", args=[task.pk])).status_code == 200


@pytest.mark.parametrize(
    "url_name",
    [
        "members:document_list",
        "members:office_list",
        "members:office_budget_list",
        "members:office_staff_list",
        "members:consultation_list",
        "members:plan_list",
        "members:task_list",
    ],
)
def test_governance_lists_run_a_bounded_number_of_queries(
    url_name, client_for, secretariat_user, django_assert_max_num_queries
):
    office = AllianceOfficeFactory()
    plan = WorkPlanFactory(year=2025)
    for n in range(6):
        PolicyDocumentFactory()
        OfficeBudgetFactory(office=office, year=2020 + n)
        OfficeStaffFactory(office=office)
        ExpertConsultationFactory()
        WorkPlanFactory(year=2010 + n)
        WorkTaskFactory(plan=plan, owner=SchoolFactory())
    client = client_for(secretariat_user)
    # session, user, count, rows, prefetched experts, filter choices and the menu: a fixed number
    with django_assert_max_num_queries(14):
        response = client.get(reverse(url_name))
    assert response.status_code == 200


def test_home_lists_overdue_tasks_to_the_office_and_to_their_owner(
    client_for, secretariat_user, hr_user, school_user
):
    WorkTaskFactory(owner=hr_user.organization, title="新增教师实践岗位")
    WorkTaskFactory(owner=GovernmentFactory(), title="落实学徒制补贴")
    office = client_for(secretariat_user).get("/").content.decode()
    assert "新增教师实践岗位" in office and "落实学徒制补贴" in office
    own = client_for(hr_user).get("/").content.decode()
    assert "新增教师实践岗位" in own and "落实学徒制补贴" not in own
    school = client_for(school_user).get("/").content.decode()
    assert "没有逾期的工作计划任务。" in school
