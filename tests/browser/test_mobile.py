"""The public pages on a phone (390 px, and 320 px for overflow) and a desktop (1366 px) in
every language: no horizontal scrolling, tap targets of at least 24 × 24 px (44 px tall for
buttons), a menu button that opens the menu with JavaScript and without, and a desktop header
that stays compact whatever the language."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_admin_csp import pending_project  # noqa: F401 (a fixture)
from tests.factories import (
    EventFactory,
    ProjectFactory,
    SectorFactory,
    SuperUserFactory,
    TechnologyFactory,
    brazil,
    china,
)
from tests.utils import LANGUAGE_CODES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE, DESKTOP = 390, 1366
# px at 1366 wide: the tools' row and one row of menu (it was 206, then 165 in Russian and
# Portuguese when the menu took two rows).
HEADER_BUDGET = 130

OVERFLOW = "document.scrollingElement.scrollWidth <= window.innerWidth"

# Visible links, buttons and fields smaller than 24 × 24 px, and buttons under 44 px tall. A link
# inside a sentence is exempt (WCAG 2.5.8's inline exception); so is what is visually hidden.
SMALL_TARGETS = """() => {
  const found = [];
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  for (const element of document.querySelectorAll(selector)) {
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    if (element.closest(".visually-hidden")) continue;
    const box = element.getBoundingClientRect();
    if (element.tagName === "A") {
      const block = element.parentElement.closest("p, li, dd, td, address, label, .prose");
      if (block && block.textContent.trim() !== element.textContent.trim()) continue;
    }
    const isButton = element.tagName === "BUTTON" || element.classList.contains("button");
    if (box.width < 24 || box.height < (isButton ? 43.5 : 24)) {
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      found.push(`${element.outerHTML.slice(0, 90)} ${size}`);
    }
  }
  return found;
}"""


@pytest.fixture
def pages():
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    technology = TechnologyFactory(
        title="Perovskite tandem module", country=china(), sectors=[solar]
    )
    project = ProjectFactory(
        title="Floating solar plant", country=brazil(), sectors=[solar],
        technologies=[technology], investment_amount=5_000_000,
    )  # fmt: skip
    EventFactory(title="BRICS Green Industry Forum", country=china(), place="Xiamen")
    return [
        "",
        "technologies/",
        f"technologies/{technology.slug}/",
        f"projects/{project.slug}/",
        "search/?q=solar",
        "events/",
        "contact/",
        "accounts/login/",
    ]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_pages_fit_the_screen_and_their_targets_are_large_enough(
    browser, live_server, pages, language
):
    failures = {}
    for width in (320, PHONE, DESKTOP):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in pages:
            url = f"{live_server.url}/{language}/{path}"
            assert page.goto(url).status == 200, url
            if not page.evaluate(OVERFLOW):
                failures[f"{url} @{width}"] = "scrolls horizontally"
            if width != 320 and (small := page.evaluate(SMALL_TARGETS)):
                failures[f"{url} @{width}"] = small
        if width == DESKTOP:
            height = page.locator(".site-header").bounding_box()["height"]
            assert height <= HEADER_BUDGET, f"{language}: the header is {height} px tall"
        context.close()
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_menu_button_opens_and_closes_the_menu(browser, live_server, language):
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/technologies/")
    button = page.locator("button.menu-toggle")
    nav = page.locator("#main-nav")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    expect(page.locator("#languages")).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    expect(page.locator("#account-nav a").first).to_be_visible()
    expect(page.locator(f"#languages a[lang={language}]")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    expect(button).to_be_focused()

    button.click()
    button.click()
    expect(nav).to_be_hidden()

    # On a desktop the menu is always there and the button is not.
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    expect(button).to_be_hidden()
    expect(nav).to_be_visible()
    expect(page.locator("#languages")).to_be_visible()
    context.close()


def test_the_menu_opens_without_javascript(browser, live_server):
    context = browser.new_context(
        viewport={"width": PHONE, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/ru/technologies/")
    nav = page.locator("#main-nav")
    expect(nav).to_be_hidden()
    page.locator("a.menu-toggle").click()
    expect(nav).to_be_visible()
    nav.get_by_role("link", name="Проекты").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Проекты")
    # The filter panel is a disclosure, closed on a phone, that opens without a script.
    page.locator(".filters-disclosure > summary").click()
    expect(page.locator("#filters-heading")).to_be_visible()
    context.close()


def test_the_filters_are_open_on_a_desktop_and_folded_on_a_phone(browser, live_server):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/technologies/")
    expect(page.locator(".filters-disclosure")).to_have_attribute("open", "")
    expect(page.locator("#filters-heading")).to_be_visible()
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(f"{live_server.url}/en/technologies/")
    expect(page.locator("#filters-heading")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("path", ["/admin/", "/admin/review/", "review"])
def test_the_admin_fits_a_phone(staff_page, live_server, pending_project, path):  # noqa: F811
    if path == "review":
        path = f"/admin/databases/project/{pending_project.pk}/review/"
    page = staff_page(SuperUserFactory())
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.goto(f"{live_server.url}{path}").status == 200
    assert page.evaluate(OVERFLOW), page.evaluate("document.scrollingElement.scrollWidth")


@pytest.mark.parametrize("language", ["ru", "hi"])
def test_a_breadcrumbs_separator_stays_with_the_item_after_it(browser, live_server, language):
    technology = TechnologyFactory(
        title="Molten-salt thermal energy storage for industrial process heat in cement kilns"
    )
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/technologies/{technology.slug}/")
    # Each item after the first starts with its "›": its link begins on the item's first line.
    offsets = page.evaluate(
        """() => [...document.querySelectorAll('.breadcrumbs li + li')].map(item =>
            item.querySelector('a').getBoundingClientRect().top
            - item.getBoundingClientRect().top)"""
    )
    assert len(offsets) == 2 and all(abs(offset) < 4 for offset in offsets), offsets
    context.close()


@pytest.mark.parametrize("language", ["ru", "pt-br"])
def test_the_desktop_menu_keeps_to_one_row_and_folds_the_last_pages_under_more(
    browser, live_server, language
):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/technologies/")
    tops = page.evaluate(
        """() => [...document.querySelectorAll('#main-nav .container > ul > li')].map(
            item => Math.round(item.getBoundingClientRect().top))"""
    )
    assert len(set(tops)) == 1, tops
    more = page.locator(".nav-more summary")
    events = page.locator(".nav-more a[href$='/events/']")
    expect(events).to_be_hidden()
    more.focus()
    page.keyboard.press("Enter")
    expect(events).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(events).to_be_hidden()
    expect(more).to_be_focused()
    more.click()
    # A click elsewhere closes it (the footer's corner: the open list may cover the heading).
    page.locator("footer").click(position={"x": 2, "y": 2})
    expect(events).to_be_hidden()
    # On a phone the same pages are listed in the menu like the others.
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.locator("button.menu-toggle").click()
    expect(events).to_be_visible()
    expect(more).to_be_hidden()
    context.close()
