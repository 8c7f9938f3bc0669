"""Write the open data files now (the hourly beat task does it too: databases/tasks.py)."""

import resource
import time

from django.core.management.base import BaseCommand

from databases import open_data
from databases.models import DataDownload, DownloadFormat
from databases.registry import DATABASES


class Command(BaseCommand):
    help = (
        "Write the CSV, JSON and XLSX files of every database whose published records changed "
        "since its files were written (every database with --force), and say for each how "
        "long it took and the process's peak memory so far (flat when the export streams)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Write every database's files.")
        parser.add_argument(
            "--database",
            action="append",
            choices=[database.key for database in DATABASES],
            help="Only this database (may be repeated).",
        )

    def handle(self, *args, **options):
        keys = options["database"] or [database.key for database in DATABASES]
        started = time.perf_counter()
        for key in keys:
            began = time.perf_counter()
            if not open_data.export(key, force=options["force"]):
                self.stdout.write(f"{key}: no change")
                continue
            rows = DataDownload.objects.get(database=key, format=DownloadFormat.CSV).row_count
            self.stdout.write(
                f"{key}: {rows:,} records in {time.perf_counter() - began:.1f} s, "
                f"peak memory {_peak_megabytes():.0f} MB"
            )
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s")


def _peak_megabytes():
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
