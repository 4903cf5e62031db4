"""Each role's home page as a work list: what is waiting for it, each item linking to its page.

Project wiring, not library: it reads the apps' selectors and the reports' indicator rows. Every
rate and met/not-met mark comes from ``reports`` (indicator rows, data coverage); nothing here
computes a figure of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core import checks
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance.access import COUNCIL, ENTERPRISE_HR, SCHOOL_COORDINATOR, SECRETARIAT, role_of
from alliance.models import RUNNING_STATUSES, ImportBatch, ImportStatus
from members import permissions as member_permissions
from members import selectors as members
from placements import permissions as placement_permissions
from placements import selectors as placements
from placements.models import OutreachKind, semester_key
from reports import permissions as report_permissions
from reports import selectors as reports
from reports.figures import StoredFigures
from reports.indicators import ALLIANCE_SCOPE, ENTERPRISE, SCHOOL, Scope
from reports.links import drilldown
from reports.models import ReportStatus

FIRST_YEAR = reports.FIRST_YEAR
# Events the plan asks of every school each semester (Linqu §(四)9).
SEMESTER_EVENTS = (OutreachKind.PARENTS_VISIT, OutreachKind.PROMOTION_WEEK)
# Indicators a school works towards during the year (Linqu §(二)4 and §(三)8).
SCHOOL_TARGETS = ("secondment_rate", "training_ratio")
# Secondment and training targets are reminded by e-mail from September (the home page always
# shows them): from then on a school below target has one term left to catch up.
TARGETS_REMINDED_FROM = 9
# How many overdue resolutions the home page names before sending to the council page.
SHOWN_RESOLUTIONS = 5


@dataclass
class Item:
    text: str
    url: str | None = None
    detail: str = ""


@dataclass
class Section:
    key: str
    title: str
    items: list[Item] = field(default_factory=list)
    done_text: str = ""
    url: str | None = None
    link_text: str = ""
    #: the reminder e-mail lists the section only from this month on (targets: after September,
    #: when there is still a term to catch up but the year is well under way)
    remind_from_month: int = 1
    #: said under the title when the items come from stored figures older than the records
    note: str = ""


#: every section key, i.e. every reminder type a deployment can switch off (``REMINDERS_OFF``)
REMINDER_TYPES = (
    "coverage",
    "resolutions",
    "meeting",
    "followups",
    "imports",
    "report",
    "hires",
    "obligations",
    "figures",
    "targets",
    "events",
    "indicators",
)


@checks.register()
def check_reminders_off(app_configs, **kwargs):
    """A misspelt reminder type would silently switch nothing off: refuse it at start-up."""
    unknown = sorted(set(settings.REMINDERS_OFF) - set(REMINDER_TYPES))
    if not unknown:
        return []
    return [
        checks.Error(
            f"REMINDERS_OFF names unknown reminder types {unknown}; known: "
            f"{', '.join(REMINDER_TYPES)}.",
            id="alliance.E001",
        )
    ]


def work_for(user, *, today: dt.date | None = None) -> list[Section]:
    """The work list of ``user``'s role (empty for an account without one), without the
    reminder types the deployment switched off: the home page and the reminder e-mail read
    this one list."""
    today = today or timezone.localdate()
    role = role_of(user)
    year = reports.default_year()
    if role == SECRETARIAT:
        sections = _secretariat(user, year, today)
    elif role == ENTERPRISE_HR and user.organization_id:
        sections = _enterprise(user, year, today)
    elif role == SCHOOL_COORDINATOR and user.organization_id:
        sections = _school(user, year, today)
    elif role == COUNCIL:
        sections = _council(user, year)
    else:
        sections = []
    off = set(settings.REMINDERS_OFF)
    return [section for section in sections if section.key not in off]


def reminders_for(user, *, today: dt.date | None = None) -> list[Section]:
    """The sections of the work list a reminder e-mail lists: those with items, in season."""
    today = today or timezone.localdate()
    return [
        section
        for section in work_for(user, today=today)
        if section.items and today.month >= section.remind_from_month
    ]


# ---------------------------------------------------------------------------------------------
# Shared pieces


def _rows(stored: StoredFigures, year: int, scope: Scope) -> list:
    """The stored indicator rows of ``scope`` (computed live for an organisation that was no
    member that year: nothing is stored for it)."""
    if scope == ALLIANCE_SCOPE:
        return stored.alliance(year).rows
    line = stored.member(year, scope.kind, scope.id)
    return line.rows if line is not None else reports.indicator_rows(year, scope)


def _not_met(user, year: int, scope: Scope, stored: StoredFigures, codes=None) -> list[Item]:
    """Indicators of ``scope`` judged not met (or without figures, when ``codes`` names them)."""
    items = []
    for row in _rows(stored, year, scope):
        code = row.indicator.code
        if codes is not None and code not in codes:
            continue
        if row.met is False or (codes is not None and row.met is None):
            query = dict(row.indicator.drilldown_query)
            if scope.id is not None:
                query.setdefault(scope.kind, scope.id)
            items.append(
                Item(
                    str(row.indicator.label),
                    drilldown(row.indicator.drilldown, user=user, year=year, **query),
                    _("%(value)s, target %(target)s")
                    % {"value": row.value_text, "target": row.target_text},
                )
            )
    return items


def _assessments_to_score(user) -> Section:
    """Members' annual assessments still waiting for this organisation's scores (one query)."""
    waiting = (
        report_permissions.assessments_scorable_by(user)
        .exclude(scores__assessor_id=user.organization_id)
        .count()
    )
    return Section(
        "assessments",
        _("Assessments to score"),
        [
            Item(
                ngettext(
                    "%(count)s member's annual assessment is waiting for your scores",
                    "%(count)s members' annual assessments are waiting for your scores",
                    waiting,
                )
                % {"count": waiting},
                reverse("reports:assessment_scoring"),
            )
        ]
        if waiting
        else [],
        _("No assessment is waiting for your scores."),
    )


def _imports_waiting(user) -> Section:
    batches = ImportBatch.objects.filter(
        user=user, status__in=(ImportStatus.READY, *RUNNING_STATUSES)
    ).order_by("-created_at")[:10]
    return Section(
        "imports",
        _("Imports waiting"),
        [
            Item(
                _("Import #%(pk)s: %(file)s") % {"pk": batch.pk, "file": batch.file_name},
                reverse("exchange:batch", args=[batch.pk]),
                batch.get_status_display(),
            )
            for batch in batches
        ],
        _("No import is waiting for you."),
        reverse("exchange:batches"),
        _("My imports"),
    )


def _overdue_tasks(user, today: dt.date) -> Section:
    """Work-plan tasks past their deadline (督办): every one for the office, a member's own."""
    tasks = members.overdue_tasks(member_permissions.work_tasks_visible_to(user), today)
    return Section(
        "tasks",
        _("Overdue work-plan tasks"),
        [
            Item(
                task.title,
                reverse("members:task_detail", args=[task.pk]),
                _("%(owner)s, due %(date)s")
                % {"owner": task.owner.name, "date": task.deadline.isoformat()},
            )
            for task in tasks[:SHOWN_RESOLUTIONS]
        ],
        _("No work-plan task is overdue."),
        reverse("members:task_overdue"),
        _("Supervision (overdue tasks)"),
    )


