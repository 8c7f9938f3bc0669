from django.urls import path

from platform_site.cache import public_page

from . import member_views, views
from .feeds import RecordFeed
from .registry import DATABASES

app_name = "databases"

urlpatterns = [
    path("search/", public_page(views.SearchView.as_view()), name="search"),
    path("data/", public_page(views.OpenDataView.as_view()), name="open-data"),
]
for database in DATABASES:
    urlpatterns += [
        path(
            f"{database.key}/",
            public_page(views.RecordListView.as_view(database_key=database.key)),
            name=f"{database.url_name}-list",
        ),
        path(
            f"{database.key}/feed/",
            public_page(RecordFeed(database.key)),
            name=f"{database.url_name}-feed",
        ),
        path(
            f"{database.key}/<slug:slug>/",
            public_page(views.RecordDetailView.as_view(database_key=database.key)),
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
