"""A big file is planned and written a chunk of rows at a time, with the same checks and the
same all-or-nothing result as one planned at once (CHUNK_ROWS lowered to two rows here, and the
existing records looked up as for a big file)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from alliance import exchange_services
from alliance.exchange import get_register, planning
from alliance.models import ImportBatch, ImportStatus
from alliance.retention import import_files_purge
from alliance.xlsx import read_sheet
from members.models import SchoolYearFigures
from tests.alliance.xlsx_files import upload, workbook_bytes

pytestmark = pytest.mark.django_db

HEADERS = ["学校", "年份", "在校生数", "专业教师数", "毕业生数"]


@pytest.fixture(autouse=True)
def _two_rows_a_chunk(monkeypatch):
    monkeypatch.setattr(planning, "CHUNK_ROWS", 2)
    # The lookups of a chunk's keys as a big file makes them (one array parameter on PostgreSQL).
    monkeypatch.setattr(planning, "ONE_ARRAY_FROM", 1)


def _figures(school, years) -> bytes:
    return workbook_bytes(HEADERS, [[school.name, year, 3000, 100, 900] for year in years])


def _dry_run(school_user, content: bytes):
    return exchange_services.batch_upload(
        register=get_register("school_figures"), user=school_user, upload=upload(content)
    )


def test_rows_of_several_chunks_are_all_imported_with_their_history(school_user, school):
    batch = _dry_run(school_user, _figures(school, [2020, 2021, 2022, 2023, 2024]))
    assert (batch.status, batch.to_create, batch.to_update) == (ImportStatus.READY, 5, 0)
    batch = exchange_services.batch_confirm(batch=batch, user=school_user)
    assert (batch.status, batch.created_count) == (ImportStatus.DONE, 5)
    assert sorted(SchoolYearFigures.objects.values_list("year", flat=True)) == [
        2020,
        2021,
        2022,
        2023,
        2024,
    ]
    assert SchoolYearFigures.history.filter(history_type="+").count() == 5


def test_a_row_repeating_a_row_of_an_earlier_chunk_is_a_repeat(school_user, school):
    # Rows 2-3 are the first chunk, rows 4-5 the second; row 5 repeats row 2's school and year.
    batch = _dry_run(school_user, _figures(school, [2020, 2021, 2022, 2020]))
    assert batch.status == ImportStatus.INVALID
    assert [(e["row"], e["message"][:8]) for e in batch.errors] == [(5, "与第 2 行重复")]


def test_an_import_whose_later_chunk_fails_writes_nothing(monkeypatch, school_user, school):
    batch = _dry_run(school_user, _figures(school, [2020, 2021, 2022]))
    assert batch.status == ImportStatus.READY
    # The file read again for the import differs from the one checked (as if the data had
    # changed in between): its second chunk has a problem after the first was written.
    changed = read_sheet(io.BytesIO(_figures(school, [2020, 2021, 2022, 2020])))
    monkeypatch.setattr(exchange_services, "_read", lambda batch: changed)
    written = []
    apply_plan = exchange_services.apply_plan

    def counted(chunk, **kwargs):
        written.append(len(chunk.to_create))
        return apply_plan(chunk, **kwargs)

    monkeypatch.setattr(exchange_services, "apply_plan", counted)
    batch = exchange_services.batch_confirm(batch=batch, user=school_user)
    assert written == [2]  # the first chunk was written, then rolled back
    assert (batch.status, batch.error_count, batch.created_count) == (ImportStatus.INVALID, 1, 0)
    assert not SchoolYearFigures.objects.exists()
    assert not SchoolYearFigures.history.exists()


def test_the_parsed_copy_of_a_dry_run_goes_with_its_workbook(school_user, school):
    # The copy holds the sheet's ID numbers: the retention job must find it under this name.
    batch = _dry_run(school_user, _figures(school, [2020, 2021, 2022]))
    parsed = ImportBatch.parsed_name(batch.file.name)
    assert default_storage.exists(parsed)
    later = timezone.now() + dt.timedelta(days=settings.IMPORT_RETENTION_DAYS + 1)
    assert import_files_purge(now=later) == 2
    assert not default_storage.exists(parsed) and not default_storage.exists(batch.file.name)
