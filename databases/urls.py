from django.urls import path

from platform_site.cache import public_page

from . import views
from .registry import DATABASES

app_name = "databases"

urlpatterns = [path("search/", public_page(views.SearchView.as_view()), name="search")]
for database in DATABASES:
    urlpatterns += [
        path(
            f"{database.key}/",
            public_page(views.RecordListView.as_view(database_key=database.key)),
            name=f"{database.url_name}-list",
        ),
        path(
            f"{database.key}/<slug:slug>/",
            public_page(views.RecordDetailView.as_view(database_key=database.key)),
            name=f"{database.url_name}-detail",
        ),
    ]
