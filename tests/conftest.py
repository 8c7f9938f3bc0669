"""Fixtures shared by the whole suite."""

import pytest
from django.db import connection
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Each test starts in English: a request in another language leaves that language active
    in the thread, and modeltranslation writes ``title=`` to the active language's column."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _cold_taxonomy_choices():
    """Each test starts without the process's memoised filter choices (databases/choices.py)
    and taxonomy names of the search (databases/search_concepts.py)."""
    from databases import choices, search_concepts

    choices._memo.clear()
    search_concepts._memo.clear()


@pytest.fixture
def postgresql(db):
    """Skip a test of PostgreSQL full-text search when the suite runs on SQLite."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL full-text search")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests (the live-server browser tests) run last.

    They end with a flush that empties every table, the taxonomies loaded by the migrations
    included. pytest-django orders them last, but pytest-playwright's browser parametrization
    reorders the collection after it, so the order is restored here.
    """

    def transactional(item):
        marker = item.get_closest_marker("django_db")
        return "live_server" in getattr(item, "fixturenames", ()) or bool(
            marker and marker.kwargs.get("transaction")
        )

    items.sort(key=transactional)


@pytest.fixture
def admin_user(db):
    from tests.factories import SuperUserFactory

    return SuperUserFactory()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in as the log-in page would with a second factor."""
    from tests.utils import sign_in_staff

    return sign_in_staff(client, admin_user)


@pytest.fixture(autouse=True)
def _broker_not_known_down():
    """Each test starts without the process's memory of a broker failure in an earlier one
    (platform_site/celery.py stops publishing for a while after one)."""
    from platform_site import celery

    celery._broker_down_until = 0.0
