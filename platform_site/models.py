"""Site-wide records: members' profiles and the outgoing e-mail queue."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
