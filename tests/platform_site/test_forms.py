"""One form system (platform_site/forms.py, templates/forms/): labels above fields, optional
fields marked, help and errors tied to their fields, an error summary linking to them."""

import re

import pytest

from tests.factories import MembershipFactory, UserFactory
from tests.utils import text

pytestmark = pytest.mark.django_db


def field_markup(content, name):
    """The markup of one field's group: from its label (or legend) to its input."""
    match = re.search(
        rf'<(label|legend) class="field-label"( for="id_{name}")?>.*?</\1>.*?name="{name}"[^>]*>',
        content,
        re.S,
    )
    assert match, name
    return match.group(0)


def test_labels_come_before_their_fields_and_optional_ones_are_marked(client):
    client.force_login(UserFactory())
    content = text(client.get("/en/member/enterprise/new/"))
    title = field_markup(content, "title")
    assert title.startswith(
        '<label class="field-label" for="id_title">Name of the enterprise</label>'
    )
    assert "(optional)" not in title
    assert "(optional)" not in field_markup(content, "country")
    assert '<span class="optional">(optional)</span>' in field_markup(content, "summary")
    # Said once, before the first field: the unmarked fields are required.
    hint = content.index("Every field is required unless it is marked (optional).")
    assert hint < content.index('for="id_title"')


@pytest.mark.parametrize("path", ["/en/accounts/login/", "/en/technologies/"])
def test_a_form_without_optional_fields_says_nothing_of_them(client, path):
    assert "unless it is marked (optional)" not in text(client.get(path))


def test_a_submission_form_marks_the_fields_not_needed_for_review(client):
    member = MembershipFactory()
    client.force_login(member.user)
    content = text(client.get("/en/member/projects/new/"))
    assert "Needed to submit for review." not in content
    for needed in ("summary", "description", "country", "stage"):
        assert "(optional)" not in field_markup(content, needed), needed
    assert "(optional)" in field_markup(content, "location")
    # The sections are numbered and listed.
    assert "Section 1 of 5" in content and "Section 5 of 5" in content
    assert '<a href="#form-section-2">Where and how far</a>' in content


def test_help_text_is_tied_to_its_field(client):
    member = MembershipFactory()
    client.force_login(member.user)
    content = text(client.get("/en/member/projects/new/"))
    assert re.search(r'<input[^>]*name="images"[^>]*aria-describedby="id_images_helptext"', content)
    assert 'id="id_images_helptext"' in content


def test_a_form_of_optional_fields_marks_none(client):
    content = text(client.get("/en/technologies/"))
    assert "(optional)" not in content


def test_a_failed_submit_summarises_the_errors_and_marks_the_fields(client):
    client.force_login(UserFactory())
    response = client.post("/en/member/enterprise/new/", {"title": "Sol Verde Ltda"})
    assert response.status_code == 200
    content = text(response)
    summary = re.search(r'<div class="error-summary".*?</div>', content, re.S).group(0)
    assert 'tabindex="-1"' in summary and "data-error-summary" in summary
    assert "There is a problem" in summary
    assert '<a href="#id_country">This field is required.</a>' in summary
    assert 'src="/static/js/forms.js"' in content
    country = re.search(r'<select[^>]*name="country"[^>]*>', content).group(0)
    assert 'aria-invalid="true"' in country
    assert 'aria-describedby="id_country_error"' in country
    assert '<ul class="errorlist" id="id_country_error">' in content
    # A valid field is not marked invalid.
    assert "aria-invalid" not in re.search(r'<input[^>]*name="title"[^>]*>', content).group(0)


def test_a_checkbox_group_is_a_fieldset_described_by_its_error(client):
    member = MembershipFactory()
    client.force_login(member.user)
    content = text(
        client.post(
            "/en/member/projects/new/",
            {"title": "Idea", "stage": "concept", "investment_currency": "USD", "submit": ""},
        )
    )
    assert re.search(
        r'<fieldset class="field-group" aria-describedby="id_sectors_error">\s*'
        r'<legend class="field-label">Sectors</legend>',
        content,
    )
    assert '<a href="#id_sectors_0">Fill this in before submitting for review.</a>' in content


def test_the_contact_form_and_sign_up_use_the_error_summary(client):
    content = text(client.post("/en/contact/", {}))
    assert "There is a problem" in content and 'href="#id_name"' in content
    content = text(client.post("/en/accounts/signup/", {"email": "not an address"}))
    assert "There is a problem" in content and 'href="#id_email"' in content
