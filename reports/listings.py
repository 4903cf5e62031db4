"""What a figure's drill-down lists: the records behind ``Measure.counted`` / ``Measure.population``.

An indicator names, in ``Indicator.lists``, what the keys of its numerator and denominator are;
:data:`LISTINGS` turns those keys into the rows of ``reports:counted``, one row per key. Where a
key counts for more than one (a programme's participants, a school's reported teachers), the row
carries that amount and the amounts add up to the figure. Names of people appear only for the
records the user may open in their register; the other rows keep their organisation, with the
name masked, so the row count still equals the figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from alliance.numbers import format_number
from members import permissions as member_permissions
from members import selectors as members
from placements import permissions as placement_permissions
from placements import selectors as placements
from training import permissions as training_permissions
from training import selectors as training

from . import assessment_selectors as assessments
from .selectors import organization_names

NAME_MASK = "＊＊"


@dataclass(frozen=True)
class Listing:
    #: (row key, column heading) in display order; "amount" is what the row counts for
    columns: tuple[tuple[str, str], ...]
    describe: Callable[[frozenset, int], list[dict]]
    #: the records whose ``record`` (a person's name) the user may read; None: no personal data
    visible: Callable[[object], QuerySet] | None = None


def _organisations(keys: frozenset, year: int) -> list[dict]:
    """Organisation ids, or (school id, semester) pairs."""
    ids = {key[0] if isinstance(key, tuple) else key for key in keys}
    names = organization_names(ids)
    return [
        {"organisation": names[key[0]], "record": key[1]}
        if isinstance(key, tuple)
        else {"organisation": names[key], "record": ""}
        for key in keys
    ]


def _school_figure(field: str) -> Callable[[frozenset, int], list[dict]]:
    """School ids, each with the yearly figure it reported (the denominators' amounts)."""

    def describe(keys: frozenset, year: int) -> list[dict]:
        figures = members.school_figures(year)
        names = organization_names(keys)
        return [
            {"organisation": names[key], "amount": getattr(figures[key], field)} for key in keys
        ]

    return describe


def _station_places(field: str) -> Callable[[frozenset, int], list[dict]]:
    """Teacher stations, each with its practice places offered or filled (the amounts)."""

    def describe(keys: frozenset, year: int) -> list[dict]:
        return [{**row, "amount": row[field]} for row in training.stations_described(keys, year)]

    return describe


ORGANISATION = ("organisation", _("Organisation"))
SCHOOL = ("organisation", _("School"))
ENTERPRISE = ("organisation", _("Enterprise"))

LISTINGS: dict[str, Listing] = {
    "organisations": Listing((ORGANISATION, ("record", _("Semester"))), _organisations),
    "professional_teachers": Listing(
        (SCHOOL, ("amount", _("Professional teachers"))), _school_figure("professional_teachers")
    ),
    "enrolled_students": Listing(
        (SCHOOL, ("amount", _("Enrolled students"))), _school_figure("enrolled_students")
    ),
    "teachers": Listing(
        (SCHOOL, ("record", _("Teacher")), ("detail", _("Seconded to"))),
        training.teachers_described,
        training_permissions.teachers_visible_to,
    ),
    "programmes": Listing(
        (
            SCHOOL,
            ("record", _("Programme")),
            ("detail", _("Start")),
            ("amount", _("Participants")),
        ),
        lambda keys, year: training.programmes_described(keys),
    ),
    "majors": Listing(
        (SCHOOL, ("record", _("Major")), ("detail", _("Partner enterprises"))),
        lambda keys, year: members.majors_described(keys),
    ),
    "institutions": Listing(
        (SCHOOL, ("record", _("Co-built institution")), ("detail", _("Kind"))),
        lambda keys, year: training.institutions_described(keys),
    ),
    "projects": Listing(
        (SCHOOL, ("record", _("Project")), ("detail", _("Start"))),
        lambda keys, year: training.projects_described(keys),
    ),
    "patents": Listing(
        (SCHOOL, ("record", _("Patent")), ("detail", _("Number"))),
        lambda keys, year: training.patents_described(keys),
    ),
    "register_teachers": Listing(
        (SCHOOL, ("record", _("Teacher")), ("detail", _("Department"))),
        lambda keys, year: training.register_teachers_described(keys),
        training_permissions.teachers_visible_to,
    ),
    "stations": Listing(
        (ENTERPRISE, ("record", _("Teacher station")), ("offered", _("Practice places offered"))),
        training.stations_described,
    ),
    "places_filled": Listing(
        (ENTERPRISE, ("record", _("Teacher station")), ("amount", _("Practice places filled"))),
        _station_places("places_filled"),
    ),
    "places_offered": Listing(
        (ENTERPRISE, ("record", _("Teacher station")), ("amount", _("Practice places offered"))),
        _station_places("offered"),
    ),
    "appointments": Listing(
        (
            SCHOOL,
            ("enterprise", _("Enterprise")),
            ("record", _("Person")),
            ("detail", _("Position")),
        ),
        lambda keys, year: training.appointments_described(keys),
        training_permissions.appointments_visible_to,
    ),
    "bases": Listing(
        (ENTERPRISE, ("record", _("Training base")), ("detail", _("Masters"))),
        training.bases_described,
    ),
    "exchanges": Listing(
        (SCHOOL, ("record", _("Exchange")), ("partner", _("Partner")), ("detail", _("Date"))),
        lambda keys, year: training.exchanges_described(keys),
    ),
    "quality_surveys": Listing(
        (SCHOOL, ("record", _("Survey")), ("detail", _("Date"))),
        lambda keys, year: training.quality_surveys_described(keys),
    ),
    "craftsmen": Listing(
        (ENTERPRISE, ("record", _("Craftsman")), ("detail", _("Teaching hours this year"))),
        training.craftsmen_described,
        training_permissions.craftsmen_visible_to,
    ),
    "order_class_students": Listing(
        (SCHOOL, ("record", _("Graduate")), ("detail", _("Order class"))),
        placements.order_class_students_described,
        placement_permissions.students_linkable_by,
    ),
    "apprenticeships": Listing(
        (ENTERPRISE, ("record", _("Apprentice")), ("detail", _("Labour contract"))),
        lambda keys, year: placements.apprenticeships_described(keys),
        placement_permissions.apprenticeships_visible_to,
    ),
    "placements": Listing(
        (SCHOOL, ("record", _("Graduate")), ("detail", _("Employer"))),
        lambda keys, year: placements.placements_described(keys),
        placement_permissions.placements_visible_to,
    ),
    "materials": Listing(
        (SCHOOL, ("record", _("Co-developed material")), ("detail", _("Kind and completion"))),
        lambda keys, year: placements.materials_described(keys),
    ),
    "order_classes": Listing(
        (SCHOOL, ("record", _("Order class")), ("detail", _("Enterprises"))),
        lambda keys, year: placements.order_classes_described(keys),
    ),
    "demands": Listing(
        (
            ENTERPRISE,
            ("record", _("Post")),
            ("detail", _("Major")),
            ("amount", _("Headcount")),
        ),
        lambda keys, year: placements.demands_described(keys),
    ),
    "internships": Listing(
        (SCHOOL, ("record", _("Student")), ("detail", _("Host enterprise, stage and period"))),
        lambda keys, year: placements.internships_described(keys),
        placement_permissions.internships_visible_to,
    ),
    "mentors": Listing(
        (ENTERPRISE, ("record", _("Career mentor")), ("detail", _("Job title"))),
        lambda keys, year: placements.mentors_described(keys),
    ),
    "mentor_events": Listing(
        (
            SCHOOL,
            ("record", _("Career class or lecture")),
            ("detail", _("Date, kind and career mentor")),
        ),
        lambda keys, year: placements.mentor_events_described(keys),
    ),
    "meetings": Listing(
        (("organisation", _("Date")), ("record", _("Title")), ("detail", _("Venue"))),
        lambda keys, year: members.meetings_described(keys),
    ),
    "incentives": Listing(
        (
            ("organisation", _("Recipient")),
            ("record", _("Kind of support")),
            ("detail", _("Granted on")),
            ("yuan", _("Amount (yuan)")),
        ),
        lambda keys, year: assessments.incentives_described(keys),
    ),
    "media_reports": Listing(
        (("organisation", _("Date")), ("record", _("Title")), ("detail", _("Medium and outlet"))),
        lambda keys, year: members.media_reports_described(keys),
    ),
    "model_cases": Listing(
        (ORGANISATION, ("record", _("Model worker or case")), ("detail", _("Kind"))),
        lambda keys, year: members.model_cases_described(keys),
        member_permissions.model_cases_visible_to,
    ),
    "council_kinds": Listing(
        (("organisation", _("Kind of organisation")), ("detail", _("Council seats held"))),
        members.council_kinds_described,
    ),
    "documents": Listing(
        (("organisation", _("Kind")), ("record", _("Document")), ("detail", _("In force since"))),
        lambda keys, year: members.documents_described(keys),
    ),
    "required_kinds": Listing(
        (("organisation", _("Required document")), ("detail", _("Documents in force"))),
        members.required_kinds_described,
    ),
    # The questions and the tasks are the council's business: others see the rows, not the text.
    "consultations": Listing(
        (
            ("organisation", _("Date")),
            ("record", _("Question")),
            ("detail", _("Decision on the advice")),
        ),
        lambda keys, year: members.consultations_described(keys),
        member_permissions.consultations_visible_to,
    ),
    "work_tasks": Listing(
        (
            ("organisation", _("Owner")),
            ("record", _("Task")),
            ("detail", _("Deadline")),
            ("status", _("Status")),
        ),
        lambda keys, year: members.work_tasks_described(keys),
        member_permissions.work_tasks_visible_to,
    ),
    "office_budgets": Listing(
        (("organisation", _("Source of funds")), ("amount", _("Amount (yuan)"))),
        lambda keys, year: members.office_budgets_described(keys),
    ),
}


def _cell(value) -> str:
    return format_number(value) if isinstance(value, int | Decimal) else str(value)


@dataclass
class Listed:
    """A drill-down list ready to draw: headings, rows of cells, and what the rows add up to."""

    headings: list[str]
    rows: list[list]
    total: int
    masked: bool


def listed(name: str, keys: frozenset, year: int, user) -> Listed:
    """The listing ``name`` of ``keys`` for ``user``, sorted; a column empty on every row (the
    semester of plain organisation keys) is left out."""
    listing = LISTINGS[name]
    rows = listing.describe(keys, year)
    masked = False
    if listing.visible is not None:
        readable = set(
            listing.visible(user)
            .filter(pk__in=[r["pk"] for r in rows])
            .values_list("pk", flat=True)
        )
        for row in rows:
            if row["pk"] not in readable:
                row["record"] = NAME_MASK
                masked = True
    columns = [
        (key, heading)
        for key, heading in listing.columns
        if key == "organisation" or any(row.get(key) not in (None, "") for row in rows)
    ]
    has_amount = any(key == "amount" for key, _heading in listing.columns)
    return Listed(
        headings=[str(heading) for _key, heading in columns],
        rows=sorted([_cell(row.get(key, "")) for key, _heading in columns] for row in rows),
        total=sum(row.get("amount") or 0 for row in rows) if has_amount else len(rows),
        masked=masked,
    )
