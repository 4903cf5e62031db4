"""Who may open each route, written by hand from DESIGN §1 — never read back from the views.

The URL sweep (``test_url_sweep.py``) checks every route against this table: a route missing here
fails, and a view whose ``allow(...)`` drifts from the policy fails. Opening
``members:account_create`` to every role, say, makes the sweep fail.

DESIGN §1 in short:
- secretariat: everything;
- enterprise HR: their enterprise's profile and records (bases, stations, craftsmen, apprentices,
  mentors, hires), the registers that hold no personal data, aggregate dashboards; never another
  enterprise's or a school's people data;
- school coordinator: their school's teachers, secondments, students, order classes, training
  programmes, graduate outcomes, events; the registers without personal data; dashboards;
- council: dashboards, scorecards, meeting records, reports, registers without personal data;
  never personal data;
- the public: the alliance's public page and the published reports.
"""

from __future__ import annotations

PUBLIC = "public"
ANYONE_LOGGED_IN = "authenticated"

S, H, C, K = "secretariat", "enterprise_hr", "school_coordinator", "council"
EVERY_ROLE = frozenset({S, H, C, K})
OFFICE = frozenset({S})
SCHOOL_SIDE = frozenset({S, C})  # a school's records: the office and the school
ENTERPRISE_SIDE = frozenset({S, H})  # an enterprise's records: the office and the enterprise
RECORD_KEEPERS = frozenset({S, H, C})  # records naming people both sides see (secondments ...)
GOVERNANCE_READERS = frozenset({S, K})  # the council's own records
SCHOOL_FIGURE_READERS = frozenset({S, C, K})  # figures per school (no personal data)
ENTERPRISE_FIGURE_READERS = frozenset({S, H, K})
OWN_ORGANIZATION = frozenset({H, C})  # "my organisation", "my scorecard"


def register(ns: str, name: str, *, readers, editors=None, extra: dict | None = None) -> dict:
    """The routes of one register: list and detail for ``readers``, forms for ``editors``."""
    routes = {f"{ns}:{name}_list": readers, f"{ns}:{name}_detail": readers}
    if editors is not None:
        routes[f"{ns}:{name}_create"] = editors
        routes[f"{ns}:{name}_update"] = editors
    return {**routes, **(extra or {})}


def exchange(key: str, *, export, imports=None) -> dict:
    routes = {f"exchange:{key}_export": export}
    if imports is not None:
        routes[f"exchange:{key}_template"] = imports
        routes[f"exchange:{key}_import"] = imports
    return routes


