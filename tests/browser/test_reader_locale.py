"""A reader in Chinese and Hindi: SVG flags that load, amounts in their own words, and English
text that says it is English."""

import pytest
from playwright.sync_api import expect

from tests.factories import EventFactory, ProjectFactory, brazil, china

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("width", [390, 1366])
def test_flags_amounts_and_a_fallback_note(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    project = ProjectFactory(
        title="Floating solar plant", country=brazil(), investment_amount=5_000_000
    )
    event = EventFactory(title="BRICS Green Industry Forum", country=china())

    page.goto(f"{live_server.url}/zh-hans/projects/{project.slug}/")
    flag = page.locator("article .meta img.flag")
    expect(flag).to_have_attribute("alt", "")
    assert flag.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(page.locator(".fact-table")).to_contain_text("US$500万")
    expect(page.locator("h1")).to_have_attribute("lang", "en")
    expect(page.locator(".fallback-note")).to_have_text("以英文显示：暂无中文版本。")

    page.goto(f"{live_server.url}/hi/projects/")
    expect(page.locator(".card .facts")).to_contain_text("$50 लाख")

    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    expect(page.locator(".fallback-note")).to_have_count(0)
    # The flag sits in the line of text, no wider than a few characters.
    box = page.locator(".fact-table img.flag").bounding_box()
    assert 15 <= box["width"] <= 30 and box["height"] <= 24
