"""Filter panels of the public list pages (django-filter).

Every parameter is validated by a form field: a wrong value becomes the form's error
message and an empty result, never a server error. Many-to-many facets filter through
``EXISTS`` subqueries so a record matching several values is listed (and counted) once.
"""

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelMultipleChoiceField

from . import search, widgets
from .choices import TaxonomyChoiceIterator
from .models import (
    SDG,
    BricsStatus,
    CooperationType,
    Country,
    Enterprise,
    Language,
    Project,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)
from .models.enterprise import EnterpriseSize
from .models.institution import InstitutionType
from .models.project import ProjectStage
from .models.talent import Availability
from .models.technology import IPStatus
from .search import clean_query

TRL_CHOICES = [(str(n), str(n)) for n in range(1, 10)]


class SingleTableChoiceFilter(filters.MultipleChoiceFilter):
    """A multi-valued facet on the record's own table (or a to-one relation): no DISTINCT."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


def exists_through(queryset, relation, lookup, values):
    """``queryset`` narrowed to records whose many-to-many ``relation`` has any of ``values``."""
    field = queryset.model._meta.get_field(relation)
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    return queryset.filter(
        Exists(
            through.objects.filter(**{source: OuterRef("pk"), f"{target}__{lookup}__in": values})
        )
    )


# No database column holds an integer beyond 64 bits, signed.
INTEGER_RANGE = range(-(2**63), 2**63)


def _beyond_64_bits(value):
    try:
        return int(value) not in INTEGER_RANGE
    except (TypeError, ValueError):
        return False  # not an integer at all: Django's own check reports it


class TaxonChoiceField(ModelMultipleChoiceField):
    """Taxa by key, where an integer key beyond 64 bits (an SDG number) is no choice.

    Django checks each value against the key's type, then queries them all with ``__in``:
    SQLite cannot bind such an integer (OverflowError, a server error) and PostgreSQL finds
    nothing. Refused before the query, it is the same "not one of the available choices" on
    every database, and the other filters still apply.
    """

    def _check_values(self, value):
        key = self.queryset.model._meta.get_field(self.to_field_name)
        if isinstance(key, IntegerField):
            for item in value:
                if _beyond_64_bits(item):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": item},
                    )
        return super()._check_values(value)


class TaxonFilter(filters.ModelMultipleChoiceFilter):
    """A multi-valued facet on a taxonomy, addressed in URLs by its stable code."""

    field_class = TaxonChoiceField

    def __init__(self, *args, relation, to_field_name="code", **kwargs):
        self.relation = relation
        kwargs.setdefault("widget", widgets.CheckboxSelectMultiple)
        super().__init__(*args, to_field_name=to_field_name, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return exists_through(
            qs,
            self.relation,
            self.field.to_field_name,
            [getattr(v, self.field.to_field_name) for v in value],
        )


class CountryRelationFilter(filters.ModelChoiceFilter):
    """One country, matched through a many-to-many ``relation`` to countries."""

    def __init__(self, *args, relation, **kwargs):
        self.relation = relation
        kwargs.setdefault("empty_label", _("Any country"))
        kwargs.setdefault("widget", widgets.Select)
        super().__init__(
            *args, queryset=Country.objects.brics_first(), to_field_name="iso2", **kwargs
        )

    def filter(self, qs, value):
        if not value:
            return qs
        return exists_through(qs, self.relation, "iso2", [value.iso2])


def _is_set(value):
    """Whether a cleaned filter value narrows the list (an empty choice of taxa does not)."""
    if value is None or value is False:
        return False
    if isinstance(value, str | list | tuple | QuerySet):
        # The chosen taxa were fetched during validation: no query here, none for none().
        return bool(value)
    return True


NEWEST = ("newest", _("Newest first"), ["-published_at", "-id"])
BY_NAME = ("title", _("Name A–Z"), ["title", "id"])


class RecordFilterSet(filters.FilterSet):
    """A list's filters, and how many published records each option of a facet would give.

    The counts follow the faceted-search convention: an option counts the records matching
    every other active filter and the keyword, and that option; the facet's own choices are
    left out, since its options add to one another (any of). One grouped query per facet.
    """

    q = filters.CharFilter(label=_("Keywords"), method="filter_search", max_length=200, strip=True)
    country = filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.brics_first(),
        to_field_name="iso2",
        empty_label=_("All countries"),
        widget=widgets.Select,
    )
    brics = SingleTableChoiceFilter(
        label=_("BRICS status"),
        field_name="country__brics_status",
        choices=BricsStatus.choices,
        widget=widgets.CheckboxSelectMultiple,
    )
    sector = TaxonFilter(label=_("Sector"), queryset=Sector.objects.all(), relation="sectors")
    sort = filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_sort",
        empty_label=None,
        choices=(),
        widget=widgets.Select,
    )

    # (value, label, ordering); the first is the default without a keyword.
    sort_options = [NEWEST, ("title", _("Title A–Z"), ["title", "id"])]

    # The facets whose options show a count: filter name → the path of the value a record is
    # counted under. Paths crossing one relation count each record once per value; a path
    # crossing two (a project's fields, through its technologies) counts distinct records.
    facets = {
        "country": "country__iso2",
        "brics": "country__brics_status",
        "sector": "sectors__code",
    }

    class Meta:
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                field.iterator = TaxonomyChoiceIterator
                field.widget.choices = field.choices
        # The list a keyword or filter narrowed, counted up to search.MATCH_CAP when asked:
        # a page says how many records it found, the API does not ask.
        self._narrowed = None
        self._match_counts = None
        choices = [(v, label) for v, label, _o in self.sort_options]
        if clean_query(self.data.get("q")):
            choices.insert(0, ("relevance", _("Relevance")))
        self.filters["sort"].extra["choices"] = choices
        self.form.fields["sort"].choices = choices
        self.form.fields["sort"].required = False

    def _counted(self):
        if self._match_counts is None:
            self._match_counts = (
                (None, False)
                if self._narrowed is None
                # Counting every match of a broad filter costs more than the page itself.
                else search.count_matches(self._narrowed)
            )
        return self._match_counts

    @property
    def match_count(self):
        """How many records the keyword or filters found (up to search.MATCH_CAP), or None
        when nothing narrowed the list."""
        return self._counted()[0]

    @property
    def match_count_capped(self):
        return self._counted()[1]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_sort(self, queryset, name, value):
        # Applied in filter_queryset, once the keyword search has annotated the rank.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        sort, keyword = data.get("sort"), clean_query(data.get("q"))
        narrowed = keyword or any(name != "sort" and _is_set(value) for name, value in data.items())
        if narrowed:
            self._narrowed = queryset
        if sort in (None, "", "relevance"):
            if keyword:
                return search.order_by_relevance(queryset, self.match_count_capped)
            sort = self.sort_options[0][0]
        ordering = {v: o for v, _label, o in self.sort_options}[sort]
        return queryset.order_by(*ordering)

    def count_facets(self, listed):
        """Count each facet's options and hand the counts to their widgets, which show them.

        ``listed``: how many records the list holds. A grouped count reads every record it
        counts, so it is made, like the count of matches, over at most search.MATCH_CAP
        records: on a broader list (a whole database of 100,000) the options show no count
        until a filter or a keyword narrows it. A facet in use counts over a broader set than
        the list (its own choices left out): a capped count of that set says whether it may.
        """
        if listed is None or listed > search.MATCH_CAP:
            return None
        cleaned = getattr(self.form, "cleaned_data", {})
        counts = {}
        for name, path in self.facets.items():
            records = self.filtered_without(name)
            if _is_set(cleaned.get(name)) and search.count_matches(records)[1]:
                continue
            counts[name] = _count_options(records, path)
        counts.update(self.count_other_facets())
        for name, options in counts.items():
            self.form.fields[name].widget.counts = options
        return counts

    def count_other_facets(self):
        """Counts of facets that are not "any of" a path's values: {name: {value: count}}."""
        return {}

    def filtered_without(self, excluded):
        """The records matching every valid filter but ``excluded`` (and the sort)."""
        queryset = self.queryset
        # An unbound form (a list without a query string) has no cleaned data.
        for name, value in getattr(self.form, "cleaned_data", {}).items():
            if name not in (excluded, "sort"):
                queryset = self.filters[name].filter(queryset, value)
        return queryset


