"""The audit trail of staff actions (platform_site.models.AuditEvent): recording an event, and
the receivers that record sign-ins, security changes and changes to accounts and roles.

The apps record their own events where they happen (a review decision in
databases/transitions.py, an import or a revert in databases/admin.py). The address and browser
of the request come from ``AuditRequestMiddleware``, so a service that records needs no request.
"""

import contextvars
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from platform_site.client_ip import client_ip
from platform_site.models import AuditAction, AuditEvent

logger = logging.getLogger(__name__)

_current_request = contextvars.ContextVar("audit_request", default=None)


class AuditRequestMiddleware:
    """Makes the request's address and browser known to ``record`` while it is handled."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def is_staff(user):
    return user is not None and (user.is_staff or user.is_superuser)


def record(action, actor=None, target=None, *, model=None, label="", **details):
    """Add an event: ``action`` (an AuditAction) by ``actor`` (the request's user by default)
    about ``target`` (a model instance) or ``model`` (a model class, for imports and exports)."""
    request = _current_request.get()
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    event = AuditEvent(action=action, details=details, actor_label=label)
    if actor is not None and actor.pk:
        event.actor = actor
        event.actor_label = label or actor.email or actor.get_username()
    if request is not None:
        event.ip_address = client_ip(request) or None
        event.user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target)
        event.target_id = str(target.pk)
        event.target_label = str(target)[:300]
    elif model is not None:
        event.target_type = ContentType.objects.get_for_model(model)
        event.target_label = str(model._meta.verbose_name_plural)
    event.save()
    return event


# Receivers (connected in PlatformSiteConfig.ready) ------------------------------------------------


def signed_in(sender, request, user, **kwargs):
    if is_staff(user):
        record(AuditAction.LOGIN, user)


def signed_out(sender, request, user, **kwargs):
    if is_staff(user):
        record(AuditAction.LOGOUT, user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    """A failed sign-in as a staff account (attempts on members' accounts are axes' business)."""
    name = (credentials.get("email") or credentials.get("username") or "").strip()
    if not name:
        return
    account = (
        get_user_model()
        .objects.filter(Q(email__iexact=name) | Q(username__iexact=name))
        .filter(Q(is_staff=True) | Q(is_superuser=True))
        .first()
    )
    if account is not None:
        record(AuditAction.LOGIN_FAILED, target=account, label=name[:254])


def password_changed(sender, request, user, **kwargs):
    if is_staff(user):
        record(AuditAction.PASSWORD, user, target=user)


def factor_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and is_staff(instance.user):
        record(
            AuditAction.SECOND_FACTOR, target=instance.user, change="added", factor=instance.type
        )


def factor_deleted(sender, instance, **kwargs):
    # From the account's own 2FA pages or by a superuser in the admin (a lost phone).
    if is_staff(instance.user):
        record(
            AuditAction.SECOND_FACTOR, target=instance.user, change="removed", factor=instance.type
        )


def remember_raw_save(sender, instance, raw=False, **kwargs):
    # A row saved raw is being loaded (loaddata, the test runner's serialized rollback), and its
    # roles and permissions are set right after: nobody changed them. Recording them then would
    # also look up content types that may not be loaded yet.
    instance._audit_loading = raw


def memberships_changed(sender, instance, action, pk_set, reverse, model, **kwargs):
    """Roles (groups) given or taken, single permissions of an account or a role changed."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if getattr(instance, "_audit_loading", False):
        return
    change = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    names = sorted(str(item) for item in model.objects.filter(pk__in=pk_set or ()))
    # From the account's side (user.groups.add(group)) or the role's (group.user_set.add(user)).
    targets = model.objects.filter(pk__in=pk_set or ()) if reverse else [instance]
    for target in targets:
        record(
            AuditAction.ROLES,
            target=target,
            change=change,
            items=[str(instance)] if reverse else names,
        )


STAFF_FLAGS = ("is_active", "is_staff", "is_superuser")


def account_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A staff account made, or an account's staff, superuser or active flag changed."""
    if raw or (update_fields is not None and not set(STAFF_FLAGS) & set(update_fields)):
        return
    before = (
        sender.objects.filter(pk=instance.pk).values(*STAFF_FLAGS).first() if instance.pk else None
    )
    after = {flag: getattr(instance, flag) for flag in STAFF_FLAGS}
    if before is None:
        if is_staff(instance):
            record(AuditAction.ACCOUNT, target=instance, change="created", **after)
        return
    changed = {flag: after[flag] for flag in STAFF_FLAGS if before[flag] != after[flag]}
    if changed:
        record(AuditAction.ACCOUNT, target=instance, change="changed", **changed)


def account_deleted(sender, instance, **kwargs):
    if is_staff(instance):
        record(AuditAction.ACCOUNT, target=instance, change="deleted")


def connect():
    from allauth.account import signals as account_signals
    from allauth.mfa.models import Authenticator

    User = get_user_model()
    user_logged_in.connect(signed_in, dispatch_uid="audit-login")
    user_logged_out.connect(signed_out, dispatch_uid="audit-logout")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit-login-failed")
    for signal in (
        account_signals.password_changed,
        account_signals.password_set,
        account_signals.password_reset,
    ):
        signal.connect(password_changed, dispatch_uid=f"audit-password-{id(signal)}")
    post_save.connect(factor_saved, sender=Authenticator, dispatch_uid="audit-factor-saved")
    post_delete.connect(factor_deleted, sender=Authenticator, dispatch_uid="audit-factor-deleted")
    for model in (User, Group):
        post_save.connect(remember_raw_save, sender=model, dispatch_uid=f"audit-raw-{model}")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(memberships_changed, sender=through, dispatch_uid=f"audit-{through}")
    pre_save.connect(account_saved, sender=User, dispatch_uid="audit-account-saved")
    post_delete.connect(account_deleted, sender=User, dispatch_uid="audit-account-deleted")
