"""Stored figures: the pages read indicator results computed once by ``evaluate`` and stored,
recomputed after every write to their inputs, in a number of queries that does not grow."""

from __future__ import annotations

import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.changes import records_written
from reports import figures, selectors
from reports.indicators import ALLIANCE_SCOPE, ENTERPRISE, SCHOOL, Scope
from reports.models import FigureSnapshot
from reports.selectors import row_payload
from tests.members.factories import EnterpriseFactory, SchoolYearFiguresFactory
from tests.training.factories import SecondmentFactory, TeacherFactory, TrainingBaseFactory

pytestmark = pytest.mark.django_db

# Session and user (2), the version (1), the year's stored block header (1), its rows (1),
# and on the paginated pages a second block's header and rows: never more, at any scale.
FIGURE_PAGE_MAX_QUERIES = 10

PAGES = [
    ("reports:dashboard", {}),
    ("reports:dashboard", {"part": "trend"}),
    ("reports:scorecards", {}),
    ("reports:coverage", {}),
    ("reports:obligations", {}),
    ("reports:outreach_overview", {}),
    ("reports:local_employment", {}),
]


def _coverage_cell(client) -> str:
    content = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    row = content.split('data-indicator="base_coverage"')[1].split("</tr>")[0]
    return re.sub(r"\s+", " ", row)


@pytest.fixture
def refresh_queue(monkeypatch):
    """The worker's refresh as queued: the calls of ``refresh_figures.delay`` (no refresh
    runs until the test runs one), with no refresh left queued by an earlier test."""
    from django.core.cache import cache

    from reports.tasks import refresh_figures

    cache.delete(figures.REFRESH_QUEUED)
    queued = []
    monkeypatch.setattr(refresh_figures, "delay", lambda *args: queued.append(args))
    yield queued
    cache.delete(figures.REFRESH_QUEUED)


