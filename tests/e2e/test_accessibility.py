"""Every page the URL sweep visits, for every demo role: axe-core in real Chromium, the layout on
a 390 px phone, and the Nu checker.

Each role walks the pages its audience may open (the same routes and URL arguments as
``tests/alliance/test_url_sweep.py``). axe-core (npm) runs in the rendered page with the WCAG 2.1
A and AA rules and fails on a serious or critical violation; the HTML the server sent is saved
and checked by the Nu HTML checker (vnu-jar from npm) in one JVM run per role, failing on any
error. htmx fragments (answers that are not a whole document) are checked
inside the page that loads them; downloads (PDF, Excel, CSV, JSON) are not pages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from alliance.access import view_access
from tests.alliance.test_url_sweep import (
    DEMO_USERNAMES,
    NOT_PAGES,
    _all_routes,
    _allowed,
    _sweep_config,
)

pytestmark = pytest.mark.e2e

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# On a phone: the page must not scroll sideways (tables scroll inside their own box), and no
# table cell may be squeezed under two characters' width while its text is longer than that.
PHONE_LAYOUT = """() => {
    const doc = document.documentElement;
    const narrow = [];
    for (const cell of document.querySelectorAll("td, th")) {
        const text = cell.textContent.trim();
        if (!cell.offsetParent || text.length <= 2) continue;
        const style = getComputedStyle(cell);
        const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (inner < 2 * parseFloat(style.fontSize)) narrow.push(text.slice(0, 12));
    }
    return {sideways: doc.scrollWidth > window.innerWidth + 1, width: doc.scrollWidth,
            narrow: narrow.slice(0, 3)};
}"""
RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
})"""
# axe-core's colour-contrast rule is half of every run (about 100 ms of 170 on a register
# list): it weighs each text element's colour against what lies behind it. A walk gives it only
# the visible text elements whose colour, font and the backgrounds behind them no earlier page
# of the walk showed — the same combination has the same ratio. The rest of the rules run on
# the whole page. A combination axe could not decide ("incomplete": an image or an overlap
# behind the text) is weighed again wherever it appears.
RUN_AXE_CONTRAST_ONCE = """async ({tags, seen}) => {
    const known = new Set(seen);
    const behind = element => {
        const layers = [];
        for (let node = element; node; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.backgroundImage !== "none") layers.push(style.backgroundImage);
            if (style.opacity !== "1") layers.push("opacity " + style.opacity);
            const colour = style.backgroundColor;
            if (colour === "rgba(0, 0, 0, 0)") continue;
            layers.push(colour);
            if (colour.startsWith("rgb(")) break;  // opaque: nothing further back shows
        }
        return layers.join(" > ");
    };
    const signature = element => {
        const style = getComputedStyle(element);
        return [element.tagName, element.matches(":disabled"), style.color, style.fontSize,
                style.fontWeight, style.textShadow, behind(element)].join(" | ");
    };
    const texts = new Set(document.querySelectorAll("input, select, textarea, button"));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        if (walker.currentNode.textContent.trim()) texts.add(walker.currentNode.parentElement);
    }
    // Marked and handed to axe in one task: an htmx swap cannot remove a marked element between.
    const fresh = new Map();
    for (const element of texts) {
        if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
        const key = signature(element);
        if (known.has(key) || fresh.has(key)) continue;
        fresh.set(key, element);
        element.setAttribute("data-contrast-new", "");
    }
    let contrast = {violations: [], incomplete: []};
    let weighed = fresh.size > 0;
    if (weighed) {
        try {
            contrast = await axe.run({include: [["[data-contrast-new]"]]}, {
                runOnly: {type: "rule", values: ["color-contrast"]},
                resultTypes: ["violations", "incomplete"],
                elementRef: true,
            });
        } catch (error) {
            // Every marked element left the page first: they are weighed where they show next.
            if (!String(error).includes("No elements found")) throw error;
            weighed = false;
        }
    }
    const undecided = new Set(contrast.incomplete.flatMap(r => r.nodes.map(n => n.element)));
    for (const [key, element] of fresh) {
        // weighed: still in the page (a swap during the run may take it) and decided
        if (weighed && element.isConnected && !undecided.has(element)) known.add(key);
        element.removeAttribute("data-contrast-new");
    }
    const result = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        rules: {"color-contrast": {enabled: false}},
        resultTypes: ["violations"],
    });
    result.violations.push(...contrast.violations);
    return {violations: result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => ({target: n.target})),
    })), seen: [...known]};
}"""


def _page_urls(users: dict) -> dict[str | None, list[str]]:
    """The GET pages each role (None: anonymous) may open, as the URL sweep finds them."""
    kwargs_for, post_only = _sweep_config()
    urls: dict[str | None, list[str]] = {username: [] for username in [None, *users]}
    for name, _route, entry in _all_routes():
        view_class = getattr(entry.callback, "view_class", None)
        if name in post_only or (view_class and "get" not in view_class.http_method_names):
            continue
        if NOT_PAGES.search(name):
            continue  # a file or data: downloading it checks nothing
        needs_kwargs = bool(entry.pattern.regex.groupindex)
        url = reverse(name, kwargs=kwargs_for[name]() if needs_kwargs else None)
        audience = view_access(entry.callback)
        for username in urls:
            if _allowed(audience, users.get(username)):
                urls[username].append(url)
    return urls


