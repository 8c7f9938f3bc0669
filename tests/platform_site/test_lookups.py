"""Integers no column can hold match nothing in ``in`` lookups, as in ``exact`` ones, instead
of reaching the database (SQLite cannot bind them: a server error under `make run`)."""

import pytest

from databases.models import Project, Sector
from tests.factories import MembershipFactory, SectorFactory
from tests.utils import text

pytestmark = pytest.mark.django_db

HUGE = 10**30


def test_an_in_lookup_leaves_out_the_integers_no_column_holds():
    sector = SectorFactory()
    queryset = Sector.objects.filter(pk__in=[sector.pk, HUGE, -HUGE])
    _sql, params = queryset.query.sql_with_params()
    assert HUGE not in params and -HUGE not in params
    assert list(queryset) == [sector]


def test_only_impossible_values_match_nothing():
    SectorFactory()
    assert not Sector.objects.filter(pk__in=[HUGE]).exists()
    assert not Project.objects.filter(sectors__in=[HUGE]).exists()


def test_a_member_form_with_an_impossible_sector_is_a_form_error(client):
    member = MembershipFactory()
    client.force_login(member.user)
    response = client.post(
        "/en/member/projects/new/", {"title": "Plant", "sectors": [str(HUGE)], "save": ""}
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in text(response)
    assert not Project.objects.exists()
