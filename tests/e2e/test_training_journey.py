"""A school coordinator records a secondment and sees the school's secondment rate change."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SCHOOL = "临朐县职业教育中心学校"
HR_ENTERPRISE = "山东华建铝业集团有限公司"


def _unseconded_professional_teacher(year: int):
    from training.models import Teacher

    return (
        Teacher.objects.filter(school__name=SCHOOL, is_professional=True)
        .exclude(secondments__start_on__year=year)
        .exclude(secondments__end_on__year=year)
        .order_by("employee_number")
        .first()
    )


def _choose(page, select_id: str, value, text: str) -> None:
    """Pick an option of a searchable select (Tom Select) the way a user does: type, then click."""
    page.click(f"#{select_id} + .ts-wrapper .ts-control")
    page.keyboard.type(text)
    page.locator(f"#{select_id}-ts-dropdown .option[data-value='{value}']").click()


def test_coordinator_records_a_secondment_and_the_rate_rises(demo, login, page, live_server):
    from members.models import Organization
    from reports.indicators import BY_CODE, Scope, evaluate
    from reports.sources import DataSet

    school = Organization.objects.get(name=SCHOOL)
    before = evaluate(BY_CODE["secondment_rate"], DataSet(), 2025, Scope("school", school.pk))
    teacher = _unseconded_professional_teacher(2025)
    enterprise = Organization.objects.get(name=HR_ENTERPRISE)

    login("school")
    obligations_url = f"{live_server.url}/reports/obligations/schools/{school.pk}/?year=2025"
    page.goto(obligations_url)
    rate_before = page.inner_text("#value-secondment_rate")
    assert rate_before.startswith(f"{before.value_text} ({before.fraction_text})")
    assert "达成" in page.inner_text("#card-secondment_rate")
    page.screenshot(path="/tmp/training-obligations-before.png", full_page=True)

    page.click("#record-secondment")
    page.wait_for_load_state()
    # A first try with the dates the wrong way round: a Chinese error under the field.
    _choose(page, "id_teacher", teacher.pk, teacher.name)
    _choose(page, "id_enterprise", enterprise.pk, enterprise.name)
    page.fill("#id_start_on", "2025-09-20")
    page.fill("#id_end_on", "2025-09-01")
    page.fill("#id_days", "15")
    page.fill("#id_post", "铝型材挤压工艺")
    page.select_option("#id_status", "completed")
    page.click("#record-form button[type=submit]")
    page.wait_for_load_state()
    assert "结束日期不能早于开始日期。" in page.inner_text("#record-form")
    page.screenshot(path="/tmp/training-secondment-form-errors.png", full_page=True)

    page.fill("#id_start_on", "2025-09-01")
    page.fill("#id_end_on", "2025-09-20")
    page.click("#record-form button[type=submit]")
    page.wait_for_load_state()
    assert "/training/secondments/" in page.url and teacher.name in page.inner_text("h1")
    page.screenshot(path="/tmp/training-secondment-detail.png", full_page=True)

    page.goto(obligations_url)
    seconded, teachers = before.measure.numerator + 1, before.measure.denominator
    after = page.inner_text("#value-secondment_rate")
    assert after.startswith(f"{seconded * 100 / teachers:.1f}% ({seconded} / {teachers})")
    assert teacher.name in page.inner_text("#seconded-teachers")
    page.screenshot(path="/tmp/training-obligations-after.png", full_page=True)


PAGES = [
    ("secretariat", "/reports/obligations/?year=2025", "方案目标任务完成情况"),
    ("secretariat", "/training/workshops/", "校中厂"),
    ("secretariat", "/training/bases/", "技能实训基地"),
    ("secretariat", "/training/secondments/?year=2025", "教师入企实践"),
    ("secretariat", "/training/programmes/?year=2025", "职工在岗培训"),
    ("secretariat", "/training/assignments/?year=2025", "工匠入校任教"),
    ("hr", "/training/craftsmen/", "兼职技师人才资源库"),
    ("hr", "/training/stations/", "教师活动站"),
    ("council", "/training/certifications/", "技能等级认定"),
]


@pytest.mark.parametrize(
    ("username", "path", "heading"), PAGES, ids=[p[1].split("?")[0] for p in PAGES]
)
def test_training_pages_in_chinese(demo, login, page, live_server, username, path, heading):
    login(username)
    page.goto(live_server.url + path)
    assert heading in page.inner_text("h1")
    name = path.strip("/").split("?")[0].replace("/", "-")
    page.screenshot(path=f"/tmp/training-{username}-{name}.png", full_page=True)


def test_filters_refresh_the_rows_in_place(demo, login, page, live_server):
    login("secretariat")
    page.goto(f"{live_server.url}/training/teachers/")
    total = page.inner_text("#rows .small.text-muted")
    page.fill("#id_q", "ZJ000")
    # expect() rather than wait_for_function: the CSP forbids the eval it would need.
    expect(page.locator("#rows .small.text-muted")).not_to_have_text(total)
    assert "ZJ000" in page.url and page.locator("#register-table tbody tr").count() == 9
    assert page.input_value("#id_q") == "ZJ000"
