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


@pytest.fixture
def postgresql(db):
    """Skip a test of PostgreSQL full-text search when the suite runs on SQLite."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL full-text search")
