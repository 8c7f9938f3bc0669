"""The user, group and second-factor admins as the Administrator role may use them (registered in
PlatformAdminConfig.ready: importing Django's user admin registers it, which the admin site
module must not do). Changing an account or a role asks for the password or second factor again.
"""

from allauth.account.decorators import reauthentication_required
from allauth.mfa.admin import AuthenticatorAdmin
from django.contrib.auth.admin import GroupAdmin, UserAdmin


class ReauthenticatedChanges:
    """Adding, changing and deleting take a recent confirmation of the password or a second
    factor; allauth asks for it and then resumes the request."""

    def changeform_view(self, request, *args, **kwargs):
        return reauthentication_required(super().changeform_view)(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        return reauthentication_required(super().delete_view)(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        # Its POST runs the bulk actions (deleting accounts, for one).
        view = reauthentication_required(super().changelist_view, allow_get=True)
        return view(request, *args, **kwargs)


class StaffUserAdmin(ReauthenticatedChanges, UserAdmin):
    """Accounts as the Administrator role may manage them: staff roles (groups) yes, but no
    superuser rights or single permissions, and superusers' accounts stay out of reach."""

    def get_queryset(self, request):
        users = super().get_queryset(request)
        return users if request.user.is_superuser else users.filter(is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def user_change_password(self, request, *args, **kwargs):
        return reauthentication_required(super().user_change_password)(request, *args, **kwargs)


class RoleAdmin(ReauthenticatedChanges, GroupAdmin):
    """The staff roles (groups); platform_site/roles.py keeps their permissions in step."""


class SecondFactorAdmin(ReauthenticatedChanges, AuthenticatorAdmin):
    """Second factors (superusers only: no role has their permissions). Deleting a lost one is
    how an account is recovered: docs/security.md."""
