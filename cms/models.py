"""Site content: pages, country overviews, ministerial meetings, events, policy documents,
site settings and "Consult us" inquiries.

Text fields named in cms/translation.py are translated by django-modeltranslation; rich HTML
fields (``html_fields``) are sanitised with nh3 in every language on each save.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cms.sanitize import clean_html
from databases import licences


class SanitizedHTMLModel(models.Model):
    """Cleans the fields named in ``html_fields`` (and their per-language columns) on save."""

    html_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sanitize_html()
        super().save(*args, **kwargs)

    def sanitize_html(self):
        for field in self._meta.concrete_fields:
            base = field.name
            if any(base == name or base.startswith(f"{name}_") for name in self.html_fields):
                value = getattr(self, field.attname)
                if value is not None:
                    setattr(self, field.attname, clean_html(value))


class PublicationDateModel(models.Model):
    """Stamps ``published_at`` the first time the row is saved published: the date its feed
    entry carries (cms/feeds.py). Unpublishing and publishing again keeps the first date."""

    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class PageQuerySet(PublishedQuerySet):
    def published(self):
        """Published pages whose parent (if any) is published too."""
        return self.filter(published=True).exclude(parent__published=False)

    def navigation(self):
        """The menu: published top-level pages and their published children, in order."""
        return (
            self.published()
            .filter(show_in_navigation=True, parent__parent__isnull=True)
            .only("parent_id", "slug", "title", "ordering")
            .order_by("ordering", "title")
        )


class Page(SanitizedHTMLModel):
    """A page of the site's tree: "about" and its children live under /<lang>/about/…."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        on_delete=models.PROTECT,
        related_name="children",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("body"), blank=True)
    ordering = models.PositiveSmallIntegerField(_("ordering"), default=0)
    show_in_navigation = models.BooleanField(_("show in navigation"), default=True)
    published = models.BooleanField(_("published"), default=False)
    machine_translated = models.BooleanField(
        _("translations are machine-made, pending review"), default=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    html_fields = ("body",)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["parent_id", "ordering", "title"]
        constraints = [
            # A page is looked up by its parent and slug when a path is resolved.
            models.UniqueConstraint(
                fields=["parent", "slug"], name="cms_page_unique_slug_in_parent"
            ),
            # NULL parents never collide in the constraint above: top-level slugs get their own.
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(parent__isnull=True),
                name="cms_page_unique_top_level_slug",
            ),
        ]
        indexes = [
            # The navigation menu: published children of a page in their order.
            models.Index(
                fields=["parent", "published", "ordering"], name="cms_page_navigation_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The path under the active language's prefix."""
        return reverse("cms:home") + self.path.lstrip("/")

    @property
    def slugs(self):
        """The slugs from the top-level page down to this one."""
        slugs, page = [], self
        while page is not None:
            slugs.append(page.slug)
            page = page.parent
        return slugs[::-1]

    @property
    def path(self):
        """The page's path without the language prefix: ``/about/`` or ``/about/<slug>/``."""
        return "/" + "/".join(self.slugs) + "/"


class CountryOverview(SanitizedHTMLModel):
    country = models.OneToOneField(
        "databases.Country",
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        related_name="overview",
    )
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("body"), blank=True)
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    population = models.CharField(_("population"), max_length=100, blank=True)
    ordering = models.PositiveSmallIntegerField(_("ordering"), default=0)
    published = models.BooleanField(_("published"), default=False)
    machine_translated = models.BooleanField(
        _("translations are machine-made, pending review"), default=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    html_fields = ("body",)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("country overview")
        verbose_name_plural = _("country overviews")
        ordering = ["ordering", "country__name"]

    def __str__(self):
        return str(self.country)

    def get_absolute_url(self):
        return reverse("cms:country", args=[self.country.iso2.lower()])

    @property
    def path(self):
        return f"/countries/{self.country.iso2.lower()}/"


class MeetingSeries(models.TextChoices):
    INDUSTRY = "industry", _("BRICS Industry Ministers Meeting")
    COMMUNICATIONS = "communications", _("BRICS Communications Ministers Meeting")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class MinisterialMeeting(models.Model):
    series = models.CharField(_("series"), max_length=20, choices=MeetingSeries.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the date is known: the day, only the month, or only the year."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        "databases.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="ministerial_meetings",
        null=True,
        blank=True,
    )
    by_video = models.BooleanField(_("held by video"), default=False)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    outcome_document = models.CharField(_("outcome document"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    machine_translated = models.BooleanField(
        _("translations are machine-made, pending review"), default=False
    )

    class Meta:
        verbose_name = _("ministerial meeting")
        verbose_name_plural = _("ministerial meetings")
        ordering = ["series", "number"]
        constraints = [
            # The natural key the initial content is loaded by.
            models.UniqueConstraint(fields=["series", "number"], name="cms_meeting_unique_number"),
        ]
        indexes = [
            # The /meetings/ timeline: one series in date order.
            models.Index(fields=["series", "date"], name="cms_meeting_timeline_idx"),
        ]

    def __str__(self):
        return f"{self.get_series_display()} #{self.number}"

    @property
    def date_label(self):
        """The date as precisely as it is known, in the active language."""
        if self.date_precision == DatePrecision.YEAR:
            return str(self.date.year)
        if self.date_precision == DatePrecision.MONTH:
            return date_format(self.date, "YEAR_MONTH_FORMAT")
        return date_format(self.date)


class EventKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    TRAINING = "training", _("Training")
    COMPETITION = "competition", _("Competition")
    EXHIBITION = "exhibition", _("Exhibition")
    MEETING = "meeting", _("Meeting")


class Event(PublicationDateModel, SanitizedHTMLModel):
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.ForeignKey(
        "databases.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
    )
    url = models.URLField(_("web address"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    machine_translated = models.BooleanField(
        _("translations are machine-made, pending review"), default=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    html_fields = ("description",)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="cms_event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]
        indexes = [
            # The upcoming-events list: published events by start date.
            models.Index(fields=["published", "start_date"], name="cms_event_upcoming_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cms:event", args=[self.slug])


def policy_file_path(document, filename):
    return f"policies/{document.slug or 'document'}.pdf"


class PolicyDocument(PublicationDateModel):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    country = models.ForeignKey(
        "databases.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="policy_documents",
        null=True,
        blank=True,
    )
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    link = models.URLField(_("link"), blank=True)
    file = models.FileField(
        _("file (PDF)"),
        upload_to=policy_file_path,
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(["pdf"])],
    )
    published = models.BooleanField(_("published"), default=False)
    machine_translated = models.BooleanField(
        _("translations are machine-made, pending review"), default=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")
        ordering = ["-issued_on", "title"]
        indexes = [
            # The policy list: published documents, newest first.
            models.Index(fields=["published", "-issued_on"], name="cms_policy_list_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cms:policy", args=[self.slug])


def story_image_path(image, filename):
    return f"stories/{timezone.now():%Y/%m}/{PurePath(filename).name}"


class Story(PublicationDateModel, SanitizedHTMLModel):
    """A story of cooperation the secretariat tells: who worked together, where, in which
    sectors, with which of the databases' records.

    The introduction whose outcome it tells is linked from the matchmaking side
    (``matchmaking.Introduction.story``): cms sits below matchmaking and knows nothing of it.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("text"), blank=True)
    countries = models.ManyToManyField(
        "databases.Country", verbose_name=_("countries"), related_name="stories", blank=True
    )
    sectors = models.ManyToManyField(
        "databases.Sector", verbose_name=_("sectors"), related_name="stories", blank=True
    )
    technologies = models.ManyToManyField(
        "databases.Technology", verbose_name=_("technologies"), related_name="stories", blank=True
    )
    projects = models.ManyToManyField(
        "databases.Project", verbose_name=_("projects"), related_name="stories", blank=True
    )
    talents = models.ManyToManyField(
        "databases.Talent", verbose_name=_("experts"), related_name="stories", blank=True
    )
    enterprises = models.ManyToManyField(
        "databases.Enterprise", verbose_name=_("enterprises"), related_name="stories", blank=True
    )
    institutions = models.ManyToManyField(
        "databases.ServiceInstitution",
        verbose_name=_("service institutions"),
        related_name="stories",
        blank=True,
    )
    published = models.BooleanField(_("published"), default=False)
    machine_translated = models.BooleanField(
        _("translations are machine-made, pending review"), default=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    html_fields = ("body",)
    # The record relations, in the order the story page lists them.
    record_fields = ("projects", "technologies", "enterprises", "talents", "institutions")

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("story of cooperation")
        verbose_name_plural = _("stories of cooperation")
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The story list and the home page: published stories, newest first.
            models.Index(fields=["published", "-published_at"], name="cms_story_list_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cms:story", args=[self.slug])


class StoryImage(models.Model):
    """A photograph of a story, checked and re-encoded when staff upload it (cms/forms.py)."""

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("image"), upload_to=story_image_path, max_length=255)
    alt = models.CharField(
        _("text alternative"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    ordering = models.PositiveSmallIntegerField(_("ordering"), default=0)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["ordering", "pk"]
        indexes = [
            # The media view's check of who may fetch a file (platform_site/media.py).
            models.Index(fields=["image"], name="cms_storyimage_image_idx"),
        ]

    def __str__(self):
        return self.alt


class SiteSettings(models.Model):
    """The one row of site-wide settings; use ``SiteSettings.get_solo()``."""

    SINGLETON_PK = 1

    slogan = models.CharField(_("slogan"), max_length=300, blank=True)
    phones = models.TextField(_("phone numbers"), blank=True, help_text=_("One per line."))
    emails = models.TextField(_("e-mail addresses"), blank=True, help_text=_("One per line."))
    address = models.CharField(_("address"), max_length=300, blank=True)
    data_licence = models.CharField(
        _("open data licence"),
        max_length=20,
        choices=licences.LICENCE_CHOICES,
        default=licences.DEFAULT_LICENCE,
        help_text=_(
            "The licence of the records in the public API and the bulk downloads (the data page)."
        ),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="cms_sitesettings_singleton"),
        ]

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def get_solo(cls):
        settings_row, _created = cls.objects.get_or_create(pk=cls.SINGLETON_PK)
        return settings_row

    @property
    def phone_list(self):
        return [line.strip() for line in self.phones.splitlines() if line.strip()]

    @property
    def email_list(self):
        return [line.strip() for line in self.emails.splitlines() if line.strip()]


class InquiryTopic(models.TextChoices):
    TECHNOLOGY = "technology", _("Technology")
    PROJECT = "project", _("Project")
    INVESTMENT = "investment", _("Investment")
    PARTNERSHIP = "partnership", _("Partnership")
    TRAINING = "training", _("Training")
    OTHER = "other", _("Other")


class InquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


# Inquiries the secretariat still owes an answer.
UNANSWERED_INQUIRIES = [InquiryStatus.NEW, InquiryStatus.IN_PROGRESS]


class Inquiry(models.Model):
    """A "Consult us" message from a visitor, answered by the secretariat."""

    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    country = models.ForeignKey(
        "databases.Country",
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        related_name="inquiries",
        null=True,
        blank=True,
    )
    topic = models.CharField(
        _("topic"), max_length=12, choices=InquiryTopic.choices, default=InquiryTopic.OTHER
    )
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=InquiryStatus.choices, default=InquiryStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
        null=True,
        blank=True,
        limit_choices_to={"is_staff": True},
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    notified_at = models.DateTimeField(
        _("secretariat notified"),
        null=True,
        blank=True,
        help_text=_(
            "When its e-mails, to the secretariat and to the sender, were queued for sending; "
            "empty until then."
        ),
    )
    ip_hash = models.CharField(_("IP address hash"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at"]
        indexes = [
            # The staff queue: inquiries of a status, newest first.
            models.Index(fields=["status", "-created_at"], name="cms_inquiry_queue_idx"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_topic_display()})"

    @property
    def reference(self):
        """The number quoted to the visitor and in e-mails, e.g. ``GISP-000042``."""
        return f"GISP-{self.pk:06d}" if self.pk else ""
