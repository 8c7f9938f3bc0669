"""The web side of the fault table on gunicorn (two sync workers), production settings:

- Redis stopped: pages are served uncached, each well under a second; sign-up is paused with the
  503 page; /healthz says "degraded"; a change committed meanwhile shows once Redis is back.
- PostgreSQL refusing connections: the 503 page with Retry-After in the address's language;
  the cached anonymous page is still served; a member's posted form comes back and, sent again
  once the database is back, is saved.
"""

import html
import http.cookiejar
import io
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from allauth.account.models import EmailAddress
from PIL import Image

from cms.models import SiteSettings
from databases.models import Project
from platform_site import cache as page_cache
from tests.factories import (
    CountryFactory,
    MembershipFactory,
    SectorFactory,
    TechnologyFactory,
    UserFactory,
)
from tests.faults.harness import Service, database_refusing_connections, free_port, wait_until

PASSWORD = "correct horse battery staple"
TOKEN = "fault-test-monitor"
KEY_PREFIX = "faults"


class Web(Service):
    """gunicorn serving the portal."""

    def __init__(self, env, log_dir):
        self.port = free_port()
        super().__init__(
            "web",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "platform_site.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                "--workers=2",
                "--access-logfile=-",
            ],
            env,
            log_dir,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self, timeout=60):
        super().start()
        wait_until(self._answers, timeout=timeout, what="gunicorn to answer")
        return self

    def _answers(self):
        try:
            return Browser(self).get("/healthz").status == 200
        except urllib.error.URLError:
            return False


class Response:
    def __init__(self, raw, seconds):
        self.status = raw.status
        self.headers = raw.headers
        self.text = raw.read().decode()
        self.seconds = seconds


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A browser without JavaScript: cookies kept, redirects not followed."""

    def __init__(self, web):
        self.web = web
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects()
        )

    def request(self, path, data=None, headers=None):
        request = urllib.request.Request(self.web.url + path, data=data, headers=headers or {})
        started = time.monotonic()
        try:
            raw = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            raw = error
        return Response(raw, time.monotonic() - started)

    def get(self, path, **headers):
        return self.request(path, headers=headers)

    def post(self, path, fields, files=()):
        """``fields``: [(name, value)]; ``files``: [(name, filename, bytes)], multipart then."""
        if not files:
            return self.request(path, urllib.parse.urlencode(fields).encode())
        boundary = uuid.uuid4().hex
        body = io.BytesIO()
        for name, value in fields:
            body.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, filename, content in files:
            body.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'.encode()
            )
            body.write(content + b"\r\n")
        body.write(f"--{boundary}--\r\n".encode())
        return self.request(
            path,
            body.getvalue(),
            {"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )

    def csrf_token(self, path):
        page = self.get(path)
        assert page.status == 200, (path, page.status)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]

    def log_in(self, email):
        token = self.csrf_token("/en/accounts/login/")
        response = self.post(
            "/en/accounts/login/",
            [("csrfmiddlewaretoken", token), ("login", email), ("password", PASSWORD)],
        )
        assert response.status == 302, response.text[:2000]


@pytest.fixture
def web(service_env, fault_logs, request):
    env = {
        **service_env,
        "DJANGO_SETTINGS_MODULE": "tests.faults.web_settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "CACHE_KEY_PREFIX": KEY_PREFIX,
        "HEALTHZ_TOKEN": TOKEN,
    }
    server = Web(env, fault_logs)
    try:
        yield server.start()
    finally:
        server.kill()
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            sys.stderr.write(f"\n----- web log -----\n{server.output()[-20000:]}\n")


@pytest.fixture
def same_cache(settings, redis):
    """This process writes to the web server's cache, as the web process of a publish would."""
    settings.CACHES = {
        "default": {
            "BACKEND": "platform_site.redis_cache.ResilientRedisCache",
            "LOCATION": redis.url,
            "KEY_PREFIX": KEY_PREFIX,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5, "retry_seconds": 1},
        }
    }


@pytest.fixture(autouse=True)
def site_settings(transactional_db):
    """Made here: the first page would make them, which changes the content (its version)."""
    return SiteSettings.get_solo()


def member_with_password():
    user = UserFactory(username="ana", email="ana@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return MembershipFactory(user=user)


def health(browser):
    return browser.get("/healthz", Authorization=f"Bearer {TOKEN}")


def hidden_fields(text):
    return [
        (html.unescape(name), html.unescape(value))
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', text)
    ]


def png():
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 80)).save(out, "PNG")
    return out.getvalue()