def test_a_write_queues_one_refresh_and_the_page_shows_the_old_figures_saying_so(
    client_for,
    secretariat_user,
    enterprise,
    other_enterprise,
    refresh_queue,
    django_capture_on_commit_callbacks,
):
    from reports.tasks import refresh_figures

    client = client_for(secretariat_user)
    # 0 of the 2 member enterprises has an active base.
    assert "0%" in _coverage_cell(client)
    assert refresh_queue == []  # nothing stored yet: the page computed the year itself
    computed = FigureSnapshot.objects.get(year=2025, kind="alliance").computed_at
    with django_capture_on_commit_callbacks(execute=True):
        TrainingBaseFactory(enterprise=enterprise)
        TrainingBaseFactory(enterprise=other_enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        content = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    # The page shows the block stored before the writes, and says since when.
    assert "0%" in _coverage_cell(client)
    shown = timezone.localtime(computed).strftime("%H:%M")
    assert f"数据正在更新，当前显示 {shown} 的数据" in content
    # Two writes and a page read: one refresh queued.
    assert refresh_queue == [()]
    refresh_figures()  # the worker runs it
    content = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    assert "数据正在更新" not in content
    # 2 ÷ 2 = 100 %: the refresh computed the figure again.
    assert "100%" in _coverage_cell(client)
    # The refresh started: the next write queues the next one.
    with django_capture_on_commit_callbacks(execute=True):
        TrainingBaseFactory(enterprise=enterprise)
    assert refresh_queue == [(), ()]


def test_a_page_computes_only_a_year_never_stored(client_for, secretariat_user, enterprise):
    client = client_for(secretariat_user)
    client.get(reverse("reports:dashboard"), {"year": 2025})
    TrainingBaseFactory(enterprise=enterprise)
    # 2024 was never stored: computed now, current (no notice); 2025 stays as stored.
    content = client.get(reverse("reports:dashboard"), {"year": 2024}).content.decode()
    assert "数据正在更新" not in content
    assert set(FigureSnapshot.objects.values_list("year", flat=True)) == {2024, 2025}
    assert FigureSnapshot.objects.get(year=2024).version == figures.current_version()
    assert FigureSnapshot.objects.get(year=2025).version != figures.current_version()


def test_figures_stored_too_long_ago_are_shown_saying_so(
    client_for, secretariat_user, enterprise, settings
):
    client = client_for(secretariat_user)
    client.get(reverse("reports:coverage"), {"year": 2025})
    settings.FIGURES_MAX_AGE_SECONDS = 0  # a write nobody announced may have happened since
    content = client.get(reverse("reports:coverage"), {"year": 2025}).content.decode()
    assert "数据正在更新" in content
    figures.StoredFigures().refresh_all([2025])
    settings.FIGURES_MAX_AGE_SECONDS = 3600
    content = client.get(reverse("reports:coverage"), {"year": 2025}).content.decode()
    assert "数据正在更新" not in content


def test_a_refresh_keeps_the_block_pages_show_until_the_next(school, enterprise):
    figures.StoredFigures().alliance(2025)
    first = figures.current_version()
    TrainingBaseFactory(enterprise=enterprise)
    figures.StoredFigures().refresh_all([2025])
    second = figures.current_version()
    TrainingBaseFactory(enterprise=enterprise)
    figures.StoredFigures().refresh_all([2025])
    versions = set(
        FigureSnapshot.objects.filter(year=2025, kind="alliance").values_list("version", flat=True)
    )
    # The block of the first version went; the one shown until now (second) stays a while.
    assert versions == {second, figures.current_version()}
    assert first not in versions


def test_a_rolled_back_write_leaves_the_stored_figures(client_for, council_user, enterprise):
    client = client_for(council_user)
    client.get(reverse("reports:dashboard"), {"year": 2025})
    version = figures.current_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        TrainingBaseFactory(enterprise=enterprise)
        raise RuntimeError
    assert figures.current_version() == version


def test_a_bulk_import_changes_the_version(enterprise):
    version = figures.current_version()
    records_written.send(sender=type(enterprise))
    assert figures.current_version() != version


def test_user_accounts_and_history_rows_are_not_inputs():
    from members.models import Organization, User

    assert figures.is_input(Organization)
    assert not figures.is_input(User)
    assert not figures.is_input(Organization.history.model)


def test_stored_rows_are_what_evaluate_gives(school, other_school, enterprise, other_enterprise):
    SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=1000, professional_teachers=20
    )
    teacher = TeacherFactory(school=school, is_professional=True)
    SecondmentFactory(teacher=teacher, enterprise=enterprise)
    TrainingBaseFactory(enterprise=enterprise)
    stored = figures.StoredFigures()
    live = selectors.indicator_rows(2025, ALLIANCE_SCOPE)
    assert [row_payload(r) for r in stored.alliance(2025).rows] == [row_payload(r) for r in live]
    _total, lines = stored.lines(2025, SCHOOL)
    by_id = {line.id: line for line in lines}
    for org_id in (school.pk, other_school.pk):
        live = selectors.indicator_rows(2025, Scope(SCHOOL, org_id))
        assert [row_payload(r) for r in by_id[org_id].rows] == [row_payload(r) for r in live]
    line = stored.member(2025, ENTERPRISE, enterprise.pk)
    live = selectors.indicator_rows(2025, Scope(ENTERPRISE, enterprise.pk))
    assert [row_payload(r) for r in line.rows] == [row_payload(r) for r in live]


def test_a_second_reader_computes_nothing(school, enterprise):
    figures.StoredFigures().alliance(2025)
    with CaptureQueriesContext(connection) as queries:
        figures.StoredFigures().alliance(2025)
    assert len(queries) == 2  # the version, the stored row
    assert FigureSnapshot.objects.filter(year=2025, kind="alliance").count() == 1


