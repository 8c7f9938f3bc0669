"""How a record's slug is made unique: its title slugified, then ``-2``, ``-3``, … appended.

``Record.unique_slug`` asks the database about each candidate; ``SlugAllocator`` decides in
memory for a bulk load, which must not query once per record.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# Paths beside the detail pages under /<lang>/<database>/: a record cannot take them as its slug.
RESERVED = frozenset({"feed"})


def validate_not_reserved(slug):
    if slug in RESERVED:
        raise ValidationError(
            _("“%(slug)s” is the address of another page: choose another slug."),
            code="reserved",
            params={"slug": slug},
        )


def unique_slug(title, fallback, is_taken, next_suffix=None):
    """The first of "title", "title-2", "title-3", … that ``is_taken(slug)`` refuses.

    ``fallback`` stands in for a title with nothing to slugify. A caller whose taken slugs only
    ever grow may keep ``next_suffix`` ({base: suffix}) across calls: the search for a base then
    resumes where it last stopped, instead of testing again every suffix it found taken.
    """
    base = slugify(title)[:200] or fallback
    is_taken = _or_reserved(is_taken)
    if not is_taken(base):
        return base
    if next_suffix is None:
        next_suffix = {}
    n = next_suffix.get(base, 2)
    while is_taken(f"{base}-{n}"):
        n += 1
    next_suffix[base] = n + 1
    return f"{base}-{n}"


def _or_reserved(is_taken):
    return lambda slug: slug in RESERVED or is_taken(slug)


class SlugAllocator:
    """Unique slugs for one model, decided in memory against the slugs already stored."""

    def __init__(self, model, using):
        self.taken = set(
            model.objects.using(using).values_list("slug", flat=True).iterator(chunk_size=20_000)
        )
        self.fallback = model._meta.model_name
        self.next_suffix = {}

    def __call__(self, title):
        slug = unique_slug(title, self.fallback, self.taken.__contains__, self.next_suffix)
        self.taken.add(slug)
        return slug
