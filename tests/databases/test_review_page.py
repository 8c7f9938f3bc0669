"""The review page reads well: amounts with the reader's separators, images as previews (not
their file paths), the attachment as a link, and the decisions as buttons styled by what they do."""

import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import MembershipFactory, ProjectFactory, StaffFactory
from tests.utils import sign_in_staff, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(client):
    sign_in_staff(client, StaffFactory(role="Reviewer"))
    return client


def stored(name):
    return default_storage.save(name, ContentFile(b"file"))


@pytest.fixture
def change():
    """A proposed change to a published project: a larger amount and a new image."""
    member = MembershipFactory()
    published = ProjectFactory(
        enterprise=member.enterprise,
        investment_amount=Decimal("5000000.00"),
        co2_reduction=Decimal("1200.5"),
        image=stored("records/project/before.webp"),
    )
    return ProjectFactory(
        enterprise=member.enterprise,
        owner=member.user,
        status="pending",
        draft_of=published,
        investment_amount=Decimal("7500000.00"),
        co2_reduction=Decimal("1200.5"),
        image=stored("records/project/after.webp"),
        attachment=stored("records/project/plan.pdf"),
    )


def review_page(client, record, **headers):
    response = client.get(f"/admin/databases/project/{record.pk}/review/", **headers)
    assert response.status_code == 200
    return text(response)


def test_amounts_read_with_thousands_separators(reviewer, change):
    page = review_page(reviewer, change)
    assert "5,000,000" in page and "7,500,000" in page
    assert "1,200.5" in page
    assert "5000000" not in page and "7500000.00" not in page


def test_amounts_follow_the_readers_language(reviewer, change):
    page = review_page(reviewer, change, HTTP_ACCEPT_LANGUAGE="ru")
    assert "7\xa0500\xa0000" in page or "7&nbsp;500&nbsp;000" in page
    assert "1\xa0200,5" in page or "1&nbsp;200,5" in page


def test_images_are_previews_and_files_links(reviewer, change):
    page = review_page(reviewer, change)
    previews = re.findall(r'<img src="([^"]+)"[^>]*class="review-image-preview"', page)
    assert previews == [change.draft_of.image.url, change.image.url]
    assert all(url.startswith("/media/") for url in previews)
    assert f'<a href="{change.attachment.url}">Attachment (PDF)</a>' in page
    # No file path stands as text in the comparison.
    comparison = page.split('class="wide-table review-comparison"')[1].split("</table>")[0]
    assert "records/project/after" not in re.sub(r'(src|href)="[^"]*"', "", comparison)


def test_the_decisions_are_styled_by_what_they_do(reviewer, change):
    page = review_page(reviewer, change)
    buttons = re.findall(r'<button type="submit" name="action" value="(\w+)" class="([^"]+)"', page)
    assert buttons == [
        ("start_review", "review-button review-button-secondary"),
        ("publish", "review-button review-button-primary"),
        ("request_changes", "review-button review-button-secondary"),
        ("reject", "review-button review-button-danger"),
    ]
    assert 'style="' not in page
