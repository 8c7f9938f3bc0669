"""Real-browser tests: Playwright drives Debian's Chromium against a live server.

Playwright cannot download its own browser here, so the system Chromium is launched through
``executable_path`` (``make browser-deps`` installs it and axe-core). Screenshots of failures
land in ``test-results/``.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.test import Client

from tests.utils import sign_in_staff, wait_until

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there (factories) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


class _InFlight:
    """The requests the live server is answering: its threads run in this process. Requests of
    Django's test client, in the test's own thread, are not counted (one that raised is never
    finished)."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()
        request_started.connect(self.started, dispatch_uid="browser-in-flight-started")
        request_finished.connect(self.finished, dispatch_uid="browser-in-flight-finished")

    def started(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:
                self.count += 1

    def finished(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:
                self.count -= 1


_in_flight = _InFlight()


@pytest.fixture(autouse=True)
def _no_request_in_flight(transactional_db):
    """Torn down after the test's browser pages closed and before the test database is
    emptied: a request still being answered (the browser went on loading) would hold row
    locks that the emptying TRUNCATE deadlocks on."""
    yield
    wait_until(lambda: _in_flight.count <= 0, timeout=15, what="the live server's requests")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run `make browser-deps`.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def axe_source():
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `make browser-deps`.")
    return AXE.read_text()


WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def axe(axe_source):
    """``axe(page)``: the WCAG 2.2 A and AA violations axe-core finds on the page as it is now
    (its context must bypass the CSP, which rightly refuses the injected script)."""

    def run(page):
        page.evaluate(axe_source)
        result = page.evaluate(
            # Only the violations are reported in full: the passes cost time and are not read.
            """tags => axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            })""",
            WCAG_22_AA,
        )
        return [
            {
                "rule": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "nodes": [node["target"] for node in violation["nodes"]][:5],
            }
            for violation in result["violations"]
        ]

    return run


@pytest.fixture
def sign_in_context(live_server):
    """``sign_in_context(context, user)``: signs a browser context in as ``user``.

    The session comes from the test client (for staff, ``tests.utils.sign_in_staff``: signed in
    with a second factor) and reaches the browser as its cookie, so the tests do not go through
    the log-in form; a change to how people sign in is made here.
    """

    def sign_in(context, user):
        client = Client()
        if user.is_staff:
            sign_in_staff(client, user)
        else:
            client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                    "httpOnly": True,
                    "sameSite": "Lax",
                }
            ]
        )
        return context

    return sign_in


@pytest.fixture
def audit(browser, axe, sign_in_context):
    """``audit(url, then=None)``: the WCAG 2.2 A and AA violations axe-core finds on ``url``, or on
    the page that ``then(page)`` leads to from it; ``audit.sign_in(user)`` signs the audit's
    browser context in."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def run(url, then=None):
        response = page.goto(url)
        assert response.status in (200, 404), url
        if then is not None:
            then(page)
        return axe(page)

    run.sign_in = lambda user: sign_in_context(context, user)
    yield run
    context.close()


@pytest.fixture
def staff_page(browser, browser_context_args, sign_in_context):
    """``staff_page(user)``: a page of a browser context of its own, signed in as ``user``."""
    contexts = []

    def sign_in(user):
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        return sign_in_context(context, user).new_page()

    yield sign_in
    for context in contexts:
        context.close()
