from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .records import ATTACHMENT_INDEX, Record, record_attachment_path


class IPStatus(models.TextChoices):
    PATENT_GRANTED = "patent_granted", _("Patent granted")
    PATENT_PENDING = "patent_pending", _("Patent pending")
    TRADE_SECRET = "trade_secret", _("Know-how / trade secret")
    OPEN = "open", _("Open / public domain")
    OTHER = "other", _("Other")


class Technology(Record):
    technology_fields = models.ManyToManyField(
        "databases.TechnologyField",
        verbose_name=_("technology fields"),
        related_name="technologies",
        blank=True,
    )
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 (basic principles observed) to 9 (proven in operation)."),
    )
    ip_status = models.CharField(
        _("intellectual property status"),
        max_length=20,
        choices=IPStatus.choices,
        default=IPStatus.OTHER,
    )
    transfer_modes = models.ManyToManyField(
        "databases.CooperationType",
        verbose_name=_("transfer modes"),
        related_name="technologies",
        blank=True,
    )
    co2_reduction = models.DecimalField(
        _("CO₂ reduction potential (tCO₂e/yr)"),
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    attachment = models.FileField(
        _("attachment (PDF)"),
        upload_to=record_attachment_path,
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(["pdf"])],
    )
    provider = models.ForeignKey(
        "databases.Enterprise",
        verbose_name=_("provider"),
        on_delete=models.SET_NULL,
        related_name="technologies",
        null=True,
        blank=True,
    )

    url_name = "technology"
    enterprise_field = "provider"

    class Meta(Record.Meta):
        verbose_name = _("technology")
        verbose_name_plural = _("technologies")
        permissions = [("review_technology", _("Can review members' technology submissions"))]
        indexes = [*Record.Meta.indexes, ATTACHMENT_INDEX]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(trl__gte=1, trl__lte=9), name="technology_trl_1_to_9"
            ),
            models.CheckConstraint(
                condition=models.Q(co2_reduction__gte=0) | models.Q(co2_reduction__isnull=True),
                name="technology_co2_not_negative",
            ),
        ]
