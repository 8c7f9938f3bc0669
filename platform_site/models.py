"""Site-wide records: members' profiles, the outgoing e-mail queue and the audit trail."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Now
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


# The outbox's timing (docs/reliability.md). A claim outlives any live sender: send_email's hard
# time limit is 90 s, so only a dead sender's claim expires.
OUTBOX_CLAIM = timedelta(minutes=5)
# An e-mail not claimed this long after it was queued lost its task's message (a broker down at
# commit, a message lost): the relay queues it again, and again after as long if need be.
OUTBOX_RELAY_GRACE = timedelta(minutes=2)
# The relay leaves older e-mails alone: their links have expired and their news is stale.
OUTBOX_MAX_AGE = timedelta(days=3)
# Failed attempts before an e-mail is given up: with waits of 1, 2, 4 ... 60 minutes, about a day.
OUTBOX_MAX_ATTEMPTS = 30


def _after_relay_grace():
    return timezone.now() + OUTBOX_RELAY_GRACE


class OutgoingEmailQuerySet(models.QuerySet):
    """The outbox's rules. Claims are taken and judged by the database's clock (``Now()``), so
    that web servers, workers and beat, whose clocks may differ, agree on when one expired."""

    def pending(self):
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def claimable(self):
        """Pending e-mails nobody is sending: never claimed, or claimed by a sender that died."""
        return self.pending().filter(
            Q(claimed_at__isnull=True) | Q(claimed_at__lt=Now() - OUTBOX_CLAIM)
        )

    def claim(self, pk):
        """Take e-mail ``pk`` for sending, by a conditional update that one claimant alone
        wins; returns it, or None when it is sent, given up, being sent or gone."""
        if self.claimable().filter(pk=pk).update(claimed_at=Now()) != 1:
            return None
        return self.get(pk=pk)

    def mark_sent(self, pk):
        """Record the delivery of e-mail ``pk``, whoever holds its claim: it was sent."""
        # The bodies may hold sign-up and password reset links: they must not outlive it.
        return self.filter(pk=pk, sent_at__isnull=True).update(
            sent_at=Now(), body="", html_body="", attempts=F("attempts") + 1, last_error=""
        )

    def release(self, pk, error, permanent=False):
        """After a failed attempt at e-mail ``pk``: the relay tries again later, 1, 2, 4 ... up
        to 60 minutes later, until OUTBOX_MAX_ATTEMPTS or a ``permanent`` refusal gives it up."""
        attempts = self.get(pk=pk).attempts + 1
        wait = timedelta(minutes=min(2 ** (attempts - 1), 60))
        give_up = permanent or attempts >= OUTBOX_MAX_ATTEMPTS
        return self.filter(pk=pk, sent_at__isnull=True).update(
            claimed_at=None,
            attempts=attempts,
            last_error=str(error)[:500],
            next_attempt_at=Now() + wait,
            failed_at=Now() if give_up else None,
        )

    def take_for_relay(self, limit):
        """The ids of up to ``limit`` claimable e-mails whose next attempt is due, oldest first,
        put off by OUTBOX_RELAY_GRACE so that the next round leaves them to the tasks queued
        now. Rows another relay is taking at the same time are skipped, not waited for."""
        with transaction.atomic():
            ids = list(
                self.claimable()
                .filter(next_attempt_at__lte=Now(), created_at__gte=Now() - OUTBOX_MAX_AGE)
                .order_by("next_attempt_at")
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:limit]
            )
            self.filter(pk__in=ids).update(next_attempt_at=Now() + OUTBOX_RELAY_GRACE)
        return ids


class OutgoingEmail(models.Model):
    """An e-mail to one recipient, rendered in their language, kept until it is sent.

    Storing it first means a broker, worker or mail server failure loses nothing: a task
    queued at commit sends it, and a relay (every minute) queues again those whose task was
    lost or failed. A sender claims it by a conditional update (``claimed_at``) before sending
    and marks it sent as soon as the mail server took it, so two deliveries of the task send it
    once; the claim of a sender that died expires (OUTBOX_CLAIM) and another sends it. One row
    per recipient, each sent in its own SMTP transaction: a recipient refused is retried alone.
    The bodies are emptied once sent: they may hold sign-up and password reset links.
    """

    to = models.EmailField(_("to"))
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("being sent since"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        default=_after_relay_grace,
        help_text=_("When the relay sends it again should it still be unsent."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(
        _("given up"),
        null=True,
        blank=True,
        help_text=_("Refused for good by the mail server, or failed too often."),
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            # The admin's question: what has not been sent yet?
            models.Index(fields=["sent_at", "created_at"], name="outgoing_email_unsent_idx"),
            # The relay's: which pending e-mails are due?
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True, failed_at__isnull=True),
                name="outgoing_email_pending_idx",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def as_message(self):
        """The EmailMessage that sends this e-mail to its one recipient."""
        message = EmailMultiAlternatives(
            self.subject,
            self.body,
            settings.DEFAULT_FROM_EMAIL,
            [self.to],
            reply_to=self.reply_to or None,
        )
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        return message


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
