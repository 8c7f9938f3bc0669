"""The machinery's own models (log-in lock-outs, beat's schedules, allauth's and reversion's
rows) are for superusers only: no staff role lists them or opens them, and each role keeps the
models its work needs."""

import pytest
from django.contrib.auth.models import Group, Permission

from tests.factories import StaffFactory, SuperUserFactory
from tests.utils import sign_in_staff

pytestmark = pytest.mark.django_db

TECHNICAL = [
    "axes/accessattempt",
    "axes/accessfailurelog",
    "axes/accesslog",
    "django_celery_beat/periodictask",
    "django_celery_beat/intervalschedule",
    "django_celery_beat/crontabschedule",
    "django_celery_beat/solarschedule",
    "django_celery_beat/clockedschedule",
    "account/emailaddress",
    "mfa/authenticator",
]
ROLES = ["Secretariat editor", "Reviewer", "Administrator"]

# What each role needs in its menu (app label/model name).
NEEDED = {
    "Secretariat editor": [
        "cms/page",
        "cms/inquiry",
        "databases/project",
        "matchmaking/introduction",
    ],
    "Reviewer": ["databases/project", "databases/enterprise", "databases/membership"],
    "Administrator": [
        "auth/user",
        "auth/group",
        "platform_site/auditevent",
        "platform_site/outgoingemail",
        "databases/membership",
        "matchmaking/weightset",
        "cms/sitesettings",
    ],
}


def menu(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return {
        f"{app['app_label']}/{model['object_name'].lower()}"
        for app in response.context["app_list"]
        for model in app["models"]
    }


@pytest.mark.parametrize("role", ROLES)
def test_staff_roles_neither_see_nor_open_the_technical_models(client, role):
    sign_in_staff(client, StaffFactory(role=role))
    listed = menu(client)
    assert not listed & set(TECHNICAL)
    assert set(NEEDED[role]) <= listed
    for model in TECHNICAL:
        assert client.get(f"/admin/{model}/").status_code == 403, model
        assert client.get(f"/admin/{model}/add/").status_code == 403, model
    assert client.get("/admin/axes/").status_code == 404  # the app's index is not theirs either


def test_a_group_given_their_permissions_still_does_not_open_them(client):
    staff = StaffFactory(role="Administrator")
    group = Group.objects.create(name="Operators")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["axes", "django_celery_beat"])
    )
    staff.groups.add(group)
    sign_in_staff(client, staff)
    assert not menu(client) & set(TECHNICAL)
    assert client.get("/admin/django_celery_beat/periodictask/").status_code == 403
    assert client.get("/admin/axes/accessattempt/").status_code == 403


def test_no_role_holds_their_permissions():
    technical = {model.split("/")[0] for model in TECHNICAL}
    held = Permission.objects.filter(group__name__in=ROLES, content_type__app_label__in=technical)
    assert list(held) == []


def test_superusers_see_and_open_them(client):
    sign_in_staff(client, SuperUserFactory())
    assert set(TECHNICAL) <= menu(client)
    for model in TECHNICAL:
        assert client.get(f"/admin/{model}/").status_code == 200, model
