"""Every main page, in the five languages, on a phone (390 px, and 320 px for overflow) and a
desktop (1366 px, one page of each template): no horizontal scrolling, tap targets of at least
24 × 24 px (WCAG 2.2 AA 2.5.8) with primary actions 44 px tall, a compact desktop header, and
nothing axe-core finds against WCAG 2.2 A and AA.

Each page is loaded once per language and width and that one load is checked for everything (axe
runs at 390 px only: its rules do not depend on the width, and it is the slow part; 320 px is the
390 px load narrowed). Public pages are seen by a visitor, the member's pages by a member, the back
office by staff. Behaviours (the menu, the filters, a rejected form) have tests of their own.
"""

import json
import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from databases import open_data
from matchmaking import runs
from tests.browser.test_admin_csp import pending_project  # noqa: F401 (a fixture)
from tests.factories import (
    EnterpriseFactory,
    EventFactory,
    MembershipFactory,
    ProjectFactory,
    SectorFactory,
    ServiceInstitutionFactory,
    StoryFactory,
    SuperUserFactory,
    TalentFactory,
    TechnologyFactory,
    brazil,
    china,
)
from tests.utils import LANGUAGE_CODES

# serialized_rollback: each test starts with the taxonomies the migrations loaded, which the
# flush after the previous live-server test emptied.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE, DESKTOP, NARROWEST = 390, 1366, 320
# px at 1366 wide, on every public and member page: the tools' row and one row of menu (it was
# 206, then 165 in Russian and Portuguese when the menu took two rows).
HEADER_BUDGET = 130

OVERFLOW = "document.scrollingElement.scrollWidth <= window.innerWidth"

# Visible targets smaller than 24 × 24 px, and primary actions (the menu button, buttons that
# submit, links that look like buttons) under 44 px tall. WCAG 2.5.8's exceptions apply: a link
# inside a sentence is exempt, and so is a small target whose 24 px circle, centred on it, meets
# no other target nor another small target's circle. What is visually hidden is not a target.
SMALL_TARGETS = """() => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  const targets = [];
  for (const element of document.querySelectorAll(selector)) {
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    if (element.closest(".visually-hidden, .select2-hidden-accessible")) continue;
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (element.tagName === "A") {
      const block = element.parentElement.closest("p, li, dd, td, address, label, .prose, .help");
      if (block && block.textContent.trim() !== element.textContent.trim()) continue;
    }
    targets.push({element, box, x: box.left + box.width / 2, y: box.top + box.height / 2});
  }
  const small = targets.filter(({box}) => box.width < 24 || box.height < 24);
  const meets = (target, other) => {
    if (other.element.contains(target.element) || target.element.contains(other.element)) {
      return false;
    }
    if (small.includes(other) && Math.hypot(target.x - other.x, target.y - other.y) < 24) {
      return true;
    }
    const dx = Math.max(other.box.left - target.x, 0, target.x - other.box.right);
    const dy = Math.max(other.box.top - target.y, 0, target.y - other.box.bottom);
    return Math.hypot(dx, dy) < 12;
  };
  const found = [];
  const describe = ({element, box}) =>
    `${element.outerHTML.slice(0, 100)} ${Math.round(box.width)}×${Math.round(box.height)}`;
  for (const target of small) {
    if (targets.some(other => other !== target && meets(target, other))) {
      found.push(describe(target));
    }
  }
  const primary = ".menu-toggle, .button, button:not([type=button]), input[type=submit]";
  for (const target of targets) {
    // The admin's header keeps its small log-out and theme buttons: tools, not the page's actions.
    if (target.element.matches(primary) && !target.element.closest("#header")
        && target.box.height < 43.5) {
      found.push(describe(target));
    }
  }
  return [...new Set(found)];
}"""


