"""The review history of members' submissions: each step and the secretariat's comments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .records import AboutARecord


class ReviewStep(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    IN_REVIEW = "review", _("Review started")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")
    VERIFIED = "verified", _("Enterprise verified")


class ReviewNote(AboutARecord):
    step = models.CharField(_("step"), max_length=10, choices=ReviewStep.choices)
    comment = models.TextField(_("comment"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review note")
        verbose_name_plural = _("review notes")
        ordering = ["created_at", "pk"]
        indexes = [
            # A record's review history, on its member page and in the review screen.
            models.Index(
                fields=["content_type", "object_id", "created_at"], name="review_note_record_idx"
            ),
        ]

    def __str__(self):
        return f"{self.get_step_display()} · {self.created_at:%Y-%m-%d}"