# ---------------------------------------------------------------------------------------------
# Per role


def _secretariat(user, year: int, today: dt.date) -> list[Section]:
    coverage = Section(
        "coverage",
        _("Data not yet reported for %(year)s") % {"year": year},
        done_text=_("Every member organisation has reported its data."),
        url=drilldown("reports:coverage", user=user, year=year),
        link_text=_("Data coverage"),
    )
    stored = StoredFigures()
    for entry in stored.alliance(year).coverage():
        if entry.missing:
            coverage.items.append(
                Item(
                    _("%(input)s: %(missing)s of %(total)s have entered nothing")
                    % {"input": entry.label, "missing": len(entry.missing), "total": entry.total},
                    drilldown(entry.url_name, user=user, year=year),
                    entry.missing_text,
                )
            )
    coverage.note = stored.notice()
    overdue = list(members.overdue_resolutions(today)[: SHOWN_RESOLUTIONS + 1])
    resolutions = Section(
        "resolutions",
        _("Overdue council resolutions"),
        [
            Item(
                resolution.text,
                reverse("members:meeting_detail", args=[resolution.meeting_id]),
                _("%(owner)s, due %(date)s")
                % {"owner": resolution.owner.name, "date": resolution.due_on.isoformat()},
            )
            for resolution in overdue[:SHOWN_RESOLUTIONS]
        ],
        _("No resolution is overdue."),
        reverse("members:council"),
        _("Council") if len(overdue) <= SHOWN_RESOLUTIONS else _("All overdue resolutions"),
    )
    return [
        coverage,
        resolutions,
        _overdue_tasks(user, today),
        _next_meeting(today),
        _hires_waiting(user),
        _followups_due(user, today),
        _imports_waiting(user),
        _report_status(year),
    ]


