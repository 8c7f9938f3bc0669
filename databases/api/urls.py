"""/api/: wired from platform_site/urls.py, outside the language prefix. Version 1 is under
/api/v1/; a change that breaks clients goes to /api/v2/, beside it."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from databases import registry
from databases.filters import FILTERSETS
from databases.registry import DATABASES

from . import serializers, views

app_name = "api"

v1 = [
    path("", views.conditional(views.Index.as_view()), name="index"),
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", views.Docs.as_view(), name="docs"),
]
for database in DATABASES:
    common = {
        "database_key": database.key,
        "serializer_class": serializers.SERIALIZERS[database.key],
    }
    areas = views.record_areas(database)
    v1 += [
        path(
            f"{database.key}/",
            views.conditional(
                views.RecordList.as_view(filterset_class=FILTERSETS[database.key], **common),
                areas,
            ),
            name=f"{database.key}-list",
        ),
        path(
            f"{database.key}/<int:pk>/",
            views.conditional(views.RecordDetail.as_view(**common), areas),
            name=f"{database.key}-detail",
        ),
        path(
            f"{database.key}/slug/<slug:slug>/",
            views.conditional(views.RecordDetail.as_view(lookup_field="slug", **common), areas),
            name=f"{database.key}-by-slug",
        ),
    ]
for key, (serializer_class, ordering) in views.TAXONOMIES.items():
    v1.append(
        path(
            f"{key}/",
            views.conditional(
                views.TaxonomyList.as_view(serializer_class=serializer_class, ordering=ordering),
                (registry.TAXONOMIES,),
            ),
            name=key,
        )
    )

urlpatterns = [
    path("v1/", include(v1)),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    re_path(r"^(?P<path>.*)$", views.not_found),
]
