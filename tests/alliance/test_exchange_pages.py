"""Export, template, upload → dry run → confirm, my imports: per role, with the members registers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from alliance import exchange_services
from alliance.models import ImportBatch, ImportStatus
from members.models import Organization, OrganizationSize, SchoolYearFigures
from tests.alliance.xlsx_files import read_workbook, upload, workbook_bytes
from tests.factory_base import with_history
from tests.members.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

FIGURES_HEADERS = ["学校", "年份", "在校生数", "专业教师数", "毕业生数"]


def figures_file(school, rows=((2024, 3000, 150, 900), (2025, 3200, 160, 950))) -> bytes:
    return workbook_bytes(FIGURES_HEADERS, [[school.name, *row] for row in rows])


def post(client, register: str, content: bytes, name: str = "data.xlsx"):
    return client.post(reverse(f"exchange:{register}_import"), {"file": upload(content, name)})


# -- export ---------------------------------------------------------------------------------


def test_export_holds_exactly_the_filtered_rows_with_chinese_headers(
    client_for, secretariat_user, school, enterprise
):
    response = client_for(secretariat_user).get(
        reverse("exchange:organizations_export"), {"kind": "school"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    headers, rows = read_workbook(response.content)
    assert headers[:3] == ["名称", "类型", "统一社会信用代码"]
    assert [row[0] for row in rows] == [school.name]
    assert rows[0][1] == "学校"


def test_export_writes_dates_as_dates_and_neutralises_formulas(client_for, secretariat_user):
    OrganizationFactory(name='=HYPERLINK("http://evil")', joined_on=dt.date(2023, 12, 8))
    response = client_for(secretariat_user).get(reverse("exchange:organizations_export"))
    headers, rows = read_workbook(response.content)
    row = rows[0]
    assert row[0] == '\'=HYPERLINK("http://evil")'
    assert row[headers.index("加入日期")] == dt.datetime(2023, 12, 8)


def test_export_of_a_school_holds_only_its_own_figures(
    client_for, school_user, school, other_school
):
    SchoolYearFigures.objects.create(
        school=school, year=2025, enrolled_students=3000, professional_teachers=100, graduates=900
    )
    SchoolYearFigures.objects.create(
        school=other_school,
        year=2025,
        enrolled_students=2000,
        professional_teachers=80,
        graduates=600,
    )
    response = client_for(school_user).get(reverse("exchange:school_figures_export"))
    _headers, rows = read_workbook(response.content)
    assert [row[0] for row in rows] == [school.name]


def test_export_is_refused_to_roles_without_the_register(client_for, hr_user):
    assert client_for(hr_user).get(reverse("exchange:school_figures_export")).status_code == 403


def test_anonymous_export_goes_to_login(client_for):
    response = client_for(None).get(reverse("exchange:organizations_export"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_list_header_actions_link_to_the_filtered_export(rf, secretariat_user):
    from django.template.loader import render_to_string

    request = rf.get("/members/organisations/", {"kind": "school", "page": "2"})
    request.user = secretariat_user
    html = render_to_string(
        "includes/_register_actions.html", {"register": "organizations"}, request=request
    )
    assert reverse("exchange:organizations_export") + "?kind=school" in html
    assert "page=2" not in html
    assert reverse("exchange:organizations_import") in html


def test_list_header_actions_hide_import_from_readers(rf, council_user):
    from django.template.loader import render_to_string

    request = rf.get("/members/organisations/")
    request.user = council_user
    html = render_to_string(
        "includes/_register_actions.html", {"register": "organizations"}, request=request
    )
    assert reverse("exchange:organizations_export") in html
    assert reverse("exchange:organizations_import") not in html


# -- template -------------------------------------------------------------------------------


def test_template_has_headers_only_and_the_example_on_the_instructions_sheet(
    client_for, school_user, school
):
    import io

    import openpyxl

    response = client_for(school_user).get(reverse("exchange:school_figures_template"))
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    data, notes = workbook.worksheets
    assert [[c.value for c in row] for row in data.iter_rows()] == [FIGURES_HEADERS]
    assert notes.title == "说明"
    lines = {row[0].value: [c.value for c in row] for row in notes.iter_rows() if row[0].value}
    assert lines["列"][:3] == ["列", "必填", "示例"]
    # The example names the coordinator's own school, on the instructions sheet only.
    assert lines["学校"][2] == school.name
    assert lines["在校生数"][1] == "是" and "整数" in lines["在校生数"][3]


def test_the_template_uploaded_as_it_is_imports_nothing(client_for, school_user, school):
    client = client_for(school_user)
    template = client.get(reverse("exchange:school_figures_template")).content
    post(client, "school_figures", template)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID and not batch.can_confirm
    assert "只有标题行" in batch.message
    assert not SchoolYearFigures.objects.exists()


def test_template_lists_allowed_values(client_for, secretariat_user):
    import io

    import openpyxl

    response = client_for(secretariat_user).get(reverse("exchange:organizations_template"))
    notes = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[1]
    kind_note = next(row[3].value for row in notes.iter_rows() if row[0].value == "类型")
    assert "企业" in kind_note and "学校" in kind_note and "商协会" in kind_note


@pytest.mark.parametrize("persona", ["hr_user", "council_user"])
def test_template_and_import_are_refused_to_other_roles(client_for, request, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("exchange:school_figures_template")).status_code == 403
    assert client.get(reverse("exchange:school_figures_import")).status_code == 403


# -- upload, dry run, confirm ----------------------------------------------------------------


def test_dry_run_lists_rows_to_add_and_writes_nothing(client_for, school_user, school):
    client = client_for(school_user)
    response = post(client, "school_figures", figures_file(school))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "exchange:batch", args=[batch.pk]
    )
    assert (batch.status, batch.row_count, batch.to_create, batch.to_update) == (
        ImportStatus.READY,
        2,
        2,
        0,
    )
    assert not SchoolYearFigures.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "确认导入：新增 2 条，更新 0 条" in page, page[page.find("batch-status") :][:3000]


def test_confirm_imports_all_rows_and_reimport_does_not_duplicate(client_for, school_user, school):
    client = client_for(school_user)
    post(client, "school_figures", figures_file(school))
    batch = ImportBatch.objects.get()
    response = client.post(reverse("exchange:confirm", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.status, batch.created_count, batch.updated_count) == (ImportStatus.DONE, 2, 0)
    assert SchoolYearFigures.objects.filter(school=school).count() == 2

    post(client, "school_figures", figures_file(school))
    again = ImportBatch.objects.latest("pk")
    assert (again.to_create, again.to_update, again.unchanged) == (0, 0, 2)
    post(client, "school_figures", figures_file(school, rows=((2025, 3300, 160, 950),)))
    changed = ImportBatch.objects.latest("pk")
    assert (changed.to_create, changed.to_update) == (0, 1)
    client.post(reverse("exchange:confirm", args=[changed.pk]))
    assert SchoolYearFigures.objects.get(school=school, year=2025).enrolled_students == 3300
    assert SchoolYearFigures.objects.count() == 2


def test_import_is_recorded_in_history_with_the_batch_and_user(client_for, school_user, school):
    client = client_for(school_user)
    post(client, "school_figures", figures_file(school, rows=((2025, 3200, 160, 950),)))
    batch = ImportBatch.objects.get()
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    figures = SchoolYearFigures.objects.get()
    record = figures.history.get()
    assert record.history_user == school_user
    assert (
        record.history_change_reason == f"Excel 导入 #{batch.pk}（figures.xlsx）"
        or f"#{batch.pk}" in record.history_change_reason
    )
    assert batch.file_name in record.history_change_reason


def test_history_rows_show_page_edits_and_imports(client_for, secretariat_user, school):
    from alliance.history import history_rows

    client = client_for(secretariat_user)
    figures = SchoolYearFigures(
        school=school, year=2025, enrolled_students=3000, professional_teachers=100, graduates=900
    )
    figures._change_reason = "page edit"
    figures.save()
    post(client, "school_figures", figures_file(school, rows=((2025, 3100, 100, 900),)))
    batch = ImportBatch.objects.get()
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    rows = history_rows(SchoolYearFigures.objects.get())
    assert [r.reason for r in rows] == [exchange_services.change_reason(batch), "page edit"]
    assert rows[0].who == secretariat_user.display_name
    assert [(c.old, c.new) for c in rows[0].changes] == [("3000", "3100")]


def test_confirm_of_a_refused_batch_imports_nothing(client_for, school_user, school):
    client = client_for(school_user)
    post(client, "school_figures", figures_file(school, rows=((2025, 100, 160, 950),)))
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.INVALID
    assert not SchoolYearFigures.objects.exists()


def test_rows_that_became_invalid_after_the_dry_run_import_nothing(client_for, school_user, school):
    client = client_for(school_user)
    post(client, "school_figures", figures_file(school))
    batch = ImportBatch.objects.get()
    # Someone else adds 2025 with another record meanwhile: the confirm re-checks in one transaction.
    school.kind = "enterprise"
    school.save()
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.INVALID
    assert not SchoolYearFigures.objects.exists()


def test_another_users_batch_is_not_shown(client_for, school_user, other_school_user, school):
    post(client_for(school_user), "school_figures", figures_file(school))
    batch = ImportBatch.objects.get()
    client = client_for(other_school_user)
    response = client.get(reverse("exchange:batch", args=[batch.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("exchange:batches")
    assert client.post(reverse("exchange:confirm", args=[batch.pk])).status_code == 404
    assert not SchoolYearFigures.objects.exists()


def test_batch_pages_are_refused_to_council_and_anonymous(client_for, council_user):
    assert client_for(council_user).get(reverse("exchange:batches")).status_code == 403
    assert client_for(None).get(reverse("exchange:batches")).status_code == 302


def test_my_imports_lists_only_my_batches(
    client_for, school_user, other_school_user, school, other_school, django_assert_max_num_queries
):
    post(client_for(other_school_user), "school_figures", figures_file(other_school))
    client = client_for(school_user)
    post(client, "school_figures", figures_file(school))
    post(client, "school_figures", figures_file(school))
    # session, user, count, page of batches
    with django_assert_max_num_queries(5):
        response = client.get(reverse("exchange:batches"))
    page = response.content.decode()
    mine = ImportBatch.objects.filter(user=school_user)
    assert all(reverse("exchange:batch", args=[b.pk]) in page for b in mine)
    other = ImportBatch.objects.get(user=other_school_user)
    assert reverse("exchange:batch", args=[other.pk]) not in page


def test_file_kept_for_the_confirm_is_stored_under_imports(
    client_for, school_user, school, settings
):
    post(client_for(school_user), "school_figures", figures_file(school))
    batch = ImportBatch.objects.get()
    assert batch.file.name.startswith("imports/") and batch.file.name.endswith(".xlsx")
    assert batch.file_name == "data.xlsx"


def test_hr_may_not_import_organisations(client_for, hr_user):
    assert client_for(hr_user).get(reverse("exchange:organizations_import")).status_code == 403


def test_secretariat_imports_organisations_by_credit_code_or_name(client_for, secretariat_user):
    import random

    from alliance.fake_ids import credit_code

    code = credit_code(random.Random(7))
    existing = OrganizationFactory(name="临朐县旧名称有限公司", credit_code=code)
    headers = [
        "名称",
        "类型",
        "统一社会信用代码",
        "行业",
        "规模",
        "县内",
        "非联盟成员",
        "地址",
        "董事长或负责人",
        "加入日期",
        "退出日期",
        "状态",
        "发展现状",
        "未来规划",
        "工资下限（元/月）",
        "工资上限（元/月）",
        "主要负责人",
    ]
    rows = [
        [
            "临朐县新名称有限公司",
            "企业",
            code,
            "机械制造",
            str(OrganizationSize.MEDIUM.label),
            "是",
            "否",
            "",
            "",
            "2023-12-08",
            None,
            "在册成员",
            "",
            "",
            4000,
            6000,
            "",
        ],
        [
            "临朐县新成员有限公司",
            "企业",
            None,
            "食品",
            None,
            "否",
            "否",
            "",
            "",
            dt.date(2024, 1, 5),
            None,
            "在册成员",
            "",
            "",
            None,
            None,
            "",
        ],
    ]
    client = client_for(secretariat_user)
    post(client, "organizations", workbook_bytes(headers, rows))
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.to_create, batch.to_update) == (ImportStatus.READY, 1, 1), (
        batch.errors
    )
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    existing.refresh_from_db()
    assert existing.name == "临朐县新名称有限公司" and existing.wage_max == 6000
    added = Organization.objects.get(name="临朐县新成员有限公司")
    assert (
        added.credit_code is None
        and added.is_local is False
        and added.joined_on == dt.date(2024, 1, 5)
    )


@pytest.mark.parametrize(
    "key", sorted(r.key for r in __import__("alliance.exchange", fromlist=["x"]).all_registers())
)
def test_every_register_exports_its_chinese_headers(client_for, secretariat_user, key):
    from alliance.exchange import get_register

    response = client_for(secretariat_user).get(reverse(f"exchange:{key}_export"))
    assert response.status_code == 200
    headers, rows = read_workbook(response.content)
    assert headers == [c.header for c in get_register(key).columns]
    assert rows == []


def test_export_runs_a_bounded_number_of_queries(
    client_for, secretariat_user, school, django_assert_max_num_queries
):
    from tests.placements.factories import StudentFactory

    StudentFactory.create_batch(30, school=school)
    client = client_for(secretariat_user)
    # session, user, the students with their school (one query, select_related), the audit event
    with django_assert_max_num_queries(5):
        response = client.get(reverse("exchange:students_export"), {"school": school.pk})
    _headers, rows = read_workbook(response.content)
    assert len(rows) == 30


def test_export_of_many_to_many_columns_is_bounded(
    client_for, secretariat_user, school, django_assert_max_num_queries
):
    from tests.members.factories import EnterpriseFactory
    from tests.training.factories import TrainingProgrammeFactory

    enterprises = EnterpriseFactory.create_batch(2)
    TrainingProgrammeFactory.create_batch(10, school=school, enterprises=enterprises)
    client = client_for(secretariat_user)
    # session, user, programmes with their school, their enterprises (prefetch), the audit event
    with django_assert_max_num_queries(5):
        response = client.get(reverse("exchange:programmes_export"))
    headers, rows = read_workbook(response.content)
    assert rows[0][headers.index("参训企业")] == "、".join(sorted(e.name for e in enterprises))


def test_detail_pages_history_tab_shows_the_page_edit_and_the_import(
    client_for, school_user, school
):
    from placements.models import Student
    from tests.placements.factories import StudentFactory

    with with_history():
        student = StudentFactory(school=school, student_number="2025000001", class_name="1班")
    client = client_for(school_user)
    headers = [
        "学校",
        "学号",
        "姓名",
        "身份证号",
        "性别",
        "专业",
        "班级",
        "入学年份",
        "学习形式",
        "手机",
    ]
    row = [
        school.name,
        student.student_number,
        student.name,
        student.national_id,
        "男",
        student.major.name,
        "2班",
        student.enrolment_year,
        "全日制",
        student.phone,
    ]
    post(client, "students", workbook_bytes(headers, [row]))
    batch = ImportBatch.objects.get()
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    assert Student.objects.get().class_name == "2班"
    page = client.get(reverse("placements:student_detail", args=[student.pk])).content.decode()
    history = page[page.find('id="history"') :]
    assert exchange_services.change_reason(batch) in history
    assert "1班 → 2班" in history
    assert school_user.display_name in history


def test_my_imports_is_in_the_menu_of_staff_only():
    from alliance.navigation import menus_for
    from members.models import User

    def links(role):
        return [
            link.url
            for _label, items in menus_for(User(role=role, username=role))
            for link in items
        ]

    assert reverse("exchange:batches") in links("school_coordinator")
    assert reverse("exchange:batches") not in links("council")


def test_files_stay_chinese_when_the_interface_is_english(client_for, secretariat_user, school):
    from django.utils import translation

    client = client_for(secretariat_user)
    with translation.override("en"):
        response = client.get(reverse("exchange:organizations_export"), HTTP_ACCEPT_LANGUAGE="en")
    headers, rows = read_workbook(response.content)
    assert headers[1] == "类型" and rows[0][1] == "学校"
