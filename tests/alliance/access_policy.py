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
    """The routes of one register: list and detail for ``readers``, forms for ``editors``; the
    open API reads every register as its pages do (list and record, for ``readers``)."""
    routes = {f"{ns}:{name}_list": readers, f"{ns}:{name}_detail": readers}
    routes[f"api:{ns}_{name}_list"] = readers
    routes[f"api:{ns}_{name}_detail"] = readers
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
    "api:members_organization_list": EVERY_ROLE,
    "api:members_organization_detail": EVERY_ROLE,
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
    # --- the open API and the status-data table (issue 16) --------------------------------------
    # the OpenAPI document, its Swagger page and the published indicators are public; the
    # registers' endpoints come from register(...) above
    "api:schema": PUBLIC,
    "api:browser": PUBLIC,
    "api:open_data_years": PUBLIC,
    "api:open_data_year": PUBLIC,
    # every account may hold a token: it reads through the API what the account reads anyway
    "api_token": EVERY_ROLE,
    # the MoE status-data table: figures per school (no people), a coordinator its own school
    "reports:status_data": SCHOOL_FIGURE_READERS,
    "reports:status_data_export": SCHOOL_FIGURE_READERS,
    "api:status_data": SCHOOL_FIGURE_READERS,
    # --- follow-ups, signed links (issue 16): the link itself needs no account; the office issues,
    # lists and revokes links; follow-ups due are listed for the office and the employer -------
    "signed_link": PUBLIC,
    "signed_link_list": OFFICE,
    "signed_link_issue": OFFICE,
    "signed_link_revoke": OFFICE,
    "placements:followups_due": ENTERPRISE_SIDE,
    "reports:retention_funnel": EVERY_ROLE,  # counts by school, major, enterprise: no person
    # --- governance: assessment, incentives, publicity and model cases (issue 14, items 5-7) ----
    # the corridor check and the media log hold no personal data: every role reads them
    "members:corridor_check": EVERY_ROLE,
    **register("members", "media", readers=EVERY_ROLE, editors=OFFICE),
    "members:media_options": EVERY_ROLE,
    "members:media_file": EVERY_ROLE,
    # members nominate model workers and cases; the office decides (edits) them
    "members:model_case_list": EVERY_ROLE,
    "members:model_case_detail": EVERY_ROLE,
    "api:members_model_case_list": EVERY_ROLE,
    "api:members_model_case_detail": EVERY_ROLE,
    "members:model_case_options": EVERY_ROLE,
    "members:model_case_create": RECORD_KEEPERS,
    "members:model_case_update": OFFICE,
    # assessments: members read the published results; record keepers score (HR the schools,
    # coordinators the enterprises, the office the departments' sheets); the office runs the year
    **register("reports", "assessment", readers=EVERY_ROLE, editors=OFFICE),
    "reports:assessment_options": EVERY_ROLE,
    "reports:assessment_file": EVERY_ROLE,
    "reports:assessment_scoring": RECORD_KEEPERS,
    "reports:assessment_score": RECORD_KEEPERS,
    "reports:assessment_prepare": OFFICE,
    "reports:assessment_approve": OFFICE,
    "reports:assessment_publish": OFFICE,
    # incentives: grants of public money are announced (公示): every role reads, the office keeps
    **register("reports", "incentive", readers=EVERY_ROLE, editors=OFFICE),
    "reports:incentive_options": EVERY_ROLE,
    "reports:incentive_file": EVERY_ROLE,
    **exchange("media_reports", export=EVERY_ROLE, imports=OFFICE),
    **exchange("model_cases", export=EVERY_ROLE, imports=OFFICE),
    **exchange("assessments", export=EVERY_ROLE),
    **exchange("incentives", export=EVERY_ROLE, imports=OFFICE),
    # --- governance (issue 14, 1–4): the rules bind every member and hold no personal data, so
    # every role reads them; the office, expert advice and work plans are the council's records;
    # a work-plan task is also read by the enterprise or school that owns it (its own obligation).
    # The office alone keeps all of them.
    **register("members", "document", readers=EVERY_ROLE, editors=OFFICE),
    "members:document_file": EVERY_ROLE,
    **register("members", "office", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:office_options": GOVERNANCE_READERS,
    **register("members", "office_budget", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:office_budget_options": GOVERNANCE_READERS,
    **register("members", "office_staff", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:office_staff_options": GOVERNANCE_READERS,
    **register("members", "consultation", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:consultation_file": GOVERNANCE_READERS,
    **register("members", "plan", readers=GOVERNANCE_READERS, editors=OFFICE),
    "members:plan_file": GOVERNANCE_READERS,
    **register("members", "task", readers=EVERY_ROLE, editors=OFFICE),
    "members:task_options": EVERY_ROLE,
    "members:task_overdue": EVERY_ROLE,
    "members:resolution_to_task": OFFICE,
    **exchange("documents", export=EVERY_ROLE, imports=OFFICE),
    **exchange("offices", export=GOVERNANCE_READERS, imports=OFFICE),
    **exchange("office_budgets", export=GOVERNANCE_READERS, imports=OFFICE),
    **exchange("office_staff", export=GOVERNANCE_READERS, imports=OFFICE),
    **exchange("consultations", export=GOVERNANCE_READERS, imports=OFFICE),
    **exchange("work_plans", export=GOVERNANCE_READERS, imports=OFFICE),
    **exchange("work_tasks", export=EVERY_ROLE, imports=OFFICE),
    # majors (issue 15): a school's catalogue is no secret; the school keeps it
    **register("members", "major", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "members:major_options": EVERY_ROLE,
    "members:major_file": EVERY_ROLE,
    # co-building (issue 15): institutions, projects, patents, equipment and what a school puts
    # into its workshops hold no personal data (every role reads them, the school keeps them;
    # equipment either party). Two-way appointments name people: the parties only, not the council.
    **register("training", "institution", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:institution_options": EVERY_ROLE,
    **register("training", "institution_year", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:institution_year_options": EVERY_ROLE,
    **register("training", "project", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:project_options": EVERY_ROLE,
    **register("training", "patent", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:patent_options": EVERY_ROLE,
    **register("training", "equipment", readers=EVERY_ROLE, editors=RECORD_KEEPERS),
    "training:equipment_options": EVERY_ROLE,
    **register("training", "contribution", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:contribution_options": EVERY_ROLE,
    **register("training", "appointment", readers=RECORD_KEEPERS, editors=RECORD_KEEPERS),
    "training:appointment_options": RECORD_KEEPERS,
    "training:practice_posts": EVERY_ROLE,  # places offered and filled per station
    **exchange("majors", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    # --- issue 15 (part b): materials, demand, forms of training, guidance, external partners --
    # a pilot apprentice's tripartite agreement, read like the apprenticeship itself
    "placements:apprenticeship_file": RECORD_KEEPERS,
    # co-developed materials: no personal data; the school keeps them
    **register("placements", "material", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "placements:material_options": EVERY_ROLE,
    "placements:material_file": EVERY_ROLE,
    **exchange("materials", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    # talent demand: HR fills its survey (and sees only its own), the office forms joint classes
    **register("placements", "demand", readers=EVERY_ROLE, editors=ENTERPRISE_SIDE),
    "placements:demand_options": EVERY_ROLE,
    **exchange("demands", export=EVERY_ROLE, imports=ENTERPRISE_SIDE),
    "placements:demand_overview": OFFICE,
    "placements:joint_class_create": OFFICE,
    # preferential measures for county graduates: the enterprise's own, public in the alliance
    **register("placements", "preference", readers=EVERY_ROLE, editors=ENTERPRISE_SIDE),
    "placements:preference_options": EVERY_ROLE,
    "placements:preference_file": EVERY_ROLE,
    **exchange("preferences", export=EVERY_ROLE, imports=ENTERPRISE_SIDE),
    # graduates the local-talent archive has not contacted: people data, kept by both sides
    "placements:not_followed_list": RECORD_KEEPERS,
    # external cooperation: institutions and events, no personal data; the school keeps them
    **register("training", "partner", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:partner_options": EVERY_ROLE,
    "training:partner_file": EVERY_ROLE,
    **exchange("partners", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    **register("training", "exchange", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:exchange_options": EVERY_ROLE,
    **exchange("partner_exchanges", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    # co-building (issue 15)
    **exchange("institutions", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    **exchange("institution_years", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    **exchange("projects", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    **exchange("patents", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    **exchange("equipment", export=EVERY_ROLE, imports=RECORD_KEEPERS),
    **exchange("workshop_contributions", export=EVERY_ROLE, imports=SCHOOL_SIDE),
    **exchange("appointments", export=RECORD_KEEPERS, imports=RECORD_KEEPERS),
    # quality evaluation surveys (Qufu 三(三)): no personal data; the school keeps them
    **register("training", "quality_survey", readers=EVERY_ROLE, editors=SCHOOL_SIDE),
    "training:quality_survey_options": EVERY_ROLE,
    "training:quality_survey_file": EVERY_ROLE,
    **exchange("quality_surveys", export=EVERY_ROLE, imports=SCHOOL_SIDE),
}
