"""The phone's menu button opens the menu with JavaScript and without, the filters fold on a
phone, and the desktop menu keeps to one row whatever the language.
(Sizes, overflow and tap targets of every page: test_accessibility.py.)"""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import DESKTOP, PHONE
from tests.factories import TechnologyFactory
from tests.utils import LANGUAGE_CODES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
