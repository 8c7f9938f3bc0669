"""Who speaks for an enterprise: its members, their roles, and the secretariat's approval."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    ADMINISTRATOR = "admin", _("Administrator")
    EDITOR = "editor", _("Editor")


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=MembershipStatus.APPROVED)

    def of(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def active_in(self, enterprise):
        """The approved memberships of ``enterprise`` whose accounts are active: the members
        its e-mails go to."""
        return self.approved().filter(enterprise=enterprise, user__is_active=True)


class Membership(models.Model):
    enterprise = models.ForeignKey(
        "databases.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.EDITOR
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.REQUESTED,
    )
    message = models.TextField(_("message to the secretariat"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "user"], name="membership_one_per_user_and_enterprise"
            ),
        ]
        indexes = [
            # The admin's queue of membership requests, oldest first.
            models.Index(fields=["status", "created_at"], name="membership_queue_idx"),
        ]

    def __str__(self):
        return f"{self.user} · {self.enterprise}"
