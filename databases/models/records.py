"""What the five resource databases have in common."""

import uuid
from collections import defaultdict
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from databases import search, slugs


def record_attachment_path(record, filename):
    return f"attachments/{record._meta.model_name}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


def record_image_path(record, filename):
    """A fresh, unguessable name per upload, grouped by database and month."""
    extension = PurePath(filename).suffix.lower()[:5]
    return f"records/{record._meta.model_name}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


# The stable identifiers the API and the bulk downloads give taxa by: a code, an SDG's number,
# a country's ISO code (databases/api/serializers.py).
TAXON_CODES = ("code", "number", "iso2")


def _gallery():
    return models.Prefetch("gallery", to_attr="gallery_list")


def _named_by(field):
    """What a many-to-many relation of a record names in the open data, in its order: the
    published records among related records, else taxa by their codes (never their names in
    five languages: the bulk downloads build hundreds of thousands of them)."""
    if issubclass(field.related_model, Record):
        return field.related_model.objects.published().only("pk")
    codes = [f.name for f in field.related_model._meta.fields if f.name in TAXON_CODES]
    return field.related_model.objects.only(*codes)


def _attach_named(field, chunk, taxa=None):
    """Set ``<name>_list`` on each record of ``chunk`` (a run of ids, in order) from the
    relation's pairs of ids: ``taxa`` (every taxon, in order) or, for related records, the ids
    of those published (``databases.api.serializers.IdField`` takes either)."""
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    # The run's range, not a list of its ids: a thousand parameters to send and parse per query
    # otherwise. The pairs of the records in between that are not published are left aside.
    pairs = list(
        through.objects.filter(
            **{f"{source}_id__gte": chunk[0].pk, f"{source}_id__lte": chunk[-1].pk}
        )
        .order_by()
        .values_list(f"{source}_id", f"{target}_id")
    )
    if taxa is None:
        ids = _named_by(field).filter(pk__in={named for _owner, named in pairs})
        position = {pk: (n, pk) for n, pk in enumerate(ids.values_list("pk", flat=True))}
    else:
        position = {item.pk: (n, item) for n, item in enumerate(taxa)}
    named = defaultdict(list)
    for owner, item in pairs:
        if item in position:
            named[owner].append(position[item])
    for record in chunk:
        found = sorted(named[record.pk], key=lambda pair: pair[0])
        setattr(record, f"{field.name}_list", [item for _n, item in found])


