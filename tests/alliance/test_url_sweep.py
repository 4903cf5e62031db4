"""Walk every URL pattern: each must be in the hand-written access table and answer exactly the
audience the table gives it (``tests/alliance/access_policy.py``, from DESIGN §1).

Every view is classified by ``alliance.access.allow``; the table, not that declaration, is what
the sweep expects, so a view opened to the wrong roles fails here. Routes with URL parameters
take their arguments from ``KWARGS`` in ``tests/<app>/sweep.py`` (built from the demo data, so
that the HR and school demo accounts open objects of their own organisation); POST-only routes
are listed in ``POST_ONLY`` there and are only checked for refusal, since a successful POST
would change the data under the rest of the sweep.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from alliance.access import AUTHENTICATED, PUBLIC, view_access
from alliance.navigation import menus_for
from members.models import User
from tests.alliance import sweep as alliance_sweep
from tests.alliance.access_policy import POLICY
from tests.members import sweep as members_sweep
from tests.placements import sweep as placements_sweep
from tests.reports import sweep as reports_sweep
from tests.training import sweep as training_sweep

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = ["secretariat", "council", "hr", "school"]
SWEEP_MODULES = [alliance_sweep, members_sweep, training_sweep, placements_sweep, reports_sweep]


def _sweep_config():
    kwargs, post_only = {}, set()
    for module in SWEEP_MODULES:
        kwargs.update(getattr(module, "KWARGS", {}))
        post_only |= set(getattr(module, "POST_ONLY", ()))
    return kwargs, post_only


def _walk(resolver: URLResolver, prefix: str = "", namespace: str | None = None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns == "admin":
                continue  # Django's admin: superusers only, for maintenance (tested separately)
            yield from _walk(entry, prefix + str(entry.pattern), f"{ns}" if ns else None)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, prefix + str(entry.pattern), entry


def _all_routes():
    return list(_walk(get_resolver()))


def test_every_route_is_named_and_classified():
    unclassified = [
        route for name, route, entry in _all_routes() if view_access(entry.callback) is None
    ]
    unnamed = [route for name, route, entry in _all_routes() if not name]
    assert not unnamed, f"routes without a name: {unnamed}"
    assert not unclassified, f"routes not classified with alliance.access.allow: {unclassified}"


def test_the_access_table_lists_exactly_the_routes():
    names = {name for name, _route, _entry in _all_routes()}
    missing = sorted(names - POLICY.keys())
    stale = sorted(POLICY.keys() - names)
    assert not missing, f"routes with no line in tests/alliance/access_policy.py: {missing}"
    assert not stale, f"lines of tests/alliance/access_policy.py naming no route: {stale}"


def _is_login_redirect(response) -> bool:
    return response.status_code in (301, 302) and response["Location"].startswith(reverse("login"))


def _allowed(audience, user) -> bool:
    if audience == PUBLIC:
        return True
    if user is None:
        return False
    return audience == AUTHENTICATED or user.role in audience


# The sweep in parts, so that the two test processes share it: the routes of each of these
# namespaces, then every other route (the site, exchange, audit ...).
SWEEP_PARTS = ["members", "training", "placements", "reports", "api", "the rest"]


def _part_of(name: str) -> str:
    namespace = name.split(":", 1)[0] if ":" in name else ""
    return namespace if namespace in SWEEP_PARTS else "the rest"


def _demo_users() -> dict:
    users = {
        None: None,
        **{u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES)},
    }
    assert len(users) == 5
    return users


# Django's empty choice: a select must read 请选择 or 全部 instead (issue 13, item 6).
DJANGO_DASHES = "---------"

# Routes that answer a file or data, never a page: the open API (but its documentation page),
# the searchable selects' options, Excel exports and templates, uploads, published files. The
# accessibility walk leaves them out; the sweep checks that none of them answers a page.
NOT_PAGES = re.compile(r"^api:(?!browser$)|[:_](options|export|template|file|csv|xlsx|pdf|json)$")


@pytest.mark.parametrize("part", SWEEP_PARTS)
def test_each_route_answers_only_its_audience(demo, part):
    kwargs_for, post_only = _sweep_config()
    # One client per reader, logged in once: a log-in and log-out around every request cost
    # a quarter of the sweep.
    clients = {}
    for username, user in _demo_users().items():
        clients[username] = Client()
        if user:
            clients[username].force_login(user)
    users = _demo_users()
    failures, swept = [], 0
    for name, _route, entry in _all_routes():
        if _part_of(name) != part:
            continue
        swept += 1
        audience = POLICY[name]
        needs_kwargs = bool(entry.pattern.regex.groupindex)
        if needs_kwargs and name not in kwargs_for:
            failures.append(f"{name}: add its URL arguments to tests/<app>/sweep.py KWARGS")
            continue
        url = reverse(name, kwargs=kwargs_for[name]() if needs_kwargs else None)
        view_class = getattr(entry.callback, "view_class", None)
        is_post = name in post_only or (view_class and "get" not in view_class.http_method_names)
        for username, user in users.items():
            allowed = _allowed(audience, user)
            if is_post and allowed:
                continue
            client = clients[username]
            response = client.post(url) if is_post else client.get(url)
            ok = 200 <= response.status_code < 400 and not _is_login_redirect(response)
            if allowed and not ok:
                failures.append(
                    f"{name} {url} as {username}: expected access, got {response.status_code}"
                )
            if not allowed and ok:
                failures.append(
                    f"{name} {url} as {username}: expected refusal, got {response.status_code}"
                )
            if not allowed and response.status_code == 200:
                failures.append(f"{name} {url} as {username}: leaked a page")
            is_html = response.get("Content-Type", "").startswith("text/html")
            if ok and is_html and DJANGO_DASHES in response.content.decode():
                failures.append(f"{name} {url} as {username}: shows Django's {DJANGO_DASHES}")
            if ok and is_html and NOT_PAGES.search(name):
                failures.append(f"{name} {url} as {username}: a page, but NOT_PAGES skips it")
    assert swept, f"no route in {part}"
    assert not failures, "\n".join(failures)


def test_menus_link_only_to_pages_their_reader_may_open(demo):
    """Each menu link names a route the hand-written table opens to its reader; the sweep above
    proves every route answers exactly that table's readers, so no menu links to a refusal."""
    failures = []
    for username, user in _demo_users().items():
        if user is None:
            continue
        for _label, links in menus_for(user):
            for link in links:
                name = resolve(link.url).view_name
                if not _allowed(POLICY[name], user):
                    failures.append(f"menu of {username} links to {link.url} ({name})")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("username", DEMO_USERNAMES)
def test_admin_is_for_superusers_only(client, demo, username):
    client.force_login(User.objects.get(username=username))
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
