"""The statistics page: figures counted right on factory data, figures about fewer than five
records or members suppressed, accessible SVG charts and map with tables, a pinned query count."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache

from databases import statistics
from matchmaking.models import Introduction, IntroductionStatus, Outcome
from platform_site.cache import bump_content_version
from tests.factories import (
    EnterpriseFactory,
    ProjectFactory,
    SectorFactory,
    TalentFactory,
    TechnologyFactory,
    brazil,
    china,
    kazakhstan,
)
from tests.utils import LANGUAGE_CODES, text

pytestmark = pytest.mark.django_db


def table_rows(response, caption):
    """{name: figure} of the data table captioned ``caption``."""
    page = text(response)
    table = page[page.index(f'<caption class="visually-hidden">{caption}</caption>') :]
    table = table[: table.index("</table>")]
    return {
        re.sub(r"<[^>]+>", "", name).strip(): value.strip()
        for name, value in re.findall(
            r'<tr><th scope="row">(.*?)</th>(?:<td>[^<]*</td>)?<td class="number">(.*?)</td></tr>',
            table,
        )
    }


@pytest.fixture
def records():
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    wind = SectorFactory(code="wind-energy", name="Wind energy")
    cn, br = china(), brazil()
    kazakhstan()
    ProjectFactory.create_batch(
        6,
        country=cn,
        sectors=[solar],
        investment_amount=Decimal("1000000"),
        co2_reduction=Decimal("100"),
    )
    ProjectFactory.create_batch(3, country=br, sectors=[wind], investment_amount=Decimal("500"))
    ProjectFactory(country=cn, status="draft", investment_amount=Decimal("9999999"))
    TechnologyFactory.create_batch(5, country=br, sectors=[solar])
    TalentFactory.create_batch(2, country=cn)
    return {"solar": solar, "wind": wind}


def test_records_are_counted_by_database_country_and_sector(client, records):
    response = client.get("/en/statistics/")
    assert response.status_code == 200
    assert table_rows(response, "Records by database") == {
        "Technologies": "5",
        "Projects": "9",
        "Talents": "fewer than 5",
        "Enterprises": "0",
        "Service institutions": "0",
    }
    assert table_rows(response, "Records by country") == {"Brazil": "8", "China": "8"}
    assert table_rows(response, "Records by sector") == {
        "Solar energy": "11",
        "Wind energy": "fewer than 5",
    }


def test_investment_and_co2_are_summed_only_over_five_projects_or_more(client, records):
    response = client.get("/en/statistics/")
    assert table_rows(response, "Investment sought by country") == {
        "China": "US$6 million",
        "Brazil": "fewer than 5",
    }
    assert table_rows(response, "Expected CO₂ reduction by country") == {"China": "600 tCO₂e/yr"}
    assert "US$1,500" not in text(response)  # Brazil's three projects
    assert "9,999,999" not in text(response)  # the draft


def test_the_map_colours_brics_countries_by_their_records(client, records):
    response = client.get("/en/statistics/")
    page = text(response)
    assert table_rows(response, "Records by BRICS member and partner")["China"] == "8"
    assert table_rows(response, "Records by BRICS member and partner")["Kazakhstan"] == "0"
    assert re.search(r'<path d="M[^"]+" fill="#a3cfb3"[^>]*><title>China: 8</title>', page)
    assert '<title id="chart-map-title">' in page and '<desc id="chart-map-desc">' in page


def test_every_chart_is_an_svg_image_with_a_title_a_description_and_a_table(client, records):
    page = text(client.get("/en/statistics/"))
    charts = re.findall(r'<svg class="(?:chart|map)-svg"[^>]*>', page)
    assert len(charts) == 9  # the map and the charts with data (no fields, no SDGs here)
    for svg in charts:
        assert 'role="img"' in svg
        key = re.search(r'aria-labelledby="(chart-[\w-]+)-title', svg).group(1)
        assert f'<title id="{key}-title">' in page
        assert f'<desc id="{key}-desc">' in page
    assert page.count('<table class="data-table">') == 9 + 2  # and the two quality tables
    assert " style=" not in page  # the CSP allows no inline style


def test_introductions_under_five_members_are_suppressed(client):
    sector = SectorFactory()
    projects = ProjectFactory.create_batch(6, sectors=[sector])
    enterprises = EnterpriseFactory.create_batch(6)
    for project, enterprise in zip(projects, enterprises, strict=True):
        owner = EnterpriseFactory()
        project.enterprise = owner
        project.save()
        Introduction.objects.create(
            project=project,
            enterprise=enterprise,
            requesting_side="project",
            status=IntroductionStatus.ACCEPTED,
        )
    signed = Introduction.objects.all()[:2]
    Introduction.objects.filter(pk__in=[i.pk for i in signed]).update(
        outcome=Outcome.AGREEMENT, agreement_value_usd=Decimal("2500000")
    )
    page = text(client.get("/en/statistics/"))
    facts = dict(re.findall(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", page))
    assert facts["Introductions requested"] == "6"
    assert facts["Introductions accepted"] == "6"
    assert facts["Agreements signed"] == "fewer than 5"
    assert facts["Value of the agreements"] == "fewer than 5"
    assert "5 million" not in page


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_page_answers_in_every_language(client, records, lang):
    response = client.get(f"/{lang}/statistics/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in text(response)


def test_the_quality_is_read_from_the_stored_measurement(client):
    page = text(client.get("/en/statistics/"))
    assert "31 %" in page and "0.162" in page


def test_the_page_takes_a_fixed_number_of_queries(client, records, django_assert_num_queries):
    statistics.refresh()
    cache.clear()
    # The snapshot, the countries' names, the sectors', fields' and SDGs' names (3), the
    # introductions (1), the site chrome (2).
    with django_assert_num_queries(8):
        client.get("/en/statistics/")
    ProjectFactory.create_batch(5, country=china(), sectors=[records["wind"]])
    statistics.refresh()
    cache.clear()
    with django_assert_num_queries(8):
        client.get("/en/statistics/")


def test_counting_takes_a_fixed_number_of_queries(records, django_assert_num_queries):
    # 5 by country and 5 by country and sector (one each per database), 5 by sector, 2 by
    # technology field, 1 by SDG, 1 by stage, 2 of projects' sums (by country, by sector); the
    # content version is in the cache. Storing (update_or_create): the row's lookup and its
    # insert, each in a savepoint (2 + 2 + 2), and its reading back.
    with django_assert_num_queries(21 + 7):
        statistics.refresh()
    ProjectFactory.create_batch(5, country=china(), sectors=[records["wind"]])
    # Now the lookup and an update, in one savepoint.
    with django_assert_num_queries(21 + 5):
        statistics.refresh()


def test_a_change_is_counted_by_a_task_while_the_page_shows_the_last_count(
    client, records, django_capture_on_commit_callbacks
):
    first = client.get("/en/statistics/")  # the first count of a new installation: at once
    assert table_rows(first, "Records by database")["Projects"] == "9"
    assert "last counted on" in text(first)
    ProjectFactory.create_batch(2, country=china())
    bump_content_version()
    with django_capture_on_commit_callbacks(execute=True) as asked:
        shown = client.get("/en/statistics/")
    assert table_rows(shown, "Records by database")["Projects"] == "9"
    assert len(asked) == 1  # the task, which ran (eager in tests)
    with django_capture_on_commit_callbacks(execute=True) as asked_again:
        counted = client.get("/en/statistics/")
    assert table_rows(counted, "Records by database")["Projects"] == "11"
    assert asked_again == []


def test_pages_ask_for_one_count_at_a_time(client, records, django_capture_on_commit_callbacks):
    statistics.refresh()
    bump_content_version()
    with django_capture_on_commit_callbacks() as asked:  # not run: the task is under way
        client.get("/en/statistics/")
        client.get("/en/statistics/")
        client.get("/en/")
    assert len(asked) == 1
