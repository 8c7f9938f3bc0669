"""A visitor in a real browser: language, databases, filters, paging, a record, search."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    EnterpriseFactory,
    ProjectFactory,
    SectorFactory,
    ServiceInstitutionFactory,
    TalentFactory,
    TechnologyFactory,
    brazil,
    china,
)

# serialized_rollback: each test starts with the taxonomies the migrations loaded, which the
# flush after the previous live-server test emptied.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# One unusual word per record, so searching a title's word finds exactly that record.
CODENAMES = [
    "Amaranth", "Baobab", "Cassowary", "Dugong", "Eland", "Fennec", "Gharial", "Hoatzin",
    "Ibex", "Jacana", "Kinkajou", "Lemur", "Margay", "Numbat", "Okapi", "Pangolin",
    "Quokka", "Rhea", "Saola", "Tapir", "Urial", "Vicuna", "Wombat", "Xerus",
    "Yapok", "Zorilla", "Aardwolf", "Bongo", "Caracal", "Dhole",
]  # fmt: skip


@pytest.fixture
def catalogue():
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    wind = SectorFactory(code="wind-energy", name="Wind energy")
    cn, br = china(), brazil()
    matching = [
        TechnologyFactory(title=f"{name} solar thermal collector", country=cn, sectors=[solar])
        for name in CODENAMES
    ]
    # Records that the two filters must leave out.
    TechnologyFactory(title="Offshore wind foundation", country=cn, sectors=[wind])
    TechnologyFactory(title="Solar dryer for grain", country=None, sectors=[solar])
    enterprise = EnterpriseFactory(title="Sertão Solar Ltda", country=br, sectors=[solar])
    ProjectFactory(title="Floating solar plant at Sobradinho", country=br, enterprise=enterprise)
    TalentFactory(title="Ana Souza", country=br)
    ServiceInstitutionFactory(title="Green Development Fund", country=cn)
    return matching


def test_a_visitor_browses_filters_pages_opens_and_finds_a_record(page, live_server, catalogue):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("link", name="中文").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))

    main_nav = page.get_by_role("navigation", name="Main")
    for title in ["Projects", "Talents", "Enterprises", "Service institutions", "Technologies"]:
        main_nav.get_by_role("link", name=title).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)

    filters = page.locator("form.filters")
    filters.get_by_label("BRICS member").check()
    filters.get_by_label("Solar energy").check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"brics=member"))
    expect(page).to_have_url(re.compile(r"sector=solar-energy"))
    expect(page.locator(".result-count")).to_have_text("30 technologies")
    expect(page.locator(".chip", has_text="Solar energy")).to_be_visible()

    page.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page).to_have_url(re.compile(r"sector=solar-energy"))
    expect(page.locator(".result-count")).to_have_text("30 technologies")
    cards = page.locator(".cards .card")
    expect(cards).to_have_count(6)

    cards.first.get_by_role("link").click()
    heading = page.get_by_role("heading", level=1)
    title = heading.inner_text()
    assert title in {record.title for record in catalogue}
    word = title.split()[0]

    page.get_by_role("searchbox", name="Search all databases").fill(word)
    page.get_by_role("searchbox", name="Search all databases").press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=" + word))
    technologies = page.locator("#results-technologies")
    expect(technologies.locator(".card")).to_have_count(1)
    technologies.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_the_language_switcher_keeps_the_page_and_its_filters(page, live_server, catalogue):
    page.goto(live_server.url + "/en/technologies/?sector=solar-energy&sort=title")
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/technologies/\?sector=solar-energy&sort=title$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Технологии")


def test_filters_fold_away_on_a_phone(page, live_server, catalogue):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/en/technologies/")
    expect(page.locator("#filters-heading")).to_be_hidden()
    page.locator(".filters-disclosure > summary").click()
    expect(page.locator("#filters-heading")).to_be_visible()
    no_horizontal_scroll = page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert no_horizontal_scroll


def test_a_visitor_sends_an_inquiry_and_a_rejected_form_keeps_what_was_typed(page, live_server):
    from cms.models import Inquiry

    country = brazil()
    page.goto(f"{live_server.url}/en/contact/")
    page.get_by_label("Name").first.fill("Ana Souza")
    page.get_by_label("E-mail address").fill("ana@example")
    page.get_by_label("Topic").select_option("partnership")
    message = "We look for a partner for a floating solar plant in Bahia."
    page.get_by_label("Message").fill(message)
    page.get_by_role("button", name="Send inquiry").click()

    # The wrong address is explained next to its field; everything typed is still there.
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Message")).to_have_value(message)
    expect(page.get_by_label("Name").first).to_have_value("Ana Souza")
    assert not Inquiry.objects.exists()

    page.get_by_label("E-mail address").fill("ana@example.org")
    page.get_by_label("Country").select_option(str(country.pk))
    page.get_by_role("button", name="Send inquiry").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your inquiry")
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.email, inquiry.country.iso2) == (
        "Ana Souza",
        "ana@example.org",
        "BR",
    )
    expect(page.locator("main")).to_contain_text(inquiry.reference)


def test_a_visitor_finds_upcoming_events_and_opens_one(page, live_server):
    from tests.factories import EventFactory

    EventFactory(title="BRICS Green Industry Forum", country=china(), place="Xiamen")
    page.goto(f"{live_server.url}/zh-hans/")
    page.locator("main").get_by_role("link", name="BRICS Green Industry Forum").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("BRICS Green Industry Forum")
    expect(page).to_have_url(re.compile(r"/zh-hans/events/green-forum-\d+/$"))
