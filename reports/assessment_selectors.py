"""Reads of the member assessments and incentives of a year (the ``sources`` contract imports
them like the other apps' selectors). Each function runs one or two queries."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count

from .assessments import Assessment, AssessmentScore, AssessmentStatus, Incentive, IncentiveKind

DECIDED = (AssessmentStatus.APPROVED, AssessmentStatus.PUBLISHED)


def assessment_summary(year: int) -> dict:
    """The approved (or published) assessments of ``year``: grade per member, and the rows of
    the report's table by member kind and name."""
    assessments = (
        Assessment.objects.filter(year=year, status__in=DECIDED)
        .select_related("organization", "approved_at_meeting")
        .order_by("organization__kind", "organization__name")
    )
    rows = [
        {
            "organization_id": a.organization_id,
            "name": a.organization.name,
            "kind": a.organization.get_kind_display(),
            "indicators": f"{a.indicators_met} / {a.indicators_judged}",
            "indicator_score": a.indicator_score,
            "assessor_score": a.assessor_score,
            "total": a.total_score,
            "grade": a.grade,
            "grade_label": a.get_grade_display(),
            "meeting": a.approved_at_meeting.date if a.approved_at_meeting else None,
            "third_party": a.third_party_body,
            "published": a.status == AssessmentStatus.PUBLISHED,
        }
        for a in assessments
    ]
    return {"grades": {r["organization_id"]: r["grade"] for r in rows}, "rows": rows}


def incentive_summary(year: int) -> dict:
    """Support granted in ``year``: the grants (ids) and amounts per recipient and kind, and per
    kind (one query)."""
    grants = Incentive.objects.filter(granted_on__year=year).values_list(
        "pk", "recipient_id", "recipient__name", "kind", "amount", "assessment_id"
    )
    by_recipient: dict[int, dict[str, Decimal]] = {}
    ids: dict[int, set[int]] = {}
    names: dict[int, str] = {}
    by_kind = {kind: Decimal(0) for kind in IncentiveKind.values}
    justified = 0
    for pk, recipient, name, kind, amount, assessment in grants:
        names[recipient] = name
        kinds = by_recipient.setdefault(recipient, {})
        kinds[kind] = kinds.get(kind, Decimal(0)) + amount
        ids.setdefault(recipient, set()).add(pk)
        by_kind[kind] += amount
        if assessment is not None:
            justified += 1
    return {
        "by_recipient": by_recipient,
        "ids": {recipient: frozenset(grant_ids) for recipient, grant_ids in ids.items()},
        "grants": {recipient: len(grant_ids) for recipient, grant_ids in ids.items()},
        "names": names,
        "by_kind": by_kind,
        "justified": justified,
    }


def incentives_described(ids) -> list[dict]:
    """Grants of support: recipient, kind, date and amount in yuan (a figure's drill-down list;
    the figure counts the grants, its value adds up their amounts). One query."""
    rows = Incentive.objects.filter(pk__in=ids).values_list(
        "pk", "recipient__name", "kind", "granted_on", "amount"
    )
    kinds = dict(IncentiveKind.choices)
    return [
        {
            "pk": pk,
            "organisation": recipient,
            "record": str(kinds[kind]),
            "detail": granted_on.isoformat(),
            "yuan": amount,
        }
        for pk, recipient, kind, granted_on, amount in rows
    ]


def scores_given(
    assessment_ids: list[int], *, kind: str, assessor_id: int | None
) -> dict[int, int]:
    """Items already scored by one assessor (a member, or the office's departments when
    ``assessor_id`` is None), per assessment (one query)."""
    rows = (
        AssessmentScore.objects.filter(
            assessment_id__in=assessment_ids, assessor_kind=kind, assessor_id=assessor_id
        )
        .order_by()
        .values("assessment_id")
        .annotate(n=Count("pk"))
    )
    return {row["assessment_id"]: row["n"] for row in rows}