def _count_options(records, path):
    """How many of ``records`` each value at ``path`` has: {value: count}, one grouped query."""
    rows = (
        records.order_by()
        .prefetch_related(None)
        .values(path)
        .annotate(records=Count("pk", distinct=path.count("__") > 1))
    )
    return {str(row[path]): row["records"] for row in rows if row[path] is not None}


class TechnologyFilterSet(RecordFilterSet):
    field = TaxonFilter(
        label=_("Technology field"),
        queryset=TechnologyField.objects.all(),
        relation="technology_fields",
    )
    trl_min = filters.ChoiceFilter(
        label=_("Readiness from TRL"),
        field_name="trl",
        lookup_expr="gte",
        choices=TRL_CHOICES,
        widget=widgets.Select,
        empty_label=_("Any"),
    )
    trl_max = filters.ChoiceFilter(
        label=_("Readiness up to TRL"),
        field_name="trl",
        lookup_expr="lte",
        choices=TRL_CHOICES,
        widget=widgets.Select,
        empty_label=_("Any"),
    )
    ip = SingleTableChoiceFilter(
        label=_("Intellectual property"),
        field_name="ip_status",
        choices=IPStatus.choices,
        widget=widgets.CheckboxSelectMultiple,
    )
    transfer = TaxonFilter(
        label=_("Transfer mode"),
        queryset=CooperationType.objects.all(),
        relation="transfer_modes",
    )

    sort_options = [
        *RecordFilterSet.sort_options,
        ("trl", _("Most mature first"), ["-trl", "-published_at", "-id"]),
        ("co2", _("Largest CO₂ reduction"), [F("co2_reduction").desc(nulls_last=True), "-id"]),
    ]
    facets = {
        **RecordFilterSet.facets,
        "field": "technology_fields__code",
        "ip": "ip_status",
        "transfer": "transfer_modes__code",
    }

    class Meta:
        model = Technology
        fields = []


