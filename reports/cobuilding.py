"""The annual report's co-building chapter (issue 15): majors and their partners, co-built
institutions by kind, services and research with patents, shared resources, teacher teams.

Every figure is an indicator row or a selector answer of :mod:`reports.sources`; the chapter
only arranges them for the template ``reports/pdf/cobuilding.html``.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from training.models import AppointmentDirection, InstitutionKind

from .annex import Sheet, few, school_table, sheet, targets_missed
from .indicators import Row
from .sources import YearData


def _majors(catalogue: list[dict]) -> tuple[dict, Sheet]:
    """The majors without a partner enterprise by school for the PDF; the catalogue in the
    annex (a row per major: it grows with the schools)."""
    name = _("Majors built with enterprises")
    rows = [
        [
            m["school"],
            m["code"],
            m["name"],
            m["industry"],
            m["status"],
            "、".join(m["enterprises"]),
            _("yes") if m["leads"] else "",
        ]
        for m in catalogue
    ]
    headers = [
        _("School"),
        _("Code"),
        _("Major"),
        _("County industry served"),
        _("Status"),
        _("Partner enterprises"),
        _("Both leads"),
    ]
    summary = {
        "count": len(catalogue),
        "schools": len({m["school"] for m in catalogue}),
        "without_partner": few(
            [f"{m['school']} · {m['name']}" for m in catalogue if not m["enterprises"]]
        ),
        "sheet": name,
    }
    return summary, sheet(name, headers, rows)


def cobuilding_context(
    d: YearData,
    school_results: dict[int, dict[str, Row]],
    names: dict[int, str],
    school_ids: list[int],
) -> dict:
    """The chapter's values, and under ``cobuilding.sheets`` the annex's sheet of majors.
    ``school_results``: each member school's indicator rows by code (the stored figures)."""

    def school_value(code: str, school: int) -> str:
        return school_results[school][code].value_text

    majors = d.majors_by_school
    patents = d.patents_by_school
    projects = d.service_projects_by_school
    equipment = d.shared_equipment_by_school
    dual = d.dual_qualified_by_school
    school_rows = [
        {
            "id": s,
            "name": names[s],
            "majors": majors.get(s, {}).get("majors", 0),
            "with_partner": school_value("majors_with_partner", s),
            "with_both_leads": school_value("majors_with_both_leads", s),
            "projects": projects.get(s, (0, Decimal(0)))[0],
            "project_value": projects.get(s, (0, Decimal(0)))[1],
            "patents_filed": patents.get(s, {}).get("filed", 0),
            "patents_granted": patents.get(s, {}).get("granted", 0),
            "equipment": equipment.get(s, (0, Decimal(0)))[0],
            "equipment_value": equipment.get(s, (0, Decimal(0)))[1],
            "teachers": dual.get(s, (0, 0))[0],
            "dual": dual.get(s, (0, 0))[1],
            "dual_share": school_value("dual_qualified_share", s),
        }
        for s in school_ids
    ]
    kind_labels = dict(InstitutionKind.choices)
    institution_kinds = [
        {"kind": str(kind_labels.get(kind, kind)), **counts}
        for kind, counts in sorted(d.institutions_by_kind.items())
    ]
    direction_labels = dict(AppointmentDirection.choices)
    majors, majors_sheet = _majors(d.major_catalogue)
    schools, schools_sheet = school_table(
        _("Co-building by school"),
        [
            _("School"),
            _("Majors enrolling"),
            _("With partner"),
            _("Both leads"),
            _("Projects"),
            _("Project value (yuan)"),
            _("Patents filed"),
            _("Patents granted"),
            _("Shared equipment"),
            _("Shared equipment value (yuan)"),
            _("Professional teachers"),
            _("Dual-qualified teachers"),
            _("Dual-qualified share"),
        ],
        school_rows,
        lambda r: [
            r["name"],
            r["majors"],
            r["with_partner"],
            r["with_both_leads"],
            r["projects"],
            r["project_value"],
            r["patents_filed"],
            r["patents_granted"],
            r["equipment"],
            r["equipment_value"],
            r["teachers"],
            r["dual"],
            r["dual_share"],
        ],
        targets_missed(
            school_results,
            "majors_with_partner",
            "majors_with_both_leads",
            "service_projects",
            "patents_granted",
            "dual_qualified_share",
        ),
    )
    return {
        "cobuilding": {
            "schools": schools,
            "majors": majors,
            "sheets": [majors_sheet, schools_sheet],
            "institution_kinds": institution_kinds,
            "institutions": d.institution_register,
            "patents": d.patent_register,
            "workshops": d.workshop_support,
            "stations": d.station_posts,
            "stations_without_posts": [s for s in d.station_posts if s["no_posts"]],
            "appointments": [
                (str(direction_labels.get(k, k)), n)
                for k, n in sorted(d.appointments_by_direction.items())
            ],
        }
    }
