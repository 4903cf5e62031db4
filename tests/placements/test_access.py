"""Each page per role: allowed, refused for the wrong role (403 / login), and 404 for another
organisation's object."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEC, SCHOOL, HR, COUNCIL = "secretariat_user", "school_user", "hr_user", "council_user"
EVERYONE = {SEC, SCHOOL, HR, COUNCIL}
STAFF = {SEC, SCHOOL, HR}

LISTS = {
    "placements:student_list": {SEC, SCHOOL},
    "placements:orderclass_list": EVERYONE,
    "placements:apprenticeship_list": STAFF,
    "placements:internship_list": STAFF,
    "placements:placement_list": STAFF,
    "placements:event_list": EVERYONE,
    "placements:mentor_list": EVERYONE,
    "placements:hire_list": {SEC, HR},
    "placements:student_create": {SEC, SCHOOL},
    "placements:orderclass_create": {SEC, SCHOOL},
    "placements:apprenticeship_create": {SEC, HR},
    "placements:internship_create": {SEC, SCHOOL},
    "placements:placement_create": {SEC, SCHOOL},
    "placements:event_create": {SEC, SCHOOL},
    "placements:mentor_create": {SEC, HR},
}

# (url name, record key, roles that open their own organisation's record, roles for whom
# another organisation's record is a 404)
OBJECTS = [
    ("placements:student_detail", "student", {SEC, SCHOOL}, {SCHOOL}),
    ("placements:student_update", "student", {SEC, SCHOOL}, {SCHOOL}),
    ("placements:orderclass_detail", "orderclass", EVERYONE, {SCHOOL}),
    ("placements:orderclass_update", "orderclass", {SEC, SCHOOL}, {SCHOOL}),
    ("placements:apprenticeship_detail", "apprenticeship", STAFF, {SCHOOL, HR}),
    ("placements:apprenticeship_update", "apprenticeship", {SEC, HR}, {HR}),
    ("placements:internship_detail", "internship", STAFF, {SCHOOL, HR}),
    ("placements:internship_update", "internship", {SEC, SCHOOL}, {SCHOOL}),
    ("placements:placement_detail", "placement", STAFF, {SCHOOL, HR}),
    ("placements:placement_update", "placement", {SEC, SCHOOL}, {SCHOOL}),
    ("placements:followup_create", "placement", STAFF, {SCHOOL, HR}),
    ("placements:event_detail", "event", EVERYONE, set()),
    ("placements:event_update", "event", {SEC, SCHOOL}, {SCHOOL}),
    ("placements:mentor_detail", "mentor", EVERYONE, set()),
    ("placements:mentor_update", "mentor", {SEC, HR}, {HR}),
]


@pytest.mark.parametrize(("name", "allowed"), LISTS.items())
def test_pages_answer_only_their_roles(request, client_for, name, allowed):
    url = reverse(name)
    assert client_for(None).get(url).status_code == 302
    for persona in EVERYONE:
        response = client_for(request.getfixturevalue(persona)).get(url)
        assert response.status_code == (200 if persona in allowed else 403), (
            persona,
            response.status_code,
        )


@pytest.mark.parametrize(("name", "key", "allowed", "scoped"), OBJECTS)
def test_object_pages_per_role_and_organisation(
    request, client_for, records, name, key, allowed, scoped
):
    own = reverse(name, args=[records["own"][key].pk])
    for persona in EVERYONE:
        response = client_for(request.getfixturevalue(persona)).get(own)
        assert response.status_code == (200 if persona in allowed else 403), (
            persona,
            response.status_code,
        )
    for persona in scoped:
        other = reverse(name, args=[records["other"][key].pk])
        assert client_for(request.getfixturevalue(persona)).get(other).status_code == 404, persona


def test_file_downloads_are_checked(
    client_for, records, school_user, other_school_user, council_user
):
    photo = records["own"]["photo"]
    url = reverse("placements:photo_file", args=[photo.pk, "image"])
    response = client_for(school_user).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert client_for(None).get(url).status_code == 302
    agreement = reverse(
        "placements:orderclass_file", args=[records["own"]["orderclass"].pk, "agreement"]
    )
    assert client_for(council_user).get(agreement).status_code == 403
    assert client_for(other_school_user).get(agreement).status_code == 404


def test_hr_decides_only_their_own_hires(client_for, records, hr_user, other_hr_user, school_user):
    placement = records["own"]["placement"]
    url = reverse("placements:hire_decide", args=[placement.pk, "confirm"])
    assert client_for(other_hr_user).post(url).status_code == 404
    assert client_for(school_user).post(url).status_code == 403
    assert client_for(hr_user).post(url).status_code == 302
    placement.refresh_from_db()
    assert placement.hire_status == "confirmed" and placement.hire_decided_by == hr_user


def test_school_cannot_unenrol_from_another_schools_class(client_for, records, other_school_user):
    enrolment = records["own"]["orderclass"].enrolments.first()
    url = reverse("placements:orderclass_unenrol", args=[enrolment.order_class_id, enrolment.pk])
    assert client_for(other_school_user).post(url).status_code == 404


def test_council_sees_order_class_figures_but_no_students(client_for, records, council_user):
    page = client_for(council_user).get(
        reverse("placements:orderclass_detail", args=[records["own"]["orderclass"].pk])
    )
    body = page.content.decode()
    assert records["own"]["student"].name not in body
    assert 'id="enrolments"' not in body


def _enrolment_args(records, side):
    from tests.placements.factories import OrderClassEnrolmentFactory, StudentFactory

    order_class = records[side]["orderclass"]
    enrolment = order_class.enrolments.first() or OrderClassEnrolmentFactory(
        order_class=order_class, student=StudentFactory(school=order_class.school)
    )
    return [order_class.pk, enrolment.pk]


# (url name, arguments of the own / the other organisation's record, roles that open their own
# organisation's record, roles for whom the other organisation's record is a 404)
ACTIONS_AND_FILES = [
    (
        "placements:orderclass_file",
        lambda r, side: [r[side]["orderclass"].pk, "agreement"],
        STAFF,
        {SCHOOL},
    ),
    (
        "placements:alignment_file",
        lambda r, side: [r[side]["orderclass"].alignments.get(aspect="objectives").pk, "document"],
        STAFF,
        {SCHOOL},
    ),
    ("placements:photo_file", lambda r, side: [r["own"]["photo"].pk, "image"], EVERYONE, set()),
    ("placements:orderclass_unenrol", _enrolment_args, {SEC, SCHOOL}, {SCHOOL}),
    (
        "placements:hire_decide",
        lambda r, side: [r[side]["placement"].pk, "confirm"],
        {SEC, HR},
        {HR},
    ),
]


@pytest.mark.parametrize(("name", "args", "allowed", "scoped"), ACTIONS_AND_FILES)
def test_files_and_confirmation_pages_per_role_and_organisation(
    request, client_for, records, name, args, allowed, scoped
):
    from django.core.files.base import ContentFile

    for side in ("own", "other"):
        order_class = records[side]["orderclass"]
        order_class.agreement.save("协议.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        alignment, _ = order_class.alignments.get_or_create(aspect="objectives")
        alignment.document.save("方案.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    own = reverse(name, args=args(records, "own"))
    assert client_for(None).get(own).status_code == 302
    for persona in EVERYONE:
        response = client_for(request.getfixturevalue(persona)).get(own)
        assert response.status_code == (200 if persona in allowed else 403), (
            persona,
            response.status_code,
        )
    for persona in scoped:
        other = reverse(name, args=args(records, "other"))
        assert client_for(request.getfixturevalue(persona)).get(other).status_code == 404, persona
