"""HTTP benchmark of the public pages as production serves them.

Starts gunicorn (DEBUG off, whitenoise, the configured database and cache) and loads each page
with wrk, each right after the trivial /bench/baseline view of the same server, and prints the
throughput of each page as a share of the baseline's together with p50 and p99 latency.
Meant for PostgreSQL with 100k records per database (`make bench`).
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from databases.registry import DATABASES

# (label, path, required share of the baseline's throughput)
PAGES = [
    ("home", "/en/", 0.25),
    *((f"list: {db.key}", f"/en/{db.key}/", 0.25) for db in DATABASES),
    ("filtered list", "/en/projects/?brics=member&sector=solar-energy", 0.25),
    ("filtered list", "/en/technologies/?trl_min=6&sector=wind-energy", 0.25),
    ("detail", "{detail}", 0.25),
    ("search", "/en/search/?q=solar", 0.10),
    ("search (Chinese)", "/zh-hans/search/?q=%E5%85%89%E4%BC%8F", 0.10),
    # The API, with no ETag sent: each request does the work (a 304 would cost next to nothing).
    ("API list", "/api/v1/projects/", 0.25),
    ("API filtered list", "/api/v1/technologies/?trl_min=6&sector=wind-energy", 0.25),
    ("API search", "/api/v1/technologies/?q=solar", 0.10),
]

LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


class Command(BaseCommand):
    help = "Throughput and latency of the public pages under gunicorn, against a trivial view."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
        parser.add_argument("--port", type=int, default=8044)

    def handle(self, *args, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed (Debian package 'wrk').")
        call_command("collectstatic", interactive=False, verbosity=0)
        base = f"http://127.0.0.1:{options['port']}"
        server = self.start_server(options)
        try:
            self.wait_until_up(base)
            detail = self.first_detail_path(base)
            rows = []
            for label, path, target in PAGES:
                path = path.format(detail=detail)
                # Warm up both, then measure the baseline and the page back to back.
                for url in (base + "/bench/baseline", base + path):
                    self.wrk(url, 2, options["connections"])
                baseline = self.wrk(
                    base + "/bench/baseline", options["duration"], options["connections"]
                )
                page = self.wrk(base + path, options["duration"], options["connections"])
                rows.append((label, path, page, baseline, target))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        self.report(rows, options)

    def start_server(self, options):
        env = {
            **os.environ,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_BENCHMARK_ENDPOINTS": "true",
            # wrk is one client: the API's rate limit per address would answer 429s.
            "API_RATE_LIMIT": "100000000/min",
        }
        command = [
            sys.executable, "-m", "gunicorn", "platform_site.wsgi:application",
            "--bind", f"127.0.0.1:{options['port']}", "--workers", str(options["workers"]),
            "--log-level", "warning",
        ]  # fmt: skip
        return subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)

    def wait_until_up(self, base):
        for _attempt in range(100):
            try:
                urllib.request.urlopen(base + "/bench/baseline", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        raise CommandError("gunicorn did not start")

    def first_detail_path(self, base):
        html = urllib.request.urlopen(base + "/en/projects/", timeout=30).read().decode()
        match = re.search(r'href="(/en/projects/[^"?/]+/)"', html)
        if not match:
            raise CommandError("No published project to open: seed the database first.")
        return match.group(1)

    def wrk(self, url, duration, connections):
        output = subprocess.run(
            ["wrk", "--latency", "-t", "2", "-c", str(connections), "-d", f"{duration}s", url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        return {
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50": self.latency(output, "50%"),
            "p99": self.latency(output, "99%"),
            "errors": int(non_2xx.group(1)) if non_2xx else 0,
        }

    def latency(self, output, percentile):
        value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", output).groups()
        return float(value) * LATENCY_UNITS[unit]

    def report(self, rows, options):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT version()") if connection.vendor == "postgresql" else None
            version = (
                cursor.fetchone()[0].split(" on ")[0]
                if connection.vendor == "postgresql"
                else connection.vendor
            )
        counts = ", ".join(f"{db.key} {db.model.objects.published().count():,}" for db in DATABASES)
        self.stdout.write(
            f"Machine: {os.cpu_count()} CPUs; database: {version}; published records: {counts}\n"
            f"gunicorn {options['workers']} sync workers; wrk 2 threads, "
            f"{options['connections']} connections, {options['duration']} s per measurement\n"
        )
        self.stdout.write(
            "| page | path | req/s | p50 ms | p99 ms | baseline req/s | share | target | |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---|"
        )
        failed = False
        for label, path, page, baseline, target in rows:
            share = page["rps"] / baseline["rps"]
            ok = share >= target and page["errors"] == 0
            failed |= not ok
            self.stdout.write(
                f"| {label} | `{path}` | {page['rps']:.0f} | {page['p50']:.1f} | "
                f"{page['p99']:.1f} | {baseline['rps']:.0f} | {share:.0%} | {target:.0%} | "
                f"{'ok' if ok else 'BELOW TARGET'}{' (errors!)' if page['errors'] else ''} |"
            )
        if failed:
            self.stdout.write(self.style.WARNING("Some pages are below their target."))
