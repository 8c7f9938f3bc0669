"""Impossible dates in an admin change list's date hierarchy are bad lookups, not server errors
(platform_site/admin_changelist.py)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import SuperUserFactory
from tests.utils import sign_in_staff

pytestmark = pytest.mark.django_db

OUR_APPS = {"databases", "cms", "matchmaking", "platform_site"}
HIERARCHIES = sorted(
    (model._meta.label, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model_admin.date_hierarchy and model._meta.app_label in OUR_APPS
)

IMPOSSIBLE = [
    {"year": "99999999999"},
    {"year": "9" * 40},
    {"year": "-99999999999"},
    # The last year datetime holds: its end is out of range.
    {"year": "9999"},
    {"year": "9999", "month": "12"},
    {"year": "9999", "month": "12", "day": "31"},
    {"year": "2024", "month": "9" * 40},
    {"year": "2024", "month": "2", "day": "99999999999999999999"},
    # Already refused by Django: the same answer.
    {"year": "2024", "month": "13"},
]


def test_the_date_hierarchies_under_test():
    assert {"databases.Project", "cms.Event", "cms.Inquiry"} <= {label for label, _ in HIERARCHIES}


@pytest.mark.parametrize(("label", "model_admin"), HIERARCHIES, ids=[h[0] for h in HIERARCHIES])
@pytest.mark.parametrize("date", IMPOSSIBLE, ids=lambda date: "-".join(date.values())[:30])
def test_an_impossible_date_redirects_like_any_bad_lookup(client, label, model_admin, date):
    sign_in_staff(client, SuperUserFactory())
    opts = model_admin.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    query = {f"{model_admin.date_hierarchy}__{part}": value for part, value in date.items()}

    response = client.get(url, query)

    assert response.status_code == 302
    assert response["Location"] == f"{url}?e=1"


@pytest.mark.parametrize(("label", "model_admin"), HIERARCHIES, ids=[h[0] for h in HIERARCHIES])
def test_a_possible_date_still_filters(client, label, model_admin):
    sign_in_staff(client, SuperUserFactory())
    opts = model_admin.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    field = model_admin.date_hierarchy
    response = client.get(url, {f"{field}__year": "9998", f"{field}__month": "12"})
    assert response.status_code == 200
