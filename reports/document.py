"""The annual quality report as a document: its content (context), HTML and PDF.

The content is assembled from the same selectors and indicator rows as the dashboards and the
``kpi`` command, so the PDF agrees with them figure for figure. The report is always written in
Chinese (it is published by a Chinese county), whatever the language of the person who asked.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.template import Context, Engine
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.templatetags import portal as portal_tags
from members.models import OrganizationKind

from . import charts, plans
from .annex import Annex, Sheet, missed_count, school_table, sheet, targets_missed
from .cobuilding import cobuilding_context
from .cooperation_chapters import SECTIONS as COOPERATION_SECTIONS
from .cooperation_chapters import cooperation_context
from .figures import StoredFigures, scorecard
from .governance_chapters import governance_context, governance_sections
from .indicators import (
    BY_CODE,
    ENTERPRISE,
    INDICATORS,
    SCHOOL,
    Row,
    format_target,
    format_value,
)
from .selectors import (
    FUNNEL_CODES,
    TREND_YEARS,
    FunnelLine,
    applied_targets,
    organization_names,
    row_payload,
)
from .sources import DataSet, semesters

REPORT_LANGUAGE = "zh-hans"

# WeasyPrint logs every SVG style attribute it ignores and every layout step: keep errors only.
for _logger in ("weasyprint", "weasyprint.progress"):
    logging.getLogger(_logger).setLevel(logging.ERROR)

# The same msgids as placements' OutreachKind labels (one translation); keys are the contract's.
OUTREACH_KINDS = {
    "parents_visit": gettext_lazy("Parents' enterprise visit"),
    "promotion_week": gettext_lazy("Enterprise promotion week"),
    "expert_lecture": gettext_lazy("Entrepreneur or expert in class"),
    "chairman_visit": gettext_lazy("Chairman's school visit"),
    "career_class": gettext_lazy("Career planning class"),
    "recommendation_fair": gettext_lazy("Graduate recommendation fair"),
    "other": gettext_lazy("Other"),
}


@dataclass
class Built:
    html: str
    indicators: list[dict]
    annex: Annex


def _outreach_label(kind: str) -> str:
    return str(OUTREACH_KINDS.get(kind, kind))


DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: how a Chinese report numbers its chapters."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def report_context(
    year: int, *, data: DataSet | None = None, narrative: dict[str, str] | None = None
) -> dict:
    """Everything the report template shows for ``year`` (plain values, no queries in templates)."""
    data = data or DataSet()
    d = data.year(year)
    targets = applied_targets(year)
    # Every indicator result is read from the stored figures (the worker stores them after each
    # write; a block missing at this version is computed from ``data`` and stored): the report
    # shows exactly what the dashboard and the scorecards show, without evaluating it again.
    stored = StoredFigures(data, current_only=True)
    years = list(range(year - TREND_YEARS + 1, year + 1))
    alliance_years = stored.alliance_years(years)
    alliance = alliance_years[year]
    rows = alliance.rows
    results = {y: {r.indicator.code: r for r in a.rows} for y, a in alliance_years.items()}
    _count, stored_schools = stored.lines(year, SCHOOL)
    if {line.id for line in stored_schools} != d.schools:
        # A membership written without notice since the block was stored (it lives an hour at
        # most): the chapters list today's schools, so their figures are computed now.
        stored_schools = stored.computed_lines(year, SCHOOL)
    school_results = {line.id: {r.indicator.code: r for r in line.rows} for line in stored_schools}
    school_figures = {line.id: line.figures for line in stored_schools}
    schools, enterprises = d.schools, d.enterprises
    names = organization_names(schools | enterprises)
    school_ids = sorted(schools, key=lambda i: names[i])
    enterprise_ids = sorted(enterprises, key=lambda i: names[i])

    # Alliance overview
    kinds = d.organizations_by_kind
    kind_rows = [
        (str(OrganizationKind(k).label) if k in OrganizationKind.values else k, n)
        for k, n in kinds.items()
    ]
    council = d.council_overview

    # Teachers
    figures = d.school_figures
    teacher_rows = []
    for s in school_ids:
        teachers = figures[s].professional_teachers if s in figures else None
        seconded = d.seconded_professional_teachers.get(s, 0)
        row = school_results[s]["secondment_rate"]
        teacher_rows.append(
            {
                "id": s,
                "name": names[s],
                "teachers": teachers,
                "seconded": seconded,
                "rate": row.value_text,
                "met": row.met,
                "hours": d.teaching_hours_by_school.get(s, 0),
            }
        )

    # Cooperative education
    def school_row(code: str, school: int):
        return school_results[school][code]

    training_rows = []
    for s in school_ids:
        enrolled = figures[s].enrolled_students if s in figures else None
        person_times = d.training_person_times.get(s, 0)
        candidates, passed = d.certification_totals.get(s, (0, 0))
        oc_graduates, oc_hired = d.order_class_hires.get(s, (0, 0))
        training_rows.append(
            {
                "id": s,
                "name": names[s],
                "enrolled": enrolled,
                "person_times": person_times,
                "ratio": school_row("training_ratio", s).value_text,
                "candidates": candidates,
                "passed": passed,
                "oc_graduates": oc_graduates,
                "oc_hired": oc_hired,
                "oc_rate": school_row("order_class_hire_rate", s).value_text,
            }
        )

    # Local employment, with the trend over five years
    employment_rows = []
    for s in school_ids:
        local_row = school_row("local_employment_rate", s)
        member_row = school_row("alliance_employment_rate", s)
        employment_rows.append(
            {
                "id": s,
                "name": names[s],
                "graduates": school_figures[s]["graduates"],
                "employed": local_row.measure.denominator,
                "local": local_row.measure.numerator,
                "at_member": member_row.measure.numerator,
                "local_rate": local_row.value_text,
                "member_rate": member_row.value_text,
            }
        )
    local = BY_CODE["local_employment_rate"]
    member = BY_CODE["alliance_employment_rate"]
    local_trend = [results[y][local.code].value for y in years]
    member_trend = [results[y][member.code].value for y in years]
    trend_rows = [
        {"year": y, "local": format_value(local, lv), "member": format_value(member, mv)}
        for y, lv, mv in zip(years, local_trend, member_trend, strict=True)
    ]

    # Outreach per school and semester: a row per school semester in the annex; the PDF keeps
    # the semesters that miss a parents' visit or a promotion week (the plan asks for both).
    outreach_rows = []
    for s in school_ids:
        for semester in semesters(year):
            kinds_held = d.outreach_by_semester.get((s, semester), {})
            outreach_rows.append(
                {
                    "name": names[s],
                    "semester": semester,
                    "parents_visit": kinds_held.get("parents_visit", 0),
                    "promotion_week": kinds_held.get("promotion_week", 0),
                    "others": "、".join(
                        f"{_outreach_label(k)} {n}"
                        for k, n in sorted(kinds_held.items())
                        if k not in ("parents_visit", "promotion_week") and n
                    ),
                }
            )
    outreach_sheet = sheet(
        _("Outreach"),
        [
            _("School"),
            _("Semester"),
            _("Parents' enterprise visits"),
            _("Enterprise promotion weeks"),
            _("Other events"),
        ],
        [list(r.values()) for r in outreach_rows],
    )

    school_columns = [i for i in INDICATORS if SCHOOL in i.scopes]
    school_lines = scorecard(stored_schools)
    # A page holds the indicators a school is judged on, not every report-only figure of the
    # whole plan: those are on the portal's scorecards page.
    judged = [
        index
        for index, _column in enumerate(school_columns)
        if any(line.cells[index].met is not None for line in school_lines)
    ]
    school_columns = [school_columns[i] for i in judged]
    for line in school_lines:
        line.cells = [line.cells[i] for i in judged]
    school_tables = _school_tables(
        school_results, teacher_rows, training_rows, employment_rows, school_columns, school_lines
    )
    enterprise_columns = [i for i in INDICATORS if ENTERPRISE in i.scopes]
    # The text and status of each cell only: the PDF names who misses a target, the annex
    # shows every value (500 enterprises × 23 indicators at city scale).
    enterprise_lines = stored.scorecard_lines(year, ENTERPRISE)
    coverage_items = alliance.coverage()
    assessment_publicity = governance_context(d, names)
    cobuilding = cobuilding_context(d, school_results, names, school_ids)
    cooperation = cooperation_context(d, school_results)
    annex = Annex(
        [
            # In the order of the chapters, the enterprises first (the chapters point to it).
            _enterprise_sheet(d, enterprise_ids, names, enterprise_columns, enterprise_lines),
            *(school_tables[key][1] for key in ("teachers", "training", "employment")),
            outreach_sheet,
            *cobuilding["cobuilding"].pop("sheets"),
            *cooperation.pop("sheets"),
            *assessment_publicity.pop("governance_sheets"),
            school_tables["scorecards"][1],
        ]
    )

    tables = {key: table for key, (table, _sheet) in school_tables.items()}
    chart = {
        "members": charts.bar_chart(
            [k for k, _n in kind_rows],
            [n for _k, n in kind_rows],
            title=_("Members by kind"),
            height=2.2,
        )
        if kind_rows
        else "",
        **{
            key: _school_chart(tables[table], school_results, code, titles, unit, targets[code])
            for key, table, code, titles, unit in SCHOOL_CHARTS
        },
        "employment": charts.line_chart(
            years,
            {str(local.label): local_trend, str(member.label): member_trend},
            title=_("Local employment and employment at member enterprises (%)"),
            unit="%",
        ),
    }

    narrative = narrative or {}
    sections = [
        ("overview", _("Alliance overview")),
        ("practices", _("Main practices and results")) if narrative.get("practices") else None,
        ("platforms", _("Platforms: in-school factories and in-plant schools")),
        ("teachers", _("Teachers: secondments and craftsmen")),
        ("education", _("Cooperative education")),
        ("employment", _("Local employment")),
        ("outreach", _("Outreach")),
        ("cobuilding", _("Co-building: majors, institutions, services and teacher teams")),
        *COOPERATION_SECTIONS,
        # The plan's safeguards (保障措施) close it; the report follows the plan's order.
        ("governance", _("Governance: rules, office, expert advice and work plan")),
        *governance_sections(),
        ("cases", _("Typical cases"))
        if narrative.get("cases") or assessment_publicity["chosen_cases"]
        else None,
        ("problems", _("Problems and improvement measures")) if narrative.get("problems") else None,
        ("indicators", _("Indicators against the plan")),
        ("scorecards", _("Scorecards of member schools and enterprises")),
        ("notes", _("Notes on data coverage")),
    ]
    sections = [s for s in sections if s is not None]
    met = sum(1 for r in rows if r.met is True)
    judged = sum(1 for r in rows if r.met is not None)
    return {
        "alliance_name": settings.ALLIANCE_NAME,
        "plan": plans.current(),
        "year": year,
        "generated_on": timezone.localdate(),
        "sections": [
            {"id": key, "number": chinese_number(index + 1), "title": title}
            for index, (key, title) in enumerate(sections)
        ],
        "numbers": {key: chinese_number(index + 1) for index, (key, _t) in enumerate(sections)},
        "narrative": {key: _paragraphs(text) for key, text in narrative.items()},
        "kind_rows": kind_rows,
        "member_total": sum(n for _k, n in kind_rows),
        "school_count": len(schools),
        "enterprise_count": len(enterprises),
        "council": council,
        "governance": d.governance_overview,
        "platforms": d.platform_summary,
        "trend_rows": trend_rows,
        "retention": d.retention_summary,
        # The three cohorts whose funnel can have reached 6, 12 and 24 months by this report.
        "funnel_rows": [
            (cohort, _funnel_total(results[cohort])) for cohort in range(year - 2, year + 1)
        ],
        "outreach_count": len(outreach_rows),
        "outreach_missing": [
            r for r in outreach_rows if not r["parents_visit"] or not r["promotion_week"]
        ],
        "outreach_sheet": outreach_sheet.name,
        "rows": rows,
        "met_count": met,
        "judged_count": judged,
        "school_columns": school_columns,
        # Each per-school table: the rows the PDF prints (every school up to a city's 40; past
        # that, the schools that miss its targets) and the annex sheet holding them all.
        **{f"{key}_table": table for key, table in tables.items()},
        # The PDF names the enterprises that miss each target (a few lines even for thousands
        # of enterprises); every enterprise's scorecard is in the annex.
        "enterprises_missing": _missing(enterprise_columns, enterprise_lines, targets),
        "enterprises_missing_count": sum(
            1 for line in enterprise_lines if any(c.met is False for c in line.cells)
        ),
        "enterprise_lines_total": len(enterprise_lines),
        "base_total": len(d.platform_summary["bases"]),
        "annex": annex,
        "annex_enterprise_sheet": annex.sheets[0].name,
        "coverage": coverage_items,
        "overridden_targets": [r for r in rows if r.target.overridden],
        "chart": chart,
        "headline": {r.indicator.code: r for r in rows},
        **assessment_publicity,
        **cobuilding,
        "cooperation": cooperation,
    }


#: The per-school charts: (chart, the table whose schools it draws, indicator, its titles for
#: every school and for the schools a shortened table lists, unit)
SCHOOL_CHARTS = [
    (
        "secondment",
        "teachers",
        "secondment_rate",
        (
            gettext_lazy("Teacher secondment rate by school (%)"),
            gettext_lazy("Teacher secondment rate of the schools listed (%)"),
        ),
        "%",
    ),
    (
        "training",
        "training",
        "training_ratio",
        (
            gettext_lazy("In-service training person-times per enrolled student"),
            gettext_lazy("In-service training person-times per enrolled student, schools listed"),
        ),
        "",
    ),
]


def _school_chart(table, school_results, code: str, titles, unit: str, target) -> str:
    """A bar per school the table prints, of the indicator ``code``, with its target; no chart
    when the table prints no school."""
    if not table.rows:
        return ""
    every, listed = titles
    return charts.bar_chart(
        [r["name"] for r in table.rows],
        [float(school_results[r["id"]][code].value or 0) for r in table.rows],
        title=str(listed if table.left_out else every),
        unit=unit,
        target=_target_number(target),
    )


def _school_tables(
    school_results, teacher_rows, training_rows, employment_rows, school_columns, school_lines
) -> dict:
    """The report's four per-school tables of its own chapters, by key: each the PDF's part and
    the annex sheet (``school_table``)."""
    return {
        "teachers": school_table(
            _("Teacher secondments by school"),
            [
                _("School"),
                _("Professional teachers"),
                _("Seconded"),
                _("Rate"),
                _("Craftsmen teaching hours"),
            ],
            teacher_rows,
            lambda r: [r["name"], r["teachers"], r["seconded"], r["rate"], r["hours"]],
            targets_missed(school_results, "secondment_rate"),
        ),
        "training": school_table(
            _("Training by school"),
            [
                _("School"),
                _("Enrolled"),
                _("Training person-times"),
                _("Ratio"),
                _("Certified"),
                _("Candidates"),
                _("Order-class graduates"),
                _("Hired by order enterprise"),
                _("Order-class hire rate"),
            ],
            training_rows,
            lambda r: [
                r["name"],
                r["enrolled"],
                r["person_times"],
                r["ratio"],
                r["passed"],
                r["candidates"],
                r["oc_graduates"],
                r["oc_hired"],
                r["oc_rate"],
            ],
            targets_missed(school_results, "training_ratio", "order_class_hire_rate"),
        ),
        "employment": school_table(
            _("Employment by school"),
            [
                _("School"),
                _("Graduates"),
                _("Employed"),
                _("In the county"),
                _("At member enterprises"),
                _("Local rate"),
                _("Member rate"),
            ],
            employment_rows,
            lambda r: [
                r["name"],
                r["graduates"],
                r["employed"],
                r["local"],
                r["at_member"],
                r["local_rate"],
                r["member_rate"],
            ],
            targets_missed(school_results, "local_employment_rate", "alliance_employment_rate"),
        ),
        "scorecards": school_table(
            _("School scorecards"),
            [_("School"), *(column.label for column in school_columns)],
            school_lines,
            lambda line: [line.name, *(cell.text for cell in line.cells)],
            lambda line: missed_count(cell.met for cell in line.cells),
        ),
    }


def _funnel_total(results: dict[str, Row]) -> FunnelLine | None:
    """The cohort's funnel over the member schools, from the alliance's funnel indicators (the
    same sums as the funnel page's total line); None when the cohort has no such graduate."""
    hired = results[FUNNEL_CODES[0]].measure
    if not hired.denominator:
        return None
    line = FunnelLine(None, "", graduates=hired.denominator, hired=hired.numerator)
    for index, code in enumerate(FUNNEL_CODES[1:]):
        retained = results[code].measure
        line.followed[index] = retained.extra["followed"]
        line.retained[index] = retained.numerator
    return line


def _missing(columns, lines, targets) -> list[dict]:
    """Per indicator with a target: the enterprises whose own result misses it, by name."""
    missing = []
    for index, indicator in enumerate(columns):
        names = [line.name for line in lines if line.cells[index].met is False]
        if names:
            missing.append(
                {
                    "label": indicator.label,
                    "target": format_target(indicator, targets[indicator.code]),
                    "names": names,
                }
            )
    return missing


def _enterprise_sheet(d, enterprise_ids, names, columns, lines) -> Sheet:
    """A row per member enterprise: its bases, craftsmen, apprentices and scorecard."""
    bases: dict[str, list[int]] = {}
    for base in d.platform_summary["bases"]:
        count = bases.setdefault(base["enterprise"], [0, 0, 0])
        count[0] += 1
        count[1] += base["capacity"] or 0
        count[2] += base["masters"] or 0
    cells = {line.id: line.cells for line in lines}
    labels = {c.code: str(c.label) for c in columns}
    headers = [
        _("Enterprise"),
        _("Training bases"),
        _("Capacity"),
        _("Masters"),
        _("Craftsmen"),
        _("Teaching hours"),
        _("Secondments hosted"),
        _("New contracts"),
        _("In training"),
        _("Completed"),
        *labels.values(),
        _("Targets not met"),
        _("Culture profile complete"),
    ]
    complete = d.enterprises_with_complete_profile
    rows = []
    for e in enterprise_ids:
        counts = d.apprentice_counts.get(e)
        line = cells.get(e, [])
        rows.append(
            [
                names[e],
                *bases.get(names[e], [0, 0, 0]),
                d.craftsmen_by_enterprise.get(e, 0),
                d.teaching_hours_by_enterprise.get(e, 0),
                d.secondments_by_enterprise.get(e, 0),
                counts.new if counts else 0,
                counts.in_training if counts else 0,
                counts.completed if counts else 0,
                *[c.text for c in line],
                "、".join(labels[c.code] for c in line if c.met is False),
                _("yes") if e in complete else "",
            ]
        )
    return sheet(_("Member enterprises"), headers, rows)


def _target_number(target) -> float | None:
    return float(target.value) if target.value is not None and target.comparison == "gte" else None


#: The report's own template engine, with the two tag libraries its templates load. The site's
#: engine imports every installed app's tag libraries the first time it renders (0.15 s of a
#: worker's first report, a sixth of building the city report's HTML).
PDF_TEMPLATES = Engine(
    dirs=[settings.BASE_DIR / "templates"],
    libraries={"i18n": "django.templatetags.i18n", "portal": portal_tags.__name__},
)


def build_html(
    year: int, *, data: DataSet | None = None, narrative: dict[str, str] | None = None
) -> Built:
    with translation.override(REPORT_LANGUAGE):
        context = report_context(year, data=data, narrative=narrative)
        html = PDF_TEMPLATES.get_template("reports/pdf/report.html").render(Context(context))
        indicators = [row_payload(row) for row in context["rows"]]
    return Built(html, indicators, context["annex"])


def render_pdf(html: str) -> tuple[bytes, int]:
    """HTML → A4 PDF bytes and page count: a tagged PDF (PDF/UA-1, with the document's language
    and title) whose CJK fonts WeasyPrint embeds and subsets."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def decimal_or_none(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))
