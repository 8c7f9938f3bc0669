"""Shared taxonomies: translated, seeded by migration, editable by staff."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BricsStatus(models.TextChoices):
    MEMBER = "member", _("BRICS member")
    PARTNER = "partner", _("BRICS partner")
    OTHER = "other", _("Other")


class CountryQuerySet(models.QuerySet):
    def brics_first(self):
        """Members, then partners, then everyone else, each alphabetically."""
        rank = models.Case(
            models.When(brics_status=BricsStatus.MEMBER, then=0),
            models.When(brics_status=BricsStatus.PARTNER, then=1),
            default=2,
        )
        return self.order_by(rank, "name")


class Country(models.Model):
    iso2 = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=120)
    brics_status = models.CharField(
        _("BRICS status"),
        max_length=10,
        choices=BricsStatus.choices,
        default=BricsStatus.OTHER,
    )
    flag = models.CharField(_("flag emoji"), max_length=8, blank=True)
    region = models.CharField(_("region"), max_length=40, blank=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        indexes = [
            # The BRICS-status facet on every list page joins on this column.
            models.Index(fields=["brics_status"], name="country_brics_status_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_brics(self):
        return self.brics_status != BricsStatus.OTHER


class Taxon(models.Model):
    """A named, translated, ordered entry of a taxonomy identified by a stable code."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=150)
    ordering = models.PositiveSmallIntegerField(_("ordering"), default=0)

    class Meta:
        abstract = True
        ordering = ["ordering", "code"]

    def __str__(self):
        return self.name


class Sector(Taxon):
    description = models.TextField(_("description"), blank=True)

    class Meta(Taxon.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class TechnologyField(Taxon):
    """A class of the CPC Y02/Y04S climate-change mitigation technology scheme."""

    description = models.TextField(_("description"), blank=True)

    class Meta(Taxon.Meta):
        verbose_name = _("technology field")
        verbose_name_plural = _("technology fields")


class SDG(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("short name"), max_length=80)
    title = models.CharField(_("title"), max_length=255)
    colour = models.CharField(_("colour"), max_length=7, blank=True)

    class Meta:
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17),
                name="sdg_number_1_to_17",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class CooperationType(Taxon):
    class Meta(Taxon.Meta):
        verbose_name = _("cooperation type")
        verbose_name_plural = _("cooperation types")


class Language(Taxon):
    """A language an expert works in; ``code`` is the ISO 639-1 code."""

    class Meta(Taxon.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
