"""Site-wide records: members' profiles, the outgoing e-mail queue and the audit trail."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Profile(models.Model):
    """What the site keeps about a person besides Django's user: the language they use it in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails to this person are written in this language."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)


class OutgoingEmail(models.Model):
    """An e-mail rendered in its recipient's language, stored until a Celery task sends it.

    Storing it first means a broker or mail server failure loses nothing. The task claims it
    for a while (``claimed_at``) by a conditional update, so two deliveries of the task send it
    once, and one whose worker died before sending can be taken up again once the claim is
    stale. The bodies are emptied once sent: they may hold sign-up and password reset links.
    """

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("being sent since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            # The admin's question: what has not been sent yet?
            models.Index(fields=["sent_at", "created_at"], name="outgoing_email_unsent_idx"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"


class AuditAction(models.TextChoices):
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    LOGOUT = "logout", _("Signed out")
    PASSWORD = "password", _("Password changed or reset")
    SECOND_FACTOR = "factor", _("Second factor changed")
    PUBLISH = "publish", _("Published")
    ARCHIVE = "archive", _("Archived")
    REJECT = "reject", _("Rejected")
    REQUEST_CHANGES = "request_changes", _("Changes requested")
    START_REVIEW = "start_review", _("Review started")
    VERIFY = "verify", _("Enterprise verified")
    IMPORT = "import", _("Spreadsheet imported")
    EXPORT = "export", _("Spreadsheet exported")
    REVERT = "revert", _("Reverted to an earlier version")
    RECOVER = "recover", _("Deleted record recovered")
    ACCOUNT = "account", _("Staff account changed")
    ROLES = "roles", _("Roles or permissions changed")
    WEIGHTS = "weights", _("Matchmaking weights changed")


class AuditEventQuerySet(models.QuerySet):
    """Append-only: rows are added, never changed; only ``prune`` removes the expired ones."""

    def update(self, **kwargs):
        raise PermissionError("The audit trail is append-only.")

    def delete(self):
        raise PermissionError("The audit trail is append-only: use prune().")

    def expired(self, now=None):
        cutoff = (now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)
        return self.filter(created_at__lt=cutoff)

    def prune(self, now=None):
        """Delete the events older than AUDIT_RETENTION_DAYS; returns how many."""
        expired = self.expired(now)
        return models.QuerySet.delete(expired)[0]


class AuditEvent(models.Model):
    """What a staff member did (or tried) that the secretariat must be able to account for:
    sign-ins, review decisions, imports and exports, reverts, changes to accounts and roles.

    Written by platform_site/audit.py; the admin shows it, filtered, to Administrators, and
    nobody, superusers included, changes or deletes a row (no change or delete permission
    exists; the model and its queryset refuse both).
    """

    created_at = models.DateTimeField(pgettext_lazy("audit trail", "when"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("audit trail", "person"),
        on_delete=models.SET_NULL,
        related_name="audit_events",
        null=True,
        blank=True,
    )
    # The actor's name at the time: it outlives the account.
    actor_label = models.CharField(
        pgettext_lazy("audit trail: a person's", "name"), max_length=254, blank=True
    )
    ip_address = models.GenericIPAddressField(
        pgettext_lazy("audit trail: an IP", "address"), null=True, blank=True
    )
    user_agent = models.CharField(
        pgettext_lazy("audit trail", "browser"), max_length=300, blank=True
    )
    target_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=pgettext_lazy("audit trail: what the action was about", "subject type"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    target_id = models.CharField(
        pgettext_lazy("audit trail: what the action was about", "subject id"),
        max_length=64,
        blank=True,
    )
    target_label = models.CharField(
        pgettext_lazy("audit trail: what the action was about", "subject"),
        max_length=300,
        blank=True,
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        indexes = [
            # The admin's list, newest first, and the daily pruning of expired events.
            models.Index(fields=["-created_at"], name="audit_event_created_idx"),
            # The admin's filters: one person's actions, one kind of action.
            models.Index(fields=["actor", "-created_at"], name="audit_event_actor_idx"),
            models.Index(fields=["action", "-created_at"], name="audit_event_action_idx"),
        ]

    def __str__(self):
        return (
            f"{self.get_action_display()} · {self.actor_label} · {self.created_at:%Y-%m-%d %H:%M}"
        )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit trail is append-only.")