class ProjectFilterSet(RecordFilterSet):
    field = filters.ModelMultipleChoiceFilter(
        label=_("Technology field"),
        queryset=TechnologyField.objects.all(),
        to_field_name="code",
        widget=widgets.CheckboxSelectMultiple,
        method="filter_field",
    )
    stage = SingleTableChoiceFilter(
        label=_("Stage"), choices=ProjectStage.choices, widget=widgets.CheckboxSelectMultiple
    )
    investment_min = filters.NumberFilter(
        label=_("Investment from (USD)"),
        field_name="investment_usd",
        lookup_expr="gte",
        min_value=0,
        max_value=10**14,
    )
    investment_max = filters.NumberFilter(
        label=_("Investment up to (USD)"),
        field_name="investment_usd",
        lookup_expr="lte",
        min_value=0,
        max_value=10**14,
    )
    cooperation = TaxonFilter(
        label=_("Cooperation sought"),
        queryset=CooperationType.objects.all(),
        relation="cooperation_types",
    )
    sdg = TaxonFilter(
        label=_("Sustainable Development Goal"),
        queryset=SDG.objects.all(),
        relation="sdgs",
        to_field_name="number",
    )

    sort_options = [
        *RecordFilterSet.sort_options,
        ("investment", _("Largest investment"), [F("investment_usd").desc(nulls_last=True), "-id"]),
        ("co2", _("Largest CO₂ reduction"), [F("co2_reduction").desc(nulls_last=True), "-id"]),
    ]
    facets = {
        **RecordFilterSet.facets,
        "field": "technologies__technology_fields__code",
        "stage": "stage",
        "cooperation": "cooperation_types__code",
        "sdg": "sdgs__number",
    }

    class Meta:
        model = Project
        fields = []

    def filter_field(self, queryset, name, value):
        """Projects that use a technology of one of the fields."""
        if not value:
            return queryset
        through = Project.technologies.through
        return queryset.filter(
            Exists(
                through.objects.filter(
                    project=OuterRef("pk"),
                    technology__technology_fields__in=value,
                )
            )
        )