@pytest.mark.parametrize(("name", "query"), PAGES)
def test_figure_pages_read_a_bounded_number_of_rows_at_any_scale(
    client_for, secretariat_user, school, name, query, django_assert_max_num_queries
):
    client = client_for(secretariat_user)
    url = reverse(name)
    params = {"year": 2025, **query}
    headers = {"HTTP_HX_REQUEST": "true"} if query else {}
    client.get(url, params, **headers)  # computed and stored
    with django_assert_max_num_queries(FIGURE_PAGE_MAX_QUERIES) as few:
        assert client.get(url, params, **headers).status_code == 200
    stored = len(few.captured_queries)
    EnterpriseFactory.create_batch(70)  # more than a page of enterprises
    for enterprise in EnterpriseFactory.create_batch(5):
        TrainingBaseFactory(enterprise=enterprise)
    # Before the worker's refresh: the stored blocks, saying so, in as many queries.
    with django_assert_max_num_queries(stored):
        response = client.get(url, params, **headers)
    assert "数据正在更新" in response.content.decode()
    figures.StoredFigures().refresh_all([2020, 2021, 2022, 2023, 2024, 2025])  # the worker
    client.get(url, params, **headers)
    with django_assert_max_num_queries(stored):
        assert client.get(url, params, **headers).status_code == 200


def test_scorecards_paginate_the_enterprises(client_for, council_user, enterprise):
    EnterpriseFactory.create_batch(60)
    client = client_for(council_user)
    first = client.get(reverse("reports:scorecards"), {"year": 2025}).content.decode()
    second = client.get(
        reverse("reports:scorecards"), {"year": 2025, "enterprise_page": 2}
    ).content.decode()
    pattern = r'href="/reports/scorecards/enterprise/(\d+)/'
    on_first, on_second = re.findall(pattern, first), re.findall(pattern, second)
    # 61 member enterprises: 50 on the first page, 11 on the second, none on both.
    assert len(on_first) == 50 and len(on_second) == 11
    assert not set(on_first) & set(on_second)
    assert "enterprise_page=2" in first


def test_the_worker_task_stores_the_default_years(school, enterprise):
    from reports.tasks import refresh_figures

    refresh_figures()
    year = selectors.default_year()
    kinds = set(FigureSnapshot.objects.filter(year=year, scope_id=0).values_list("kind", flat=True))
    assert kinds == {"alliance", "school", "enterprise"}


@pytest.mark.parametrize("kind", ["school", "enterprise"])
def test_one_members_scorecard_reads_its_stored_line(
    client_for, secretariat_user, school, enterprise, kind, django_assert_max_num_queries
):
    org = school if kind == "school" else enterprise
    client = client_for(secretariat_user)
    url = reverse(f"reports:{kind}_scorecard", args=[org.pk])
    client.get(url, {"year": 2025})
    client.get(url, {"year": 2025, "part": "trend"}, HTTP_HX_REQUEST="true")
    # Session, user, the organisation, the version, the block header, its line.
    with django_assert_max_num_queries(FIGURE_PAGE_MAX_QUERIES):
        response = client.get(url, {"year": 2025})
    assert org.name in response.content.decode()
    with django_assert_max_num_queries(FIGURE_PAGE_MAX_QUERIES):
        client.get(url, {"year": 2025, "part": "trend"}, HTTP_HX_REQUEST="true")


def test_an_excel_import_refreshes_the_dashboard(
    client_for, secretariat_user, refresh_queue, django_capture_on_commit_callbacks
):
    """The import writes in bulk (no post_save): it announces its writes, the refresh is
    queued, and the stored figures follow."""
    import io

    from alliance.exchange import (
        apply_plan,
        export_queryset,
        get_register,
        plan_import,
        write_export,
    )
    from alliance.xlsx import read_sheet
    from reports.tasks import refresh_figures
    from tests.training.factories import CraftsmanFactory
    from training.models import Craftsman

    def craftsmen_cell(client) -> str:
        content = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
        row = content.split('data-indicator="craftsmen_teaching"')[1].split("</tr>")[0]
        return re.findall(r'fs-5">(?:<a[^>]*>)?\s*(\d+)', row)[0]

    register = get_register("craftsmen")
    CraftsmanFactory(enterprise=EnterpriseFactory(name="山东华建铝业集团有限公司"))
    out = io.BytesIO()
    write_export(register, secretariat_user, export_queryset(register, secretariat_user, {}), out)
    Craftsman.objects.all().delete()
    client = client_for(secretariat_user)
    assert craftsmen_cell(client) == "0"  # stored with no craftsman
    plan = plan_import(register, read_sheet(io.BytesIO(out.getvalue())), secretariat_user)
    assert plan.errors == [] and len(plan.to_create) == 1
    with django_capture_on_commit_callbacks(execute=True):
        apply_plan(plan, user=secretariat_user, reason="test")
    assert refresh_queue == [()]
    refresh_figures()
    assert craftsmen_cell(client) == "1"


