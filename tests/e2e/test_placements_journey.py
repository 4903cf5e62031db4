"""A school coordinator sets up a joint order class, enrols students and records a placement;
the HR of one order enterprise confirms the hire. Personal data stays masked in page source for
everyone but the secretariat."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

CENTRE = "临朐县职业教育中心学校"
HR_ENTERPRISE = "山东华建铝业集团有限公司"
PARTNER = "山东中豪铝业集团有限公司"


def _students(n: int):
    from placements.models import Student

    return list(
        Student.objects.filter(school__name=CENTRE, enrolment_year=2023, study_mode="full_time")
        .exclude(order_class_enrolments__isnull=False)
        .order_by("student_number")[:n]
    )


def test_order_class_enrolment_placement_and_hire_confirmation(demo, login, page, live_server):
    first, second = _students(2)

    login("school")
    page.goto(f"{live_server.url}/placements/order-classes/new/")
    page.fill("input[name=name]", "铝型材精密加工联合订单班")
    page.select_option("select[name=major]", label=f"{CENTRE} · 数控技术应用（660103）")
    page.select_option("select[name=enterprises]", label=[HR_ENTERPRISE, PARTNER])
    page.fill("input[name=cohort_year]", "2023")
    page.fill("input[name=graduation_year]", "2026")
    page.fill("input[name=planned_size]", "30")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "铝型材精密加工联合订单班" in page.inner_text("h1")
    assert HR_ENTERPRISE in page.inner_text("#order-enterprises") and PARTNER in page.inner_text(
        "#order-enterprises"
    )
    assert page.locator("#alignments tr").count() == 5

    page.fill("textarea[name=student_numbers]", f"{first.student_number}\n{second.student_number}")
    page.click("#enrol-form button[type=submit]")
    page.wait_for_load_state()
    assert first.name in page.inner_text("#enrolments") and second.name in page.inner_text(
        "#enrolments"
    )
    assert first.national_id not in page.content()
    page.screenshot(path="/tmp/placements-orderclass.png", full_page=True)
    order_class_url = page.url

    page.goto(f"{live_server.url}/placements/graduates/new/")
    page.fill("input[name=student_number]", first.student_number)
    page.fill("input[name=graduation_year]", "2026")
    page.select_option("select[name=destination]", "employed")
    page.select_option("select[name=employer]", label=HR_ENTERPRISE)
    page.select_option("select[name=employer_location]", "county")
    page.fill("input[name=job]", "数控操作工")
    page.select_option("select[name=wage_band]", "4000_5000")
    page.select_option("select[name=via_order_class]", label="铝型材精密加工联合订单班")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "待用人单位确认" in page.inner_text("#hire-status")
    assert "4000" not in page.inner_text("#fields")  # the wage band is personal data
    placement_url = page.url

    page.context.clear_cookies()
    login("hr")
    page.goto(f"{live_server.url}/placements/hires/")
    row = page.locator("#pending-hires tr", has_text=first.name)
    assert first.national_id not in page.content()
    assert first.national_id[:6] + "********" + first.national_id[-4:] in row.inner_text()
    page.screenshot(path="/tmp/placements-hires.png", full_page=True)
    row.locator("a.hire-confirm").click()
    page.wait_for_load_state()
    assert first.name in page.inner_text("h1")  # the confirmation step names the graduate
    page.click("#confirm-button")
    page.wait_for_load_state()
    assert first.name not in page.inner_text("#pending-hires")
    page.goto(placement_url)
    assert "用人单位已确认" in page.inner_text("#hire-status")

    page.context.clear_cookies()
    login("school")
    page.goto(order_class_url)
    assert HR_ENTERPRISE in page.locator("#enrolments tr", has_text=first.name).inner_text()
    assert page.inner_text("#hired-count").strip() == "1"


@pytest.mark.parametrize("username", ["school", "hr", "council", "secretariat"])
def test_personal_data_is_masked_in_page_source_except_for_the_secretariat(
    demo, login, page, live_server, username
):
    from placements.models import GraduatePlacement

    placement = (
        GraduatePlacement.objects.filter(student__school__name=CENTRE, employer__name=HR_ENTERPRISE)
        .select_related("student")
        .order_by("pk")
        .first()
    )
    student = placement.student
    login(username)
    sources = []
    for path in [
        f"/placements/students/{student.pk}/",
        f"/placements/graduates/{placement.pk}/",
        "/placements/students/",
        "/placements/hires/",
        f"/placements/order-classes/{placement.via_order_class_id or 1}/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        if response.status == 200:
            sources.append(page.content())
    assert sources
    shown = any(student.national_id in source for source in sources)
    phone_shown = any(student.phone in source for source in sources)
    if username == "secretariat":
        assert shown and phone_shown
    else:
        assert not shown and not phone_shown


def test_overview_pages_in_chinese(demo, login, page, live_server):
    login("council")
    page.goto(f"{live_server.url}/reports/local-employment/")
    assert "留临" in page.inner_text("main") or "本地" in page.inner_text("main")
    assert page.locator("#local-rates .fall").count() >= 1  # the technical school's rate falls
    page.screenshot(path="/tmp/placements-local.png", full_page=True)
    page.goto(f"{live_server.url}/reports/outreach/?year=2024")
    assert page.locator("#school-outreach .missing").count() >= 1
    page.screenshot(path="/tmp/placements-outreach.png", full_page=True)
    assert page.goto(f"{live_server.url}/placements/students/").status == 403

    page.context.clear_cookies()
    login("school")
    for path, name in [
        ("/placements/students/", "students"),
        ("/placements/graduates/", "graduates"),
        ("/placements/events/", "events"),
        ("/placements/apprenticeships/", "apprenticeships"),
        ("/placements/order-classes/", "orderclasses"),
    ]:
        page.goto(f"{live_server.url}{path}")
        page.screenshot(path=f"/tmp/placements-{name}.png", full_page=True)