@pytest.fixture
def pages(pending_project):  # noqa: F811
    """``({audience: [path]}, paths seen on a phone only)``: the pages each audience is shown;
    public and member paths follow the language prefix, the admin's are absolute (it answers in
    the language cookie's language)."""
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    member = MembershipFactory(enterprise__title="Sol Verde Ltda", enterprise__sectors=[solar])
    enterprise = EnterpriseFactory(title="Sertão Solar Ltda", country=brazil(), sectors=[solar])
    technology = TechnologyFactory(
        title="Perovskite tandem module", country=china(), sectors=[solar], provider=enterprise
    )
    records = {
        "technologies": technology,
        "projects": ProjectFactory(
            title="Floating solar plant", country=brazil(), enterprise=enterprise,
            sectors=[solar], technologies=[technology], investment_amount=5_000_000,
        ),
        "talents": TalentFactory(title="Ana Souza", country=brazil(), contact_consent=True,
                                 email="ana@example.org"),
        "enterprises": enterprise,
        "institutions": ServiceInstitutionFactory(title="Green Fund", country=china()),
    }  # fmt: skip
    ProjectFactory(title="Solar school roofs", enterprise=member.enterprise, sectors=[solar])
    EventFactory(title="BRICS Green Industry Forum", country=china(), place="Xiamen")
    StoryFactory(countries=[china()], projects=[records["projects"]])
    open_data.export_all()
    runs.run_inline("manual")
    public = ["", "search/?q=solar", "statistics/", "stories/", "data/", "contact/"]
    public += ["accounts/signup/", "accounts/login/"]
    for key, record in records.items():
        public += [f"{key}/", f"{key}/{record.slug}/"]
    technology_change = f"/admin/databases/technology/{technology.pk}/change/"
    pages = {
        "visitor": public,
        member.user: [
            "member/",
            f"member/enterprises/{member.enterprise.pk}/edit/",
            "member/projects/new/",
            "member/technologies/new/",
        ],
        SuperUserFactory(): [
            "/admin/",
            "/admin/review/",
            f"/admin/databases/project/{pending_project.pk}/review/",
            "/admin/databases/project/",
            f"/admin/databases/project/{records['projects'].pk}/change/",
            technology_change,
        ],
    }
    # To keep the matrix within its time, the desktop sees one page of each template: the
    # technologies' and projects' lists (their filters differ the most) and a project's page.
    phone_only = {f"{key}/" for key in ("talents", "enterprises", "institutions")}
    phone_only |= {f"{key}/{record.slug}/" for key, record in records.items() if key != "projects"}
    phone_only |= {"accounts/login/", "member/technologies/new/", technology_change}
    return pages, phone_only


def page_for(browser, sign_in_context, user, language, width, base_url):
    # The page's CSP rightly refuses injected scripts; the audit's context bypasses it.
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
    )
    if user != "visitor":
        sign_in_context(context, user)
    return context.new_page()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_page_fits_the_screen_has_large_targets_and_no_wcag_violations(
    browser, live_server, axe, sign_in_context, pages, language
):
    pages, phone_only = pages
    failures = {}
    for width in (PHONE, DESKTOP):
        for user, paths in pages.items():
            page = page_for(browser, sign_in_context, user, language, width, live_server.url)
            for path in paths:
                if width == DESKTOP and path in phone_only:
                    continue
                url = live_server.url + (path if path.startswith("/") else f"/{language}/{path}")
                problems = {}
                assert page.goto(url).status == 200, url
                if small := page.evaluate(SMALL_TARGETS):
                    problems["small targets"] = small
                if not page.evaluate(OVERFLOW):
                    problems["scrolls horizontally"] = width
                if width == DESKTOP and not path.startswith("/"):
                    height = page.locator(".site-header").bounding_box()["height"]
                    if height > HEADER_BUDGET:
                        problems["header height"] = height
                if width == PHONE:
                    if violations := axe(page):
                        problems["axe"] = violations
                    page.set_viewport_size({"width": NARROWEST, "height": 800})
                    if not page.evaluate(OVERFLOW):
                        problems["scrolls horizontally"] = NARROWEST
                    page.set_viewport_size({"width": PHONE, "height": 800})
                if problems:
                    failures[f"{url} @{width}"] = problems
            page.context.close()
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


def test_the_404_page_has_no_wcag_violations(audit, live_server):
    assert audit(f"{live_server.url}/en/technologies/no-such-record/") == []


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_rejected_inquiry_form_has_no_wcag_violations(audit, live_server, language):
    def submit_a_wrong_address(page):
        page.locator("#id_email").fill("not an address")
        with page.expect_navigation():
            page.locator("form.contact-form button[type=submit]").click()
        assert page.locator(".errorlist").count() > 0

    assert audit(f"{live_server.url}/{language}/contact/", then=submit_a_wrong_address) == []


def test_the_admin_widgets_are_named_and_the_language_tabs_still_switch(staff_page, live_server):
    technology = TechnologyFactory(title="Perovskite tandem module")
    page = staff_page(SuperUserFactory())
    page.goto(f"{live_server.url}/admin/databases/technology/{technology.pk}/change/")
    # static/js/admin.js, under the CSP: select2's comboboxes are named by their label.
    expect(page.get_by_role("combobox", name=re.compile(r"^Owner"))).to_be_visible()
    expect(page.locator("#modeltranslation-main-switch")).to_have_attribute(
        "aria-label", "Language of the translated fields"
    )
    # The tabs' links lost their href: a click and the arrow keys still switch the language.
    russian = page.locator("li[aria-controls=tab_id_title_ru]")
    russian.click()
    expect(page.locator("#id_title_ru")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(page.locator("li[aria-controls=tab_id_title_pt_br]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#id_title_pt_br")).to_be_visible()