class TalentFilterSet(RecordFilterSet):
    field = TaxonFilter(
        label=_("Field of expertise"),
        queryset=TechnologyField.objects.all(),
        relation="technology_fields",
    )
    language = TaxonFilter(
        label=_("Working language"),
        queryset=Language.objects.all(),
        relation="languages",
    )
    availability = SingleTableChoiceFilter(
        label=_("Available for"),
        choices=Availability.choices,
        widget=widgets.CheckboxSelectMultiple,
        method="filter_availability",
    )
    experience_min = filters.NumberFilter(
        label=_("Minimum years of experience"),
        field_name="experience_years",
        lookup_expr="gte",
        min_value=0,
        max_value=80,
    )

    sort_options = [
        NEWEST,
        BY_NAME,
        ("experience", _("Most experienced"), ["-experience_years", "-id"]),
    ]
    facets = {
        **RecordFilterSet.facets,
        "field": "technology_fields__code",
        "language": "languages__code",
    }

    class Meta:
        model = Talent
        fields = []

    def count_other_facets(self):
        """An expert must be available for every chosen kind of work ("all of"): each kind
        counts the experts listed now who are also available for it, in one query."""
        kinds = [value for value, _label in Availability.choices]
        counts = (
            self.filtered_without(None)
            .order_by()
            .aggregate(
                **{kind: Count("pk", filter=Q(**{f"available_{kind}": True})) for kind in kinds}
            )
        )
        return {"availability": counts}

    def filter_availability(self, queryset, name, value):
        """Experts available for every one of the chosen kinds of work."""
        return queryset.filter(**{f"available_{kind}": True for kind in value})


class EnterpriseFilterSet(RecordFilterSet):
    size = SingleTableChoiceFilter(
        label=_("Size"), choices=EnterpriseSize.choices, widget=widgets.CheckboxSelectMultiple
    )
    cooperation = TaxonFilter(
        label=_("Cooperation offered"),
        queryset=CooperationType.objects.all(),
        relation="cooperation_offered",
    )
    invests_in = CountryRelationFilter(label=_("Invests in country"), relation="interest_countries")
    verified = filters.BooleanFilter(
        label=_("Verified by the secretariat only"),
        widget=forms.CheckboxInput,
        method="filter_verified",
    )

    sort_options = [
        NEWEST,
        BY_NAME,
        ("founded", _("Oldest established"), ["founded", "id"]),
    ]
    facets = {
        **RecordFilterSet.facets,
        "size": "size",
        "cooperation": "cooperation_offered__code",
        "invests_in": "interest_countries__iso2",
    }

    class Meta:
        model = Enterprise
        fields = []

    def filter_verified(self, queryset, name, value):
        return queryset.filter(verified=True) if value else queryset


class ServiceInstitutionFilterSet(RecordFilterSet):
    type = SingleTableChoiceFilter(
        label=_("Type of institution"),
        field_name="institution_type",
        choices=InstitutionType.choices,
        widget=widgets.CheckboxSelectMultiple,
    )
    serves = CountryRelationFilter(label=_("Serves country"), relation="countries_served")

    sort_options = [
        NEWEST,
        BY_NAME,
    ]
    facets = {
        **RecordFilterSet.facets,
        "type": "institution_type",
        "serves": "countries_served__iso2",
    }

    class Meta:
        model = ServiceInstitution
        fields = []


FILTERSETS = {
    "technologies": TechnologyFilterSet,
    "projects": ProjectFilterSet,
    "talents": TalentFilterSet,
    "enterprises": EnterpriseFilterSet,
    "institutions": ServiceInstitutionFilterSet,
}


def query_parameters(filterset_class):
    """The parameters of a list page's query string (platform_site/cache.py normalises it to
    them): each filter's, true for those taking several values, and the page."""
    return {
        name: isinstance(f, filters.MultipleChoiceFilter)
        for name, f in filterset_class.base_filters.items()
    } | {"page": False}