POLICY: dict[str, object] = {
    # --- the site -----------------------------------------------------------------------------------
    "home": ANYONE_LOGGED_IN,
    "healthz": PUBLIC,
    "login": PUBLIC,
    "logout": PUBLIC,
    "password_change": ANYONE_LOGGED_IN,
    "password_change_done": ANYONE_LOGGED_IN,
    "set_language": PUBLIC,
    # two-factor log-in is offered to the secretariat, who holds everyone's personal data
    "two_factor_setup": OFFICE,
    "two_factor_verify": OFFICE,
    "two_factor_remove": OFFICE,
    # the audit trail: who did what, read by the office alone
    "audit:list": OFFICE,
    "audit:export": OFFICE,
    # --- members: who the members are is no secret inside the alliance --------------------------
    "members:organization_list": EVERY_ROLE,
    "members:organization_detail": EVERY_ROLE,
    "members:my_organization": OWN_ORGANIZATION,
    "members:organization_create": OFFICE,
    "members:organization_update": ENTERPRISE_SIDE,  # HR edits its enterprise's profile
    "members:school_update": SCHOOL_SIDE,  # a coordinator edits its school's profile
    "members:organization_withdraw": OFFICE,
    "members:organization_rejoin": OFFICE,
    "members:organization_photo_add": ENTERPRISE_SIDE,  # photos feed the culture corridor
    "members:photo_file": EVERY_ROLE,
    "members:organization_photo_delete": ENTERPRISE_SIDE,
    "members:corridor_index": EVERY_ROLE,
    "members:corridor": EVERY_ROLE,
    **register("members", "school_figures", readers=SCHOOL_FIGURE_READERS, editors=SCHOOL_SIDE),
    "members:school_figures_options": SCHOOL_FIGURE_READERS,
    "members:council": GOVERNANCE_READERS,
    **register("members", "seat", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:seat_options": GOVERNANCE_READERS,
    **register("members", "expert", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:expert_options": GOVERNANCE_READERS,
    **register("members", "meeting", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:meeting_file": GOVERNANCE_READERS,
    "members:resolution_create": OFFICE,
    "members:resolution_edit": OFFICE,
    "members:resolution_done": OFFICE,
    # accounts: the office alone creates and manages logins
    **register("members", "account", readers=OFFICE, editors=OFFICE),
    "members:account_set_active": OFFICE,
    "members:account_reset_password": OFFICE,
    # --- training ---------------------------------------------------------------------------------
    # platforms hold no personal data: every role reads them; schools keep the in-school workshops,
    # enterprises their bases and stations
    **register("training", "workshop", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:workshop_options": EVERY_ROLE,
    "training:order_create": SCHOOL_SIDE,
    "training:order_update": SCHOOL_SIDE,
    "training:rotation_create": SCHOOL_SIDE,
    "training:rotation_update": SCHOOL_SIDE,
    **register("training", "base", readers=EVERY_ROLE, editors=ENTERPRISE_SIDE),
    "training:base_options": EVERY_ROLE,  # searched choices of its filters (and form)
    **register("training", "station", readers=EVERY_ROLE, editors=ENTERPRISE_SIDE),
    "training:station_options": EVERY_ROLE,
    "training:post_create": ENTERPRISE_SIDE,
    "training:post_update": ENTERPRISE_SIDE,
    "training:post_copy": ENTERPRISE_SIDE,
    # people: a school's teacher register is the school's; secondments are read by the host
    # enterprise too; craftsmen are the enterprises' people, read by the schools they teach at
    **register("training", "teacher", readers=SCHOOL_SIDE, editors=SCHOOL_SIDE),
    "training:teacher_options": SCHOOL_SIDE,
    **register("training", "secondment", readers=RECORD_KEEPERS, editors=SCHOOL_SIDE),
    "training:secondment_options": RECORD_KEEPERS,
    "training:secondment_file": RECORD_KEEPERS,
    **register("training", "craftsman", readers=RECORD_KEEPERS, editors=ENTERPRISE_SIDE),
    "training:craftsman_options": RECORD_KEEPERS,
    **register("training", "assignment", readers=RECORD_KEEPERS, editors=SCHOOL_SIDE),
    "training:assignment_options": RECORD_KEEPERS,
    # in-service training and certifications are counts, not people
    **register("training", "programme", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:programme_options": EVERY_ROLE,
    **register("training", "certification", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:certification_options": EVERY_ROLE,
    # --- placements -------------------------------------------------------------------------------
    # students are a school's personal data: never HR's or the council's register
    **register("placements", "student", readers=SCHOOL_SIDE, editors=SCHOOL_SIDE),
    "placements:student_options": SCHOOL_SIDE,
    # order classes hold no personal data on their list; the agreement and the alignment
    # documents are read by the order enterprises too
    **register("placements", "orderclass", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "placements:orderclass_options": EVERY_ROLE,
    "placements:orderclass_file": RECORD_KEEPERS,
    "placements:orderclass_enrol": SCHOOL_SIDE,
    "placements:orderclass_unenrol": SCHOOL_SIDE,
    "placements:alignment_edit": SCHOOL_SIDE,
    "placements:alignment_file": RECORD_KEEPERS,
    # apprentices are the enterprise's employees, read by their school too
    **register("placements", "apprenticeship", readers=RECORD_KEEPERS, editors=ENTERPRISE_SIDE),
    "placements:apprenticeship_options": RECORD_KEEPERS,
    **register("placements", "internship", readers=RECORD_KEEPERS, editors=SCHOOL_SIDE),
    "placements:internship_options": RECORD_KEEPERS,
    **register("placements", "placement", readers=RECORD_KEEPERS, editors=SCHOOL_SIDE),
    "placements:placement_options": RECORD_KEEPERS,
    "placements:followup_create": RECORD_KEEPERS,
    "placements:followup_edit": RECORD_KEEPERS,
    # the employer confirms a hire
    "placements:hire_list": ENTERPRISE_SIDE,
    "placements:hire_decide": ENTERPRISE_SIDE,
    **register("placements", "event", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "placements:event_options": EVERY_ROLE,
    "placements:event_photo_add": SCHOOL_SIDE,
    "placements:photo_file": EVERY_ROLE,
    **register("placements", "mentor", readers=EVERY_ROLE, editors=ENTERPRISE_SIDE),
    "placements:mentor_options": EVERY_ROLE,
    # --- reports ----------------------------------------------------------------------------------
    "reports:public_list": PUBLIC,
    "reports:published_pdf": PUBLIC,
    "reports:published_csv": PUBLIC,
    "reports:published_json": PUBLIC,
    # The report's per-enterprise annex (issue 17): published with the PDF, a draft's for the office.
    "reports:published_annex_xlsx": PUBLIC,
    "reports:published_annex_csv": PUBLIC,
    "reports:run_annex_xlsx": OFFICE,
    "reports:run_annex_csv": OFFICE,
    "reports:dashboard": EVERY_ROLE,
    # figure pages: aggregates per school or enterprise, no personal data
    "reports:obligations": SCHOOL_FIGURE_READERS,
    "reports:school_obligations": SCHOOL_FIGURE_READERS,
    "reports:local_employment": EVERY_ROLE,
    "reports:outreach_overview": EVERY_ROLE,
    "reports:counted": EVERY_ROLE,  # the organisations a figure counted
    "reports:scorecards": GOVERNANCE_READERS,
    "reports:my_scorecard": OWN_ORGANIZATION,
    "reports:school_scorecard": SCHOOL_FIGURE_READERS,
    "reports:enterprise_scorecard": ENTERPRISE_FIGURE_READERS,
    "reports:targets": OFFICE,
    "reports:coverage": OFFICE,
    "reports:runs": OFFICE,
    "reports:run_detail": OFFICE,
    "reports:run_publish": OFFICE,  # asks first (GET), publishes on POST
    "reports:narrative": OFFICE,
    "reports:run_restart": OFFICE,
    "reports:run_pdf": OFFICE,  # a draft is not public until published
    # --- Excel exchange: export follows who reads the register, import who keeps it -------------
    "exchange:batches": RECORD_KEEPERS,
    "exchange:batch": RECORD_KEEPERS,
    "exchange:confirm": RECORD_KEEPERS,
    **exchange("organizations", export=EVERY_ROLE, imports=OFFICE),
    **exchange("school_figures", export=SCHOOL_FIGURE_READERS, imports=SCHOOL_SIDE),
    **exchange("council_meetings", export=GOVERNANCE_READERS),
    **exchange("teachers", export=SCHOOL_SIDE, imports=SCHOOL_SIDE),
    **exchange("secondments", export=RECORD_KEEPERS, imports=SCHOOL_SIDE),
    **exchange("craftsmen", export=RECORD_KEEPERS, imports=ENTERPRISE_SIDE),
    **exchange("programmes", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    **exchange("workshops", export=EVERY_ROLE),
    **exchange("bases", export=EVERY_ROLE),
    **exchange("stations", export=EVERY_ROLE),
    **exchange("teaching_assignments", export=RECORD_KEEPERS),
    **exchange("certifications", export=EVERY_ROLE),
    **exchange("students", export=SCHOOL_SIDE, imports=SCHOOL_SIDE),
    **exchange("order_class_enrolments", export=RECORD_KEEPERS, imports=SCHOOL_SIDE),
    **exchange("apprenticeships", export=RECORD_KEEPERS, imports=ENTERPRISE_SIDE),
    **exchange("internships", export=RECORD_KEEPERS, imports=SCHOOL_SIDE),
    **exchange("placements", export=RECORD_KEEPERS, imports=SCHOOL_SIDE),
    **exchange("order_classes", export=EVERY_ROLE),
    **exchange("events", export=EVERY_ROLE),
    **exchange("mentors", export=EVERY_ROLE),
}
