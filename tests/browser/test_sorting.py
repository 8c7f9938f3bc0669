"""Sorting a list on a phone: the order applies as soon as it is chosen (static/js/lists.js),
and the "Sort" button, there for visitors without JavaScript, is hidden."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import TechnologyFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_choosing_an_order_reloads_the_list_sorted(page, live_server):
    for title, trl in [("Biogas digester", 4), ("Solar dryer", 9), ("Wind pump", 6)]:
        TechnologyFactory(title=title, trl=trl)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/en/technologies/?q=&page=1")

    sort = page.get_by_label("Sort by")
    expect(page.locator(".sort-form button")).to_be_hidden()
    sort.select_option("trl")

    expect(page).to_have_url(re.compile(r"sort=trl"))
    expect(page).not_to_have_url(re.compile(r"page="))
    expect(page.locator(".card h3")).to_have_text(["Solar dryer", "Wind pump", "Biogas digester"])
    # The page came back sorted with the focus where the visitor left it.
    expect(page.get_by_label("Sort by")).to_be_focused()
    expect(page.get_by_label("Sort by")).to_have_value("trl")

    page.get_by_label("Sort by").select_option("title")
    expect(page.locator(".card h3")).to_have_text(["Biogas digester", "Solar dryer", "Wind pump"])


def test_without_javascript_the_sort_button_sorts(browser, live_server):
    for title in ("Wind pump", "Biogas digester"):
        TechnologyFactory(title=title)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/en/technologies/")
    page.get_by_label("Sort by").select_option("title")
    page.locator(".sort-form").get_by_role("button", name="Sort").click()
    expect(page).to_have_url(re.compile(r"sort=title"))
    expect(page.locator(".card h3")).to_have_text(["Biogas digester", "Wind pump"])
    context.close()
