"""Each role's home page as a work list: what is waiting for it, each item linking to its page.

Project wiring, not library: it reads the apps' selectors and the reports' indicator rows. Every
rate and met/not-met mark comes from ``reports`` (indicator rows, data coverage); nothing here
computes a figure of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance.access import COUNCIL, ENTERPRISE_HR, SCHOOL_COORDINATOR, SECRETARIAT, role_of
from alliance.models import RUNNING_STATUSES, ImportBatch, ImportStatus
from members import selectors as members
from placements import permissions as placement_permissions
from placements import selectors as placements
from placements.models import OutreachKind, semester_key
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


def work_for(user, *, today: dt.date | None = None) -> list[Section]:
    """The work list of ``user``'s role (empty for an account without one)."""
    today = today or timezone.localdate()
    role = role_of(user)
    year = reports.default_year()
    if role == SECRETARIAT:
        return _secretariat(user, year, today)
    if role == ENTERPRISE_HR and user.organization_id:
        return _enterprise(user, year)
    if role == SCHOOL_COORDINATOR and user.organization_id:
        return _school(user, year, today)
    if role == COUNCIL:
        return _council(user, year)
    return []


# ---------------------------------------------------------------------------------------------
# Shared pieces


def _rows(year: int, scope: Scope) -> list:
    """The stored indicator rows of ``scope`` (computed live for an organisation that was no
    member that year: nothing is stored for it)."""
    stored = StoredFigures()
    if scope == ALLIANCE_SCOPE:
        return stored.alliance(year).rows
    line = stored.member(year, scope.kind, scope.id)
    return line.rows if line is not None else reports.indicator_rows(year, scope)


def _not_met(user, year: int, scope: Scope, codes=None) -> list[Item]:
    """Indicators of ``scope`` judged not met (or without figures, when ``codes`` names them)."""
    items = []
    for row in _rows(year, scope):
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
    for entry in StoredFigures().alliance(year).coverage():
        if entry.missing:
            coverage.items.append(
                Item(
                    _("%(input)s: %(missing)s of %(total)s have entered nothing")
                    % {"input": entry.label, "missing": len(entry.missing), "total": entry.total},
                    drilldown(entry.url_name, user=user, year=year),
                    entry.missing_text,
                )
            )
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
        _next_meeting(today),
        _imports_waiting(user),
        _report_status(year),
    ]


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


def _enterprise(user, year: int) -> list[Section]:
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
    obligations = Section(
        "obligations",
        _("Obligations not met in %(year)s") % {"year": year},
        _not_met(user, year, Scope(ENTERPRISE, user.organization_id)),
        _("Your enterprise meets every obligation with a target."),
        drilldown("reports:my_scorecard", user=user, year=year),
        _("My scorecard"),
    )
    return [hires, obligations, _imports_waiting(user)]


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
    targets = Section(
        "targets",
        _("Targets still open in %(year)s") % {"year": year},
        _not_met(user, year, Scope(SCHOOL, school_id), codes=SCHOOL_TARGETS),
        _("Your school meets its secondment and training targets."),
        drilldown("reports:my_scorecard", user=user, year=year),
        _("My scorecard"),
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
        _imports_waiting(user),
    ]


def _council(user, year: int) -> list[Section]:
    return [
        Section(
            "indicators",
            _("Indicators not met in %(year)s") % {"year": year},
            _not_met(user, year, ALLIANCE_SCOPE),
            _("Every indicator with a target is met."),
            drilldown("reports:dashboard", user=user, year=year),
            _("Alliance dashboard"),
        )
    ]
