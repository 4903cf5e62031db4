"""The figures of one year, read from the other apps through their selectors.

``reports`` never reads another app's tables: every number comes from one of the selector
functions named below, imported plainly, so a missing selector is an ImportError at start-up
and never a silent zero in a published report. :class:`YearData` calls each selector at most
once per year and keeps the answer, so an indicator computed for the alliance, for every school
and for every enterprise costs the same few queries as computing it once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from members import selectors as members
from placements import selectors as placements
from training import selectors as training

from . import assessment_selectors as assessments

#: selector name -> the function answering it for a calendar year
SELECTORS: dict[str, Callable[[int], Any]] = {
    "member_enterprise_ids": members.member_enterprise_ids,
    "member_school_ids": members.member_school_ids,
    "school_figures": members.school_figures,
    "regular_meetings_by_half": members.regular_meetings_by_half,
    "council_overview": members.council_overview,
    "organizations_by_kind": members.organizations_by_kind,
    "enterprises_with_active_base": training.enterprises_with_active_base,
    "enterprises_with_station": training.enterprises_with_station,
    "seconded_professional_teachers": training.seconded_professional_teachers,
    "secondments_by_enterprise": training.secondments_by_enterprise,
    "training_person_times": training.training_person_times,
    "training_person_times_by_enterprise": training.training_person_times_by_enterprise,
    "craftsmen_by_enterprise": training.craftsmen_by_enterprise,
    "teaching_hours_by_school": training.teaching_hours_by_school,
    "teaching_hours_by_enterprise": training.teaching_hours_by_enterprise,
    "certification_totals": training.certification_totals,
    "platform_summary": training.platform_summary,
    # issue 11: training drill-downs
    "enrolling_majors": members.enrolling_majors,
    "open_institutions": training.open_institutions,
    "running_projects": training.running_projects,
    "patent_records": training.patent_records,
    "professional_teacher_records": training.professional_teacher_records,
    "running_appointments": training.running_appointments,
    "programme_records": training.programme_records,
    "exchange_records": training.exchange_records,
    "quality_survey_records": training.quality_survey_records,
    "employment_counts": placements.employment_counts,
    "hires_by_enterprise": placements.hires_by_enterprise,
    "order_class_hires": placements.order_class_hires,
    "order_class_hires_by_enterprise": placements.order_class_hires_by_enterprise,
    "apprentice_counts": placements.apprentice_counts,
    "enterprises_with_mentor": placements.enterprises_with_mentor,
    "enterprises_with_chairman_visit": placements.enterprises_with_chairman_visit,
    "outreach_by_semester": placements.outreach_by_semester,
    "recommendation_events": placements.recommendation_events,
    "events_by_enterprise": placements.events_by_enterprise,
    "retention_summary": placements.retention_summary,
    # issue 11: placements drill-downs
    "followup_records": placements.followup_records,
    # The records behind the figures above, for drill-downs that list exactly what was counted
    "seconded_teachers": training.seconded_teachers,
    "training_programmes": training.training_programmes,
    "craftsmen_in_pool": training.craftsmen_in_pool,
    "employment_records": placements.employment_records,
    "order_class_records": placements.order_class_records,
    "order_class_records_by_enterprise": placements.order_class_records_by_enterprise,
    "apprentice_records": placements.apprentice_records,
    "regular_meetings_held": members.regular_meetings_held,
    # issue 16: the retention funnel of a graduation cohort
    "retention_funnel": placements.retention_funnel,
    # governance: assessment, incentives, publicity and model cases (issue 14, items 5–7)
    "schools_with_corridor": members.schools_with_corridor,
    "enterprises_with_complete_profile": members.enterprises_with_complete_profile,
    "media_coverage": members.media_coverage,
    "model_cases_summary": members.model_cases_summary,
    "assessment_summary": assessments.assessment_summary,
    "incentive_summary": assessments.incentive_summary,
    # governance: council composition, rules, office, expert advice, work plan (issue 14, 1–4)
    "council_seats_by_kind": members.council_seats_by_kind,
    "documents_in_force": members.documents_in_force,
    "governance_overview": members.governance_overview,
    # Issue 15 (co-building and teaching, part b): materials, demand, forms of training,
    # employment guidance, external cooperation.
    "materials_by_kind": placements.materials_by_kind,
    "order_class_alignment": placements.order_class_alignment,
    "demand_by_enterprise": placements.demand_by_enterprise,
    "demand_against_graduates": placements.demand_against_graduates,
    "classes_running": placements.classes_running,
    "apprentices_by_path": placements.apprentices_by_path,
    "internships_by_base": placements.internships_by_base,
    "internships_by_stage": placements.internships_by_stage,
    "active_bases": training.active_bases,
    "training_person_times_by_kind": training.training_person_times_by_kind,
    "mentor_events": placements.mentor_events,
    "preference_areas": placements.preference_areas,
    "exchanges_by_area": training.exchanges_by_area,
    "partners_with_agreement": training.partners_with_agreement,
    # co-building: majors, institutions, services and research, teacher teams (issue 15)
    "majors_by_school": members.majors_by_school,
    "major_catalogue": members.major_catalogue,
    "institutions_by_kind": training.institutions_by_kind,
    "institution_register": training.institution_register,
    "service_projects_by_school": training.service_projects_by_school,
    "patents_by_school": training.patents_by_school,
    "patent_register": training.patent_register,
    "shared_equipment_by_school": training.shared_equipment_by_school,
    "workshop_support": training.workshop_support,
    "dual_qualified_by_school": training.dual_qualified_by_school,
    "station_posts": training.station_posts,
    "appointments_by_direction": training.appointments_by_direction,
    # plan clauses given a home late (Linqu 任务(四)11, Qufu 三(三), the required documents)
    "schools_with_local_career_class": placements.schools_with_local_career_class,
    "internship_evaluations": placements.internship_evaluations,
    "required_documents_in_force": members.required_documents_in_force,
    # issue 11: governance drill-downs
    "consultation_records": members.consultation_records,
    "work_plan_tasks": members.work_plan_tasks,
    "office_budget_lines": members.office_budget_lines,
}


def semesters(year: int) -> list[str]:
    """The two semesters that start in ``year``: spring ("YYYY-1") and autumn ("YYYY-2")."""
    return [f"{year}-1", f"{year}-2"]


class YearData:
    """Lazy, memoised answers of the contract's selectors for one calendar year."""

    def __init__(self, year: int) -> None:
        self.year = year
        self._cache: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self._cache:
            self._cache[name] = SELECTORS[name](self.year)
        return self._cache[name]

    def as_set(self, name: str) -> frozenset:
        """A selector's answer as a set, built once: a per-member test is then O(1)."""
        key = f"{name}:set"
        if key not in self._cache:
            self._cache[key] = frozenset(self.get(name))
        return self._cache[key]

    def grouped(self, name: str, by: str, key: Callable[[Any], int]) -> dict[int, list]:
        """A selector's rows (a dict's items) grouped by ``key`` (the organisation ``by``
        names), built once: one member's rows are then read without a scan of every row."""
        cache_key = f"{name}:by:{by}"
        if cache_key not in self._cache:
            found = self.get(name)
            groups: dict[int, list] = {}
            for row in found.items() if isinstance(found, dict) else found:
                groups.setdefault(key(row), []).append(row)
            self._cache[cache_key] = groups
        return self._cache[cache_key]

    def __getattr__(self, name: str) -> Any:
        # data.school_figures is data.get("school_figures"); unknown names are a programming error.
        if name.startswith("_") or name not in SELECTORS:
            raise AttributeError(name)
        return self.get(name)

    @property
    def schools(self) -> set[int]:
        return self.get("member_school_ids")

    @property
    def enterprises(self) -> set[int]:
        return self.get("member_enterprise_ids")


class DataSet:
    """Year data for several years, each loaded once (the trend charts read five years)."""

    def __init__(self) -> None:
        self._years: dict[int, YearData] = {}

    def year(self, year: int) -> YearData:
        if year not in self._years:
            self._years[year] = YearData(year)
        return self._years[year]
