"""Pages rendered for a signed-in user, and the account and member areas, stay out of every
cache (platform_site.middleware.PrivatePagesMiddleware); anonymous public pages do not."""

import pytest
from django.test import override_settings

from tests.factories import MembershipFactory, ProjectFactory, TechnologyFactory, UserFactory

pytestmark = pytest.mark.django_db


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def member(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return membership


@pytest.mark.parametrize(
    "path",
    [
        "/en/member/",
        "/en/member/projects/new/",
        "/en/accounts/password/change/",
        "/en/accounts/email/",
        "/ru/projects/",
        "/en/",
        "/en/search/?q=solar",
        "/robots.txt",
    ],
)
def test_every_page_of_a_signed_in_user_is_private_and_not_stored(client, member, path):
    response = client.get(path)
    assert response.status_code == 200
    assert directives(response) == {"private", "no-store"}


def test_a_members_record_page_is_private_and_not_stored(client, member):
    project = ProjectFactory(enterprise=member.enterprise, owner=member.user, status="draft")
    response = client.get(f"/en/member/projects/{project.pk}/")
    assert response.status_code == 200
    assert directives(response) == {"private", "no-store"}


def test_a_views_own_no_store_is_kept(client, member):
    response = client.get("/en/contact/")
    assert {"no-store", "no-cache", "private"} <= directives(response)


@pytest.mark.parametrize("path", ["/en/accounts/login/", "/en/accounts/signup/", "/en/member/"])
def test_the_account_and_member_areas_are_not_stored_for_visitors_either(client, path):
    assert {"private", "no-store"} <= directives(client.get(path))


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=300)
def test_anonymous_public_pages_stay_cacheable(client, django_assert_num_queries):
    TechnologyFactory(title="Heliostat field controller")
    first = client.get("/en/technologies/")
    with django_assert_num_queries(0):
        second = client.get("/en/technologies/")
    for response in (first, second):
        assert not directives(response) & {"private", "no-store"}
    assert second.content == first.content


def test_signing_in_makes_the_next_pages_private(client):
    user = UserFactory()
    assert "no-store" not in directives(client.get("/en/projects/"))
    client.force_login(user)
    assert directives(client.get("/en/projects/")) == {"private", "no-store"}
