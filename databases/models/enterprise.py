from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .membership import MemberRole, Membership
from .records import Record, RecordQuerySet


class EnterpriseSize(models.TextChoices):
    MICRO = "micro", _("Micro (under 10 staff)")
    SMALL = "small", _("Small (10–49 staff)")
    MEDIUM = "medium", _("Medium (50–249 staff)")
    LARGE = "large", _("Large (250 staff or more)")


class EnterpriseQuerySet(RecordQuerySet):
    def of_member(self, user, administrator=False):
        """The enterprises ``user`` is an approved member of (an administrator of, with
        ``administrator``)."""
        memberships = Membership.objects.approved().of(user)
        if administrator:
            memberships = memberships.filter(role=MemberRole.ADMINISTRATOR)
        return self.filter(pk__in=memberships.values("enterprise"))


class Enterprise(Record):
    size = models.CharField(_("size"), max_length=10, choices=EnterpriseSize.choices, blank=True)
    founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    capabilities = models.TextField(_("capabilities"), blank=True)
    cooperation_offered = models.ManyToManyField(
        "databases.CooperationType",
        verbose_name=_("cooperation offered"),
        related_name="enterprises_offering",
        blank=True,
    )
    interest_sectors = models.ManyToManyField(
        "databases.Sector",
        verbose_name=_("sectors of interest"),
        related_name="interested_enterprises",
        blank=True,
    )
    interest_countries = models.ManyToManyField(
        "databases.Country",
        verbose_name=_("countries of interest"),
        related_name="interested_enterprises",
        blank=True,
    )
    interest_cooperation = models.ManyToManyField(
        "databases.CooperationType",
        verbose_name=_("cooperation of interest"),
        related_name="interested_enterprises",
        blank=True,
    )
    investment_min_usd = models.DecimalField(
        _("investment capacity from (USD)"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    investment_max_usd = models.DecimalField(
        _("investment capacity up to (USD)"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    verified = models.BooleanField(_("verified by the secretariat"), default=False)
    website = models.URLField(_("website"), blank=True)

    objects = EnterpriseQuerySet.as_manager()

    search_fields = {"A": ["title"], "B": ["summary"], "C": ["description", "capabilities"]}
    url_name = "enterprise"
    enterprise_field = "pk"

    class Meta(Record.Meta):
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        permissions = [("review_enterprise", _("Can review and verify enterprises"))]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=Q(investment_min_usd__isnull=True)
                | Q(investment_max_usd__isnull=True)
                | Q(investment_min_usd__lte=F("investment_max_usd")),
                name="enterprise_investment_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(investment_min_usd__gte=0) | Q(investment_min_usd__isnull=True),
                name="enterprise_investment_min_not_negative",
            ),
        ]

    def values_on_publication(self):
        # Publishing a registration is the secretariat's check that the enterprise is real.
        return {"verified": True}

    @classmethod
    def card_deferred_fields(cls):
        from modeltranslation.translator import translator

        opts = translator.get_options_for_model(cls)
        return [
            *super().card_deferred_fields(),
            "capabilities",
            *(f.name for f in opts.all_fields.get("capabilities", ())),
        ]
