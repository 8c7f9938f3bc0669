"""``make screenshots``: full-page screenshots of the main public, member and admin pages at 390 and
1366 px wide in the five languages, into ``var/screenshots/<lang>/<page>-<width>.png``, for review.

It serves the portal itself (``runserver`` on the database the environment names: the SQLite
database with the demo data that ``make run`` loads) unless ``SCREENSHOTS_URL`` names a portal
already running on that same database. Either way it signs in a demo member and a demo
administrator that it creates there (``screenshots-*@example.org``). Not a test: ``make test``
does not run it.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "var" / "screenshots"
WIDTHS = (390, 1366)
PASSWORD = "screenshots-only-password-4821"
MEMBER, ADMIN = "screenshots-member@example.org", "screenshots-admin@example.org"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_site.settings")
    import django

    django.setup()


def demo_account(email, **flags):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username=email.split("@")[0], defaults={"email": email, **flags}
    )
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def prepare():
    """The demo accounts, and the pages to take: {name: path under /<lang>/}."""
    from databases.models import Enterprise, Membership, Project, PublicationStatus
    from databases.models.membership import MemberRole, MembershipStatus
    from databases.registry import DATABASES

    member = demo_account(MEMBER)
    enterprise = Enterprise.objects.published().filter(verified=True).first()
    if enterprise is None:
        sys.exit("No verified enterprise: load the demo data first (make run does).")
    Membership.objects.update_or_create(
        user=member,
        enterprise=enterprise,
        defaults={"role": MemberRole.ADMINISTRATOR, "status": MembershipStatus.APPROVED},
    )
    demo_account(ADMIN, is_staff=True, is_superuser=True)

    public = {"home": ""}
    for database in DATABASES:
        public[database.key] = f"{database.key}/"
        record = database.model.objects.published().first()
        if record is not None:
            public[f"{database.key}-record"] = record.get_absolute_url().split("/", 2)[2]
    public |= {
        "search": "search/?q=solar",
        "contact": "contact/",
        "events": "events/",
        "statistics": "statistics/",
        "stories": "stories/",
        "data": "data/",
        "sign-in": "accounts/login/",
    }
    from cms.models import Story

    story = Story.objects.published().first()
    if story is not None:
        public["story"] = story.get_absolute_url().split("/", 2)[2]
    member_pages = {"dashboard": "member/", "project-form": "member/projects/new/"}
    admin_pages = {
        "admin-index": "/admin/",
        "admin-review-queue": "/admin/review/",
        "admin-projects": "/admin/databases/project/",
    }
    for database in DATABASES:
        if database.key in ("projects", "technologies"):
            record = database.model.objects.published().first()
            if record is not None:
                meta = database.model._meta
                admin_pages[f"admin-{database.key}-change"] = (
                    f"/admin/{meta.app_label}/{meta.model_name}/{record.pk}/change/"
                )
    pending = Project.objects.filter(status=PublicationStatus.PENDING).first()
    if pending is not None:
        admin_pages["admin-review"] = f"/admin/databases/project/{pending.pk}/review/"
    return public, member_pages, admin_pages


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def portal():
    if url := os.environ.get("SCREENSHOTS_URL"):
        yield url.rstrip("/")
        return
    port = free_port()
    OUT.mkdir(parents=True, exist_ok=True)
    log = (OUT / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "PUBLIC_PAGE_CACHE_SECONDS": "0"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            sys.exit("The portal did not start.")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def sign_in(context, url, email):
    page = context.new_page()
    page.goto(f"{url}/en/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    if "/accounts/login/" in page.url:
        sys.exit(f"Could not sign in {email} (is DJANGO_STAFF_MFA_REQUIRED=false?).")
    return page


def shoot(page, url, path, name, lang, width):
    target = OUT / lang / f"{name}-{width}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    response = page.goto(url + path)
    if response is None or response.status >= 400:
        print(f"  {response.status if response else '?'} {path}", file=sys.stderr)
    # A full-page capture does not scroll: cards off the first screen would stay unlaid-out
    # (content-visibility: auto) and lazy images unloaded, blank where a reader sees them.
    page.evaluate(
        """() => {
            document.querySelectorAll("img[loading=lazy]").forEach((img) => {
                img.loading = "eager";
            });
            document.querySelectorAll(".cards > li").forEach((card) => {
                card.style.contentVisibility = "visible";
            });
        }"""
    )
    # The load state was reached before the images turned eager: wait for them themselves.
    page.wait_for_function("() => [...document.images].every((img) => img.complete)")
    page.screenshot(path=target, full_page=True)


def main():
    from django.conf import settings
    from playwright.sync_api import sync_playwright

    setup_django()
    public, member_pages, admin_pages = prepare()
    languages = [code for code, _ in settings.LANGUAGES]
    with portal() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for width in WIDTHS:
            viewport = {"viewport": {"width": width, "height": 900}}
            visitor = browser.new_context(**viewport).new_page()
            member = sign_in(browser.new_context(**viewport), url, MEMBER)
            admin = sign_in(browser.new_context(**viewport), url, ADMIN)
            for lang in languages:
                print(f"{width} px, {lang}")
                for name, path in public.items():
                    shoot(visitor, url, f"/{lang}/{path}", name, lang, width)
                for name, path in member_pages.items():
                    shoot(member, url, f"/{lang}/{path}", name, lang, width)
                # The admin has no language prefix: it answers in the language cookie's.
                admin.context.add_cookies(
                    [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": url}]
                )
                for name, path in admin_pages.items():
                    shoot(admin, url, path, name, lang, width)
        browser.close()
    print(f"Screenshots in {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
