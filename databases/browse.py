"""The public pages' queries: list filters and their chips, detail pages with related records, the
search over every database, the home page's counts and newest records."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Enterprise, Project, ServiceInstitution, Talent, Technology
from .registry import BY_KEY, BY_MODEL, DATABASES
from .search import FEW_RESULTS, clean_query, count_matches, order_by_relevance, suggest

PAGE_SIZE = settings.RECORDS_PER_PAGE
SEARCH_RESULTS_PER_DATABASE = 5
# The search page only summarises each database ("100+ results"); the list page counts further.
SEARCH_PAGE_COUNT_CAP = 100
RELATED_LIMIT = 4

__all__ = ["clean_query"]


class CountedPaginator(Paginator):
    """A paginator for keyword matches, which the search has already counted (up to a cap)."""

    def __init__(self, *args, count, capped, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = count
        self.capped = capped


def query_without(querydict, key, value=None):
    """The query string without ``key`` (or only without its ``value``), and without the page."""
    query = querydict.copy()
    if value is None:
        query.pop(key, None)
    else:
        query.setlist(key, [v for v in query.getlist(key) if v != value])
    if key != "page":
        query.pop("page", None)
    return query.urlencode()


def query_with(querydict, key, value):
    """The query string with ``key`` set to ``value`` alone, and without the page."""
    query = querydict.copy()
    query.setlist(key, [value])
    query.pop("page", None)
    return query.urlencode()


def active_filters(filterset, querydict):
    """One chip per filter value in the query string, each with the link that removes it."""
    form = filterset.form
    form.is_valid()
    # Holds the fields that passed validation, even when another field did not.
    cleaned = getattr(form, "cleaned_data", {})
    chips = []
    for name, field in form.fields.items():
        if name == "sort":
            continue
        for raw in querydict.getlist(name):
            if not raw.strip():
                continue
            chips.append(
                {
                    "label": field.label,
                    "value": _display_value(field, cleaned.get(name), raw),
                    "remove_url": "?" + query_without(querydict, name, raw),
                }
            )
    return chips


def _display_value(field, cleaned, raw):
    to_field = getattr(field, "to_field_name", None)
    if to_field and cleaned is not None:
        objects = cleaned if isinstance(cleaned, (list, tuple, models.QuerySet)) else [cleaned]
        for obj in objects:
            if str(getattr(obj, to_field)) == raw:
                return str(obj)
    if (
        getattr(field, "widget", None) is not None
        and field.widget.__class__.__name__ == "CheckboxInput"
    ):
        return _("Yes")
    choices = getattr(field, "choices", None)
    if choices is not None and not to_field:
        for value, label in choices:
            if str(value) == raw:
                return label
    return raw


def detail_queryset(model):
    """Published records with every relation a detail page shows, fetched up front."""
    foreign_keys = [
        f.name
        for f in model._meta.get_fields()
        if f.many_to_one and f.concrete and f.name != "owner"
    ]
    many_to_many = [f.name for f in model._meta.many_to_many]
    return (
        model.objects.published()
        .select_related(*foreign_keys)
        .prefetch_related(*many_to_many, "gallery")
        .defer("search_vector")
    )


def _cards(model):
    return model.objects.published().for_cards()


def _sharing(record, relation):
    """Other published records of the same kind sharing one of ``relation``'s values."""
    model = type(record)
    ids = [obj.pk for obj in getattr(record, relation).all()]
    if not ids:
        return model.objects.none()
    through = model._meta.get_field(relation).remote_field.through
    field = model._meta.get_field(relation)
    matching = through.objects.filter(**{f"{field.m2m_reverse_field_name()}__in": ids}).values(
        field.m2m_field_name()
    )
    return _cards(model).filter(pk__in=matching).exclude(pk=record.pk)[:RELATED_LIMIT]


