from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .records import Record


class Availability(models.TextChoices):
    CONSULTING = "consulting", _("Consulting")
    TRAINING = "training", _("Training")
    MENTORING = "mentoring", _("Mentoring")


class Talent(Record):
    """An expert. ``title`` holds the expert's name."""

    title = models.CharField(_("full name"), max_length=200)
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    technology_fields = models.ManyToManyField(
        "databases.TechnologyField",
        verbose_name=_("fields of expertise"),
        related_name="talents",
        blank=True,
    )
    languages = models.ManyToManyField(
        "databases.Language",
        verbose_name=_("working languages"),
        related_name="talents",
        blank=True,
    )
    experience_years = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(80)]
    )
    available_consulting = models.BooleanField(_("available for consulting"), default=False)
    available_training = models.BooleanField(_("available for training"), default=False)
    available_mentoring = models.BooleanField(_("available for mentoring"), default=False)
    contact_consent = models.BooleanField(_("contact details may be shown publicly"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    enterprise = models.ForeignKey(
        "databases.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.SET_NULL,
        related_name="experts",
        null=True,
        blank=True,
        help_text=_("The member enterprise that keeps this expert's profile, if any."),
    )

    search_fields = {
        "A": ["title"],
        "B": ["headline", "summary", "organisation"],
        "C": ["description"],
    }
    url_name = "talent"
    enterprise_field = "enterprise"

    class Meta(Record.Meta):
        verbose_name = _("talent")
        verbose_name_plural = _("talents")
        permissions = [("review_talent", _("Can review experts' profiles from members"))]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(experience_years__lte=80),
                name="talent_experience_plausible",
            ),
        ]

    @property
    def availabilities(self):
        return [
            label for value, label in Availability.choices if getattr(self, f"available_{value}")
        ]

    @property
    def public_contact(self):
        """Contact details, only when the expert consented to show them."""
        if not self.contact_consent:
            return None
        return {"email": self.email, "phone": self.phone, "website": self.website}
