"""With no broker, a report build runs in a thread: the page answers, a second click joins it."""

from __future__ import annotations

import threading

import pytest
from django.urls import reverse

from alliance import background
from reports import services
from reports.models import AnnualReport, ReportStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def held_build(fake_selectors, settings, monkeypatch):
    """No broker; the PDF typesetting waits for the test to open the gate."""
    from tests.reports.test_indicators import YEAR_2024, YEAR_2025

    fake_selectors({2025: YEAR_2025, 2024: YEAR_2024})
    settings.BACKGROUND_THREADS = True
    gate = threading.Event()
    real_render = services.render_pdf

    def held_render(html):
        assert gate.wait(30), "the test never opened the gate"
        return real_render(html)

    monkeypatch.setattr(services, "render_pdf", held_render)
    yield gate
    gate.set()
    background.wait_all(60)


def test_the_build_runs_behind_the_page_and_a_second_click_joins_it(
    client_for, secretariat_user, held_build
):
    client = client_for(secretariat_user)
    first = client.post(reverse("reports:runs"), {"year": 2025})
    second = client.post(reverse("reports:runs"), {"year": 2025})
    report = AnnualReport.objects.get()
    assert (
        first["Location"] == second["Location"] == reverse("reports:run_detail", args=[report.pk])
    )
    assert report.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)
    progress = client.get(first["Location"]).content.decode()
    assert 'data-hx-trigger="every 1s"' in progress
    runs_page = client.get(reverse("reports:runs")).content.decode()
    assert 'id="active-run"' in runs_page
    assert 'class="btn btn-primary" disabled' in runs_page

    held_build.set()
    background.wait_all(60)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    assert report.pdf.read(5) == b"%PDF-"
    assert 'id="active-run"' not in client.get(reverse("reports:runs")).content.decode()


def test_another_year_is_its_own_run(client_for, secretariat_user, held_build):
    client = client_for(secretariat_user)
    client.post(reverse("reports:runs"), {"year": 2025})
    client.post(reverse("reports:runs"), {"year": 2024})
    assert sorted(AnnualReport.objects.values_list("year", flat=True)) == [2024, 2025]
