"""Server-side timings of the public database pages, their feeds and the statistics page (with
a cold cache), for capacity checks at scale.

Meant for PostgreSQL filled with ``seed_demo --per-database 100000``; it runs against whatever
database is configured and never writes to it.
"""

import logging
import math
import os
import platform
import statistics
import time
from urllib.parse import urlencode

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.backends.signals import connection_created
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation

from databases.api.pagination import encode_cursor
from databases.models import Language, Sector, TechnologyField
from databases.registry import DATABASES
from platform_site.cache import bump_content_version

TARGET_MS = 100


def _read_only(sender, connection, mode="READ ONLY", **kwargs):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET SESSION CHARACTERISTICS AS TRANSACTION {mode}")


class Command(BaseCommand):
    help = (
        "Time the public list, filter, search and detail pages of the five databases with the "
        "test client (server time only, no network) and print a table with the query count, "
        "median and 95th percentile. Read-only: on PostgreSQL the session is made read-only and "
        "everything runs in a transaction that is rolled back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=10, help="Timed runs per URL.")
        parser.add_argument("--warmup", type=int, default=2, help="Untimed runs per URL first.")
        parser.add_argument("--language", default="en", help="Language prefix of the URLs.")

    def handle(self, *args, **options):
        if options["repeat"] < 1 or options["warmup"] < 0:
            raise CommandError("--repeat must be at least 1 and --warmup at least 0.")
        connection_created.connect(_read_only)
        # Pages of missing records (page 50 of a short list) would log a warning per request.
        request_log = logging.getLogger("django.request")
        log_level = request_log.level
        request_log.setLevel(logging.ERROR)
        try:
            _read_only(None, connection)
            # The static manifest exists only after collectstatic, HTTPS redirects would
            # time a redirect instead of the page, and the whole-page cache would time a
            # cache hit: none of these is what is measured here (bench_http measures those).
            with (
                override_settings(
                    PUBLIC_PAGE_CACHE_SECONDS=0,
                    # One client asks for everything: the API's rate limit would answer 429s.
                    API_RATE_LIMIT="100000000/min",
                    ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
                    STORAGES={
                        **settings.STORAGES,
                        "staticfiles": {
                            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
                        },
                    },
                ),
                transaction.atomic(),
            ):
                self.report(options)
                transaction.set_rollback(True)
        finally:
            connection_created.disconnect(_read_only)
            _read_only(None, connection, mode="READ WRITE")
            request_log.setLevel(log_level)

    def report(self, options):
        language = options["language"]
        with translation.override(language):
            urls = self.urls(language)
        self.print_machine()
        client = Client(raise_request_exception=False)
        width = max(len(url) for url in urls)
        header = f"{'URL':<{width}}  status  queries  median ms  p95 ms"
        self.stdout.write(f"\n{header}\n{'-' * len(header)}")
        slow = []
        for url in urls:
            status, queries, median, p95 = self.measure(client, url, options)
            flag = "  !" if median > TARGET_MS else ""
            self.stdout.write(
                f"{url:<{width}}  {status:>6}  {queries:>7}  {median:>9.1f}  {p95:>6.1f}{flag}"
            )
            if median > TARGET_MS or status != 200:
                slow.append(url)
        self.stdout.write("")
        if slow:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(slow)} URL(s) above {TARGET_MS} ms median or not 200: " + ", ".join(slow)
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Every page answered 200 under {TARGET_MS} ms."))

    def measure(self, client, url, options):
        # The statistics page keeps its figures in the cache: it is timed with a cold one, each
        # run under a new content version (what the first visitor after a change waits).
        cold = url in self.cold_urls
        for _ in range(options["warmup"]):
            client.get(url, secure=True)
        timings = []
        for _ in range(options["repeat"]):
            if cold:
                bump_content_version()
            started = time.perf_counter()
            response = client.get(url, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
        # Counted on a separate run, as recording the SQL costs time of its own.
        with CaptureQueriesContext(connection) as queries:
            client.get(url, secure=True)
        timings.sort()
        p95 = timings[max(0, math.ceil(0.95 * len(timings)) - 1)]
        return response.status_code, len(queries), statistics.median(timings), p95

    def urls(self, language):
        sector = self.first(Sector, "code", "solar-energy")
        field = self.first(TechnologyField, "code", "y02e")
        spoken = self.first(Language, "code", "zh")
        filters = {
            "technologies": f"brics=member&sector={sector}",
            "projects": f"stage=financing&sector={sector}",
            "talents": f"language={spoken}&field={field}",
            "enterprises": f"size=medium&sector={sector}",
            "institutions": "type=finance&brics=member",
        }
        urls = []
        for database in DATABASES:
            listing = reverse(f"databases:{database.url_name}-list")
            urls += [
                listing,
                f"{listing}?{filters[database.key]}",
                f"{listing}?page=50",
                f"{listing}?q=solar",
            ]
            record = self.middle_record(database.model)
            if record is not None:
                urls.append(record.get_absolute_url())
        search = reverse("databases:search")
        urls += [f"{search}?q={q}" for q in ("solar", "光伏", "ветропарк", "सौर")]
        urls += [reverse(f"databases:{database.url_name}-feed") for database in DATABASES]
        urls += self.api_urls(filters)
        # By name: the page belongs to matchmaking, which this app does not import.
        self.cold_urls = {reverse("matchmaking:statistics")}
        return [*urls, *sorted(self.cold_urls)]

    def api_urls(self, filters):
        """The API's lists (plain, filtered, searched, the page after a record in the middle of
        the table through its cursor), details by id, and a taxonomy; no ETag is sent, so each
        does its work."""
        urls = []
        for database in DATABASES:
            listing = reverse(f"api:{database.key}-list")
            urls += [listing, f"{listing}?{filters[database.key]}", f"{listing}?q=solar"]
            record = self.middle_record(database.model)
            if record is not None:
                urls.append(reverse(f"api:{database.key}-detail", args=[record.pk]))
                # The default order is newest first (filters.NEWEST): its keys.
                published_at = database.model.objects.get(pk=record.pk).published_at
                cursor = encode_cursor(["published_at", "pk"], [published_at, record.pk])
                urls.append(f"{listing}?{urlencode({'cursor': cursor})}")
        return [*urls, reverse("api:countries")]

    @staticmethod
    def first(model, field, preferred):
        values = list(model.objects.values_list(field, flat=True))
        if not values:
            raise CommandError(f"No {model._meta.verbose_name_plural}: run migrate first.")
        return preferred if preferred in values else values[0]

    @staticmethod
    def middle_record(model):
        """A published record from the middle of the table, not one the caches favour."""
        published = model.objects.published()
        last = published.order_by("-pk").values_list("pk", flat=True).first()
        if last is None:
            return None
        return published.filter(pk__gte=last // 2).order_by("pk").only("slug").first()

    def print_machine(self):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            database = f"{connection.display_name} {connection.Database.sqlite_version}"
        self.stdout.write(
            f"Machine: {os.cpu_count()} CPUs, {platform.platform()}, "
            f"Python {platform.python_version()}, Django {django.get_version()}, {database}"
            f" ({connection.settings_dict['NAME']}), DEBUG={settings.DEBUG}"
        )
        counts = ", ".join(
            f"{db.key} {db.model.objects.count():,} ({db.model.objects.published().count():,} "
            "published)"
            for db in DATABASES
        )
        self.stdout.write(f"Records: {counts}")
