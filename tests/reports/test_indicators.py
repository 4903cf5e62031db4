"""Every indicator's formula on a small data set worked out by hand (DESIGN §4)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from members.selectors import SchoolFigures
from placements.selectors import ApprenticeRecords, EmploymentRecords, OrderClassRecords
from reports.indicators import (
    ALLIANCE_SCOPE,
    BY_CODE,
    ENTERPRISE,
    INDICATORS,
    SCHOOL,
    Scope,
    evaluate,
)
from reports.selectors import indicator_rows
from reports.sources import DataSet

pytestmark = pytest.mark.django_db

S1, S2 = 1, 2  # member schools
E1, E2, E3, E4 = 11, 12, 13, 14  # member enterprises
OUTSIDER = 99  # an enterprise that is not a member


def ids(n: int, start: int) -> frozenset[int]:
    """``n`` record ids (the selectors answer which records they counted, not only how many)."""
    return frozenset(range(start, start + n))


def employment(graduates: int, employed: int, local: int, at_member: int, start: int):
    """Placements: the first ``employed`` of the graduates work, the first ``local`` of them in
    the county, the first ``at_member`` at a member."""
    return EmploymentRecords(
        ids(graduates, start), ids(employed, start), ids(local, start), ids(at_member, start)
    )


def order_class(graduates: int, hired: int, start: int) -> OrderClassRecords:
    return OrderClassRecords(ids(graduates, start), ids(hired, start))


def apprentices(new: int, in_training: int, completed: int, start: int) -> ApprenticeRecords:
    return ApprenticeRecords(
        ids(new, start), ids(in_training, start + 100), ids(completed, start + 200)
    )


YEAR_2025 = {
    "member_school_ids": {S1, S2},
    "member_enterprise_ids": {E1, E2, E3, E4},
    "school_figures": {S1: SchoolFigures(1000, 80, 300), S2: SchoolFigures(500, 40, 150)},
    "regular_meetings_held": (ids(1, 1), frozenset()),
    "enterprises_with_active_base": {E1, E2, E3, OUTSIDER},
    "enterprises_with_station": {E1},
    "seconded_teachers": {S1: ids(4, 100), S2: ids(3, 200)},
    "training_person_times": {S1: 2500, S2: 600},
    "training_programmes": {S1: ids(3, 100), S2: ids(1, 200)},
    "craftsmen_in_pool": {E1: ids(3, 100), E2: ids(2, 200), OUTSIDER: ids(7, 300)},
    "teaching_hours_by_enterprise": {E1: Decimal("40.5"), E2: Decimal(10)},
    "employment_records": {
        S1: employment(300, 200, 150, 100, start=1000),
        S2: employment(150, 100, 60, 20, start=2000),
    },
    "order_class_records": {S1: order_class(40, 30, 100), S2: order_class(10, 5, 200)},
    "order_class_records_by_enterprise": {E1: order_class(20, 18, 100)},
    "apprentice_records": {
        E1: apprentices(3, 10, 4, start=1000),
        E2: apprentices(2, 5, 1, start=2000),
        OUTSIDER: apprentices(50, 50, 50, start=3000),
    },
    "enterprises_with_mentor": {E1, E2},
    "enterprises_with_chairman_visit": {E2},
    "outreach_by_semester": {
        (S1, "2025-1"): {"parents_visit": 1, "promotion_week": 2},
        (S1, "2025-2"): {"parents_visit": 1},
        (S2, "2025-1"): {"parents_visit": 1, "promotion_week": 1},
        (S2, "2025-2"): {"parents_visit": 2, "promotion_week": 1},
    },
    "recommendation_events": {S1: 2},
}
YEAR_2024 = {
    "member_school_ids": {S1, S2},
    "employment_records": {
        S1: employment(280, 200, 120, 90, start=1000),
        S2: employment(100, 50, 40, 10, start=2000),
    },
}


@pytest.fixture
def data(fake_selectors):
    fake_selectors({2025: YEAR_2025, 2024: YEAR_2024})
    return DataSet()


def value(data, code, scope=ALLIANCE_SCOPE, year=2025):
    return evaluate(BY_CODE[code], data, year, scope)


def test_catalogue_has_every_indicator_of_the_design():
    assert [i.code for i in INDICATORS] == [
        "base_coverage",
        "station_coverage",
        "secondment_rate",
        "training_ratio",
        "order_class_hire_rate",
        "apprentices_new",
        "apprentices_in_training",
        "apprentices_completed",
        "craftsmen_teaching",
        "local_employment_rate",
        "alliance_employment_rate",
        "mentor_coverage",
        "chairman_visits",
        "outreach_per_semester",
        "recommendation_events",
        "council_meetings",
        # issue 16: the retention funnel
        "funnel_hired",
        "retained_6m",
        "retained_12m",
        "retained_24m",
        "assessment_coverage",
        "incentive_amount",
        "media_reports",
        "model_cases_published",
        "corridor_coverage",
        "culture_profile_completeness",
        "council_dual_subjects",
        "council_participants",
        "documents_in_force",
        "consultations_held",
        "consultation_adoption",
        "work_plan_completion",
        "work_plan_on_time_rate",
        "office_budget",
        # issue 15
        "majors_with_partner",
        "majors_with_both_leads",
        "co_built_institutions",
        "service_projects",
        "patents_granted",
        "dual_qualified_share",
        "stations_offering_posts",
        "practice_posts_filled",
        "two_way_appointments",
        "materials_codeveloped",
        "order_classes_aligned",
        "talent_demand",
        "joint_order_classes",
        "pilot_apprentices",
        "bases_with_masters",
        "internships_at_bases",
        "training_employees",
        "training_public",
        "mentor_class_frequency",
        "preference_coverage",
        "followup_rate",
        "external_exchanges",
        # plan clauses given a home late (L30, L50, Q26, Q27, Q38)
        "innovations_in_class",
        "local_career_classes",
        "quality_surveys",
        "internships_evaluated",
        "required_documents",
    ]
    for indicator in INDICATORS:
        assert indicator.label and indicator.formula and indicator.unit


def test_base_coverage_counts_member_enterprises_only(data):
    row = value(data, "base_coverage")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("75.0"), 3, 4)
    assert row.met is False
    assert value(data, "base_coverage", Scope(ENTERPRISE, E1)).value == Decimal(100)
    assert value(data, "base_coverage", Scope(ENTERPRISE, E4)).value == Decimal(0)


def test_coverage_of_a_non_member_has_no_value(data):
    row = value(data, "base_coverage", Scope(ENTERPRISE, OUTSIDER))
    assert row.value is None and row.met is None


def test_station_mentor_and_chairman_coverage(data):
    assert value(data, "station_coverage").value == Decimal("25.0")
    assert value(data, "mentor_coverage").value == Decimal("50.0")
    assert value(data, "chairman_visits").value == Decimal("25.0")


def test_secondment_rate_per_school_and_alliance(data):
    assert value(data, "secondment_rate", Scope(SCHOOL, S1)).value == Decimal("5.0")
    assert value(data, "secondment_rate", Scope(SCHOOL, S1)).met is True
    assert value(data, "secondment_rate", Scope(SCHOOL, S2)).value == Decimal("7.5")
    row = value(data, "secondment_rate")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("5.8"), 7, 120)


def test_training_ratio(data):
    assert value(data, "training_ratio", Scope(SCHOOL, S1)).value == Decimal("2.50")
    assert value(data, "training_ratio", Scope(SCHOOL, S2)).met is False
    row = value(data, "training_ratio")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (
        Decimal("2.07"),
        3100,
        1500,
    )
    assert row.met is True


def test_order_class_hire_rate_is_report_only(data):
    row = value(data, "order_class_hire_rate")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("70.0"), 35, 50)
    assert row.met is None
    assert value(data, "order_class_hire_rate", Scope(ENTERPRISE, E1)).value == Decimal("90.0")
    assert value(data, "order_class_hire_rate", Scope(ENTERPRISE, E2)).value is None


def test_apprentices_and_craftsmen_count_member_enterprises(data):
    # E1 + E2 (the outsider is no member): new 3 + 2, in training 10 + 5, completed 4 + 1
    assert value(data, "apprentices_new").value == 5
    assert value(data, "apprentices_in_training").value == 15
    assert value(data, "apprentices_completed").value == 5
    row = value(data, "craftsmen_teaching")
    assert row.value == 5 and row.measure.extra == {"teaching_hours": Decimal("50.5")}


def test_local_employment_rate_must_rise_every_year(data):
    row = value(data, "local_employment_rate")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (
        Decimal("70.0"),
        210,
        300,
    )
    assert row.previous == Decimal("64.0")  # 160 / 250 in 2024
    assert row.met is True
    school = value(data, "local_employment_rate", Scope(SCHOOL, S2))
    assert (school.value, school.previous, school.met) == (Decimal("60.0"), Decimal("80.0"), False)


def test_rise_without_a_previous_year_is_not_judged(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    row = evaluate(BY_CODE["local_employment_rate"], DataSet(), 2025, ALLIANCE_SCOPE)
    assert row.value == Decimal("70.0") and row.previous is None and row.met is None


def test_alliance_employment_rate(data):
    assert value(data, "alliance_employment_rate").value == Decimal("40.0")


def test_outreach_needs_both_kinds_every_semester(data):
    row = value(data, "outreach_per_semester")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("75.0"), 3, 4)
    assert value(data, "outreach_per_semester", Scope(SCHOOL, S2)).met is True
    assert value(data, "outreach_per_semester", Scope(SCHOOL, S1)).met is False


def test_recommendation_events_target_applies_to_every_school(data):
    row = value(data, "recommendation_events")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (2, 1, 2)
    assert row.met is False  # the second school held none
    assert value(data, "recommendation_events", Scope(SCHOOL, S1)).met is True


def test_council_meetings_below_two_is_not_met(data):
    row = value(data, "council_meetings")
    assert row.value == 1 and row.met is False


def test_two_council_meetings_in_one_half_year_are_not_met(fake_selectors):
    # March and April: two regular meetings, but the second half-year had none.
    fake_selectors({2025: {"regular_meetings_held": (ids(2, 1), frozenset())}})
    row = evaluate(BY_CODE["council_meetings"], DataSet(), 2025, ALLIANCE_SCOPE)
    assert (row.value, row.measure.extra["half_years"], row.met) == (2, 1, False)


def test_one_council_meeting_in_each_half_year_is_met(fake_selectors):
    fake_selectors({2025: {"regular_meetings_held": (ids(1, 1), ids(1, 2))}})
    row = evaluate(BY_CODE["council_meetings"], DataSet(), 2025, ALLIANCE_SCOPE)
    assert (row.value, row.met) == (2, True)


def test_empty_year_gives_no_values_and_no_crash(fake_selectors):
    fake_selectors({})
    rows = indicator_rows(2030, data=DataSet())
    by_code = {r.indicator.code: r for r in rows}
    for code in [
        "base_coverage",
        "secondment_rate",
        "training_ratio",
        "order_class_hire_rate",
        "local_employment_rate",
        "alliance_employment_rate",
        "outreach_per_semester",
        "recommendation_events",
    ]:
        assert by_code[code].value is None, code
        assert by_code[code].met is None, code
        assert by_code[code].value_text == "—"


def test_school_without_yearly_figures_has_no_rate(fake_selectors):
    fake_selectors({2025: {**YEAR_2025, "school_figures": {}}})
    row = evaluate(BY_CODE["training_ratio"], DataSet(), 2025, Scope(SCHOOL, S1))
    assert row.value is None and row.met is None


def test_scopes_show_only_their_indicators(data):
    school_codes = [r.indicator.code for r in indicator_rows(2025, Scope(SCHOOL, S1), data=data)]
    enterprise_codes = [
        r.indicator.code for r in indicator_rows(2025, Scope(ENTERPRISE, E1), data=data)
    ]
    assert "council_meetings" not in school_codes and "base_coverage" not in school_codes
    assert "secondment_rate" not in enterprise_codes and "base_coverage" in enterprise_codes


def test_each_selector_is_called_once_per_year(fake_selectors, monkeypatch):
    from reports import sources

    calls = []
    fake_selectors({2025: YEAR_2025, 2024: YEAR_2024})

    def counting(name, function):
        def answer(year):
            calls.append((name, year))
            return function(year)

        return answer

    for name, function in list(sources.SELECTORS.items()):
        monkeypatch.setitem(sources.SELECTORS, name, counting(name, function))
    data = DataSet()
    for scope in [ALLIANCE_SCOPE, Scope(SCHOOL, S1), Scope(SCHOOL, S2), Scope(ENTERPRISE, E1)]:
        indicator_rows(2025, scope, data=data)
    assert len(calls) == len(set(calls))
