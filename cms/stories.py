"""Stories of cooperation as the public pages show them: published ones, with what each
involves that is public (published records only)."""

from django.db.models import Prefetch

from cms.models import Story, StoryImage
from databases.models import Country, Sector

HOME_LATEST = 3


def _public_records(field):
    model = Story._meta.get_field(field).related_model
    return Prefetch(field, queryset=model.objects.published().only("pk", "title", "slug"))


def for_list():
    """Published stories, newest first, with their first image and their countries."""
    return Story.objects.published().prefetch_related(
        Prefetch("countries", queryset=Country.objects.only("pk", "iso2", "name")),
        Prefetch("images", queryset=StoryImage.objects.all()),
    )


def latest():
    return list(for_list()[:HOME_LATEST])


def detail_queryset():
    """A published story with its images, countries, sectors and published records."""
    return Story.objects.published().prefetch_related(
        "images",
        Prefetch("countries", queryset=Country.objects.only("pk", "iso2", "name")),
        Prefetch("sectors", queryset=Sector.objects.all()),
        *(_public_records(field) for field in Story.record_fields),
    )


def involved_records(story):
    """[(verbose name, [records])] of the story's published records, by database."""
    groups = []
    for field in Story.record_fields:
        records = list(getattr(story, field).all())
        if records:
            groups.append((Story._meta.get_field(field).verbose_name, records))
    return groups
