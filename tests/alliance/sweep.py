"""URL arguments and POST-only routes of the project package, for the URL sweep."""


def _demo_batch() -> dict:
    # A batch of the demo school account: it sees the page, other staff are sent to their own
    # imports (another user's batch looks like a missing one).
    from alliance.models import ImportBatch, ImportStatus
    from members.models import User

    batch, _created = ImportBatch.objects.get_or_create(
        register="school_figures",
        user=User.objects.get(username="school"),
        file_name="sweep.xlsx",
        defaults={"status": ImportStatus.INVALID, "message": "sweep"},
    )
    return {"pk": batch.pk}


def _api_records() -> dict:
    """The open API's record of each register opens the record its detail page opens."""
    from tests.members import sweep as members
    from tests.placements import sweep as placements
    from tests.training import sweep as training

    records = {}
    for module in (members, training, placements):
        for route, kwargs in module.KWARGS.items():
            namespace, name = route.split(":")
            if name.endswith("_detail"):
                records[f"api:{namespace}_{name}"] = kwargs
    return records


KWARGS: dict = {
    "exchange:batch": _demo_batch,
    "exchange:confirm": _demo_batch,
    **_api_records(),
}
POST_ONLY = {"logout", "set_language", "exchange:confirm", "two_factor_remove"}