# Which rows hold a stored file: the media view's access check (platform_site/media.py) and
# the deletion of files no row holds any more (databases/files.py) look names up here.
FILE_INDEXES = [
    models.Index(fields=["image"], name="%(class)s_image_idx"),
    models.Index(fields=["thumbnail"], name="%(class)s_thumb_idx"),
]
ATTACHMENT_INDEX = models.Index(fields=["attachment"], name="%(class)s_attachment_idx")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Pending review")
    IN_REVIEW = "review", _("In review")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def for_cards(self):
        """What a record card shows, in a fixed number of queries whatever the page size."""
        return (
            self.select_related("country")
            .prefetch_related("sectors")
            .defer(*self.model.card_deferred_fields())
        )

    def for_open_data(self):
        """What the API and the bulk downloads show of each record (databases/api/serializers.py),
        in a fixed number of queries whatever the number of records: the country joined, one
        query per many-to-many relation and one for the gallery. Each relation is a list in
        ``<name>_list`` (``to_attr``: no queryset per record and relation, which cost more than
        the queries). A related record (a technology's provider, a project's technologies)
        counts only when it is published: to-one relations become ``public_<name>_id``,
        many-to-many ones are prefetched among published records."""
        prefetches = [
            models.Prefetch(field.name, queryset=_named_by(field), to_attr=f"{field.name}_list")
            for field in self.model._meta.many_to_many
        ]
        return (
            self._open_data_columns()
            .select_related("country")
            .prefetch_related(*prefetches, _gallery())
        )

    def open_data_chunks(self, size):
        """``for_open_data``'s records, ``size`` at a time in the order of their ids (a keyset:
        memory holds one chunk whatever the table), for the bulk downloads. A many-to-many
        relation is read as pairs of ids, one query per chunk, and each taxon (a country too)
        is one object for the whole run rather than one per record naming it: building those
        objects took half of the time spent reading a table."""
        fields = self.model._meta.many_to_many
        taxa = {
            field.name: list(_named_by(field))
            for field in fields
            if not issubclass(field.related_model, Record)
        }
        country = self.model._meta.get_field("country")
        countries = {item.pk: item for item in _named_by(country)}
        ordered = self._open_data_columns().prefetch_related(_gallery()).order_by("pk")
        last = None
        while True:
            chunk = list((ordered if last is None else ordered.filter(pk__gt=last))[:size])
            if not chunk:
                return
            for record in chunk:
                country.set_cached_value(record, countries.get(record.country_id))
            for field in fields:
                _attach_named(field, chunk, taxa.get(field.name))
            yield from chunk
            last = chunk[-1].pk

    def _open_data_columns(self):
        """The records' own columns, and the id of each related record that is published."""
        links = {}
        for field in self.model._meta.concrete_fields:
            if field.many_to_one and issubclass(field.related_model, Record):
                if field.name == "draft_of":
                    continue
                links[f"public_{field.name}_id"] = models.Case(
                    models.When(
                        **{f"{field.name}__status": PublicationStatus.PUBLISHED},
                        then=models.F(field.attname),
                    ),
                    default=None,
                )
        return self.annotate(**links).defer("search_vector")

    def search(self, query):
        """Records matching ``query``, annotated with ``rank`` (best first when ordered by it)."""
        return search.filter_queryset(self, query)

    def _of_members_enterprises(self, user, **enterprises):
        field = self.model.enterprise_field
        if not field:
            return self.none()
        if field == "pk":
            # An enterprise's own profile: its administrators keep it.
            kept = self.model.objects.of_member(user, administrator=True)
        else:
            kept = self.model._meta.get_field(field).related_model.objects.of_member(user)
        return self.filter(**{f"{field}__in": kept.filter(**enterprises)})

    def maintained_by(self, user):
        """Records that ``user`` keeps as an approved member of their enterprise, whatever their
        status (proposed changes too): its projects, technologies and experts, and for its
        administrators the enterprise's own profile. Changing them takes ``editable_by``."""
        return self._of_members_enterprises(user)

    def editable_by(self, user):
        """The records of ``maintained_by(user)`` that ``user`` may edit and submit: their
        enterprise must be verified too."""
        return self._of_members_enterprises(user, verified=True)


class AboutARecordQuerySet(models.QuerySet):
    def about(self, *records):
        """The rows about any of ``records`` (of one model; None is skipped): e.g. the review
        notes of a record and of its proposed change."""
        records = [record for record in records if record is not None]
        opts = records[0]._meta
        return self.filter(
            content_type__app_label=opts.app_label,
            content_type__model=opts.model_name,
            object_id__in=[record.pk for record in records],
        )


