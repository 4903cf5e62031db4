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


def _materials(d: YearData, schools: list[int], names: dict[int, str]) -> dict:
    by_school = d.materials_by_kind
    rows = []
    for s in schools:
        kinds = {kind: len(ids) for kind, ids in by_school.get(s, {}).items()}
        classes = d.order_class_alignment.get(s)
        rows.append(
            {
                "name": names[s],
                "counts": [kinds.get(kind, 0) for kind in MaterialKind.values],
                "total": sum(kinds.values()),
                "classes": len(classes.running) if classes else 0,
                "aligned": len(classes.aligned) if classes else 0,
            }
        )
    return {"kinds": [str(label) for label in MaterialKind.labels], "rows": rows}


def _demand(d: YearData) -> dict:
    joint = [c for c in d.classes_running if len(c["enterprises"]) >= 2]
    return {"rows": d.demand_against_graduates, "joint": joint}


def _training_forms(d: YearData, schools: list[int], enterprises: set[int]) -> dict:
    classes = [
        {**c, "kind_label": _label(OrderClassKind, c["kind"])}
        for c in d.classes_running
        if c["school"] in schools
    ]
    paths = [d.apprentices_by_path[e] for e in enterprises if e in d.apprentices_by_path]
    apprentices = {
        key: sum(len(p[key]) for p in paths)
        for key in ("employee", "pilot", "new_hire", "transferred")
    }
    bases = []
    for base_id, base in d.active_bases.items():
        if base["enterprise"] not in enterprises:
            continue
        stages = d.internships_by_base.get(base_id, {})
        bases.append(
            {
                **base,
                "stages": [len(stages.get(stage, ())) for stage in InternshipStage.values],
                "no_masters": base["masters"] == 0,
            }
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
        "classes": classes,
        "apprentices": apprentices,
        "stages": [str(label) for label in InternshipStage.labels],
        "bases": bases,
        "audiences": [str(label) for label in ProgrammeAudience.labels],
        "training": training,
    }


def _guidance(
    d: YearData, schools: list[int], enterprises: list[int], names: dict[int, str]
) -> dict:
    mentors = [
        {
            "person": m["person"],
            "enterprise": m["enterprise_name"],
            "classes": len(m.get("career_class", ())),
            "lectures": len(m.get("expert_lecture", ())),
        }
        for m in d.mentor_events.values()
        if m["enterprise"] in enterprises
    ]
    preferences = [
        {
            "name": names[e],
            "areas": "、".join(
                _label(PreferenceArea, a)
                for a in PreferenceArea.values
                if a in d.preference_areas.get(e, ())
            ),
        }
        for e in enterprises
    ]
    followups = []
    for s in schools:
        records = d.followup_records.get(s)
        graduates = len(records.graduates) if records else 0
        followed = len(records.followed) if records else 0
        followups.append(
            {
                "name": names[s],
                "graduates": graduates,
                "followed": followed,
                "missing": graduates - followed,
            }
        )
    return {"mentors": mentors, "preferences": preferences, "followups": followups}


def _external(d: YearData, schools: list[int], names: dict[int, str]) -> dict:
    rows = []
    for s in schools:
        areas = d.exchanges_by_area.get(s, {})
        rows.append(
            {
                "name": names[s],
                "partners": d.partners_with_agreement.get(s, 0),
                "counts": [areas.get(area, 0) for area in ExchangeArea.values],
                "total": sum(areas.values()),
            }
        )
    return {"areas": [str(label) for label in ExchangeArea.labels], "rows": rows}


def cooperation_context(d: YearData) -> dict:
    """The content of the five chapters for the year of ``d`` (plain values for the template)."""
    names = organization_names(d.schools | d.enterprises)
    schools = sorted(d.schools, key=lambda i: names[i])
    enterprises = sorted(d.enterprises, key=lambda i: names[i])
    return {
        "materials": _materials(d, schools, names),
        "demand": _demand(d),
        "training_forms": _training_forms(d, schools, set(enterprises)),
        "guidance": _guidance(d, schools, enterprises, names),
        "external": _external(d, schools, names),
    }
