"""The report's chapters on co-building and teaching (issue 15, part b): co-developed materials,
talent demand and joint order classes, every form of training, employment guidance and external
cooperation.

Like the rest of the report, every number comes from the selectors of ``reports.sources`` (one
year's :class:`~reports.sources.YearData`) and every rate from an indicator of the catalogue, so
the chapters agree with the dashboards. Choice labels come from the apps' choices, translated in
the report's language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from placements.models import (
    InternshipStage,
    MaterialKind,
    OrderClassKind,
    PreferenceArea,
)
from training.models import ExchangeArea, FundingDepartment, ProgrammeAudience

from .annex import Sheet, few, school_table, sheet, targets_missed
from .indicators import Row
from .selectors import organization_names
from .sources import YearData

#: the chapters, in the order of the report (id, title)
SECTIONS = [
    ("materials", _("Co-developed teaching materials")),
    ("demand", _("Talent demand and joint order classes")),
    ("training_forms", _("Every form of training")),
    ("guidance", _("Employment guidance")),
    ("external", _("External cooperation")),
]


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def _materials(
    d: YearData, schools: list[int], names: dict[int, str], sheets: list[Sheet], school_results
) -> dict:
    by_school = d.materials_by_kind
    rows = []
    for s in schools:
        kinds = {kind: len(ids) for kind, ids in by_school.get(s, {}).items()}
        classes = d.order_class_alignment.get(s)
        rows.append(
            {
                "id": s,
                "name": names[s],
                "counts": [kinds.get(kind, 0) for kind in MaterialKind.values],
                "total": sum(kinds.values()),
                "classes": len(classes.running) if classes else 0,
                "aligned": len(classes.aligned) if classes else 0,
            }
        )
    kinds = [str(label) for label in MaterialKind.labels]
    table, table_sheet = school_table(
        _("Teaching materials by school"),
        [
            _("School"),
            *kinds,
            _("Total"),
            _("Order classes running"),
            _("Order classes fully aligned"),
        ],
        rows,
        lambda r: [r["name"], *r["counts"], r["total"], r["classes"], r["aligned"]],
        targets_missed(school_results, "materials_codeveloped", "order_classes_aligned"),
    )
    sheets.append(table_sheet)
    return {"kinds": kinds, "table": table}


def _class_rows(classes: list[dict]) -> list[list]:
    return [
        [
            c["name"],
            _label(OrderClassKind, c["kind"]),
            c["school__name"],
            c["major"] or "",
            "、".join(c["enterprises"]),
            c["enrolled"],
            c["apprentices"],
        ]
        for c in classes
    ]


CLASS_HEADERS = [
    _("Class"),
    _("Kind of class"),
    _("School"),
    _("Major"),
    _("Enterprises"),
    _("Students enrolled"),
    _("Pilot apprentices"),
]


def _demand(d: YearData, sheets: list[Sheet]) -> dict:
    """The demand against graduates per major (a row per major of the survey); the joint order
    classes as totals in the PDF, one per row in the annex."""
    joint = [c for c in d.classes_running if len(c["enterprises"]) >= 2]
    name = _("Joint order classes")
    sheets.append(sheet(name, CLASS_HEADERS, _class_rows(joint)))
    return {
        "rows": d.demand_against_graduates,
        "joint_count": len(joint),
        "joint_schools": len({c["school"] for c in joint}),
        "joint_enrolled": sum(c["enrolled"] for c in joint),
        "joint_sheet": str(name),
    }


def _training_forms(
    d: YearData, schools: list[int], enterprises: set[int], sheets: list[Sheet]
) -> dict:
    """Classes summed by kind and bases by internship stage in the PDF, with the classes without
    a student and the bases without a master named; every class and base in the annex."""
    classes = [c for c in d.classes_running if c["school"] in schools]
    class_sheet = _("Order, directed and modern apprenticeship pilot classes")
    sheets.append(sheet(class_sheet, CLASS_HEADERS, _class_rows(classes)))
    by_kind = {kind: [0, 0, 0] for kind in OrderClassKind.values}
    for c in classes:
        counts = by_kind.setdefault(c["kind"], [0, 0, 0])
        counts[0] += 1
        counts[1] += c["enrolled"]
        counts[2] += c["apprentices"]
    paths = [d.apprentices_by_path[e] for e in enterprises if e in d.apprentices_by_path]
    apprentices = {
        key: sum(len(p[key]) for p in paths)
        for key in ("employee", "pilot", "new_hire", "transferred")
    }
    stage_labels = [str(label) for label in InternshipStage.labels]
    base_rows = []
    stage_totals = [0] * len(InternshipStage.values)
    without_master = []
    for base_id, base in d.active_bases.items():
        if base["enterprise"] not in enterprises:
            continue
        stages = d.internships_by_base.get(base_id, {})
        counts = [len(stages.get(stage, ())) for stage in InternshipStage.values]
        stage_totals = [a + b for a, b in zip(stage_totals, counts, strict=True)]
        base_rows.append([base["name"], base["enterprise_name"], base["masters"], *counts])
        if base["masters"] == 0:
            without_master.append(f"{base['enterprise_name']} · {base['name']}")
    base_sheet = _("Internships at the training bases")
    sheets.append(
        sheet(
            base_sheet,
            [_("Training base"), _("Enterprise"), _("Masters"), *stage_labels],
            base_rows,
        )
    )
    departments: dict[str, dict[str, int]] = {}
    for school in schools:
        for (department, audience), n in d.training_person_times_by_kind.get(school, {}).items():
            row = departments.setdefault(department, dict.fromkeys(ProgrammeAudience.values, 0))
            row[audience] = row.get(audience, 0) + n
    training = [
        {
            "department": _label(FundingDepartment, department),
            "counts": [counts.get(a, 0) for a in ProgrammeAudience.values],
        }
        for department, counts in sorted(departments.items())
    ]
    return {
        "class_kinds": [
            {"kind": _label(OrderClassKind, kind), "classes": n, "enrolled": e, "apprentices": a}
            for kind, (n, e, a) in by_kind.items()
        ],
        "class_count": len(classes),
        "empty_classes": few(
            [f"{c['school__name']} · {c['name']}" for c in classes if not c["enrolled"]]
        ),
        "class_sheet": str(class_sheet),
        "apprentices": apprentices,
        "stages": [
            {"label": label, "count": n}
            for label, n in zip(stage_labels, stage_totals, strict=True)
        ],
        "base_count": len(base_rows),
        "without_master": few(without_master),
        "base_sheet": str(base_sheet),
        "audiences": [str(label) for label in ProgrammeAudience.labels],
        "training": training,
    }


def _guidance(
    d: YearData,
    schools: list[int],
    enterprises: list[int],
    names: dict[int, str],
    sheets: list[Sheet],
    school_results: dict[int, dict[str, Row]],
) -> dict:
    """Mentors and preferential measures summed in the PDF, with the mentors who gave no class
    nor lecture and the enterprises without a measure named; every one in the annex."""
    members = set(enterprises)
    mentors = [m for m in d.mentor_events.values() if m["enterprise"] in members]
    mentor_rows = [
        [
            m["person"],
            m["enterprise_name"],
            len(m.get("career_class", ())),
            len(m.get("expert_lecture", ())),
        ]
        for m in mentors
    ]
    mentor_sheet = _("Career mentors")
    sheets.append(
        sheet(
            mentor_sheet,
            [_("Career mentor"), _("Enterprise"), _("Career classes"), _("Enterprise lectures")],
            mentor_rows,
        )
    )
    areas = {e: d.preference_areas.get(e, ()) for e in enterprises}
    preference_sheet = _("Preferential measures for county graduates")
    sheets.append(
        sheet(
            preference_sheet,
            [_("Enterprise"), _("Areas (recruitment, pay, promotion)")],
            [
                [
                    names[e],
                    "、".join(
                        _label(PreferenceArea, a) for a in PreferenceArea.values if a in areas[e]
                    ),
                ]
                for e in enterprises
            ],
        )
    )
    followups = []
    for s in schools:
        # The school's follow-up rate counts them: followed ÷ graduates working in the county.
        counted = school_results[s]["followup_rate"].measure
        graduates, followed = counted.denominator, counted.numerator
        followups.append(
            {
                "id": s,
                "name": names[s],
                "graduates": graduates,
                "followed": followed,
                "missing": graduates - followed,
            }
        )
    return {
        "mentor_count": len(mentor_rows),
        "mentor_classes": sum(row[2] for row in mentor_rows),
        "mentor_lectures": sum(row[3] for row in mentor_rows),
        "idle_mentors": few(
            [
                f"{person}（{enterprise}）"
                for person, enterprise, classes, lectures in mentor_rows
                if not classes and not lectures
            ]
        ),
        "mentor_sheet": str(mentor_sheet),
        "preference_areas": [
            {
                "label": _label(PreferenceArea, a),
                "count": sum(1 for e in enterprises if a in areas[e]),
            }
            for a in PreferenceArea.values
        ],
        "with_preference": sum(1 for e in enterprises if areas[e]),
        "enterprise_count": len(enterprises),
        "without_preference": few([names[e] for e in enterprises if not areas[e]]),
        "preference_sheet": str(preference_sheet),
        "followups": _followup_table(followups, sheets, school_results),
    }


def _followup_table(followups: list[dict], sheets: list[Sheet], school_results):
    table, table_sheet = school_table(
        _("Follow-up by school"),
        [_("School"), _("Working in the county"), _("Followed up"), _("Not followed up")],
        followups,
        lambda r: [r["name"], r["graduates"], r["followed"], r["missing"]],
        targets_missed(school_results, "followup_rate"),
    )
    sheets.append(table_sheet)
    return table


def _external(
    d: YearData, schools: list[int], names: dict[int, str], sheets: list[Sheet], school_results
) -> dict:
    rows = []
    for s in schools:
        areas = d.exchanges_by_area.get(s, {})
        rows.append(
            {
                "id": s,
                "name": names[s],
                "partners": d.partners_with_agreement.get(s, 0),
                "counts": [areas.get(area, 0) for area in ExchangeArea.values],
                "total": sum(areas.values()),
            }
        )
    areas = [str(label) for label in ExchangeArea.labels]
    table, table_sheet = school_table(
        _("External cooperation by school"),
        [_("School"), _("Partners with an agreement"), *areas, _("Total")],
        rows,
        lambda r: [r["name"], r["partners"], *r["counts"], r["total"]],
        targets_missed(school_results, "external_exchanges"),
    )
    sheets.append(table_sheet)
    return {"areas": areas, "table": table}


def cooperation_context(d: YearData, school_results: dict[int, dict[str, Row]]) -> dict:
    """The content of the five chapters for the year of ``d`` (plain values for the template),
    and under ``sheets`` the annex's sheets of their long tables. ``school_results``: each
    member school's indicator rows by code (the stored figures)."""
    names = organization_names(d.schools | d.enterprises)
    schools = sorted(d.schools, key=lambda i: names[i])
    enterprises = sorted(d.enterprises, key=lambda i: names[i])
    sheets: list[Sheet] = []
    return {
        "materials": _materials(d, schools, names, sheets, school_results),
        "demand": _demand(d, sheets),
        "training_forms": _training_forms(d, schools, set(enterprises), sheets),
        "guidance": _guidance(d, schools, enterprises, names, sheets, school_results),
        "external": _external(d, schools, names, sheets, school_results),
        "sheets": sheets,
    }
