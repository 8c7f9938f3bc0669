"""axe-core audits of every public page type against WCAG 2.1 A and AA, in two languages."""

import json

import pytest

from databases import open_data
from tests.factories import (
    EnterpriseFactory,
    EventFactory,
    PolicyDocumentFactory,
    ProjectFactory,
    SectorFactory,
    ServiceInstitutionFactory,
    StoryFactory,
    TalentFactory,
    TechnologyFactory,
    brazil,
    china,
)

# serialized_rollback: each test starts with the taxonomies the migrations loaded, which the
# flush after the previous live-server test emptied.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "zh-hans"]


@pytest.fixture
def records():
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    enterprise = EnterpriseFactory(title="Sertão Solar Ltda", country=brazil(), sectors=[solar])
    technology = TechnologyFactory(
        title="Perovskite tandem module", country=china(), sectors=[solar], provider=enterprise
    )
    return {
        "technologies": technology,
        "projects": ProjectFactory(
            title="Floating solar plant", country=brazil(), enterprise=enterprise,
            technologies=[technology], investment_amount=5_000_000,
        ),
        "talents": TalentFactory(title="Ana Souza", country=brazil(), contact_consent=True,
                                 email="ana@example.org"),
        "enterprises": enterprise,
        "institutions": ServiceInstitutionFactory(title="Green Fund", country=china()),
    }  # fmt: skip


def page_paths(records):
    paths = ["", "search/?q=solar", "search/?q=", "technologies/?trl_min=x&sector=nope"]
    paths += ["about/", "about/platform-profile/", "countries/cn/", "meetings/", "contact/"]
    event = EventFactory(title="BRICS Green Industry Forum", country=china(), place="Xiamen")
    policy = PolicyDocumentFactory(title="Carbon peaking action plan", country=china())
    paths += ["events/", f"events/{event.slug}/", "events/?kind=party", "policies/"]
    paths += [f"policies/{policy.slug}/"]
    open_data.export_all()
    story = StoryFactory(countries=[china()], projects=[records["projects"]])
    paths += ["data/", "statistics/", "stories/", f"stories/{story.slug}/"]
    for key, record in records.items():
        paths += [f"{key}/", f"{key}/{record.slug}/"]
    return paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_wcag_violations(audit, live_server, records, language):
    failures = {}
    for path in page_paths(records):
        url = f"{live_server.url}/{language}/{path}"
        violations = audit(url)
        if violations:
            failures[url] = violations
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


def test_the_404_page_has_no_wcag_violations(audit, live_server, records):
    assert audit(f"{live_server.url}/en/technologies/no-such-record/") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_rejected_inquiry_form_has_no_wcag_violations(audit, live_server, language):
    def submit_a_wrong_address(page):
        page.locator("#id_email").fill("not an address")
        with page.expect_navigation():
            page.locator("form.contact-form button[type=submit]").click()
        assert page.locator(".errorlist").count() > 0

    assert audit(f"{live_server.url}/{language}/contact/", then=submit_a_wrong_address) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_account_pages_have_no_wcag_violations(audit, live_server, language):
    failures = {}
    for path in ["accounts/login/", "accounts/signup/", "accounts/password/reset/"]:
        url = f"{live_server.url}/{language}/{path}"
        violations = audit(url)
        if violations:
            failures[url] = violations
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_pages_have_no_wcag_violations(audit, live_server, language):
    from matchmaking import runs
    from matchmaking.models import Introduction
    from tests.factories import MembershipFactory

    solar = SectorFactory(code="solar-energy", name="Solar energy")
    member = MembershipFactory(enterprise__title="Sol Verde Ltda", enterprise__sectors=[solar])
    project = ProjectFactory(
        title="Floating solar plant", enterprise=member.enterprise, sectors=[solar]
    )
    partner = EnterpriseFactory(title="Sertão Solar Ltda", sectors=[solar])
    ProjectFactory(title="Solar school roofs", sectors=[solar])
    runs.run_inline("manual")
    Introduction.objects.create(
        project=project, enterprise=partner, requesting_side="project", status="accepted"
    )
    audit.sign_in(member.user, live_server.url)
    failures = {}
    for path in [
        "member/",
        "member/projects/new/",
        "member/technologies/new/",
        f"member/projects/{project.pk}/",
        f"member/projects/{project.pk}/edit/",
        "member/talents/new/",
        f"member/enterprises/{member.enterprise.pk}/edit/",
        "member/enterprise/new/",
        "member/enterprise/join/?q=solar",
    ]:
        url = f"{live_server.url}/{language}/{path}"
        violations = audit(url)
        if violations:
            failures[url] = violations
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)
