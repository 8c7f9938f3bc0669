"""The audit trail of staff actions: what is recorded, by whom and from where, that nobody
changes or deletes it, that Administrators browse and filter it, and that it is kept for the
configured period."""

import re
from datetime import timedelta

import pytest
import reversion
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from databases.transitions import transition
from platform_site.models import AuditEvent
from platform_site.tasks import prune_audit_trail
from tests.factories import (
    MembershipFactory,
    ProjectFactory,
    StaffFactory,
    SuperUserFactory,
    TalentFactory,
    UserFactory,
)
from tests.utils import form_data, sign_in_staff, text, totp

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chromium/156"


def events(action):
    return list(AuditEvent.objects.filter(action=action))


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


# Sign-ins ---------------------------------------------------------------------------------------


def test_a_staff_sign_in_is_recorded_with_its_address_and_browser(client):
    staff = verified(StaffFactory(role="Reviewer"))
    client.post(
        "/en/accounts/login/",
        {"login": staff.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.4",
        HTTP_USER_AGENT=BROWSER,
    )
    client.post(
        "/en/accounts/2fa/authenticate/",
        {"code": totp()},
        REMOTE_ADDR="198.51.100.4",
        HTTP_USER_AGENT=BROWSER,
    )
    (login,) = events("login")
    assert (login.actor, login.ip_address, login.user_agent) == (staff, "198.51.100.4", BROWSER)


def test_a_members_sign_in_is_not_a_staff_action(client):
    member = verified(UserFactory())
    client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    assert not AuditEvent.objects.exists()


def test_a_failed_sign_in_as_staff_is_recorded(client):
    staff = verified(StaffFactory(role="Reviewer"))
    member = verified(UserFactory())
    for user in (staff, member):
        client.post(
            "/en/accounts/login/",
            {"login": user.email.upper(), "password": "wrong"},
            REMOTE_ADDR="203.0.113.66",
        )
    (failed,) = events("login_failed")
    assert failed.target_label == str(staff) and failed.actor is None
    assert failed.ip_address == "203.0.113.66"


# Review decisions, imports, exports, history --------------------------------------------------


def test_every_publication_and_rejection_is_recorded_whatever_its_route(client):
    member = MembershipFactory()
    reviewer = StaffFactory(role="Reviewer")
    single, bulk, rejected = (
        ProjectFactory(enterprise=member.enterprise, status="pending") for _ in range(3)
    )
    sign_in_staff(client, reviewer)
    client.post(reverse("admin:databases_project_review", args=[single.pk]), {"action": "publish"})
    client.post(
        reverse("admin:databases_project_changelist"),
        {"action": "publish", "_selected_action": [bulk.pk]},
    )
    client.post(
        reverse("admin:databases_project_review", args=[rejected.pk]),
        {"action": "reject", "comment": "Not a green project."},
    )
    published = events("publish")
    assert {event.target_id for event in published} == {str(single.pk), str(bulk.pk)}
    assert {event.actor for event in published} == {reviewer}
    (rejection,) = events("reject")
    assert rejection.details == {"comment": "Not a green project."}


def test_a_members_submission_is_not_a_staff_action():
    member = MembershipFactory()
    project = ProjectFactory(enterprise=member.enterprise, status="draft")
    transition(project, "submit", member.user)
    assert not AuditEvent.objects.exists()


def test_an_import_is_recorded_with_its_file_and_rows(admin_client):
    preview = admin_client.post(
        "/admin/databases/sector/import/",
        {
            "import_file": SimpleUploadedFile(
                "new-sectors.csv", b"code,name_en,ordering\nhydro-power,Hydropower,10\n"
            ),
            "format": "0",
            "resource": "0",
        },
    )
    assert not AuditEvent.objects.filter(action="import").exists()  # a preview imports nothing
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', text(preview)))
    keys = ("import_file_name", "original_file_name", "format", "resource")
    admin_client.post("/admin/databases/sector/process_import/", {k: fields[k] for k in keys})
    (imported,) = events("import")
    assert imported.details == {"file": "new-sectors.csv", "rows": {"new": 1}}
    assert imported.target_label == "sectors"


def test_an_export_of_personal_data_says_so(admin_client):
    TalentFactory()
    response = admin_client.post(
        "/admin/databases/talent/export/",
        {"format": "0", "resource": "0", "talentresource_title_en": "on"},
    )
    assert response.status_code == 200
    (exported,) = events("export")
    assert exported.details == {"rows": 1, "format": "csv", "personal_data": True}


def test_reverts_and_recoveries_are_recorded(admin_client):
    with reversion.create_revision():
        project = ProjectFactory(status="draft", title="First")
    version = Version.objects.get_for_object(project).get()
    url = f"/admin/databases/project/{project.pk}/history/{version.pk}/"
    admin_client.post(url, form_data(admin_client, url))
    (revert,) = events("revert")
    assert revert.target_id == str(project.pk) and revert.details["version"] == version.pk
    project.delete()
    url = f"/admin/databases/project/recover/{version.pk}/"
    admin_client.post(url, form_data(admin_client, url))
    assert len(events("recover")) == 1


# Accounts and roles -----------------------------------------------------------------------------


def test_role_and_permission_changes_are_recorded():
    editor = StaffFactory(role="Secretariat editor")
    before = AuditEvent.objects.latest("pk").pk
    reviewers = Group.objects.get(name="Reviewer")
    editor.groups.add(reviewers)
    reviewers.user_set.remove(editor)
    changes = AuditEvent.objects.filter(action="roles", pk__gt=before)
    assert [(event.target_label, event.details) for event in reversed(changes)] == [
        (str(editor), {"change": "added", "items": ["Reviewer"]}),
        (str(editor), {"change": "removed", "items": ["Reviewer"]}),
    ]


def test_loaded_roles_and_permissions_are_not_changes():
    """Rows loaded with their roles and permissions (loaddata, the serialized rollback of the
    browser tests) record nothing."""
    from django.core import serializers

    reviewers = Group.objects.get(name="Reviewer")
    saved = serializers.serialize("json", [reviewers])
    reviewers.permissions.clear()
    before = AuditEvent.objects.count()
    for loaded in serializers.deserialize("json", saved):
        loaded.save()
    assert reviewers.permissions.exists()
    assert AuditEvent.objects.count() == before


def test_making_an_account_staff_is_recorded():
    user = UserFactory()
    user.is_staff = True
    user.save()
    (change,) = events("account")
    assert change.details == {"change": "changed", "is_staff": True}


def test_a_new_second_factor_of_staff_is_recorded(client, django_capture_on_commit_callbacks):
    from allauth.mfa.totp.internal import auth as totp_auth

    staff = verified(StaffFactory(role="Reviewer", second_factor=False))
    sign_in_staff(client, staff)
    client.get("/en/accounts/2fa/totp/activate/")
    secret = client.session[totp_auth.SECRET_SESSION_KEY]
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/2fa/totp/activate/", {"code": totp(secret)})
    # Recovery codes come with the first authenticator app.
    assert sorted(event.details["factor"] for event in events("factor")) == [
        "recovery_codes",
        "totp",
    ]


# Append-only, browsable, kept for a while -------------------------------------------------------


def test_nobody_changes_or_deletes_an_event_superusers_included(client):
    event = AuditEvent.objects.create(action="login", actor_label="someone")
    sign_in_staff(client, SuperUserFactory())
    assert client.get(reverse("admin:platform_site_auditevent_add")).status_code == 403
    change = client.get(reverse("admin:platform_site_auditevent_change", args=[event.pk]))
    assert change.status_code == 200 and 'type="submit"' not in text(change).split("<form")[-1]
    delete = reverse("admin:platform_site_auditevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:platform_site_auditevent_changelist")
    assert "delete_selected" not in text(client.get(changelist))
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(actor_label="someone else")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    event.refresh_from_db()
    assert event.actor_label == "someone"


def test_administrators_browse_and_filter_the_trail_and_editors_do_not(client):
    AuditEvent.objects.create(action="publish", actor_label="rita@example.org")
    AuditEvent.objects.create(action="import", actor_label="ed@example.org")
    changelist = reverse("admin:platform_site_auditevent_changelist")
    sign_in_staff(client, StaffFactory(role="Secretariat editor"))
    assert client.get(changelist).status_code == 403
    sign_in_staff(client, StaffFactory(role="Administrator"))
    page = client.get(changelist, {"action__exact": "publish"})
    assert [event.actor_label for event in page.context["cl"].result_list] == ["rita@example.org"]


@override_settings(AUDIT_RETENTION_DAYS=30)
def test_events_older_than_the_retention_period_are_pruned():
    old = AuditEvent.objects.create(action="login")
    recent = AuditEvent.objects.create(action="login")
    past = timezone.now() - timedelta(days=31)
    # Rows are never updated through the models: age this one as the database would.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEvent._meta.db_table} SET created_at = %s WHERE id = %s",
            [past, old.pk],
        )
    assert prune_audit_trail() == 1
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert prune_audit_trail() == 0


def test_a_superuser_removing_a_lost_factor_confirms_first_and_is_recorded(client):
    staff = StaffFactory(role="Reviewer")
    authenticator = staff.authenticator_set.get()
    url = reverse("admin:mfa_authenticator_delete", args=[authenticator.pk])
    sign_in_staff(client, SuperUserFactory(), reauthenticated=False)
    assert "/accounts/reauthenticate/" in client.post(url, {"post": "yes"})["Location"]
    assert staff.authenticator_set.exists()
    sign_in_staff(client, SuperUserFactory())
    client.post(url, {"post": "yes"})
    assert not staff.authenticator_set.exists()
    (removal,) = AuditEvent.objects.filter(action="factor", details__change="removed")
    assert removal.target_label == str(staff) and removal.details["factor"] == "totp"