def _hires_waiting(user) -> Section:
    """Hires no employer has answered yet: the office can send each employer a link."""
    pending = placement_permissions.pending_hires_for(user).count()
    url = reverse("placements:hire_list")
    return Section(
        "hires",
        _("Hires awaiting the employers"),
        [
            Item(
                ngettext(
                    "%(count)s hire awaits its employer's confirmation: send the employer a link",
                    "%(count)s hires await their employers' confirmation: send the employers a link",
                    pending,
                )
                % {"count": pending},
                url,
            )
        ]
        if pending
        else [],
        _("Every employer has answered its hires."),
        url,
        _("Hires to confirm"),
    )


def _followups_due(user, today: dt.date) -> Section:
    """The local-talent archive's 6/12/24-month follow-ups due (secretariat: all; HR: its own)."""
    due = placements.followups_due(placement_permissions.followup_placements_for(user), today=today)
    url = reverse("placements:followups_due")
    return Section(
        "followups",
        _("Graduate follow-ups due"),
        [
            Item(
                ngettext(
                    "%(count)s graduate working in the county is due a follow-up",
                    "%(count)s graduates working in the county are due a follow-up",
                    len(due),
                )
                % {"count": len(due)},
                url,
                _("the oldest due on %(date)s") % {"date": due[0].due_on.isoformat()},
            )
        ]
        if due
        else [],
        _("No graduate follow-up is due."),
        url,
        _("Follow-ups due"),
    )


def _next_meeting(today: dt.date) -> Section:
    """The plan asks for a regular council meeting in each half-year."""
    first_held, second_held = (n > 0 for n in members.regular_meetings_by_half(today.year))
    items = []
    if today.month <= 6 and not first_held:
        items.append(
            Item(_("A regular meeting is due by %(date)s") % {"date": f"{today.year}-06-30"})
        )
    elif today.month > 6 and not second_held:
        if not first_held:
            items.append(Item(_("No regular meeting was held in the first half of the year")))
        items.append(
            Item(_("A regular meeting is due by %(date)s") % {"date": f"{today.year}-12-31"})
        )
    for item in items:
        item.url = reverse("members:meeting_create")
    next_due = f"{today.year}-12-31" if today.month <= 6 else f"{today.year + 1}-06-30"
    return Section(
        "meeting",
        _("Next council meeting"),
        items,
        _("This half-year's meeting is held; the next is due by %(date)s.") % {"date": next_due},
        reverse("members:meeting_list"),
        _("Council meetings"),
    )


def _report_status(year: int) -> Section:
    runs = [run for run in reports.latest_runs(limit=10) if run.year == year]
    latest = runs[0] if runs else None
    published = next((run for run in runs if run.is_published), None)
    items = []
    if latest is None:
        items.append(
            Item(
                _("The %(year)s report has not been built yet") % {"year": year},
                reverse("reports:runs"),
            )
        )
    elif not latest.is_finished:
        items.append(
            Item(
                _("The %(year)s report is being built") % {"year": year},
                reverse("reports:run_detail", args=[latest.pk]),
                latest.stage,
            )
        )
    elif latest.can_publish:
        items.append(
            Item(
                _("The %(year)s report is built: check it and publish it") % {"year": year},
                reverse("reports:run_detail", args=[latest.pk]),
            )
        )
    elif latest.status == ReportStatus.FAILED:
        items.append(
            Item(
                _("The last build of the %(year)s report failed") % {"year": year},
                reverse("reports:run_detail", args=[latest.pk]),
                latest.error,
            )
        )
    done_text = (
        _("The %(year)s report was published on %(date)s.")
        % {"year": year, "date": published.published_at.date().isoformat()}
        if published
        else ""
    )
    return Section(
        "report",
        _("Annual quality report"),
        items,
        done_text,
        reverse("reports:runs"),
        _("Annual report runs"),
    )


