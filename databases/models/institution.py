from django.db import models
from django.utils.translation import gettext_lazy as _

from .records import FILE_INDEXES, Record


class InstitutionType(models.TextChoices):
    FINANCE = "finance", _("Bank or fund")
    CONSULTING = "consulting", _("Consulting")
    CERTIFICATION = "certification", _("Certification and testing")
    LAW = "law", _("Law firm")
    TRAINING = "training", _("Training")
    INCUBATOR = "incubator", _("Incubator or accelerator")
    ASSOCIATION = "association", _("Industry association")
    RESEARCH = "research", _("Research institute")


class ServiceInstitution(Record):
    institution_type = models.CharField(_("type"), max_length=20, choices=InstitutionType.choices)
    services = models.TextField(_("services"), blank=True)
    countries_served = models.ManyToManyField(
        "databases.Country",
        verbose_name=_("countries served"),
        related_name="served_by_institutions",
        blank=True,
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    search_fields = {"A": ["title"], "B": ["summary", "services"], "C": ["description"]}
    url_name = "institution"

    class Meta(Record.Meta):
        verbose_name = _("service institution")
        verbose_name_plural = _("service institutions")
        permissions = [
            ("review_serviceinstitution", _("Can publish, archive and review service institutions"))
        ]
        indexes = [
            # Public list pages: published records, newest first.
            models.Index(
                fields=["status", "-published_at", "-id"], name="institution_status_pub_idx"
            ),
            # The institution-type facet.
            models.Index(fields=["status", "institution_type"], name="institution_status_type_idx"),
            *FILE_INDEXES,
        ]
