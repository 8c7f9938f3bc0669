"""Write the open data files now (the hourly beat task does it too: databases/tasks.py)."""

import time

from django.core.management.base import BaseCommand

from databases import open_data


class Command(BaseCommand):
    help = (
        "Write the CSV, JSON and XLSX files of every database whose published records changed "
        "since its files were written (every database with --force), and say how long it took."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Write every database's files.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        written = open_data.export_all(force=options["force"])
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Written: {', '.join(written) or 'nothing (no change)'} in {seconds:.1f} s"
        )