class Record(models.Model):
    """Abstract base of every resource database record.

    ``title``, ``summary`` and ``description`` are translated by django-modeltranslation;
    each concrete model names the fields its full-text search covers in ``search_fields``.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=220,
        unique=True,
        blank=True,
        validators=[slugs.validate_not_reserved],
    )
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    country = models.ForeignKey(
        "databases.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="%(class)s_records",
        null=True,
        blank=True,
    )
    sectors = models.ManyToManyField(
        "databases.Sector",
        verbose_name=_("sectors"),
        related_name="%(class)s_records",
        blank=True,
    )
    image = models.ImageField(_("image"), upload_to=record_image_path, blank=True, max_length=255)
    # Every image members uploaded, in order; the first is also ``image``.
    gallery = GenericRelation("databases.RecordImage", related_query_name="%(class)s")
    # The image in the size of a record card; cards fall back to ``image`` without it.
    thumbnail = models.ImageField(
        _("small image"), upload_to=record_image_path, blank=True, max_length=255
    )
    status = models.CharField(
        _("publication status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        related_name="owned_%(class)s_records",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # A member's proposed change to a published record, kept apart until staff approve it.
    draft_of = models.ForeignKey(
        "self",
        verbose_name=_("proposed change to"),
        on_delete=models.CASCADE,
        related_name="proposed_changes",
        null=True,
        blank=True,
    )
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, blank=True)
    verified_at = models.DateTimeField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When the secretariat last confirmed the record is accurate."),
    )
    freshness_reminded_at = models.DateTimeField(
        _("owners reminded to update"), null=True, blank=True, editable=False
    )
    # Maintained by a database trigger on PostgreSQL (see databases/search.py); unused on SQLite.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    objects = RecordQuerySet.as_manager()

    search_fields = {"A": ["title"], "B": ["summary"], "C": ["description"]}
    url_name = ""
    # The foreign key to the enterprise whose members maintain the record ("" when none do).
    enterprise_field = ""

    class Meta:
        abstract = True
        ordering = ["-published_at", "-pk"]
        constraints = [
            # One proposed change per published record at a time.
            models.UniqueConstraint(
                fields=["draft_of"],
                condition=models.Q(draft_of__isnull=False),
                name="%(class)s_one_proposed_change",
            ),
            # A proposed change is written onto its original when approved, never published.
            models.CheckConstraint(
                condition=~models.Q(status="published", draft_of__isnull=False),
                name="%(class)s_change_never_published",
            ),
        ]
        indexes = [
            # Public list pages: published records, newest first.
            models.Index(
                fields=["status", "-published_at", "-id"],
                name="%(class)s_status_pub_idx",
            ),
            *FILE_INDEXES,
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        if self.status == PublicationStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"databases:{self.url_name}-detail", args=[self.slug])

    @property
    def keeper_id(self):
        """The id of the enterprise whose members keep this record, or None."""
        if self.enterprise_field == "pk":
            return self.pk
        if self.enterprise_field:
            return getattr(self, f"{self.enterprise_field}_id")
        return None

    @property
    def identity(self):
        """Its id and its keeper's, as text: a detail page's kept fragment names its record
        by it (``from_identity``)."""
        return f"{self.pk} {self.keeper_id or ''}".strip()

    @classmethod
    def from_identity(cls, slug, identity):
        """The record of a detail page served from its kept fragment, as much of it as the
        reader's next step reads (matchmaking.interest.next_step): its id, slug and keeper,
        from its ``identity``. Reading every translated column of the row cost more than the
        next step itself."""
        pk, _space, keeper = identity.partition(" ")
        fields = {"pk": int(pk), "slug": slug}
        if cls.enterprise_field not in ("", "pk"):
            fields[f"{cls.enterprise_field}_id"] = int(keeper) if keeper else None
        return cls(**fields)

    def values_on_publication(self):
        """Columns that the review sets, besides the status, when it publishes the record."""
        return {}

    @property
    def last_verified(self):
        """When the record was last confirmed accurate: reviewed, or failing that published."""
        return self.verified_at or self.published_at

    @property
    def is_public(self):
        return self.status == PublicationStatus.PUBLISHED

    @classmethod
    def card_deferred_fields(cls):
        """Long texts a card never shows, in every language."""
        from modeltranslation.translator import translator

        opts = translator.get_options_for_model(cls)
        return [f.name for f in opts.all_fields.get("description", ())] + [
            "description",
            "search_vector",
        ]

    def unique_slug(self):
        manager = type(self)._default_manager
        return slugs.unique_slug(
            self.title,
            self._meta.model_name,
            lambda slug: manager.filter(slug=slug).exclude(pk=self.pk).exists(),
        )


class AboutARecord(models.Model):
    """Base of what is attached to a record of any of the databases (images, review notes)."""

    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("record type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")

    objects = AboutARecordQuerySet.as_manager()

    class Meta:
        abstract = True