def _session_cookie(user, live_server) -> dict:
    """A logged-in session for ``user`` without the login form (four roles, one seed)."""
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def axe_context(browser):
    """A browser context whose every page has axe-core loaded. The pages keep their real
    Content-Security-Policy (an init script is not subject to it), and axe is compiled once for
    the context: a script tag added after each load cost about a fifth of the walk."""
    # Reduced motion, as a reader may ask of the system: the charts are drawn at once instead
    # of animating through a second of frames under axe and at every resize.
    context = browser.new_context(locale="zh-CN", viewport=DESKTOP, reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    return context


def _axe_violations(page, seen: set[str] | None = None) -> list[str]:
    """Serious and critical violations on the page. ``seen``: the colour combinations this walk
    has weighed already (updated), whose text the contrast rule skips."""
    if seen is None:
        violations = page.evaluate(RUN_AXE, WCAG_21_AA)["violations"]
    else:
        result = page.evaluate(RUN_AXE_CONTRAST_ONCE, {"tags": WCAG_21_AA, "seen": sorted(seen)})
        seen.update(result["seen"])
        violations = result["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def _phone_problems(page, where: str) -> list[str]:
    page.set_viewport_size(PHONE)
    try:
        return _phone_layout_problems(page, where)
    finally:
        page.set_viewport_size(DESKTOP)


def _phone_layout_problems(page, where: str) -> list[str]:
    """The layout checks on a page shown at phone width now."""
    layout = page.evaluate(PHONE_LAYOUT)
    problems = []
    if layout["sideways"]:
        problems.append(f"{where}: scrolls sideways on a phone ({layout['width']} px wide)")
    if layout["narrow"]:
        problems.append(f"{where}: table cells squeezed on a phone: {layout['narrow']}")
    return problems


def _vnu_errors(folder: Path) -> dict[str, list[str]]:
    """One JVM for every saved page: file name → its errors."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: run `make deps` (apt-get install default-jre-headless)")
    # One short run: the quick JIT compiler alone and the serial collector halve the JVM's CPU
    # time (10 s to 4.5 s for 150 pages); the quick compiler's frames need the larger stack.
    jvm = ["-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    run = subprocess.run(
        [java, *jvm, "-jar", str(VNU), "--format", "json", "--errors-only", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    # The report is the JSON document at the start of stderr (a Java warning may follow it).
    report, _end = json.JSONDecoder().raw_decode(run.stderr)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = Path(message.get("url", "")).name
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']} {message.get('extract', '')!r}"
        )
    return errors


# The pages each role walks, at the least: a walk that finds fewer has lost its routes.
MINIMUM_PAGES = {None: 3, "secretariat": 100, "hr": 40, "school": 40, "council": 40}


@pytest.mark.parametrize("username", [None, *DEMO_USERNAMES])
def test_every_page_is_accessible_and_valid_html(demo, live_server, browser, tmp_path, username):
    """One role per test, so that the walk shares the two test processes with the rest."""
    from members.models import User

    users = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES)}
    assert len(users) == len(DEMO_USERNAMES)
    urls = _page_urls(users)[username]
    failures: list[str] = []
    pages: dict[str, str] = {}  # saved file name → "url as role"
    # A folder of its own: the demo's uploads (PDFs, photos) go to tmp_path / "media".
    folder = tmp_path / "pages"
    folder.mkdir()
    context = axe_context(browser)
    if username is not None:
        context.add_cookies([_session_cookie(users[username], live_server)])
    page = context.new_page()
    colours: set[str] = set()
    for url in urls:
        try:
            response = page.goto(live_server.url + url)
        except PlaywrightError:
            continue  # a download (PDF, Excel, CSV) is not a page
        if (
            response.status != 200
            or response.request.redirected_from is not None
            or not response.headers.get("content-type", "").startswith("text/html")
        ):
            continue
        body = response.text()
        if not body.lstrip().lower().startswith("<!doctype html>"):
            continue
        where = f"{url} as {username or 'anonymous'}"
        name = f"{len(pages):04d}.html"
        (folder / name).write_text(body, encoding="utf-8")
        pages[name] = where
        # Both widths with one resize: a page opens at the width the last one ended on.
        if page.viewport_size == PHONE:
            failures += _phone_layout_problems(page, where)
            page.set_viewport_size(DESKTOP)
            failures += [f"{where}: {violation}" for violation in _axe_violations(page, colours)]
        else:
            failures += [f"{where}: {violation}" for violation in _axe_violations(page, colours)]
            page.set_viewport_size(PHONE)
            failures += _phone_layout_problems(page, where)
    context.close()
    assert len(pages) >= MINIMUM_PAGES[username], f"only {len(pages)} pages walked"
    for name, errors in sorted(_vnu_errors(folder).items()):
        failures += [f"{pages.get(name, name)}: HTML {error}" for error in errors]
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)


def test_the_walk_weighs_each_new_colour_combination_and_only_those(browser):
    """The contrast rule sees a combination first shown on a later page (even one hidden on an
    earlier page), and is spared a combination an earlier page passed."""
    pages = {
        "first": '<p style="color:#000;background:#fff">正文</p>'
        '<p style="display:none;color:#aaa;background:#fff">隐藏的浅灰字</p>',
        "second": '<p style="color:#000;background:#fff">正文</p>'
        '<p style="color:#aaa;background:#fff">浅灰字</p>',
        "third": '<p style="color:#000;background:#fff">正文</p>',
    }
    context = axe_context(browser)
    context.route(
        "http://walk.test/**",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><html lang="zh-CN"><head><title>页</title></head><body><main>'
            + pages[route.request.url.rsplit("/", 1)[-1]]
            + "</main></body></html>",
        ),
    )
    page = context.new_page()
    seen: set[str] = set()
    found = {}
    for name in pages:
        page.goto(f"http://walk.test/{name}")
        found[name] = _axe_violations(page, seen)
    context.close()
    assert found["first"] == []
    assert len(found["second"]) == 1 and found["second"][0].startswith("color-contrast (serious)")
    assert found["third"] == []
    # Black on white was weighed once, on the first page; #aaa once, on the second.
    assert len(seen) == 2
