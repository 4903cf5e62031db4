"""The MoE status-data platform's school–enterprise cooperation table (产学合作), from the registers.

Schools type the same figures into the national platform every year: one row per major ×
enterprise, for an academic year (1 September – 31 August). Each figure is read through one
selector of another app, imported plainly; a field no register holds yet is named in
``NO_SOURCE_YET`` with the reason, left blank in the table and explained by a note — so wiring
a new register is moving its field from ``NO_SOURCE_YET`` to ``BY_MAJOR`` or ``BY_ENTERPRISE``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font

from alliance.xlsx import neutralise
from members import selectors as members
from placements import selectors as placements
from training import selectors as training


@dataclass(frozen=True)
class Field:
    key: str
    header: str  # the national platform's field name, never translated


#: The table's columns, in the national layout.
FIELDS: tuple[Field, ...] = (
    Field("school_code", "学校代码"),
    Field("major", "专业"),
    Field("enterprise_name", "合作企业名称"),
    Field("credit_code", "统一社会信用代码"),
    Field("order_trained", "订单培养人数"),
    Field("courses_developed", "共同开发课程数"),
    Field("materials_developed", "共同开发教材数"),
    Field("part_time_teachers", "支持学校兼职教师数"),
    Field("interns", "接受顶岗实习学生数"),
    Field("equipment_value", "对学校捐赠设备总值"),
    Field("graduates_hired", "接受毕业生就业数"),
    Field("service_income", "学校为企业技术服务年收入"),
    Field("staff_trained", "学校为企业年培训员工数"),
)
FIGURES = tuple(f.key for f in FIELDS[4:])

Span = tuple[dt.date, dt.date]

#: Figures per (major, enterprise id), for a school and an academic year (first, last day).
BY_MAJOR: dict[str, Callable[[int, dt.date, dt.date], dict[tuple[str, int], int]]] = {
    "order_trained": placements.order_class_students_by_major,
    "interns": placements.interns_by_major,
    "graduates_hired": placements.hired_graduates_by_major,
    "courses_developed": placements.courses_codeveloped_by_major,
    "materials_developed": placements.textbooks_codeveloped_by_major,
}

#: Figures per enterprise id only (the register names no major): on the enterprise's row
#: without a major, which the school splits between its majors on the platform.
BY_ENTERPRISE: dict[str, Callable[[int, dt.date, dt.date], dict[int, int]]] = {
    "part_time_teachers": lambda school_id, first, last: training.part_time_teachers_by_enterprise(
        school_id, first.year
    ),
    "staff_trained": training.trained_staff_by_enterprise,
    "equipment_value": training.donated_equipment_value_by_enterprise,
    "service_income": training.service_income_by_enterprise,
}

#: The fields no register holds yet, and why: blank in the table, with this note.
NO_SOURCE_YET: dict[str, str] = {
    "school_code": _("No source yet: the organisation register has no MoE school code."),
}

#: How the figures with a source are counted (the notes sheet of the export).
COUNTING: dict[str, str] = {
    "major": _(
        "The major of the order class, of the intern, of the graduate or of the co-developed "
        "material, with its catalogue code where known; empty on the rows of figures whose "
        "register names no major (part-time teachers, equipment, services, staff trained)."
    ),
    "order_trained": _(
        "Students enrolled in the school's order classes in training during the academic year; "
        "a joint class counts for each of its enterprises."
    ),
    "part_time_teachers": _(
        "Craftsmen of the enterprise teaching at the school in the autumn and spring terms of "
        "the academic year as part-time teachers or internship instructors, each once."
    ),
    "interns": _("The school's students on an internship at the enterprise during the year."),
    "graduates_hired": _(
        "Graduates of the summer ending the academic year working at the enterprise, "
        "hires the enterprise declined left out."
    ),
    "courses_developed": _(
        "Curricula and course standards completed with the enterprise during the academic year; "
        "one written with several enterprises counts for each."
    ),
    "materials_developed": _(
        "Textbooks, loose-leaf and workbook textbooks completed with the enterprise during the "
        "academic year; one written with several enterprises counts for each."
    ),
    "equipment_value": _(
        "Value in yuan of the equipment the enterprise introduced into the school, in use from "
        "a day of the academic year (equipment shared or lent is not counted)."
    ),
    "service_income": _(
        "Contract value in yuan of the school's technical services for the enterprise starting "
        "in the academic year, stopped ones left out; a service for several enterprises counts "
        "for each."
    ),
    "staff_trained": _(
        "Person-times of the school's in-service programmes for the enterprise starting in the "
        "academic year; a programme for several enterprises counts for each."
    ),
}


def academic_year_span(academic_year: int) -> Span:
    """The academic year starting in September of ``academic_year``."""
    return dt.date(academic_year, 9, 1), dt.date(academic_year + 1, 8, 31)


def academic_year_label(academic_year: int) -> str:
    return f"{academic_year}-{academic_year + 1}"


@dataclass
class Row:
    major: str
    enterprise_id: int
    enterprise_name: str
    credit_code: str
    figures: dict[str, int | None] = field(default_factory=dict)

    def value(self, key: str, school_code: str | None):
        if key == "school_code":
            return school_code
        if key in ("major", "enterprise_name", "credit_code"):
            return getattr(self, key)
        return self.figures.get(key)


@dataclass
class StatusTable:
    school_id: int
    school_name: str
    academic_year: int
    rows: list[Row]
    school_code: str | None = None  # NO_SOURCE_YET: no register holds it

    def records(self) -> list[dict]:
        """The rows as ``{field key: value}`` (the API and the tests read these)."""
        return [{f.key: row.value(f.key, self.school_code) for f in FIELDS} for row in self.rows]


def status_table(school_id: int, academic_year: int) -> StatusTable:
    """The school's 产学合作 table for the academic year, one row per major × enterprise that
    has at least one figure, ordered by enterprise and major."""
    first, last = academic_year_span(academic_year)
    cells: dict[tuple[str, int], dict[str, int | None]] = {}
    for key, selector in BY_MAJOR.items():
        for (major, enterprise_id), n in selector(school_id, first, last).items():
            cells.setdefault((major or "", enterprise_id), {})[key] = n
    for key, selector in BY_ENTERPRISE.items():
        for enterprise_id, n in selector(school_id, first, last).items():
            cells.setdefault(("", enterprise_id), {})[key] = n
    names = members.names_and_credit_codes({school_id} | {e for _m, e in cells})
    rows = []
    for (major, enterprise_id), figures in cells.items():
        name, code = names.get(enterprise_id, (f"#{enterprise_id}", ""))
        known = {key: (None if key in NO_SOURCE_YET else figures.get(key, 0)) for key in FIGURES}
        rows.append(Row(major, enterprise_id, name, code, known))
    rows.sort(key=lambda r: (r.enterprise_name, r.major == "", r.major))
    return StatusTable(
        school_id=school_id,
        school_name=names.get(school_id, ("", ""))[0],
        academic_year=academic_year,
        rows=rows,
    )


def status_workbook(table: StatusTable) -> bytes:
    """The table as an .xlsx in the national layout: the header of the platform's field names
    (a comment on each field with no source yet), one row per major × enterprise, and a notes
    sheet saying where every figure comes from."""
    book = Workbook()
    sheet = book.active
    sheet.title = "产学合作"
    sheet.append([f.header for f in FIELDS])
    for index, f in enumerate(FIELDS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        if f.key in NO_SOURCE_YET:
            cell.comment = Comment(str(NO_SOURCE_YET[f.key]), "alliance")
        sheet.column_dimensions[cell.column_letter].width = max(12, 2 * len(f.header) + 2)
    for record in table.records():
        sheet.append([neutralise(record[f.key]) for f in FIELDS])
    sheet.freeze_panes = "A2"

    notes = book.create_sheet("说明")
    notes.append([_now("School"), table.school_name])
    notes.append([_now("Academic year"), academic_year_label(table.academic_year)])
    notes.append([])
    notes.append([_now("Field"), _now("Source")])
    for f in FIELDS:
        text = NO_SOURCE_YET.get(f.key) or COUNTING.get(f.key) or ""
        notes.append([f.header, str(text)])
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 90

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
