from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from cms.sitemaps import sitemaps as cms_sitemaps
from databases.sitemaps import sitemaps as database_sitemaps

from . import views

handler400 = views.bad_request
handler403 = views.permission_denied
handler500 = views.server_error

sitemaps = {**database_sitemaps, **cms_sitemaps}

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("admin/", admin.site.urls),
    # The public API, without a language prefix (?lang= chooses one): databases/api/.
    path("api/", include("databases.api.urls")),
    # The bulk downloads' stable addresses and their DCAT catalogue: databases/data_urls.py.
    path("data/", include("databases.data_urls")),
    # Every uploaded file, whatever the storage: the view decides who may see it.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", views.media, name="media"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("cms.urls")),
    path("", include("databases.urls")),
    path("", include("matchmaking.urls")),
)

if settings.BENCHMARK_ENDPOINTS:
    urlpatterns += [path("bench/baseline", views.benchmark_baseline)]
