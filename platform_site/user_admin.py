"""The user admin as the Administrator role may use it (registered in PlatformAdminConfig.ready:
importing Django's user admin registers it, which the admin site module must not do)."""

from django.contrib.auth.admin import UserAdmin


class StaffUserAdmin(UserAdmin):
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
