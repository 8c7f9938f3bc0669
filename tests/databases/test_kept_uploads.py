"""Images kept across a submission form sent back with errors (databases/kept_uploads.py), and
deleted once their form is abandoned."""

import re
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from databases import kept_uploads
from databases.models import Project, RecordImage
from tests.databases.test_member_area import member, png, project_data  # noqa: F401
from tests.factories import MembershipFactory
from tests.utils import text

pytestmark = pytest.mark.django_db


def kept_token(content):
    return re.search(r'name="kept_images" value="([^"]+)"', content).group(1)


def kept_cards(content):
    return re.findall(r'name="keep_images" value="([^"]+)"', content)


def post_incomplete(client, project_data):  # noqa: F811
    incomplete = {**project_data, "summary": "", "images": [png("a.png")], "submit": ""}
    response = client.post("/en/member/projects/new/", incomplete)
    assert response.status_code == 200
    return text(response)


def test_an_image_survives_a_failed_submit_and_joins_the_record(
    client,
    member,  # noqa: F811
    project_data,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client.force_login(member.user)
    content = post_incomplete(client, project_data)
    assert "Fill this in before submitting for review." in content
    assert not Project.objects.exists()
    # The page shows the image, ticked to be kept.
    cards = kept_cards(content)
    assert len(cards) == 1 and cards[0].startswith(kept_uploads.PREFIX)
    assert re.search(r'<img src="data:image/webp;base64,[^"]+" alt=""', content)
    assert default_storage.exists(cards[0])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/member/projects/new/",
            {
                **project_data,
                "kept_images": kept_token(content),
                "keep_images": cards,
                "submit": "",
            },
        )
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.status == "pending" and project.image.width == 80
    assert RecordImage.objects.about(project).count() == 1
    assert not project.image.name.startswith(kept_uploads.PREFIX)
    # The temporary files are gone once the record holds its own.
    assert not default_storage.exists(cards[0])


def test_an_unticked_kept_image_is_left_out(
    client,
    member,  # noqa: F811
    project_data,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client.force_login(member.user)
    content = post_incomplete(client, project_data)
    card = kept_cards(content)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/member/projects/new/",
            {**project_data, "kept_images": kept_token(content), "submit": ""},
        )
    assert response.status_code == 302
    assert not RecordImage.objects.exists() and not Project.objects.get().image
    assert not default_storage.exists(card)


def test_kept_images_stay_through_a_second_failure(client, member, project_data):  # noqa: F811
    client.force_login(member.user)
    content = post_incomplete(client, project_data)
    again = client.post(
        "/en/member/projects/new/",
        {
            **project_data,
            "description": "",
            "kept_images": kept_token(content),
            "keep_images": kept_cards(content),
            "images": [png("b.png")],
            "submit": "",
        },
    )
    assert len(kept_cards(text(again))) == 2


def test_a_kept_image_token_is_bound_to_its_member(client, member, project_data):  # noqa: F811
    client.force_login(member.user)
    content = post_incomplete(client, project_data)
    other = MembershipFactory()
    client.force_login(other.user)
    response = client.post(
        "/en/member/projects/new/",
        {
            **project_data,
            "kept_images": kept_token(content),
            "keep_images": kept_cards(content),
            "submit": "",
        },
    )
    assert response.status_code == 302
    assert not RecordImage.objects.exists()


def test_a_forged_token_keeps_nothing(client, member, project_data):  # noqa: F811
    client.force_login(member.user)
    content = post_incomplete(client, project_data)
    forged = kept_token(content)[:-2] + "xx"
    response = client.post(
        "/en/member/projects/new/",
        {**project_data, "kept_images": forged, "keep_images": kept_cards(content), "submit": ""},
    )
    assert response.status_code == 302
    assert not RecordImage.objects.exists()


def test_kept_images_of_abandoned_forms_are_deleted_hourly_once_their_token_expires(
    client,
    member,  # noqa: F811
    project_data,  # noqa: F811
    monkeypatch,
    settings,
    tmp_path,
):
    from django_celery_beat.models import PeriodicTask

    from databases import tasks

    schedule = PeriodicTask.objects.get(task="databases.tasks.discard_stale_kept_images")
    assert schedule.enabled and (schedule.interval.every, schedule.interval.period) == (1, "hours")

    settings.MEDIA_ROOT = tmp_path  # this test's files only: other tests share the test media
    client.force_login(member.user)
    content = post_incomplete(client, project_data)
    (card,) = kept_cards(content)
    kept = default_storage.listdir(kept_uploads.PREFIX)[1]
    assert len(kept) == 2  # the image's full and card renditions
    # Within a token's life the files stay: the form may still come back.
    assert tasks.discard_stale_kept_images() == 0
    assert default_storage.exists(card)

    later = timezone.now() + kept_uploads.MAX_AGE + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert tasks.discard_stale_kept_images() == 2
    assert default_storage.listdir(kept_uploads.PREFIX)[1] == []
    assert tasks.discard_stale_kept_images() == 0  # a second round finds nothing to do
