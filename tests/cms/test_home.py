"""The home page: the five databases with live counts, the newest projects and technologies."""

import re

import pytest

from tests.factories import (
    RECORD_FACTORIES,
    ProjectFactory,
    TechnologyFactory,
)
from tests.utils import DATABASE_KEYS, card_titles, text

pytestmark = pytest.mark.django_db


def entry_counts(response):
    """{database title: count} of the entry points."""
    return dict(
        re.findall(r'<span class="name">(.*?)</span>\s*<strong>([\d,]+)</strong>', text(response))
    )


def test_home_page_answers_with_the_five_databases(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert entry_counts(response) == {
        "Technologies": "0",
        "Projects": "0",
        "Talents": "0",
        "Enterprises": "0",
        "Service institutions": "0",
    }
    for key in DATABASE_KEYS:
        assert f'href="/en/{key}/"' in text(response)


def test_home_page_counts_only_published_records(client):
    for index, key in enumerate(DATABASE_KEYS):
        RECORD_FACTORIES[key].create_batch(index + 1)
        RECORD_FACTORIES[key](status="draft")
        RECORD_FACTORIES[key](status="archived")

    assert entry_counts(client.get("/en/")) == {
        "Technologies": "1",
        "Projects": "2",
        "Talents": "3",
        "Enterprises": "4",
        "Service institutions": "5",
    }


def test_home_page_shows_the_newest_published_projects_and_technologies(client):
    for n in range(5):
        ProjectFactory(title=f"Project {n}")
        TechnologyFactory(title=f"Technology {n}")
    ProjectFactory(title="Draft project", status="draft")
    TechnologyFactory(title="Pending technology", status="pending")

    titles = card_titles(client.get("/en/"))

    assert titles == [
        "Project 4",
        "Project 3",
        "Project 2",
        "Project 1",
        "Technology 4",
        "Technology 3",
        "Technology 2",
        "Technology 1",
    ]


def test_home_page_search_form_points_to_the_search_page(client):
    content = text(client.get("/en/"))
    assert 'action="/en/search/"' in content
