"""/data/: the open data files and their catalogue, outside the language prefix (wired from
platform_site/urls.py); the page that describes them is /<lang>/data/ (databases/urls.py)."""

from django.urls import path

from platform_site.cache import public_page

from . import views

urlpatterns = [
    path("catalog.jsonld", public_page(views.open_data_catalogue), name="open-data-catalogue"),
    path("<slug:key>.<slug:fmt>", views.open_data_file, name="open-data-file"),
]