def _enterprise(user, year: int, today: dt.date) -> list[Section]:
    pending = placement_permissions.pending_hires_for(user).count()
    hires = Section(
        "hires",
        _("Hires to confirm"),
        [
            Item(
                ngettext(
                    "%(count)s graduate is recorded as hired by your enterprise: confirm or decline",
                    "%(count)s graduates are recorded as hired by your enterprise: confirm or decline",
                    pending,
                )
                % {"count": pending},
                reverse("placements:hire_list"),
            )
        ]
        if pending
        else [],
        _("No hire is waiting for your confirmation."),
    )
    stored = StoredFigures()
    obligations = Section(
        "obligations",
        _("Obligations not met in %(year)s") % {"year": year},
        _not_met(user, year, Scope(ENTERPRISE, user.organization_id), stored),
        _("Your enterprise meets every obligation with a target."),
        drilldown("reports:my_scorecard", user=user, year=year),
        _("My scorecard"),
        note=stored.notice(),
    )
    return [
        hires,
        _followups_due(user, today),
        obligations,
        _assessments_to_score(user),
        _overdue_tasks(user, today),
        _imports_waiting(user),
    ]


def _school(user, year: int, today: dt.date) -> list[Section]:
    school_id = user.organization_id
    entered = members.school_figure_years(school_id)
    figures = Section(
        "figures",
        _("Yearly figures missing"),
        [
            Item(
                _("Enrolment, teachers and graduates of %(year)s") % {"year": missing},
                reverse("members:school_figures_create"),
            )
            for missing in range(FIRST_YEAR, today.year + 1)
            if missing not in entered
        ],
        _("Your school's figures are entered for every year."),
        reverse("members:school_figures_list"),
        _("School yearly figures"),
    )
    stored = StoredFigures()
    targets = Section(
        "targets",
        _("Targets still open in %(year)s") % {"year": year},
        _not_met(user, year, Scope(SCHOOL, school_id), stored, codes=SCHOOL_TARGETS),
        _("Your school meets its secondment and training targets."),
        drilldown("reports:my_scorecard", user=user, year=year),
        _("My scorecard"),
        remind_from_month=TARGETS_REMINDED_FROM,
        note=stored.notice(),
    )
    semester = semester_key(today)
    held = placements.outreach_by_semester(int(semester[:4])).get((school_id, semester), {})
    events = [
        Item(
            _("%(event)s: none held yet this semester") % {"event": kind.label},
            reverse("placements:event_create"),
        )
        for kind in SEMESTER_EVENTS
        if not held.get(kind.value)
    ]
    if not placements.recommendation_events(today.year).get(school_id):
        events.append(
            Item(
                _("%(event)s: none held yet this year")
                % {"event": OutreachKind.RECOMMENDATION_FAIR.label},
                reverse("placements:event_create"),
            )
        )
    return [
        figures,
        targets,
        Section(
            "events",
            _("Events due this semester (%(semester)s)") % {"semester": semester},
            events,
            _("This semester's events are held."),
            reverse("placements:event_list"),
            _("Outreach events"),
        ),
        _assessments_to_score(user),
        _overdue_tasks(user, today),
        _imports_waiting(user),
    ]


def _council(user, year: int) -> list[Section]:
    stored = StoredFigures()
    return [
        Section(
            "indicators",
            _("Indicators not met in %(year)s") % {"year": year},
            _not_met(user, year, ALLIANCE_SCOPE, stored),
            _("Every indicator with a target is met."),
            drilldown("reports:dashboard", user=user, year=year),
            _("Alliance dashboard"),
            note=stored.notice(),
        )
    ]
