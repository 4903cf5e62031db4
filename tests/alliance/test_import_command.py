"""manage.py import_xlsx / export_xlsx: the same code as the pages, non-zero exit when refused."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from alliance.models import ImportBatch, ImportStatus
from members.models import SchoolYearFigures
from tests.alliance.xlsx_files import read_workbook, workbook_bytes

pytestmark = pytest.mark.django_db

HEADERS = ["学校", "年份", "在校生数", "专业教师数", "毕业生数"]


@pytest.fixture
def good_file(tmp_path, school):
    path = tmp_path / "figures.xlsx"
    path.write_bytes(workbook_bytes(HEADERS, [[school.name, 2025, 3000, 100, 900]]))
    return path


def test_dry_run_writes_nothing(good_file, capsys):
    call_command("import_xlsx", "school_figures", str(good_file), "--dry-run")
    assert "1 to add" in capsys.readouterr().out
    assert not SchoolYearFigures.objects.exists()
    assert ImportBatch.objects.get().status == ImportStatus.READY


def test_dry_run_prints_each_changed_row_old_and_new(good_file, school, capsys):
    SchoolYearFigures.objects.create(
        school=school, year=2025, enrolled_students=2800, professional_teachers=100, graduates=900
    )
    call_command("import_xlsx", "school_figures", str(good_file), "--dry-run")
    out = capsys.readouterr().out
    assert f"row 2 ({school.name} · 2025 · 3000): 在校生数 2800 → 3000" in out
    assert "1 to update" in out
    assert SchoolYearFigures.objects.get().enrolled_students == 2800


def test_import_as_a_user_records_the_user(good_file, school_user):
    call_command("import_xlsx", "school_figures", str(good_file), "--as", school_user.username)
    figures = SchoolYearFigures.objects.get()
    assert figures.history.get().history_user == school_user
    assert ImportBatch.objects.get().user == school_user


def test_refused_file_exits_non_zero_with_row_errors_on_stderr(tmp_path, school, capsys):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(workbook_bytes(HEADERS, [[school.name, "明年", 3000, 100, 900]]))
    with pytest.raises(CommandError):
        call_command("import_xlsx", "school_figures", str(path))
    assert (
        "row 2, 年份: 请输入整数。 (found: 明年; allowed: 类型：整数。)" in capsys.readouterr().err
    )
    assert not SchoolYearFigures.objects.exists()


def test_scope_of_the_account_applies(good_file, other_school_user, capsys):
    with pytest.raises(CommandError):
        call_command(
            "import_xlsx", "school_figures", str(good_file), "--as", other_school_user.username
        )
    assert "row 2, 学校" in capsys.readouterr().err
    assert not SchoolYearFigures.objects.exists()


def test_not_an_xlsx_exits_non_zero(tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_text("学校,年份\n")
    with pytest.raises(CommandError, match="CSV"):
        call_command("import_xlsx", "school_figures", str(path))


def test_unknown_register_lists_the_registers(good_file):
    with pytest.raises(CommandError, match="school_figures"):
        call_command("import_xlsx", "nonsense", str(good_file))


def test_export_command_writes_the_register(tmp_path, school):
    SchoolYearFigures.objects.create(
        school=school, year=2025, enrolled_students=3000, professional_teachers=100, graduates=900
    )
    path = tmp_path / "out.xlsx"
    call_command("export_xlsx", "school_figures", str(path))
    headers, rows = read_workbook(path.read_bytes())
    assert headers == HEADERS and rows == [[school.name, 2025, 3000, 100, 900]]


def test_export_then_import_changes_nothing(tmp_path, school):
    SchoolYearFigures.objects.create(
        school=school, year=2025, enrolled_students=3000, professional_teachers=100, graduates=900
    )
    path = tmp_path / "out.xlsx"
    call_command("export_xlsx", "school_figures", str(path))
    call_command("import_xlsx", "school_figures", str(path))
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.unchanged, batch.created_count, batch.updated_count) == (
        ImportStatus.DONE,
        1,
        0,
        0,
    )
