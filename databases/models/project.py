from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from databases import currency

from .records import ATTACHMENT_INDEX, Record, record_attachment_path


class ProjectStage(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    FEASIBILITY = "feasibility", _("Feasibility study")
    FINANCING = "financing", _("Financing")
    CONSTRUCTION = "construction", _("Construction")
    OPERATION = "operation", _("Operation")


class Project(Record):
    stage = models.CharField(
        _("stage"), max_length=20, choices=ProjectStage.choices, default=ProjectStage.CONCEPT
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    investment_amount = models.DecimalField(
        _("investment sought"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    investment_currency = models.CharField(
        _("currency"), max_length=3, choices=currency.CHOICES, default="USD"
    )
    investment_usd = models.DecimalField(
        _("investment sought (USD)"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Normalised from the amount and currency when saved."),
    )
    cooperation_types = models.ManyToManyField(
        "databases.CooperationType",
        verbose_name=_("cooperation sought"),
        related_name="projects",
        blank=True,
    )
    sdgs = models.ManyToManyField(
        "databases.SDG", verbose_name=_("SDGs"), related_name="projects", blank=True
    )
    co2_reduction = models.DecimalField(
        _("expected CO₂ reduction (tCO₂e/yr)"),
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    technologies = models.ManyToManyField(
        "databases.Technology",
        verbose_name=_("technologies used"),
        related_name="projects",
        blank=True,
    )
    attachment = models.FileField(
        _("attachment (PDF)"),
        upload_to=record_attachment_path,
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(["pdf"])],
    )
    enterprise = models.ForeignKey(
        "databases.Enterprise",
        verbose_name=_("submitting enterprise"),
        on_delete=models.SET_NULL,
        related_name="projects",
        null=True,
        blank=True,
    )

    search_fields = {"A": ["title"], "B": ["summary", "location"], "C": ["description"]}
    enterprise_field = "enterprise"
    url_name = "project"

    class Meta(Record.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [("review_project", _("Can review members' project submissions"))]
        indexes = [*Record.Meta.indexes, ATTACHMENT_INDEX]
        # The "largest first" sorts have PostgreSQL-only indexes: see migration 0005.
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(investment_amount__gte=0)
                | models.Q(investment_amount__isnull=True),
                name="project_investment_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(co2_reduction__gte=0) | models.Q(co2_reduction__isnull=True),
                name="project_co2_not_negative",
            ),
        ]

    def save(self, *args, **kwargs):
        self.investment_usd = currency.to_usd(self.investment_amount, self.investment_currency)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "investment_usd"}
        super().save(*args, **kwargs)
