"""The portal's e-mails are plain text: what people typed arrives as typed."""

import pytest
from django.core import mail

from tests.factories import MembershipFactory, ProjectFactory, StaffFactory
from tests.utils import sign_in_staff

pytestmark = pytest.mark.django_db

TITLE = """Solar & Wind "A" <B> isn't 'C'"""
COMMENT = """Say "how much" & <when>: the 'area' isn't > 5 ha?"""


def test_a_review_decision_carries_the_title_and_the_comment_unescaped(
    client, django_capture_on_commit_callbacks
):
    member = MembershipFactory()
    project = ProjectFactory(
        enterprise=member.enterprise, owner=member.user, status="pending", title=TITLE
    )
    sign_in_staff(client, StaffFactory(role="Reviewer"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/databases/project/{project.pk}/review/",
            {"action": "request_changes", "comment": COMMENT},
        )

    (message,) = mail.outbox
    assert TITLE in message.subject
    assert TITLE in message.body and COMMENT in message.body
    for entity in ("&amp;", "&lt;", "&gt;", "&quot;", "&#x27;"):
        assert entity not in message.subject + message.body
