"""Stories of cooperation: written and published in the admin, listed and shown to visitors
with only published records, on the home page with the headline figures."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.models import Story
from matchmaking.models import Introduction, Outcome
from tests.factories import (
    EnterpriseFactory,
    ProjectFactory,
    SectorFactory,
    StaffFactory,
    StoryFactory,
    SuperUserFactory,
    china,
)
from tests.utils import LANGUAGE_CODES, form_data, sign_in_staff, text

pytestmark = pytest.mark.django_db


def png(width=40, height=30):
    out = io.BytesIO()
    Image.new("RGB", (width, height), "green").save(out, "PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


def test_the_list_shows_published_stories_newest_first(client):
    StoryFactory(title="First")
    StoryFactory(title="Second")
    StoryFactory(title="Draft", published=False)
    page = text(client.get("/en/stories/"))
    assert page.index("Second") < page.index("First")
    assert "Draft" not in page


def test_without_stories_the_list_says_so_and_offers_a_next_step(client):
    response = client.get("/en/stories/")
    assert response.status_code == 200
    assert "No stories have been published yet." in text(response)
    assert 'href="/en/contact/"' in text(response)


def test_a_story_shows_its_countries_sectors_and_published_records(client):
    project = ProjectFactory(title="Solar irrigation in Hebei")
    hidden = ProjectFactory(title="Still a draft", status="draft")
    story = StoryFactory(
        countries=[china()],
        sectors=[SectorFactory(name="Solar energy")],
        projects=[project, hidden],
        enterprises=[EnterpriseFactory(title="Sun Pumps Ltd")],
    )
    page = text(client.get(f"/en/stories/{story.slug}/"))
    assert "China" in page and "Solar energy" in page
    assert f'href="/en/projects/{project.slug}/"' in page and "Sun Pumps Ltd" in page
    assert "Still a draft" not in page


def test_an_unpublished_or_unknown_story_is_a_404(client):
    story = StoryFactory(published=False)
    assert client.get(f"/en/stories/{story.slug}/").status_code == 404
    assert client.get("/en/stories/no-such-story/").status_code == 404
    assert client.get("/en/stories/?page=99").status_code == 404


def test_a_story_tells_the_outcome_of_its_introduction_but_not_its_value(client):
    story = StoryFactory()
    Introduction.objects.create(
        project=ProjectFactory(),
        enterprise=EnterpriseFactory(),
        requesting_side="project",
        status="accepted",
        outcome=Outcome.AGREEMENT,
        agreement_value_usd=1234567,
        story=story,
    )
    page = text(client.get(f"/en/stories/{story.slug}/"))
    assert "Agreement signed" in page
    assert "1,234,567" not in page and "1.2 million" not in page


def test_the_body_is_sanitised(client):
    story = StoryFactory(body='<p>Hello</p><script>alert(1)</script><a href="javascript:x">x</a>')
    story.refresh_from_db()
    assert "<script" not in story.body and "javascript:" not in story.body


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_story_is_shown_in_the_readers_language(client, lang):
    story = StoryFactory(title="Solar pumps")
    setattr(story, f"title_{lang.replace('-', '_')}", f"Solar pumps ({lang})")
    story.save()
    assert f"Solar pumps ({lang})" in text(client.get(f"/{lang}/stories/{story.slug}/"))


def staff(client, role):
    return sign_in_staff(client, SuperUserFactory() if role is None else StaffFactory(role=role))


@pytest.mark.parametrize("role", [None, "Secretariat editor", "Administrator"])
def test_staff_write_and_publish_a_story_with_a_checked_image(client, role):
    response = staff(client, role).post(
        "/admin/cms/story/add/",
        {
            "title_en": "Wind blades recycled",
            "slug": "wind-blades-recycled",
            "summary_en": "A recycler and a wind farm",
            "body_en": "<p>Told here.</p>",
            "published": "on",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "images-0-image": png(),
            "images-0-alt_en": "Blades stacked in a yard",
            "images-0-ordering": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    story = Story.objects.get(slug="wind-blades-recycled")
    assert story.published_at is not None
    image = story.images.get()
    assert image.image.name.endswith(".webp")  # re-encoded, metadata dropped


def test_a_reviewer_neither_writes_nor_publishes_stories(client):
    story = StoryFactory(published=False)
    reviewer = staff(client, "Reviewer")
    assert reviewer.get("/admin/cms/story/").status_code == 403
    assert reviewer.get("/admin/cms/story/add/").status_code == 403
    change = f"/admin/cms/story/{story.pk}/change/"
    assert reviewer.post(change, {"title_en": story.title, "published": "on"}).status_code == 403
    story.refresh_from_db()
    assert not story.published


def test_an_editor_unpublishes_a_story_but_cannot_delete_it(client):
    story = StoryFactory(published=True)
    editor = staff(client, "Secretariat editor")
    change = f"/admin/cms/story/{story.pk}/change/"
    # form_data posts the form back with its boxes unticked: "published" among them.
    assert editor.post(change, form_data(editor, change)).status_code == 302
    story.refresh_from_db()
    assert not story.published
    assert editor.get(f"/admin/cms/story/{story.pk}/delete/").status_code == 403
    editor.post(
        "/admin/cms/story/",
        {"action": "delete_selected", "_selected_action": [story.pk], "post": "yes"},
    )
    assert Story.objects.filter(pk=story.pk).exists()


def test_an_upload_that_is_not_an_image_is_refused(admin_client):
    response = admin_client.post(
        "/admin/cms/story/add/",
        {
            "title_en": "Bad image",
            "slug": "bad-image",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "images-0-image": SimpleUploadedFile("x.png", b"not an image", "image/png"),
            "images-0-alt_en": "Nothing",
            "images-0-ordering": "0",
        },
    )
    assert response.status_code == 200
    assert not Story.objects.filter(slug="bad-image").exists()


def test_the_home_page_shows_the_latest_stories_and_the_headline_figures(client):
    StoryFactory(title="A published story")
    ProjectFactory.create_batch(5)
    page = text(client.get("/en/"))
    assert "A published story" in page
    assert "The platform in figures" in page
    assert "<strong>5</strong> published records" in page
    assert "introductions accepted" in page  # plugged in by matchmaking
    assert 'href="/en/statistics/"' in page


def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    for _ in range(3):
        StoryFactory(countries=[china()])
    client.get("/en/stories/")  # the site chrome is cached from here on
    # The stories counted (paginator), a page of them, their countries, their images.
    with django_assert_num_queries(4):
        client.get("/en/stories/?page=1")
    StoryFactory.create_batch(3, countries=[china()])
    with django_assert_num_queries(4):
        client.get("/en/stories/?page=1")
