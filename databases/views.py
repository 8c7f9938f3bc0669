from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from platform_site import cache as page_cache
from platform_site import media
from platform_site.l10n import listing
from platform_site.site_url import site_origin

from . import browse, licences, open_data
from .filters import FILTERSETS
from .models import DataDownload
from .registry import BY_KEY, DATABASES, content_areas


class DatabaseMixin:
    database_key = None

    @property
    def database(self):
        return BY_KEY[self.database_key]

    def get_context_data(self, **kwargs):
        return super().get_context_data(database=self.database, **kwargs)


class SharedContentMixin:
    """A page whose content (the template ``content_template_name``) is the same for every
    visitor of its URL: rendered once per content version and kept (platform_site/cache.py),
    then placed into ``template_name`` with what is each request's own (the header of a
    signed-in member). A member's page then costs what the header costs, not the queries."""

    content_template_name = None

    def get_template_names(self):
        return [self.content_template_name]

    def content_areas(self):
        return content_areas()

    def page_context(self):
        """What ``template_name`` shows around the content (its title, the header's search)."""
        return {"query": browse.clean_query(self.request.GET.get("q", ""))}

    def get(self, request, *args, **kwargs):
        content = page_cache.fragment(
            request,
            self.content_areas(),
            lambda: super(SharedContentMixin, self).get(request, *args, **kwargs).rendered_content,
        )
        return TemplateResponse(
            request, self.template_name, {**self.page_context(), "content": content}
        )


class FilteredListView(FilterView):
    """A public list with a django-filter panel, removable filter chips and pagination."""

    # Apply the valid filters and report the invalid ones, rather than showing nothing.
    strict = False
    paginate_by = browse.PAGE_SIZE
    page_kwarg = "page"

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404 as error:
            raise Http404(_("There is no such page of results.")) from error

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["active_filters"] = browse.active_filters(self.filterset, self.request.GET)
        context["page_query"] = browse.query_without(self.request.GET, "page")
        page = context["page_obj"]
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context


class RecordListView(SharedContentMixin, DatabaseMixin, FilteredListView):
    template_name = "databases/record_list.html"
    content_template_name = "databases/_record_list.html"

    def content_areas(self):
        return content_areas(self.database)

    def page_context(self):
        return {**super().page_context(), "database": self.database}

    def get_filterset_class(self):
        return FILTERSETS[self.database_key]

    def get_queryset(self):
        return self.database.model.objects.published().for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context["paginator"]
        if paginator is not None and not getattr(paginator, "capped", False):
            self.filterset.count_facets(paginator.count)
        query = self.request.GET.get("q", "")
        context["query"] = browse.clean_query(query)
        suggestion = browse.did_you_mean(query, self.filterset.match_count, [self.database])
        if suggestion:
            context["suggestion"] = suggestion
            context["suggestion_query"] = browse.query_with(self.request.GET, "q", suggestion)
        return context

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.filterset.match_count is None:
            return super().get_paginator(queryset, per_page, **kwargs)
        return browse.CountedPaginator(
            queryset,
            per_page,
            count=self.filterset.match_count,
            capped=self.filterset.match_count_capped,
            **kwargs,
        )


class RecordDetailView(DatabaseMixin, DetailView):
    """A record with its relations and related records, kept as a fragment for everyone
    (platform_site/cache.py); the reader's next step (matchmaking) is rendered for each."""

    template_name = "databases/record_detail.html"
    content_template_name = "databases/_record_detail.html"
    context_object_name = "record"

    def get_object(self, queryset=None):
        return get_object_or_404(
            browse.detail_queryset(self.database.model), slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(related=browse.related_records(self.object), **kwargs)

    def get(self, request, *args, **kwargs):
        def content():
            self.object = self.get_object()
            context = self.get_context_data(object=self.object)
            return TemplateResponse(request, self.content_template_name, context).rendered_content

        identity, title, description, head, crumb, before, after = page_cache.fragment_parts(
            request, content_areas(), content
        )
        # Kept, the fragment was rendered from the published record at this content version.
        record = getattr(self, "object", None) or self.database.model.from_identity(
            self.kwargs["slug"], identity
        )
        return TemplateResponse(
            request,
            self.template_name,
            {
                "database": self.database,
                "record": record,
                "title": title,
                "description": description,
                "head": head,
                "crumb": crumb,
                "content_before": before,
                "content_after": after,
            },
        )


class SearchView(SharedContentMixin, TemplateView):
    template_name = "databases/search.html"
    content_template_name = "databases/_search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "")
        found, empty = browse.search_all(query)
        suggestion = browse.did_you_mean(query, sum(group["count"] for group in found))
        return super().get_context_data(
            query=browse.clean_query(query),
            groups=found,
            nothing_found_in=listing(database.title for database in empty),
            suggestion=suggestion,
            suggestion_query=browse.query_with(self.request.GET, "q", suggestion),
            databases=DATABASES,
            **kwargs,
        )


# The files change at most hourly; a client may keep one for a few minutes.
OPEN_DATA_CACHE = "public, max-age=300"


class OpenDataView(TemplateView):
    """/<lang>/data/: each database's files, their licence and the sources' attribution."""

    template_name = "databases/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            downloads=open_data.downloads(),
            licence=licences.current_licence(),
            sources=licences.SOURCES,
            docs_url=reverse("api:docs"),
            schema_url=reverse("api:schema"),
            catalogue_url=reverse("open-data-catalogue"),
            **kwargs,
        )


def open_data_file(request, key, fmt):
    """/data/<database>.<format>: the current file, whose stored name changes with each export,
    at a stable address; public data, cached for a while."""
    row = get_object_or_404(DataDownload, database=key, format=fmt)
    return media.send(row.file.name, OPEN_DATA_CACHE, as_attachment=True, filename=f"{key}.{fmt}")


def open_data_catalogue(request):
    """/data/catalog.jsonld: the DCAT catalogue of the downloads, for data portals."""
    return JsonResponse(
        open_data.catalogue(site_origin(request)),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
