"""The client's initial content loaded by cms migration 0002."""

import datetime

import pytest

from cms import content_loader
from cms.models import CountryOverview, MinisterialMeeting, Page, SiteSettings

pytestmark = pytest.mark.django_db


def test_the_about_tree_has_its_children():
    about = Page.objects.get(parent=None, slug="about")
    assert about.path == "/about/" and about.published
    children = list(about.children.order_by("ordering").values_list("slug", flat=True))
    assert children == [
        "platform-profile",
        "organization-profile",
        "core-thought",
        "brics-partnir-innovation-center",
        "innovation-alliance",
        "cietc-branch",
    ]
    profile = about.children.get(slug="platform-profile")
    assert profile.path == "/about/platform-profile/"
    assert profile.body.startswith("<p>Guided by Xi Jinping Thought")
    assert "carbon peaking and carbon neutrality" in profile.body
    alliance = about.children.get(slug="innovation-alliance")
    assert alliance.body.count("<li>") == 4
    # Migration 0003 loads machine-made translations, flagged for review.
    assert profile.machine_translated


def test_five_country_overviews_are_linked_to_the_brics_members():
    overviews = CountryOverview.objects.select_related("country")
    assert sorted(overview.country.iso2 for overview in overviews) == ["BR", "CN", "IN", "RU", "ZA"]
    russia = CountryOverview.objects.get(country__iso2="RU")
    assert "<h2>BRICS Russia’s two main challenges" in russia.body
    assert all(overview.published and overview.body.startswith("<p>") for overview in overviews)


def meetings(series):
    return list(MinisterialMeeting.objects.filter(series=series).select_related("country"))


def test_the_industry_ministers_meetings_run_from_moscow_2015_to_2023():
    industry = meetings("industry")
    assert [meeting.number for meeting in industry] == [1, 2, 3, 4, 5, 6, 7]
    first, last = industry[0], industry[-1]
    assert first.date == datetime.date(2015, 10, 20)
    assert (first.city, first.country.iso2, first.by_video) == ("Moscow", "RU", False)
    assert first.theme == "BRICS Industrial Cooperation: New Opportunities for Growth"
    assert first.outcome_document == "BRICS Ministerial Declaration on Industry"
    assert last.date == datetime.date(2023, 8, 7) and last.by_video
    assert (
        last.outcome_document
        == "Joint Declaration of the 7th BRICS Conference of Industry Ministers"
    )
    third = industry[2]
    assert (third.city, third.country.iso2) == ("Magaliesburg", "ZA")
    fifth = industry[4]
    assert fifth.date_precision == "month" and fifth.date_label == "August 2021"


def test_the_communications_ministers_meetings_run_from_moscow_2015_to_cape_town_2023():
    communications = meetings("communications")
    assert [meeting.number for meeting in communications] == list(range(1, 10))
    first, last = communications[0], communications[-1]
    assert first.date.year == 2015 and first.date_label == "2015"
    assert (first.city, first.country.iso2) == ("Moscow", "RU")
    assert last.date == datetime.date(2023, 8, 4)
    assert (last.city, last.country.iso2, last.by_video) == ("Cape Town", "ZA", False)
    assert last.theme == "Achieving Universal Connectivity and Prospering the Digital Economy"
    assert [m.number for m in communications if m.by_video] == [6, 7, 8]


def test_site_settings_carry_the_slogan_and_contacts():
    site = SiteSettings.get_solo()
    assert "CLEAN AND BEAUTIFUL WORLD" in site.slogan
    assert "BEAUTIEUL" not in site.slogan
    assert site.phone_list == ["010-68200638", "010-68207966"]
    assert site.email_list == ["biandq@cietc.org.cn", "songxm@cietc.org.cn"]
    assert "Xiamen" in site.address


def test_loading_the_content_again_changes_nothing():
    counts = [
        Page.objects.count(),
        CountryOverview.objects.count(),
        MinisterialMeeting.objects.count(),
    ]
    content_loader.load_initial_content()
    assert [
        Page.objects.count(),
        CountryOverview.objects.count(),
        MinisterialMeeting.objects.count(),
    ] == counts
    assert SiteSettings.objects.count() == 1
