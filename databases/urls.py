from django.urls import path

from . import views
from .registry import DATABASES

app_name = "databases"

urlpatterns = [path("search/", views.SearchView.as_view(), name="search")]
for database in DATABASES:
    urlpatterns += [
        path(
            f"{database.key}/",
            views.RecordListView.as_view(database_key=database.key),
            name=f"{database.url_name}-list",
        ),
        path(
            f"{database.key}/<slug:slug>/",
            views.RecordDetailView.as_view(database_key=database.key),
            name=f"{database.url_name}-detail",
        ),
    ]
