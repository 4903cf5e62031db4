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
    from tests.reports import sweep as reports
    from tests.training import sweep as training

    records = {}
    for module in (members, training, placements, reports):
        for route, kwargs in module.KWARGS.items():
            namespace, name = route.split(":")
            if name.endswith("_detail"):
                records[f"api:{namespace}_{name}"] = kwargs
    return records


def _demo_link(internship=None) -> tuple:
    # An open link for a demo internship (by default one of the demo school at the demo HR's
    # enterprise). A new link for the same record replaces the open one, so the routes that
    # need a link each take their own internship.
    from alliance import signed_links
    from members.models import User
    from tests.placements.sweep import _internship

    return signed_links.issue(
        purpose=signed_links.PURPOSES["internship"],
        obj=internship or _internship(),
        recipient="master@example.com",
        user=User.objects.get(username="secretariat"),
        send=False,
    )


def _another_internship():
    from placements.models import Internship
    from tests.placements.sweep import _internship

    return Internship.objects.exclude(pk=_internship().pk).order_by("pk").first()


KWARGS: dict = {
    "exchange:batch": _demo_batch,
    "exchange:confirm": _demo_batch,
    **_api_records(),
    "signed_link": lambda: {"token": _demo_link()[1].rstrip("/").rsplit("/", 1)[-1]},
    "signed_link_issue": lambda: {"purpose": "internship", "pk": _another_internship().pk},
    "signed_link_revoke": lambda: {"pk": _demo_link(_another_internship())[0].pk},
}
POST_ONLY = {
    "logout",
    "set_language",
    "exchange:confirm",
    "two_factor_remove",
    "signed_link_revoke",
}