def test_redis_stopped_pages_stay_up_sign_up_pauses_and_changes_show_once_it_is_back(
    redis, web, same_cache
):
    technology = TechnologyFactory(title="Heliostat field controller")
    visitor = Browser(web)
    assert "Heliostat field controller" in visitor.get("/en/technologies/").text
    assert "Heliostat field controller" in visitor.get("/en/technologies/").text  # cached

    redis.stop()
    pages = ["/en/", "/en/technologies/", technology.get_absolute_url(), "/en/accounts/login/"]
    seconds = []
    for path in pages * 3:
        response = visitor.get(path)
        assert response.status == 200, path
        seconds.append(response.seconds)
    # No page waits for Redis: typically a tenth of a second each. The bounds leave room for a
    # CI machine whose two cores run other test processes too.
    assert statistics.median(seconds) < 1.0 and max(seconds) < 3.0, seconds
    report = health(visitor)
    assert report.status == 200
    assert '"status": "degraded"' in report.text
    assert '"cache": {"ok": false}' in report.text and '"broker": {"ok": false}' in report.text

    token = visitor.csrf_token("/en/accounts/signup/")
    signup = visitor.post(
        "/en/accounts/signup/",
        [
            ("csrfmiddlewaretoken", token),
            ("name", "Ana Souza"),
            ("email", "new@example.org"),
            ("password1", PASSWORD),
            ("password2", PASSWORD),
        ],
    )
    assert signup.status == 503
    assert signup.headers["Retry-After"] == "30"
    assert "This is paused for a few minutes" in signup.text

    # A publish while Redis is away: committed, its bump of the content version lost.
    technology.title = "Heliostat array controller"
    technology.save()

    redis.start()
    wait_until(lambda: '"status": "ok"' in health(visitor).text, what="Redis to be back")
    # The process that committed the change renews the version on its next use of the cache.
    time.sleep(1.1)
    page_cache.content_version()
    page = visitor.get("/en/technologies/")
    assert "Heliostat array controller" in page.text
    assert ">Heliostat field controller<" not in page.text


def test_postgresql_away_503_with_the_form_kept_and_the_cached_page_still_served(web):
    TechnologyFactory(title="Heliostat field controller")
    member = member_with_password()
    brazil = CountryFactory(iso2="BR", name="Brazil")
    solar = SectorFactory(code="solar-energy")
    visitor, ana = Browser(web), Browser(web)
    cached = visitor.get("/en/technologies/")
    assert cached.status == 200
    ana.log_in("ana@example.org")
    address = f"/en/member/projects/new/?enterprise={member.enterprise.pk}"
    token = ana.csrf_token(address)
    typed = [
        ("csrfmiddlewaretoken", token),
        ("title", 'Floating solar "Lagoa" <plant>'),
        ("summary", "A 20 MW floating solar plant.\r\nOn a reservoir & near a town."),
        ("country", str(brazil.pk)),
        ("stage", "financing"),
        ("sectors", str(solar.pk)),
        ("investment_currency", "USD"),
    ]

    with database_refusing_connections():
        again = visitor.get("/en/technologies/")
        uncached = visitor.get("/en/technologies/?sort=title")
        russian = visitor.get("/ru/technologies/?sort=title")
        dashboard = ana.get("/en/member/")
        posted = ana.post(address, typed, files=[("images", "plant.png", png())])
        report = health(visitor)

    assert (again.status, again.text) == (200, cached.text)
    for response in (uncached, russian, dashboard, posted):
        assert response.status == 503
        assert response.headers["Retry-After"] == "30"
        assert "Traceback" not in response.text
    assert "The site is briefly unavailable" in uncached.text
    assert '<html lang="ru"' in russian.text
    assert report.status == 503 and '"status": "unavailable"' in report.text
    assert hidden_fields(posted.text) == typed
    assert "The files you chose" in posted.text
    action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', posted.text)[1])
    assert action == address
    assert not Project.objects.exists()

    # "Try again" once the database is back: the same fields, posted as the browser would.
    resent = ana.post(action, hidden_fields(posted.text))
    assert resent.status == 302, resent.text[:2000]
    project = Project.objects.get()
    assert project.title == 'Floating solar "Lagoa" <plant>'
    assert project.summary == "A 20 MW floating solar plant.\r\nOn a reservoir & near a town."
