"""The API's views: thin wrappers of the list pages' filtersets, the public querysets and the
serializers. Every answer is JSON, errors too (``exception_handler``): a 400 names each wrong
parameter, an unknown id or path is a 404."""

import hashlib
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from databases.models import Record
from databases.registry import BY_KEY, BY_MODEL, DATABASES, content_areas
from platform_site.cache import content_version
from platform_site.site_url import site_origin

from . import serializers
from .pagination import KeysetPagination

VERSION = "v1"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGE_CODES,
    description=(
        "Translated fields in this language only (English where a text is not translated), "
        "instead of an object of every language."
    ),
)


def exception_handler(exc, context):
    """DRF's answers, with a 400's errors under ``errors`` by parameter name."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"": response.data}
        response.data = {"detail": _("Some query parameters are not valid."), "errors": errors}
    return response


def not_found(request, path=""):
    """Any path under /api/ that names no endpoint: a JSON 404, like an unknown id."""
    return JsonResponse({"detail": _("There is no such endpoint.")}, status=404)


def _modified_at(version):
    """When this content version was first served: no public content changed since (any change
    makes a new version), so it is a truthful Last-Modified for every API answer."""
    return cache.get_or_set(f"api-modified:{version}", lambda: math.ceil(time.time()), 30 * 86400)


def record_areas(database):
    """What an answer of ``database``'s records shows: its records, the taxonomies, and
    whether the records they name in other databases are published (their ids are null
    otherwise): a change elsewhere leaves its ETag as it is."""
    named = {
        BY_MODEL[field.related_model]
        for field in database.model._meta.get_fields()
        if field.concrete
        and field.is_relation
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, Record)
    }
    return content_areas(database, *(named - {database}))


def conditional(view, areas=()):
    """ETag and Last-Modified from the version of the content ``areas`` the answer shows (by
    default everything; platform_site/cache.py), and a 304 for a client that has the current
    answer, before any query."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version = content_version(*areas)
        digest = hashlib.sha256(f"{VERSION} {version} {request.get_full_path()}".encode())
        etag = quote_etag(digest.hexdigest()[:32])
        # The answer's data is kept under it (ApiMixin.get).
        request.content_etag = etag
        last_modified = _modified_at(version)
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            return not_modified
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            # Shared caches may keep it, but ask again each time (a 304 is cheap).
            response["Cache-Control"] = "public, no-cache"
        return response

    return wrapped


class ApiMixin:
    """Refuses unknown query parameters, and serializes in the language of ``?lang=`` or, by
    default, every language (English active for the rest: links, messages)."""

    parameters = ("lang",)

    def allowed_parameters(self):
        return set(self.parameters)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.lang = request.query_params.get("lang") or None
        translation.activate(self.lang if self.lang in LANGUAGE_CODES else settings.LANGUAGE_CODE)
        errors = {
            name: [_("Unknown parameter.")]
            for name in request.query_params
            if name not in self.allowed_parameters()
        }
        if self.lang is not None and self.lang not in LANGUAGE_CODES:
            errors["lang"] = [_("Choose one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}]
        if errors:
            raise ValidationError(errors)

    def get(self, request, *args, **kwargs):
        """The answer as it was sent to the last client that asked for it, for
        ``PUBLIC_PAGE_CACHE_SECONDS``: kept under its ETag (the content version it shows and its
        address, ``conditional``), the media type it was rendered in (``?indent=`` of JSON) and
        the site's origin its links start with. Nothing in it depends on who asks; the rate
        limit and the parameters' checks have run for this client before."""
        etag = getattr(request, "content_etag", None)
        if settings.PUBLIC_PAGE_CACHE_SECONDS and etag:
            self.answer_key = f"api:{etag}:{request.accepted_media_type}:{site_origin(request)}"
            kept = cache.get(self.answer_key)
            if kept is not None:
                content, content_type = kept
                return HttpResponse(content, content_type=content_type)
        return super().get(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        key = getattr(self, "answer_key", None)
        if key and isinstance(response, Response) and response.status_code == 200:
            response.render()
            cache.set(
                key,
                (response.content, response["Content-Type"]),
                settings.PUBLIC_PAGE_CACHE_SECONDS,
            )
        return response

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "lang": self.lang,
            "origin": site_origin(self.request),
        }


@extend_schema_view(get=extend_schema(parameters=[LANG_PARAMETER]))
class RecordList(ApiMixin, generics.ListAPIView):
    """Published records, filtered and searched as on the database's list page."""

    database_key = None
    filterset_class = None
    filter_backends = [DjangoFilterBackend]
    pagination_class = KeysetPagination
    parameters = ("lang", "cursor", "page_size")

    def allowed_parameters(self):
        return super().allowed_parameters() | set(self.filterset_class.base_filters)

    def get_queryset(self):
        return BY_KEY[self.database_key].model.objects.published().for_open_data()


@extend_schema_view(get=extend_schema(parameters=[LANG_PARAMETER]))
class RecordDetail(ApiMixin, generics.RetrieveAPIView):
    """One published record, by its id or its slug (unknown or not published: 404)."""

    database_key = None

    def get_queryset(self):
        return BY_KEY[self.database_key].model.objects.published().for_open_data()


@extend_schema_view(get=extend_schema(parameters=[LANG_PARAMETER]))
class TaxonomyList(ApiMixin, generics.ListAPIView):
    """Every entry of a taxonomy, each with its stable code."""

    ordering = None

    def get_queryset(self):
        return self.serializer_class.Meta.model.objects.order_by(*self.ordering)

    def list(self, request, *args, **kwargs):
        data = self.get_serializer(self.get_queryset(), many=True).data
        return Response({"results": data})


@extend_schema(exclude=True)
class Index(ApiMixin, APIView):
    """The API's entry points."""

    def get(self, request):
        def link(name, **kwargs):
            return request.build_absolute_uri(reverse(f"api:{name}", kwargs=kwargs))

        return Response(
            {
                "databases": {db.key: link(f"{db.key}-list") for db in DATABASES},
                "taxonomies": {key: link(key) for key in TAXONOMIES},
                "schema": link("schema"),
                "documentation": link("docs"),
            }
        )


class Docs(SpectacularSwaggerSplitView):
    """Swagger UI from our static files; its start-up script is a file too (the CSP allows no
    inline script), and the page's own styles are in static/css/api-docs.css (nor inline
    style)."""

    template_name = "databases/api/swagger_ui.html"
    url_name = "api:schema"


# Each taxonomy endpoint: its serializer and order. Languages are those experts work in.
TAXONOMIES = {
    "countries": (serializers.CountrySerializer, ("iso2",)),
    "sectors": (serializers.SectorSerializer, ("ordering", "code")),
    "technology-fields": (serializers.TechnologyFieldSerializer, ("ordering", "code")),
    "sdgs": (serializers.SDGSerializer, ("number",)),
    "cooperation-types": (serializers.CooperationTypeSerializer, ("ordering", "code")),
    "languages": (serializers.LanguageSerializer, ("ordering", "code")),
}