def related_records(record):
    """Sections of related public records for a detail page: (heading, records)."""
    sections = []
    if isinstance(record, Technology):
        sections = [
            (
                _("Projects using this technology"),
                _cards(Project).filter(technologies=record)[:RELATED_LIMIT],
            ),
            (_("Similar technologies"), _sharing(record, "technology_fields")),
        ]
    elif isinstance(record, Project):
        sections = [
            (_("Technologies used"), _cards(Technology).filter(projects=record)[:RELATED_LIMIT]),
            (_("Similar projects"), _sharing(record, "sectors")),
        ]
    elif isinstance(record, Talent):
        sections = [(_("Experts in the same fields"), _sharing(record, "technology_fields"))]
    elif isinstance(record, Enterprise):
        sections = [
            (
                _("Projects of this enterprise"),
                _cards(Project).filter(enterprise=record)[:RELATED_LIMIT],
            ),
            (
                _("Technologies provided"),
                _cards(Technology).filter(provider=record)[:RELATED_LIMIT],
            ),
            (_("Enterprises in the same sectors"), _sharing(record, "sectors")),
        ]
    elif isinstance(record, ServiceInstitution):
        sections = [
            (
                _("Institutions of the same type"),
                _cards(ServiceInstitution)
                .filter(institution_type=record.institution_type)
                .exclude(pk=record.pk)[:RELATED_LIMIT],
            )
        ]
    result = []
    for heading, records in sections:
        records = list(records)
        if records:
            result.append(
                {"heading": heading, "database": BY_MODEL[type(records[0])], "records": records}
            )
    return result


def search_all(raw_query):
    """The best matches of each database for ``raw_query``, with each database's total and
    ``relevance`` (the rank of its best match shown): (the groups with matches, most relevant
    first; the databases without any)."""
    query = clean_query(raw_query)
    if not query:
        return [], []
    found, empty = [], []
    for database in DATABASES:
        matches = database.model.objects.published().search(query)
        count, capped = count_matches(matches, cap=SEARCH_PAGE_COUNT_CAP)
        if not count:
            empty.append(database)
            continue
        results = list(
            order_by_relevance(matches.for_cards(), capped)[:SEARCH_RESULTS_PER_DATABASE]
        )
        found.append(
            {
                "database": database,
                "count": count,
                "capped": capped,
                "results": results,
                "relevance": _best_rank(results),
            }
        )
    # Every database's rank comes from the same weighted match (title, then summary, then
    # description), so the best rank of each group compares across them: the group holding the
    # closest match (a title that is the query) comes first, as the kind of thing most likely
    # sought. Equal best ranks (several title matches; SQLite's substring match) fall back to
    # the count, more matches first; then the registry's order. A group with too many matches
    # to rank shows its newest, so its best shown rank stands for it.
    found.sort(key=lambda group: (-group["relevance"], -group["count"]))
    return found, empty


def _best_rank(records):
    return max((getattr(record, "rank", None) or 0 for record in records), default=0)


def did_you_mean(raw_query, found, databases=DATABASES):
    """A better spelt query when ``raw_query`` found fewer than a few records, or ""."""
    if found is None or found >= FEW_RESULTS or not clean_query(raw_query):
        return ""
    return suggest(raw_query, [database.model for database in databases])


HOME_LATEST = 4


def home_context(totals):
    """Counts (``totals``: {database key: published records}) and entry points of the five
    databases, and the newest projects and technologies."""
    return {
        "databases_by_key": BY_KEY,
        "database_counts": [(database, totals.get(database.key, 0)) for database in DATABASES],
        "latest_projects": list(_cards(Project).order_by("-published_at", "-id")[:HOME_LATEST]),
        "latest_technologies": list(
            _cards(Technology).order_by("-published_at", "-id")[:HOME_LATEST]
        ),
    }


def published_record(kind, slug):
    """The published record of the database whose records are ``kind`` (a model's
    ``url_name``: "project", "talent"…) with ``slug``, or None."""
    database = next((db for db in DATABASES if db.url_name == kind), None)
    if database is None or not slug:
        return None
    return detail_queryset(database.model).filter(slug=slug).first()
