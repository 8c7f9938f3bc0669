from django.urls import path

from platform_site.cache import public_page

from . import member_views, views
from .feeds import RecordFeed
from .filters import FILTERSETS, query_parameters
from .registry import DATABASES, content_areas

app_name = "databases"

urlpatterns = [
    path(
        "search/",
        public_page(views.SearchView.as_view(), content_areas(), {"q": False}),
        name="search",
    ),
    path("data/", public_page(views.OpenDataView.as_view()), name="open-data"),
]
for database in DATABASES:
    urlpatterns += [
        path(
            f"{database.key}/",
            public_page(
                views.RecordListView.as_view(database_key=database.key),
                content_areas(database),
                query_parameters(FILTERSETS[database.key]),
            ),
            name=f"{database.url_name}-list",
        ),
        path(
            f"{database.key}/feed/",
            public_page(RecordFeed(database.key), content_areas(database)),
            name=f"{database.url_name}-feed",
        ),
        path(
            f"{database.key}/<slug:slug>/",
            # Related records of other databases show on it.
            public_page(
                views.RecordDetailView.as_view(database_key=database.key), content_areas(), {}
            ),
            name=f"{database.url_name}-detail",
        ),
    ]

urlpatterns += [
    path("member/", member_views.dashboard, name="member-dashboard"),
    path("member/enterprise/new/", member_views.enterprise_register, name="member-enterprise-new"),
    path("member/enterprise/join/", member_views.enterprise_join, name="member-enterprise-join"),
    path("member/<str:kind>/new/", member_views.record_new, name="member-new"),
    path("member/<str:kind>/<int:pk>/", member_views.record_detail, name="member-record"),
    path("member/<str:kind>/<int:pk>/edit/", member_views.record_edit, name="member-edit"),
    path("member/<str:kind>/<int:pk>/submit/", member_views.record_submit, name="member-submit"),
]
