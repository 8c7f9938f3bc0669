"""The back office's own pages obey the Content-Security-Policy in a real browser: the home
with the work waiting, the review queue, a review page and the impact page use no inline style
or script that it refuses, and take their look from admin.css."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from databases.models import Project, RecordImage
from tests.factories import MembershipFactory, ProjectFactory, SuperUserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Chromium fires a securitypolicyviolation event for each refused inline style or script.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def png():
    out = io.BytesIO()
    Image.new("RGB", (320, 200), (30, 140, 80)).save(out, "PNG")
    return SimpleUploadedFile("plant.png", out.getvalue(), "image/png")


@pytest.fixture
def pending_project():
    member = MembershipFactory()
    published = ProjectFactory(enterprise=member.enterprise, owner=member.user)
    change = ProjectFactory(
        enterprise=member.enterprise,
        owner=member.user,
        status="pending",
        draft_of=published,
        title="Floating solar plant, second phase",
    )
    RecordImage.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        object_id=change.pk,
        image=png(),
        thumbnail=png(),
    )
    return change


def test_the_review_and_impact_pages_obey_the_csp(staff_page, live_server, pending_project):
    page = staff_page(SuperUserFactory())
    page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))

    for path in [
        "/admin/review/",
        "/admin/matchmaking/introduction/impact/",
        f"/admin/databases/project/{pending_project.pk}/review/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert page.url == f"{live_server.url}{path}"  # not sent to log in
        page.wait_for_load_state("load")
        assert page.evaluate("window.cspViolations") == [], path
        # The styles the pages had inline now come from admin.css.
        table = page.locator("table.wide-table").first
        assert table.evaluate("t => t.offsetWidth === t.parentElement.clientWidth"), path

    image = page.locator(".review-images img")
    assert image.evaluate("i => getComputedStyle(i).objectFit") == "cover"
    # The decisions are styled buttons, 44 px high, the publishing one apart from the others.
    buttons = page.locator(".review-decisions button")
    assert (
        buttons.evaluate_all("bs => bs.map(b => b.getBoundingClientRect().height >= 44)")
        == [True] * buttons.count()
    )
    publish = page.get_by_role("button", name="Publish")
    reject = page.get_by_role("button", name="Reject")
    colours = [b.evaluate("b => getComputedStyle(b).backgroundColor") for b in [publish, reject]]
    assert len(set(colours)) == 2 and "rgb(239, 239, 239)" not in colours  # not the native grey

    response = page.goto(f"{live_server.url}/admin/")
    assert response.status == 200
    page.wait_for_load_state("load")
    assert page.evaluate("window.cspViolations") == []
    card = page.locator(".work-card").first
    assert card.evaluate("c => getComputedStyle(c).borderLeftWidth") == "5px"
    expect(card).to_contain_text("Submissions to review")
    assert [text for text in console if "Content Security Policy" in text] == []