def test_a_schools_obligation_page_reads_its_stored_years(
    client_for, secretariat_user, school, django_assert_max_num_queries
):
    client = client_for(secretariat_user)
    url = reverse("reports:school_obligations", args=[school.pk])
    client.get(url, {"year": 2025})
    # Session, user, the school, the version, three years' headers and lines, the teachers
    # check, and the secondments and programmes it counted.
    with django_assert_max_num_queries(FIGURE_PAGE_MAX_QUERIES):
        assert client.get(url, {"year": 2025}).status_code == 200


def test_the_report_reads_stored_figures_and_follows_a_membership_written_without_notice(school):
    import datetime as dt

    from members.models import Organization
    from reports.document import report_context
    from tests.members.factories import OrganizationFactory
    from training.models import Teacher

    SchoolYearFiguresFactory(school=school, year=2025, professional_teachers=10)
    SecondmentFactory(teacher=TeacherFactory(school=school, is_professional=True))
    late = OrganizationFactory(kind="school", name="临朐县新建学校", joined_on=dt.date(2030, 1, 1))
    figures.StoredFigures().refresh_all(range(2021, 2026))
    # The report's secondment rate of the school is the stored one, 1 of 10 = 10%, even after
    # a write nobody announced made the teacher non-professional (live: 0 of 10).
    Teacher.objects.update(is_professional=False)
    context = report_context(2025)
    assert [(r["name"], r["rate"]) for r in context["teachers_table"].rows] == [
        (school.name, "10%")
    ]
    # A school made a member by a write nobody announced (no FigureChange): the stored block
    # lacks it, and the report computes the schools' lines now rather than fail.
    Organization.objects.filter(pk=late.pk).update(joined_on=None)
    context = report_context(2025)
    assert [r["name"] for r in context["teachers_table"].rows] == sorted([school.name, late.name])
    assert {line.name for line in context["scorecards_table"].rows} == {school.name, late.name}


@pytest.mark.parametrize(
    ("name", "param", "lines"),
    [
        ("reports:obligations", "school_page", "schools"),
        ("reports:outreach_overview", "school_page", "schools"),
        ("reports:local_employment", "page", "rows"),
    ],
)
def test_the_school_tables_paginate(client_for, council_user, name, param, lines):
    from tests.members.factories import SchoolFactory

    SchoolFactory.create_batch(53)
    client = client_for(council_user)
    first = client.get(reverse(name), {"year": 2025})
    second = client.get(reverse(name), {"year": 2025, param: 2})
    # 53 member schools: 50 on the first page, 3 on the second, none on both.
    names = [[entry[0] for entry in page.context[lines]] for page in (first, second)]
    assert (len(names[0]), len(names[1])) == (50, 3)
    assert not set(map(str, names[0])) & set(map(str, names[1]))
    assert f"{param}=2" in first.content.decode()


def test_the_worker_refreshes_every_stored_year_not_only_the_default_ones(school, enterprise):
    from reports.tasks import refresh_figures

    figures.StoredFigures().alliance(2015)  # a page asked for an old year once
    TrainingBaseFactory(enterprise=enterprise)
    refresh_figures()
    header = FigureSnapshot.objects.filter(year=2015, kind="alliance").latest("computed_at")
    assert header.version == figures.current_version()
